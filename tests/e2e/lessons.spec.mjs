// End-to-end: the training lessons. Every lesson's preset loads, its check is
// not done before the task, and doing the task through the page's own
// controls (as a student would) turns it done.
import assert from 'node:assert/strict';
import { artifacts, expect, nextFrames, test, waitForHash } from './fixtures.mjs';
import { stage, checkState, waitStage, waitDone, openLesson, studioReady, play, pause, pickLesson, setLayers, assertPending, twoStages } from './lesson-steps.mjs';

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
