// End-to-end: the training studio (web/train.html, built by `vite build`)
// under `vite preview` with the production CSP, in headless Chromium. Every
// action goes through the page's own controls. Screenshots go to
// test-artifacts/; timings are measured and reported, not asserted.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { artifacts, DESKTOP, expect, nextFrames, PHONE, test } from './fixtures.mjs';

const VIEW = '.nt-view';

function assertClean(problems) {
  assert.deepEqual(problems.console, [], 'console errors or warnings');
  assert.deepEqual(problems.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(problems.csp, [], 'CSP violations');
  assert.deepEqual(problems.offsite, [], 'requests off 127.0.0.1');
}

/**
 * Waits until the view's data-<name> passes a check: 'eq' (as text), 'gt' or
 * 'gte' (as a number), 'maxGte' (the largest of a JSON list). The check runs
 * in the page without eval (the CSP forbids it).
 */
function waitForView(page, name, op, value, timeout = 30000) {
  return page.waitForFunction(
    ([n, o, want]) => {
      const v = document.querySelector('.nt-view')?.dataset[n];
      if (v === undefined) return false;
      if (o === 'eq') return v === want;
      if (o === 'gt') return Number(v) > want;
      if (o === 'gte') return Number(v) >= want;
      if (o === 'maxGte') return Math.max(...JSON.parse(v)) >= want;
      return false;
    },
    [name, op, value],
    { timeout, polling: 100 },
  );
}

const viewData = (page) => page.evaluate(() => ({ ...document.querySelector('.nt-view').dataset }));

async function pause(page) {
  if ((await page.getAttribute(VIEW, 'data-running')) === 'true') await page.click('.nt-play');
  await waitForView(page, 'running', 'eq', 'false');
}

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

  test('round-trips its state through URL parameters, and reports bad values as text', async ({ app }) => {
    const hash = '#data=spiral&noise=0.1&net=8:relu,6:leaky_relu:a0.2,4:maxout3&opt=adam&lr=0.01&bs=32&feat=x1,x2,sin_x1&clipn=1&cmp=relu,tanh';
    const { page, finish } = await open(app, hash);
    await expect(page.locator('.nt-kind[data-kind="spiral"]')).toHaveAttribute('aria-pressed', 'true');
    assert.equal(await page.$$eval('.nt-layer-row', (els) => els.length), 3);
    const acts = await page.$$eval('.nt-layer-row select', (els) => els.map((s) => s.selectedOptions[0].textContent));
    assert.deepEqual(acts, ['ReLU', 'Leaky ReLU', 'Maxout (3 pieces)']);
    assert.equal(await page.$eval('.nt-layer-row input[type="number"]', (i) => i.value), '0.2');
    assert.match(await page.$eval('[data-field="opt"] select', (s) => s.selectedOptions[0].textContent), /Adam/);
    // A change through a control is written back, keeping everything else.
    await page.selectOption('[data-field="lr"] select', { label: '0.1' });
    const written = new URLSearchParams(new URL(page.url()).hash.slice(1));
    assert.equal(written.get('lr'), '0.1');
    for (const key of ['data', 'noise', 'net', 'opt', 'bs', 'feat', 'clipn', 'cmp']) {
      assert.equal(written.get(key), new URLSearchParams(hash.slice(1)).get(key), key);
    }
    const again = await open(app, `#${written.toString()}`);
    assert.deepEqual(
      await again.page.$$eval('.nt-layer-row select', (els) => els.map((s) => s.selectedOptions[0].textContent)),
      acts,
    );
    assert.match(await again.page.$eval('[data-field="lr"] select', (s) => s.selectedOptions[0].textContent), /^0\.1$/);
    await again.finish();
    await finish();

    const bad = await open(app, '#lr=abc&net=8:nope&bs=0&data=%3Cimg%20src%3Dx%3E');
    const notices = await bad.page.$$eval('.nt-notices li', (els) => els.map((e) => e.textContent));
    assert.equal(notices.length, 4, notices.join(' | '));
    assert.ok(notices.some((n) => n.includes('<img src=x>')), 'the bad value is shown as text');
    assert.equal(await bad.page.$$eval('.nt-notices img', (els) => els.length), 0);
    assert.equal(await bad.page.$$eval('.nt-layer-row', (els) => els.length), 2, 'the default network');
    await bad.finish();
  });

  test('follows a hand-edited address: the studio is rebuilt from the new link, bad values reported', async ({ app }) => {
    const { page, finish } = await open(app, '#data=spiral&lr=0.01');
    await expect(page.locator('.nt-kind[data-kind="spiral"]')).toHaveAttribute('aria-pressed', 'true');
    await page.evaluate(() => { location.hash = '#data=xor&net=6:relu&lr=abc&lang=zh'; });
    await expect(page.locator('.nt-kind[data-kind="xor"]')).toHaveAttribute('aria-pressed', 'true');
    assert.equal(await page.$$eval('.nt-layer-row', (els) => els.length), 1);
    assert.equal(await page.$eval('.nt-layer-row select', (s) => s.selectedOptions[0].textContent), 'ReLU');
    await expect(page.locator('.nt-title')).toHaveText('训练工作室');
    await expect(page.locator('.nt-notices li')).toHaveCount(1);
    assert.match(await page.textContent('.nt-notices li'), /abc/);
    // The rebuilt studio writes its changes back as before.
    await page.selectOption('[data-field="lr"] select', { label: '0.1' });
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('lr')).toBe('0.1');
    assert.equal(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('data'), 'xor');
    await finish();
  });

  test('switches language, and the view follows', async ({ app }) => {
    const { page, finish } = await open(app);
    const title = await page.textContent('.nt-title');
    await page.click('button[data-lang="zh"]');
    assert.equal(await page.textContent('.nt-title'), '训练工作室');
    await expect(page.locator('.nt-play')).toHaveText(/训练/);
    const cards = await page.$$eval('.nt-card-title', (els) => els.map((e) => e.textContent));
    for (const c of cards) assert.match(c, /[\u4e00-\u9fff]/, `card title "${c}" is not in Chinese`);
    await expect(page.locator('.nt-layer-count')).toHaveText(/隐藏层/);
    assert.match(page.url(), /lang=zh/);
    await page.click('[data-preset="exploding"]');
    await page.click('.nt-play');
    await page.waitForSelector('.nt-banner:not([hidden])', { timeout: 20000 });
    await expect(page.locator('.nt-banner')).toHaveText(/训练在第 \d+ 步发散/);
    await page.click('[data-action="rewind"]');
    await page.click('[data-preset="xor"]');
    await page.click('.nt-play');
    await waitForView(page, 'testAccuracy', 'gte', 1, 45000);
    await pause(page);
    await page.screenshot({ path: `${artifacts}train-desktop-zh.png`, fullPage: true });
    await page.click('button[data-lang="en"]');
    assert.equal(await page.textContent('.nt-title'), title);
    await finish();
  });

  // The presets' row scrolls sideways on a phone (by design), so its buttons are not page overflow.
  test('fits a 360 px phone without horizontal overflow', async ({ app }) => {
    const { page, finish } = await open(app, '', PHONE);
    const measure = () => page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      view: window.innerWidth,
      widest: Math.max(...[...document.querySelectorAll('body *')].filter((e) => !e.closest('.nt-matrix-wrap, .nt-preset-buttons')).map((e) => e.getBoundingClientRect().right)),
    }));
    let w = await measure();
    assert.equal(w.view, 360);
    assert.ok(w.doc <= 360 && w.widest <= 360.5, JSON.stringify(w));
    await page.click('[data-preset="xor"]');
    await page.click('.nt-play');
    await waitForView(page, 'step', 'gt', 100);
    await pause(page);
    await nextFrames(page);
    await page.screenshot({ path: `${artifacts}train-phone.png` });
    await page.screenshot({ path: `${artifacts}train-phone-full.png`, fullPage: true });
    await page.click('[data-preset="digits"]');
    await page.waitForSelector('.nt-pad-canvas', { state: 'visible', timeout: 20000 });
    w = await measure();
    assert.ok(w.doc <= 360 && w.widest <= 360.5, JSON.stringify(w));
    // Touch drawing on the pad.
    const box = await page.locator('.nt-pad-canvas').boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    const probs = (await page.getAttribute('.nt-digit-bars', 'data-probs')).split(',').map(Number);
    assert.equal(probs.length, 10);
    await finish();
  });

  test('takes your own points by clicking, and reports CSV errors in place', async ({ app }) => {
    const { page, finish } = await open(app);
    await page.click('.nt-kind[data-kind="custom"]');
    await page.click('.nt-custom button:has-text("Clear points")');
    await expect(page.locator('.nt-custom')).toHaveText(/Add at least two points/);
    const plot = page.locator('.nt-boundary-canvas');
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    const at = (u, v) => plot.click({ position: { x: box.width * u, y: box.height * v } });
    await at(0.3, 0.3);
    await at(0.35, 0.25);
    await page.click('.nt-class-chip:has-text("Class 1")');
    await at(0.7, 0.7);
    await at(0.75, 0.65);
    await expect(page.locator('.nt-custom')).toHaveText(/4 points/);
    await page.click('.nt-play');
    await waitForView(page, 'step', 'gt', 50);
    await pause(page);
    const file = page.locator('.nt-import input[type="file"]');
    await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('1,2,0\n3,abc,1\n') });
    await page.waitForSelector('.nt-import-msg.nt-error');
    await expect(page.locator('.nt-import-msg').first()).toHaveText(/line 2: column 2 is "abc", not a number/);
    await file.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y,label\n1,1,0\n2,2,0\n-1,-1,1\n-2,-2,1\n0,3,2\n') });
    await page.waitForSelector('.nt-import-msg:not(.nt-error)');
    await expect(page.locator('.nt-import-msg').first()).toHaveText(/Loaded 5 rows with 2 inputs/);
    await finish();
  });

  test('compares activations side by side', async ({ app }) => {
    const { page, finish } = await open(app, '#cmp=relu,tanh,sigmoid');
    await page.click('.nt-compare .nt-btn-primary');
    await page.waitForFunction(() => document.querySelectorAll('.nt-compare-results li').length === 3, null, { timeout: 20000 });
    // Every run has made progress before the stop.
    await expect(page.locator('.nt-compare-results li')).toHaveText([/step [1-9][\d,]{2,}/, /step [1-9][\d,]{2,}/, /step [1-9][\d,]{2,}/], { timeout: 30000 });
    await page.click('.nt-compare .nt-btn-primary');
    const rows = await page.$$eval('.nt-compare-results li', (els) => els.map((e) => e.textContent));
    assert.deepEqual(rows.map((r) => r.split(' ')[0]), ['ReLU', 'Tanh', 'Sigmoid']);
    await finish();
  });
});
