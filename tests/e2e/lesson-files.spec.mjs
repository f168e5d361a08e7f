// End-to-end: lessons from files. The panel's "Open a lesson file…" picker
// opens a teacher's lesson, applies its preset and runs its checks to done
// (also in nnplay.html from file://, offline); a bad file lists line, field
// and problem and opens nothing; a hostile file's markup, images, styles and
// javascript: links do nothing; #lesson-src= loads a file of the same origin
// and refuses another origin without a request.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { artifacts, assertNoHorizontalOverflow, DESKTOP, expect, PHONE, test, waitForHash } from './fixtures.mjs';
import { distDir } from './preview-server.mjs';

const example = (name) => readFileSync(fileURLToPath(new URL(`../../examples/lessons/${name}`, import.meta.url)));
const asFile = (name, buffer) => ({ name, mimeType: 'application/json', buffer: Buffer.from(buffer) });

async function pick(page, file) {
  if ((await page.getAttribute('.lessons-toggle', 'aria-expanded')) !== 'true') await page.click('.lessons-toggle');
  if (!(await page.isVisible('[data-action="open-file"]'))) await page.click('.lessons-index summary');
  await page.setInputFiles('[data-lesson-file]', file);
}
async function setTemperature(page, t) {
  await page.fill('.temperature .slider-number', String(t));
  await page.press('.temperature .slider-number', 'Enter');
}

/** Opens the temperature example with the picker and does its task. */
async function temperatureLesson(page) {
  await pick(page, asFile('temperature.json', example('temperature.json')));
  const lesson = page.locator('.lesson[data-lesson="temperature"]');
  await expect(lesson).toBeVisible();
  await expect(page.locator('.lesson-kicker')).toHaveText('Lesson from a file');
  await waitForHash(page, 'z=2,3,5');
  await expect(lesson).toHaveAttribute('data-check', 'pending');
  await setTemperature(page, 0.4);
  await expect(lesson).toHaveAttribute('data-stage', '1');
  await expect(page.locator('.lesson-announce')).toContainText('Stage 1 of 2 passed');
  await setTemperature(page, 6);
  await expect(lesson).toHaveAttribute('data-check', 'done');
  await expect(page.locator('.lesson-announce')).toContainText('lesson complete');
}

