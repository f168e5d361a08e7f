// End-to-end: the explorer, softmax and quiz lessons (progress persists across
// a reload and resets), and a lesson done with the keyboard only, each stage announced.
import assert from 'node:assert/strict';
import { artifacts, assertNoHorizontalOverflow, expect, PHONE, test, waitForHash } from './fixtures.mjs';
import { stage, checkState, waitStage, waitDone, openLesson, assertPending } from './lesson-steps.mjs';

test.describe('explorer, softmax and quiz lessons', () => {
  test('softmax: preset, task, done; progress persists across reload and resets', async ({ app }) => {
    const { page, finish } = await app.open('#view=softmax');
    await expect(page.locator('.lessons-body')).toBeHidden();
    await page.click('.lessons-toggle');
    // The lessons are a chunk loaded on this first click.
    await page.waitForSelector('.lessons-toggle[aria-expanded="true"]');
    await expect(page.locator('.lesson'), 'no lesson before one is picked').toBeHidden();
    await page.click('[data-lesson="softmax"]');
    await waitForHash(page, 'lesson=softmax');
    await assertPending(page);
    await page.click('[data-preset="2,1,0.1"]');
    await waitStage(page, 1);
    assert.equal(await checkState(page), 'pending');
    await page.fill('.temperature .slider-number', '3');
    await page.press('.temperature .slider-number', 'Enter');
    await waitDone(page);
    await expect(page.locator('.lesson-status')).toHaveText(/Done/);
    await expect(page.locator('.lessons-count')).toHaveText(/^1 of 14 done$/);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.locator('.lessons-count')).toHaveText(/^1 of 14 done$/);
    assert.equal(await page.getAttribute('[data-lesson="softmax"]', 'data-done'), 'true');
    await expect(page.locator('.lesson-badge')).toBeVisible();
    await page.click('.lessons-index summary');
    await page.click('[data-action="reset-progress"]');
    await expect(page.locator('.lessons-count')).toHaveText(/^0 of 14 done$/);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.locator('.lessons-count')).toHaveText(/^0 of 14 done$/);
    await finish();
  });

  test('softmax-overflow: naive overflow, then the same logits minus the maximum', async ({ app }) => {
    const { page, finish } = await openLesson(app, 'softmax-overflow', '', PHONE);
    await waitForHash(page, 'view=softmax');
    await assertPending(page);
    await page.waitForSelector('.lesson-tex .katex');
    await assertNoHorizontalOverflow(page);
    await page.screenshot({ path: `${artifacts}lessons-phone.png` });
    await page.click('[data-preset="20,300,5000"]');
    await waitStage(page, 1);
    const inputs = page.locator('.logit-input');
    for (const [i, v] of ['-4980', '-4700', '0'].entries()) await inputs.nth(i).fill(v);
    await waitDone(page);
    await finish();
  });

  test('gelu-swish: add the curves, zoom in', async ({ app }) => {
    const { page, finish } = await openLesson(app, 'gelu-swish');
    await assertPending(page);
    await page.check('[data-act="gelu"] input');
    await page.check('[data-act="swish"] input');
    await waitStage(page, 1);
    const boxes = page.locator('.x-range input');
    await boxes.nth(0).fill('-4');
    await boxes.nth(0).press('Tab');
    await boxes.nth(1).fill('2');
    await boxes.nth(1).press('Tab');
    await waitDone(page);
    await finish();
  });

  test('interview: a wrong answer is explained with a demo link, all correct marks it done', async ({ app }) => {
    const { page, finish } = await openLesson(app, 'interview', '', PHONE);
    const q = (i) => page.locator('.quiz-q').nth(i);
    assert.equal(await page.locator('.quiz-q').count(), 8);
    await q(0).locator('input').nth(0).check();
    await q(0).locator('button').click();
    assert.match(await q(0).locator('.quiz-feedback').textContent(), /^Not quite\. W₂/);
    assert.match(await q(0).locator('.quiz-demo').getAttribute('href'), /^#view=train&lesson=interview/);
    assert.equal(await checkState(page), 'pending');
    const answers = [1, '0.25', 0, 2, 1, 1, '0.844', 2];
    for (const [i, a] of answers.entries()) {
      if (typeof a === 'number') await q(i).locator('input').nth(a).check();
      else await q(i).locator('input').fill(a);
      await q(i).locator('button').click();
      assert.match(await q(i).locator('.quiz-verdict').textContent(), /^Correct\.$/);
    }
    await waitDone(page);
    await assertNoHorizontalOverflow(page);
    await page.screenshot({ path: `${artifacts}lessons-phone-quiz.png`, fullPage: false });
    // A demo link opens the live demo and keeps the quiz.
    await q(5).locator('.quiz-demo').click();
    await waitForHash(page, 'z=20,300,5000');
    await page.waitForSelector('#view-softmax', { state: 'visible' });
    assert.equal(await checkState(page), 'done');
    await finish();
  });
});

test.describe('a lesson with the keyboard only', () => {
  /** Presses Tab until the focus is on `selector` (at most 120 presses); fails when it never gets there. */
  async function tabTo(page, selector) {
    for (let i = 0; i < 120; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  test('softmax: open the lessons, pick the lesson, do the task, hear each stage announced', async ({ app }) => {
    const { page, finish } = await app.open('#view=softmax&lang=en');
    await tabTo(page, '.lessons-toggle');
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-lesson="softmax"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.lesson[data-lesson="softmax"]', { state: 'visible' });
    await assertPending(page);
    await tabTo(page, '[data-preset="2,1,0.1"]');
    await page.keyboard.press('Space');
    await waitStage(page, 1);
    await expect(page.locator('.lesson-announce')).toHaveText('Stage 1 of 2 passed.');
    assert.equal(await page.getAttribute('.lesson-announce', 'aria-live'), 'polite');
    await tabTo(page, '.temperature .slider-number');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await waitDone(page);
    await expect(page.locator('.lesson-announce')).toHaveText('All 2 stages passed: lesson complete.');
    await finish();
  });
});
