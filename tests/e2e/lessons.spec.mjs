// End-to-end: the guided lessons. Every lesson's preset loads, its check is
// not done before the task, and doing the task through the page's own
// controls (as a student would) turns it done. Also: progress persists and
// resets, works when storage throws, bad lesson= values are refused as text,
// and the language switch translates the lesson.
import assert from 'node:assert/strict';
import { artifacts, assertNoHorizontalOverflow, expect, nextFrames, PHONE, test, waitForHash } from './fixtures.mjs';

const stage = (page) => page.evaluate(() => Number(document.querySelector('.lesson')?.dataset.stage ?? -1));
const checkState = (page) => page.getAttribute('.lesson', 'data-check');

/** Waits for the lesson's check; on a timeout the error says what the lesson and the studio showed. */
async function waitCheck(page, fn, arg, timeout) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 100 });
  } catch (err) {
    const seen = await page.evaluate(() => ({
      hash: location.hash,
      stage: document.querySelector('.lesson')?.dataset.stage,
      reading: document.querySelector('.lesson-reading')?.textContent,
      studio: { ...document.querySelector('.nt-view')?.dataset },
    }));
    throw new Error(`${err.message}\n${JSON.stringify(seen)}`);
  }
}
const waitStage = (page, n, timeout = 30000) =>
  waitCheck(page, (want) => Number(document.querySelector('.lesson')?.dataset.stage) >= want, n, timeout);
const waitDone = (page, timeout = 40000) =>
  waitCheck(page, () => document.querySelector('.lesson')?.dataset.check === 'done', null, timeout);

/** Opens a lesson through a bare lesson= link, which applies its preset. */
async function openLesson(app, id, hash = '', context) {
  const opened = await app.open(`#lesson=${id}${hash}`, context);
  await opened.page.waitForSelector(`.lesson[data-lesson="${id}"]`, { state: 'visible' });
  return opened;
}

async function studioReady(page) {
  await page.waitForSelector('.nt-play:not([disabled])', { state: 'visible', timeout: 30000 });
}
async function play(page) {
  if ((await page.getAttribute('.nt-view', 'data-running')) !== 'true') await page.click('.nt-play');
}
async function pause(page) {
  // A click can land while a run restarts itself (after "fix"): click again until it stays paused.
  await expect(async () => {
    if ((await page.getAttribute('.nt-view', 'data-running')) === 'true') await page.click('.nt-play');
    await expect(page.locator('.nt-view')).toHaveAttribute('data-running', 'false', { timeout: 1000 });
  }, 'the studio pauses').toPass({ timeout: 10000 });
}
/** Picks a lesson from the list (opening it first), as a student would. */
async function pickLesson(page, id) {
  if (!(await page.isVisible(`[data-lesson="${id}"]`))) await page.click('.lessons-index summary');
  await page.click(`[data-lesson="${id}"]`);
  await page.waitForSelector(`.lesson[data-lesson="${id}"]`);
}
/** Sets every hidden layer's activation through its menu. */
async function setLayers(page, label) {
  const n = await page.$$eval('.nt-layer-row select', (els) => els.length);
  for (let i = 0; i < n; i++) await page.locator('.nt-layer-row select').nth(i).selectOption({ label });
}
async function assertPending(page) {
  assert.equal(await checkState(page), 'pending');
  assert.equal(await stage(page), 0);
}
/** The lesson's two stages: do `first`, see stage 1 pass; do `second`, see it done. */
async function twoStages(page, first, second) {
  await studioReady(page);
  await assertPending(page);
  await first();
  await waitStage(page, 1);
  await pause(page);
  assert.equal(await checkState(page), 'pending', 'stage 1 alone does not finish the lesson');
  await second();
  await waitDone(page);
  await pause(page);
}