test.describe('a lesson file from the picker', () => {
  test('opens, applies its preset, and its checks pass only after the task', async ({ app }) => {
    const { page, finish } = await app.open('#view=explore&lang=en');
    await temperatureLesson(page);
    assert.doesNotMatch(page.url(), /lesson=/, 'a file lesson is not a lesson= key');
    assert.ok(await page.locator('.lesson-tex .katex').count() >= 1, 'display TeX typeset');
    assert.ok(await page.locator('.lesson-text .lesson-tex-inline .katex').count() >= 1, 'inline TeX typeset');
    assert.equal(await page.locator('.lesson-text ul li').count(), 2);
    await page.screenshot({ path: `${artifacts}lesson-file-desktop.png` });
    await finish();
  });

  test('works offline in nnplay.html from file://', async ({ app }) => {
    const blocked = [];
    const { page, finish } = await app.open(`${pathToFileURL(`${distDir}/nnplay.html`).href}#view=softmax&lang=en`, DESKTOP, {
      clean: false,
      route: { match: (u) => u.protocol !== 'file:', handler: (r) => (blocked.push(r.request().url()), r.abort()) },
    });
    await temperatureLesson(page);
    assert.deepEqual(blocked, []);
    const p = await finish();
    assert.deepEqual(p.pageErrors, []);
  });

  test('a bad file lists line, field and problem and opens nothing', async ({ app }) => {
    const { page, finish } = await app.open('#lesson=softmax&lang=en');
    await page.waitForSelector('.lesson[data-lesson="softmax"]');
    const bad = readFileSync(fileURLToPath(new URL('../wasm/fixtures/bad-lesson.json', import.meta.url)));
    await pick(page, asFile('bad-lesson.json', bad));
    const errors = page.locator('.lesson-file-errors');
    await expect(errors).toContainText('bad-lesson.json was not opened (1 problems)');
    await expect(errors).toContainText('line 7, stages[0].when.>=: must be a number');
    await expect(page.locator('.lesson'), 'the open lesson stays').toHaveAttribute('data-lesson', 'softmax');
    // In 中文 the same problem is worded in Chinese, naming the same line and field.
    await page.click('button[data-lang="zh"]');
    await expect(errors).toContainText('课程文件 bad-lesson.json 未能打开（1 处问题）');
    await expect(errors).toContainText('第 7 行，stages[0].when.>=：必须是数、文本、true/false、列表或事实引用');
    await expect(errors).not.toContainText('must be');
    // Not JSON at all.
    await pick(page, asFile('x.json', 'not json'));
    await expect(errors).toContainText('第 1 行，(file)：不是有效的 JSON：意外的 "n"');
    await page.screenshot({ path: `${artifacts}lesson-file-error-zh.png` });
    await finish();
  });

  test('a hostile file: markup, images, styles and javascript: links stay text; bad TeX does no harm', async ({ app }) => {
    const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><style>body{display:none}</style>';
    const md = `${evil}\n\n[click](javascript:window.pwned=3) [ok](https://example.org/a) ![pic](https://example.org/p.png) <a href="javascript:1">a</a>\n\n$\\href{javascript:alert(1)}{x}$ $\\frac{1}{$ $$\\def\\a{\\a}\\a$$\n\n- ${evil}`;
    const both = (t) => ({ en: t, zh: t });
    const file = JSON.stringify({
      nnplayLesson: 1, id: 'evil', title: both(evil), text: both(md), task: both(md), preset: 'view=softmax&z=1,2',
      stages: [{ text: both(evil), when: { fact: 'temperature', '>': 100 } }], reading: both(`${evil} {t}`), values: { t: { fact: 'temperature' } },
    });
    const { page, finish } = await app.open('#view=softmax&lang=en', DESKTOP, { clean: false });
    await pick(page, asFile('evil.json', file));
    await page.waitForSelector('.lesson[data-lesson="evil"]', { state: 'visible' });
    await page.waitForFunction(() => document.querySelector('.lesson-reading')?.textContent.includes('<img'));
    const seen = await page.evaluate(() => {
      const l = document.querySelector('.lesson');
      return {
        pwned: window.pwned ?? null,
        tags: [...l.querySelectorAll('img, script, style, iframe, object')].map((e) => e.outerHTML.slice(0, 60)),
        links: [...l.querySelectorAll('.lesson-text a, .lesson-task-text a')].map((a) => [a.getAttribute('href'), a.target, a.rel]),
        title: l.querySelector('.lesson-title').textContent,
        bodyShown: getComputedStyle(document.body).display,
      };
    });
    assert.equal(seen.pwned, null);
    assert.deepEqual(seen.tags, []);
    assert.equal(seen.title, '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><style>body{display:none}</style>');
    for (const [href, target, rel] of seen.links) {
      assert.match(href, /^https:\/\/example\.org\//);
      assert.equal(target, '_blank');
      assert.match(rel, /noopener/);
    }
    assert.equal(seen.links.length, 2, 'only the https link, in text and task');
    assert.notEqual(seen.bodyShown, 'none');
    // The page still works: the softmax lab answers a change.
    await page.fill('.temperature .slider-number', '2');
    await page.press('.temperature .slider-number', 'Enter');
    await waitForHash(page, 'T=2');
    const p = await finish();
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.offsite, [], 'no request for the image or the links');
  });
});

test.describe('#lesson-src=', () => {
  test('loads a lesson file of the same origin, refuses another origin without a request', async ({ app }) => {
    const { page, finish } = await app.open('#view=explore&lang=en&lesson-src=examples/lessons/temperature.json');
    await page.waitForSelector('.lesson[data-lesson="temperature"]', { state: 'visible' });
    await waitForHash(page, 'z=2,3,5');
    await finish();

    const other = await app.open('#view=explore&lang=en&lesson-src=http://127.0.0.2:9/x.json', DESKTOP, { clean: false });
    await other.page.waitForSelector('.lesson-file-errors p');
    assert.match(await other.page.textContent('.lesson-file-errors'), /lesson-src must be on http:\/\/127\.0\.0\.1/);
    await expect(other.page.locator('.lesson')).toBeHidden();
    const p = await other.finish();
    assert.deepEqual(p.offsite, []);
  });

  test('fits a phone', async ({ app }) => {
    const { page, finish } = await app.open('#view=softmax&lang=zh&lesson-src=examples/lessons/temperature.json', PHONE);
    await page.waitForSelector('.lesson[data-lesson="temperature"]', { state: 'visible' });
    await page.waitForSelector('.lesson-tex .katex');
    await assertNoHorizontalOverflow(page);
    await page.screenshot({ path: `${artifacts}lesson-file-phone-zh.png`, fullPage: true });
    await finish();
  });
});
