// End-to-end: the authoring page. A lesson file is checked as it is typed,
// opens live in the embedded page beside it (preset applied, checks running,
// lesson-complete reported back), a broken edit lists line, field and
// problem, and Download saves exactly the text.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { artifacts, DESKTOP, expect, PHONE, test } from './fixtures.mjs';

async function liveFrame(page) {
  const handle = await page.locator('#author-frame').elementHandle();
  return handle.contentFrame();
}

test.describe('author.html', () => {
  test('checks, runs live, reports completion, refuses a broken edit, downloads the text', async ({ app }) => {
    const { page, finish } = await app.open('author.html#lang=en', DESKTOP, { ready: false });
    await page.waitForSelector('#author-status[data-ok="true"]', { timeout: 20000 });
    await expect(page.locator('#author-status')).toHaveText(/Valid: lesson “temperature”, 2 stage/);
    const frame = await liveFrame(page);
    await frame.waitForSelector('.lesson[data-lesson="temperature"]', { state: 'visible' });
    await frame.waitForFunction(() => location.hash.includes('z=2,3,5'));
    for (const t of ['0.4', '6']) {
      await frame.fill('.temperature .slider-number', t);
      await frame.press('.temperature .slider-number', 'Enter');
    }
    await expect(page.locator('.author-complete')).toContainText('lesson-complete for “temperature”');
    await page.screenshot({ path: `${artifacts}author-desktop.png` });

    // A broken edit: the problems, with the line; the live lesson is left as it was.
    const text = await page.inputValue('#author-text');
    const broken = text.replace('"temperature", ">": { "atStage"', '"temperatur", ">": { "atStage"');
    assert.notEqual(broken, text);
    await page.fill('#author-text', broken);
    await expect(page.locator('#author-status')).toHaveAttribute('data-ok', 'false');
    const line = broken.split('\n').findIndex((l) => l.includes('"temperatur"')) + 1;
    await expect(page.locator('#author-status')).toHaveText(new RegExp(`line ${line}, stages\\[1\\]\\.when\\.all\\[2\\]\\.fact: "temperatur" is not a known fact`));

    await page.fill('#author-text', text);
    await page.waitForSelector('#author-status[data-ok="true"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-author="download"]')]);
    assert.equal(download.suggestedFilename(), 'temperature.json');
    assert.equal(await readFile(await download.path(), 'utf8'), text);

    // Another starting point: a built-in lesson, live at once.
    await page.selectOption('[data-author="start"]', { label: 'dead-relu' });
    await page.click('[data-author="load"]');
    await frame.waitForSelector('.lesson[data-lesson="dead-relu"]', { state: 'visible' });
    await frame.waitForFunction(() => /lr=3(&|$)/.test(location.hash));
    await finish();
  });

  test('in 中文 on a phone', async ({ app }) => {
    const { page, finish } = await app.open('author.html#lang=zh', PHONE, { ready: false });
    await page.waitForSelector('#author-status[data-ok="true"]', { timeout: 20000 });
    await expect(page.locator('#author-title')).toHaveText('编写一节课');
    const frame = await liveFrame(page);
    await frame.waitForSelector('.lesson[data-lesson="temperature"]', { state: 'visible' });
    await frame.evaluate(() => document.querySelector('.lesson-text').scrollIntoView());
    await frame.waitForFunction(() => [...document.querySelectorAll('.lesson-text .lesson-tex, .lesson-text .lesson-tex-inline')].every((e) => e.querySelector('.katex')));
    await page.screenshot({ path: `${artifacts}author-phone-zh.png`, fullPage: true });
    // A broken edit in 中文: the problem in Chinese, naming its line and field.
    const text = await page.inputValue('#author-text');
    const broken = text.replace('"nnplayLesson": 1', '"nnplayLesson": 2');
    assert.notEqual(broken, text);
    await page.fill('#author-text', broken);
    const line = broken.split('\n').findIndex((l) => l.includes('"nnplayLesson"')) + 1;
    await expect(page.locator('#author-status')).toContainText(`第 ${line} 行，nnplayLesson：必须是 1（格式版本）`);
    // The heading speaks of the text being edited, not of a file by the field's label.
    await expect(page.locator('#author-status p').first()).toHaveText('这个课程文件有 1 处问题：');
    await page.screenshot({ path: `${artifacts}author-phone-zh-problem.png` });
    await finish();
  });
});
