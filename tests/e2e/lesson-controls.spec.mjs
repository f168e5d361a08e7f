// End-to-end: the "controlsUsed" page fact. The dead-relu lesson's second
// stage needs the student to change the learning rate, the activation or the
// optimiser: the fixed settings arriving by a pasted link (no control
// touched) train to a healthy network, yet the stage does not pass; changing
// the learning rate through its menu passes it. A lesson file's check on
// the Advanced group: the preset opening it does not count, the student
// opening it by hand does.
import assert from 'node:assert/strict';
import { expect, test, waitForHash } from './fixtures.mjs';

const stage = (page) => page.evaluate(() => Number(document.querySelector('.lesson')?.dataset.stage ?? -1));
const reading = (page) => page.evaluate(() => document.querySelector('.lesson-reading')?.textContent ?? '');

async function play(page) {
  if ((await page.getAttribute('.nt-view', 'data-running')) !== 'true') await page.click('.nt-play');
}

test('dead-relu: the fix by a link does not pass the stage; the learning-rate menu does', async ({ app }) => {
  const { page, finish } = await app.open('#lesson=dead-relu&lang=en');
  await page.waitForSelector('.lesson[data-lesson="dead-relu"]', { state: 'visible' });
  await waitForHash(page, 'lr=3');
  await page.waitForSelector('.nt-play:not([disabled])', { state: 'visible', timeout: 30000 });
  await play(page);
  await page.waitForFunction(() => Number(document.querySelector('.lesson')?.dataset.stage) >= 1, null, { timeout: 30000, polling: 100 });

  // The fix, pasted as a link (same lesson, more state: the state is kept) — no control is touched.
  await page.evaluate(() => { location.hash = location.hash.replace(/lr=3(?=&|$)/, 'lr=0.03'); });
  await expect(page.locator('[data-field="lr"] select option:checked')).toHaveText('0.03');
  await page.click('.nt-transport button:has-text("Reset")');
  await play(page);
  // Trained well past what the stage asks (≥ 100 steps, ≤ 25 % dead, ≥ 90 % test accuracy) …
  await page.waitForFunction(() => {
    const m = /Step (\d+) .*test accuracy (\d+)%/.exec(document.querySelector('.lesson-reading')?.textContent ?? '');
    return m !== null && Number(m[1]) >= 600 && Number(m[2]) >= 90;
  }, null, { timeout: 40000, polling: 100 });
  // … and the stage is still the second: the student has not changed a control yet.
  assert.equal(await stage(page), 1, await reading(page));
  await expect(page.locator('.lesson')).not.toHaveAttribute('data-check', 'done');

  // Now through the menu, as the task asks (a smaller rate still: the healthy network stays healthy).
  await page.locator('[data-field="lr"] select').selectOption({ label: '0.01' });
  await page.waitForFunction(() => document.querySelector('.lesson')?.dataset.check === 'done', null, { timeout: 30000, polling: 100 });
  assert.equal(await stage(page), 2);
  const p = await finish();
  assert.deepEqual(p.pageErrors, []);
});

const ADVANCED = JSON.stringify({
  nnplayLesson: 1, id: 'open-advanced', title: { en: 'Advanced', zh: '高级' }, text: { en: 'Open it.', zh: '打开它。' },
  task: { en: 'Open the Advanced group.', zh: '打开“高级”。' }, preset: 'view=train&opt=adam&lr=0.01',
  stages: [{ text: { en: 'The Advanced group opened by you.', zh: '你打开了“高级”。' }, when: { fact: 'controlsUsed', has: 'advanced' } }],
}, null, 2);

test('a lesson file on the Advanced group: opened by the preset does not count, opened by the student does', async ({ app }) => {
  const { page, finish } = await app.open('#view=train&lang=en');
  await page.click('.lessons-toggle');
  await page.setInputFiles('[data-lesson-file]', { name: 'open-advanced.json', mimeType: 'application/json', buffer: Buffer.from(ADVANCED) });
  const lesson = page.locator('.lesson[data-lesson="open-advanced"]');
  await expect(lesson).toBeVisible();
  // The preset's optimiser is an advanced setting: the studio opens the group itself.
  const advanced = page.locator('details.nt-advanced');
  await expect(advanced).toHaveJSProperty('open', true);
  await page.waitForSelector('.nt-play:not([disabled])', { state: 'visible', timeout: 30000 });
  await play(page);
  await page.waitForFunction(() => Number(document.querySelector('.nt-view')?.dataset.step ?? 0) >= 200, null, { timeout: 30000, polling: 100 });
  assert.equal(await stage(page), 0, 'the preset opened the group, not the student');
  // Closing it is not opening it; opening it again by hand passes the stage.
  await page.click('details.nt-advanced > summary');
  await expect(advanced).toHaveJSProperty('open', false);
  assert.equal(await stage(page), 0);
  await page.click('details.nt-advanced > summary');
  await expect(lesson).toHaveAttribute('data-check', 'done');
  const p = await finish();
  assert.deepEqual(p.pageErrors, []);
});