test.describe('training lessons, driven through the studio', () => {
  test('non-linearity → leaky-family: presets load, checks pass only after the task (Next keeps the page)', async ({ app }) => {
    const { page, finish } = await openLesson(app, 'non-linearity');
    await waitForHash(page, 'net=none');
    await twoStages(page, () => play(page), async () => {
      await page.click('.nt-editor button:has-text("Add a layer")');
      await setLayers(page, 'Tanh');
      await play(page);
    });
    assert.equal(await page.getAttribute('[data-lesson="non-linearity"]', 'data-done'), 'true');

    await page.click('[data-action="next"]');
    await page.waitForSelector('.lesson[data-lesson="sigmoid-vanishing"]');
    await waitForHash(page, 'sigmoid');
    await page.waitForFunction(() => document.querySelectorAll('.nt-layer-row').length === 6);
    await twoStages(page, () => play(page), async () => {
      await setLayers(page, 'ReLU');
      await play(page);
    });

    await page.click('[data-action="next"]');
    await page.waitForSelector('.lesson[data-lesson="tanh-zero-centred"]');
    await page.waitForFunction(() => document.querySelectorAll('.nt-layer-row').length === 3);
    await twoStages(page, () => play(page), async () => {
      await setLayers(page, 'Tanh');
      await play(page);
    });

    await page.click('[data-action="next"]');
    await page.waitForSelector('.lesson[data-lesson="relu"]');
    await page.waitForFunction(() => document.querySelectorAll('.nt-layer-row').length === 2);
    await twoStages(page, () => play(page), async () => {
      await setLayers(page, 'ReLU');
      await play(page);
    });

    await page.click('[data-action="next"]');
    await page.waitForSelector('.lesson[data-lesson="dead-relu"]');
    await waitForHash(page, 'lr=3');
    await twoStages(page, () => play(page), async () => {
      // A smaller rate alone does not revive dead units: the lesson says to reset.
      await page.locator('[data-field="lr"] select').selectOption({ label: '0.03' });
      await page.click('.nt-transport button:has-text("Reset")');
      await play(page);
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForSelector('.lesson-tex .katex');
    await page.screenshot({ path: `${artifacts}lessons-desktop.png` });

    await page.click('[data-action="next"]');
    await page.waitForSelector('.lesson[data-lesson="leaky-family"]');
    await waitForHash(page, 'rrelu');
    await twoStages(page, () => play(page), async () => {
      await setLayers(page, 'PReLU');
      await play(page);
    });
    await expect(page.locator('.lesson-reading')).toHaveText(/learned α: \S+/);
    await finish();
  });

  test('elu-selu, exploding, choosing, digits', async ({ app }) => {
    const { page, finish } = await openLesson(app, 'elu-selu');
    await page.waitForFunction(() => document.querySelectorAll('.nt-layer-row').length === 3);
    await twoStages(page, () => play(page), async () => {
      await setLayers(page, 'ELU');
      await play(page);
    });

    await pickLesson(page, 'exploding');
    await waitForHash(page, 'sigma=3');
    await page.waitForFunction(() => document.querySelectorAll('.nt-layer-row').length === 6);
    await twoStages(page, async () => {
      await play(page);
      await page.waitForSelector('.nt-banner:not([hidden])', { timeout: 20000 });
    }, async () => {
      await page.click('[data-action="fix"]');  // rewind and clip the norm to 1.0 (training resumes by itself)
      await page.waitForFunction(() => document.querySelector('.nt-view')?.dataset.diverged === 'false');
      await expect(page.locator('.nt-view')).toHaveAttribute('data-running', 'true');
      await play(page);
    });
    await expect(page.locator('.lesson-reading')).toHaveText(/clipnorm = 1/);

    await pickLesson(page, 'choosing');
    await waitForHash(page, 'data=moons');
    await twoStages(page, async () => {
      await page.click('.nt-tab[data-tab="compare"]');  // the comparison is a diagnostics tab of the studio
      await page.check('.nt-compare input[data-activation="leaky_relu"]');
      // The tick is taken (two picked: the button can run them) and rendered, yet nothing runs.
      const run = page.locator('.nt-compare .nt-btn-primary');
      await expect(run).toBeEnabled();
      await nextFrames(page);
      await expect(run, 'ticking is not yet running the comparison').toHaveText('Run the comparison');
      assert.equal(await stage(page), 0, 'ticking is not yet running the comparison');
      await page.click('.nt-compare .nt-btn-primary');  // run the comparison
    }, async () => {
      await setLayers(page, 'ReLU');
      await play(page);
    });

    await pickLesson(page, 'digits-cross-entropy');
    await waitForHash(page, 'data=digits');
    await page.waitForSelector('.nt-pad-canvas', { state: 'visible', timeout: 20000 });
    await studioReady(page);
    await assertPending(page);
    await play(page);
    await waitStage(page, 1, 60000);
    await pause(page);
    assert.equal(await checkState(page), 'pending', 'accuracy alone does not finish: a digit must be drawn');
    const box = await page.locator('.nt-pad-canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.8, { steps: 8 });
    await page.mouse.up();
    await waitDone(page);
    // "Load the preset again" starts a fresh network even when the studio still shows the preset.
    await page.click('.lesson [data-action="preset"]');
    await page.waitForFunction(() => document.querySelector('.nt-view')?.dataset.step === '0');
    assert.equal(await stage(page), 0);
    await finish();
  });
});

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

test.describe('lesson= values, storage, language', () => {
  test('a lesson link with view= (and the keys <nn-playground> adds) loads the preset as lesson= alone', async ({ app }) => {
    const { page, finish } = await app.open('#view=train&lesson=dead-relu&lang=en&hide=tabs');
    await page.waitForSelector('.lesson[data-lesson="dead-relu"]', { state: 'visible' });
    const hash = await waitForHash(page, 'lr=3');
    assert.match(hash, /init=he_uniform/);
    assert.match(hash, /net=8:relu,8:relu/);
    // A pasted link to another bare lesson loads that preset too.
    await page.evaluate(() => { location.hash = '#view=train&lesson=exploding&lang=en'; });
    await page.waitForSelector('.lesson[data-lesson="exploding"]');
    await waitForHash(page, 'sigma=3');
    await page.waitForFunction(() => document.querySelectorAll('.nt-layer-row').length === 6);
    await finish();
  });

  test('an unknown lesson shows a notice and no lesson; hostile values run nothing', async ({ app }) => {
    for (const value of ['nope', '<script>alert(1)</script>', 'javascript:alert(1)', 'x'.repeat(5000)]) {
      const dialogs = [];
      const { page, finish } = await app.open(`#lesson=${encodeURIComponent(value)}`, undefined, {
        onPage: (p) => p.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        }),
      });
      const notice = await page.textContent('#notices-slot');
      assert.match(notice, /lesson/, value.slice(0, 20));
      if (value.length < 100) assert.ok(notice.includes(value), 'the value is shown as text');
      await expect(page.locator('.lesson')).toBeHidden();
      assert.equal(await page.$$eval('#notices-slot script, #lessons-slot script', (e) => e.length), 0);
      await nextFrames(page);
      assert.deepEqual(dialogs, []);
      assert.doesNotMatch(page.url(), /lesson=/, 'the bad value is not written back');
      await finish();
    }
  });

  test('works when storage throws, and the language switch translates the lesson', async ({ app }) => {
    const { page, finish } = await openLesson(app, 'dead-relu', '&lang=en', undefined);
    await expect(page.locator('.lesson-title')).toHaveText('Dead ReLU');
    await page.click('button[data-lang="zh"]');
    await page.waitForFunction(() => document.querySelector('.lesson-title')?.textContent === '死亡 ReLU');  // renders next frame
    await expect(page.locator('.lesson-task-text')).toHaveText(/学习率/);
    await expect(page.locator('.lessons-toggle')).toHaveText(/课程/);
    await expect(page.locator('[data-action="next"]')).toHaveText(/下一课/);
    await waitForHash(page, 'lang=zh');
    await page.waitForSelector('.lesson-tex .katex');
    await page.screenshot({ path: `${artifacts}lessons-desktop-zh.png` });
    await finish();

    const blocked = await app.open('#view=softmax', undefined, {
      initScript: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }),
    });
    await blocked.page.click('.lessons-toggle');
    await blocked.page.click('[data-lesson="softmax"]');
    await blocked.page.click('[data-preset="2,1,0.1"]');
    await waitStage(blocked.page, 1);
    await blocked.page.fill('.temperature .slider-number', '2');
    await blocked.page.press('.temperature .slider-number', 'Enter');
    await waitDone(blocked.page);
    assert.match(await blocked.page.textContent('.lessons-count'), /^1 of 14 done$/);
    await blocked.finish();
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
