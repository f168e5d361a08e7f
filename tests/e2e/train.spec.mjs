// End-to-end: the training studio (web/train.html, built by `vite build`)
// under `vite preview` with the production CSP, in headless Chromium. Every
// action goes through the page's own controls. Screenshots go to
// test-artifacts/; timings are measured and reported, not asserted.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { artifacts, DESKTOP, expect, nextFrames, pauseStudio as pause, test, viewData, waitForView } from './fixtures.mjs';

const open = (app, hash = '', ctx = DESKTOP, opts = {}) => app.open(`train.html${hash}`, ctx, opts);

/** Resolves after `n` animation frames: at the default pace, time for `n` epochs. */
const frames = (page, n) => page.evaluate((count) => new Promise((resolve) => {
  const tick = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => tick(left - 1)));
  tick(count);
}), n);

test.describe('the training studio', () => {
  test('trains XOR to 100% test accuracy through the controls, under the CSP', async ({ app }) => {
    const { page, response, finish } = await open(app);
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
    await page.click('[data-preset="xor"]');
    await expect(page.locator('[data-preset="xor"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.nt-kind[data-kind="xor"]')).toHaveAttribute('aria-pressed', 'true');
    await page.click('.nt-play');
    await waitForView(page, 'testAccuracy', 'gte', 1, 45000);
    await pause(page);
    const d = await viewData(page);
    assert.equal(Number(d.trainAccuracy), 1);
    assert.ok(Number(d.step) > 0);
    // The boundary has been painted: both class colours show on the canvas.
    const colours = await page.$eval('.nt-boundary-canvas', (c) => {
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let blue = 0;
      let orange = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (px[i + 2] > px[i] + 40) blue++;
        if (px[i] > px[i + 2] + 40) orange++;
      }
      return { blue, orange };
    });
    assert.ok(colours.blue > 1000 && colours.orange > 1000, JSON.stringify(colours));
    // Hovering the plot reads out two probabilities that sum to 1.
    const box = await page.locator('.nt-boundary-canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.25);
    const title = await page.textContent('.nt-readout-title');
    assert.match(title, /^Probabilities at/);
    const values = await page.$$eval('.nt-readout .nt-bar-value', (els) => els.map((e) => Number(e.textContent)));
    assert.equal(values.length, 2);
    assert.ok(Math.abs(values[0] + values[1] - 1) < 0.002, String(values));
    await page.screenshot({ path: `${artifacts}train-desktop-en.png`, fullPage: true });
    await finish();
  });

  test('measures the longest task and the frame rate while training at full speed (reported)', async ({ app }) => {
    const report = {};
    for (const [name, hash] of [
      ['spiral 2-8-8-8-1 tanh, Adam', '#data=spiral&net=8:tanh,8:tanh,8:tanh&opt=adam&lr=0.01'],
      ['digits 64-32-10 ReLU softmax, Adam', '#data=digits&split=0.7&net=32:relu&init=he_uniform&opt=adam&lr=0.01&bs=32'],
    ]) {
      const { page, finish } = await open(app, hash);
      await page.waitForSelector('.nt-play:not([disabled])', { timeout: 20000 });
      await page.evaluate(() => {
        window.__long = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask' });
      });
      await page.click('.nt-play');
      await waitForView(page, 'step', 'gt', 0);  // measured once it is running
      const stepsBefore = Number((await viewData(page)).step);
      const fps = await page.evaluate(() => new Promise((resolve) => {
        let frames = 0;
        const t0 = performance.now();
        const tick = () => {
          frames++;
          if (performance.now() - t0 < 4000) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (performance.now() - t0));
        };
        requestAnimationFrame(tick);
      }));
      const steps = Number((await viewData(page)).step) - stepsBefore;
      await pause(page);
      const long = await page.evaluate(() => window.__long);
      report[name] = {
        fps: Math.round(fps * 10) / 10,
        longTasks: long.length,
        longestTaskMs: long.length ? Math.round(Math.max(...long)) : 0,
        stepsPerSecond: Math.round(steps / 4),
      };
      assert.ok(steps > 0);
      await finish();
    }
    console.log(`# training at full speed (4 s each): ${JSON.stringify(report)}`);
    writeFileSync(`${artifacts}train-perf.json`, `${JSON.stringify(report, null, 2)}\n`);
  });

  test('pauses while the tab is hidden and resumes when it is shown again', async ({ app }) => {
    const { page, finish } = await open(app);
    await page.click('.nt-play');
    await waitForView(page, 'step', 'gt', 100);
    const setVisibility = (state) => page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
    await setVisibility('hidden');
    await nextFrames(page);  // a step already under way ends
    const hiddenAt = Number((await viewData(page)).step);
    await frames(page, 45);  // 45 epochs' worth of frames while playing
    assert.equal(Number((await viewData(page)).step), hiddenAt, 'no steps while hidden');
    assert.equal((await viewData(page)).running, 'true', 'still playing, only paused by the hidden tab');
    await setVisibility('visible');
    await waitForView(page, 'step', 'gt', hiddenAt, 10000);
    await pause(page);
    await finish();
  });

  test('honours reduced motion: training still runs, the pictures change less often', async ({ app }) => {
    const { page, finish } = await open(app, '#data=xor', { ...DESKTOP, reducedMotion: 'reduce' });
    await page.click('.nt-play');
    await waitForView(page, 'testAccuracy', 'gte', 0.95, 45000);
    await pause(page);
    await finish();
  });

  test('works from the keyboard: the plot probe, the diagram and the pad', async ({ app }) => {
    const { page, finish } = await open(app);
    await page.focus('.nt-play');
    await page.keyboard.press('Enter');
    await waitForView(page, 'step', 'gt', 50);
    await page.keyboard.press('Enter');
    await waitForView(page, 'running', 'eq', 'false');
    await page.focus('.nt-boundary-canvas');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.nt-readout-title').first()).toHaveText(/^Probabilities at \(0\.50, 0\.00\)$/);
    await page.focus('.nt-diagram-canvas');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('.nt-diagram-tip').first()).toHaveText(/^Layer 1, unit 2: bias \S+, output \S+$/);
    await page.click('[data-preset="digits"]');
    await page.waitForSelector('.nt-pad-canvas', { state: 'visible', timeout: 20000 });
    await page.focus('.nt-pad-canvas');
    const before = await page.getAttribute('.nt-digit-bars', 'data-probs');
    await page.keyboard.press('Space');
    assert.notEqual(await page.getAttribute('.nt-digit-bars', 'data-probs'), before);
    await finish();
  });

  test('shows dead units with the dead-ReLU preset', async ({ app }) => {
    const { page, finish } = await open(app);
    await page.click('[data-preset="dead"]');
    assert.equal(await page.$eval('[data-field="lr"] select', (s) => s.selectedOptions[0].textContent), '3');
    await page.click('.nt-play');
    await waitForView(page, 'dead', 'maxGte', 0.5, 30000);
    await pause(page);
    const dead = JSON.parse((await viewData(page)).dead);
    assert.ok(Math.max(...dead) >= 0.5, String(dead));
    const stats = await page.$$eval('.nt-hist-stats', (els) => els.map((e) => e.textContent));
    assert.ok(stats.some((s) => /dead (5\d|[6-9]\d|100)%/.test(s)), stats.join(' | '));
    assert.ok((await page.$$('.nt-hist-stats.nt-warn')).length > 0);
    await finish();
  });

  test('explains a divergence, rewinds, and applies the suggested fix', async ({ app }) => {
    const { page, finish } = await open(app);
    await page.click('[data-preset="exploding"]');
    await page.click('.nt-play');
    await page.waitForSelector('.nt-banner:not([hidden])', { timeout: 20000 });
    const d = await viewData(page);
    assert.equal(d.diverged, 'true');
    assert.equal(d.running, 'false');
    const text = await page.textContent('.nt-banner');
    assert.match(text, /Training diverged at step \d+/);
    assert.match(text, /initial weights are too large/);
    await page.screenshot({ path: `${artifacts}train-divergence.png`, fullPage: false });
    const divergedAt = Number((await viewData(page)).step);
    await page.click('[data-action="rewind"]');
    await waitForView(page, 'diverged', 'eq', 'false');
    await expect(page.locator('.nt-banner')).toHaveText(/Rewound to step \d+/);
    assert.ok(Number((await viewData(page)).step) <= divergedAt);
    // Reset gives the same weights and batches: it diverges again. Then take
    // the suggested fix, which rewinds and clips the gradient norm to 1.0.
    await page.click('.nt-transport button:has-text("Reset")');
    await page.click('.nt-play');
    await waitForView(page, 'diverged', 'eq', 'true', 20000);
    await page.click('[data-action="fix"]');
    assert.match(await page.$eval('[data-field="clipn"] select', (s) => s.selectedOptions[0].textContent), /^1$/);
    await waitForView(page, 'step', 'gt', 200, 30000);
    await pause(page);
    assert.equal((await viewData(page)).diverged, 'false');
    assert.match(page.url(), /clipn=1/);
    await finish();
  });

  test('reads ten softmax probabilities summing to 1 from a drawn digit', async ({ app }) => {
    const { page, finish } = await open(app);
    await page.click('[data-preset="digits"]');
    await page.waitForSelector('.nt-pad-canvas', { state: 'visible', timeout: 20000 });
    await page.click('.nt-play');
    await waitForView(page, 'testAccuracy', 'gt', 0.8, 45000);
    await pause(page);
    // Draw a "1": a vertical stroke down the middle of the pad.
    const box = await page.locator('.nt-pad-canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.12);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.12 + i * 0.065));
    await page.mouse.up();
    const probs = (await page.getAttribute('.nt-digit-bars', 'data-probs')).split(',').map(Number);
    assert.equal(probs.length, 10);
    const sum = probs.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-4, `sum ${sum}`);
    assert.ok(probs.every((p) => p >= 0 && p <= 1));
    assert.equal(await page.$$eval('.nt-digit-bars .nt-bar', (els) => els.length), 10);
    await expect(page.locator('.nt-digit-bars .nt-bars-sum')).toHaveText(/sum = 1\.000/);
    // The confusion matrix covers the whole test set.
    const cells = await page.$$eval('.nt-matrix td', (els) => els.map((e) => Number(e.textContent)));
    assert.equal(cells.length, 100);
    assert.ok(cells.reduce((a, b) => a + b, 0) > 400);
    await page.screenshot({ path: `${artifacts}train-digits.png`, fullPage: true });
    await finish();
  });
});
