// The training studio for a screen-reader or keyboard-only student (issue 11):
// every chart has a live summary and a table behind "Show as table"; a
// divergence and a finished comparison are spoken in the polite live region;
// the digit pad draws with the arrow keys and Space; a lesson is done with the
// keyboard alone. Same harness as assistive.test.mjs.
import assert from 'node:assert/strict';
import { DESKTOP, PHONE, artifacts, test } from './fixtures.mjs';

const num = (s) => Number(String(s).replaceAll('−', '-').replace(/[ %]/g, ''));

async function openStudio(app, hash, context = DESKTOP) {
  const opened = await app.open(`#view=train&lang=en${hash}`, context);
  await opened.page.waitForSelector('.nt-play:not([disabled])', { state: 'visible', timeout: 30000 });
  return opened;
}

/** Presses Tab until the focus is on `selector` (at most 200 presses). */
async function tabTo(page, selector) {
  for (let i = 0; i < 200; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const running = (page) => page.getAttribute('.nt-view', 'data-running');

/** Starts or stops training with the keyboard (Space on the play button). */
async function toggleByKey(page, want) {
  await tabTo(page, '.nt-play');
  await page.keyboard.press('Space');
  await page.waitForFunction((w) => document.querySelector('.nt-view')?.dataset.running === w, want);
}

/** Opens the table of the chart alternative inside `scope` with the keyboard; returns its head and rows. */
async function openTable(page, scope) {
  const toggle = `${scope} .chart-table-toggle`;
  await page.focus(toggle);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${scope} .chart-table table`, { state: 'visible' });
  assert.equal(await page.getAttribute(toggle, 'aria-expanded'), 'true');
  return page.$eval(`${scope} .chart-table`, (box) => ({
    label: box.getAttribute('aria-label'),
    head: [...box.querySelectorAll('thead th')].map((e) => e.textContent),
    rows: [...box.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent)),
  }));
}

const summary = (page, scope) => page.$eval(`${scope} .chart-summary`, (e) => e.textContent);

test.describe('the studio for screen readers and keyboards', () => {
  test('every chart has a summary and a table with its data', async ({ app }) => {
    const { page, finish } = await openStudio(app, '&net=4:relu,3:relu');
    await toggleByKey(page, 'true');
    await page.waitForFunction(() => Number(document.querySelector('.nt-view')?.dataset.step) >= 200, null, { timeout: 30000 });
    await toggleByKey(page, 'false');
    const step = Number(await page.getAttribute('.nt-view', 'data-step'));

    // Output: the decision boundary, a 7×7 grid of predicted classes.
    await page.waitForFunction((s) => document.querySelector('.nt-output .chart-summary')?.textContent.includes(`at step ${s}:`), step);
    assert.match(await summary(page, '.nt-output'), /^Decision boundary at step \d+: test accuracy \d+ %, test loss \S+\.$/);
    const out = await openTable(page, '.nt-output');
    assert.match(out.label, /Predicted class on a 7 by 7 grid/);
    assert.equal(out.head.length, 8);
    assert.equal(out.rows.length, 7);
    const classes = new Set(out.rows.flatMap((r) => r.slice(1)));
    assert.ok(classes.size >= 1 && [...classes].every((c) => c !== ''), [...classes].join());

    // The loss curve: latest values, and sampled rows ending at the current step.
    const loss = '.nt-loss-slot';
    assert.match(await summary(page, loss), new RegExp(`^Loss at step ${step}: train \\S+, test \\S+\\.$`));
    const lt = await openTable(page, loss);
    assert.deepEqual(lt.head, ['step', 'train', 'test']);
    assert.equal(lt.rows.length, 11);
    assert.equal(num(lt.rows.at(-1)[0]), step);
    assert.equal(num(lt.rows[0][0]), 0);
    // Against the transport's own test-loss readout; both round (the table to three significant digits): 1 % covers it.
    const testLoss = num(await page.textContent('[data-stat="testLoss"]'));
    assert.ok(Math.abs(num(lt.rows.at(-1)[2]) - testLoss) <= 0.01 * testLoss, `${lt.rows.at(-1)[2]} vs ${testLoss}`);

    // The network: its layers and units; a table per layer.
    assert.equal(await summary(page, '.nt-network'), 'Network: 2 inputs, Layer 1 4 units, Layer 2 3 units, 1 outputs.');
    const nt = await openTable(page, '.nt-network');
    assert.deepEqual(nt.head, ['layer', 'units', 'gradient norm', 'dead', 'saturated']);
    assert.deepEqual(nt.rows.map((r) => r.slice(0, 2)), [['Layer 1', '4'], ['Layer 2', '3'], ['Output', '1']]);

    // The other curves (Curves tab), the histograms (Inside each layer), the confusion matrix.
    await page.click('[data-tab="curves"]');
    const curveAlts = await page.$$eval('.nt-curves .chart-alt', (els) => els.filter((e) => e.getClientRects().length > 0).length);
    assert.ok(curveAlts >= 4, `${curveAlts} curve charts with a summary`);
    await page.click('[data-tab="layers"]');
    await page.waitForFunction(() => document.querySelectorAll('.nt-layers .chart-summary').length === 2);
    await page.waitForFunction(() => /^Layer 1 · ReLU pre-activations: \d+ samples/.test(document.querySelector('.nt-layers .chart-summary')?.textContent ?? ''));
    const ht = await openTable(page, '.nt-layer-hists:first-child');
    assert.deepEqual(ht.head, ['z from', 'count']);
    // 40 bins plus the two outside the range.
    assert.equal(ht.rows.length, 42);
    const counted = ht.rows.reduce((a, r) => a + num(r[1]), 0);
    assert.match(await summary(page, '.nt-layer-hists:first-child'), new RegExp(`: ${counted} samples`));
    await page.screenshot({ path: `${artifacts}studio-a11y-table-desktop.png` });

    await page.click('[data-tab="confusion"]');
    const region = await page.$eval('.nt-matrix-wrap', (e) => ({ role: e.getAttribute('role'), label: e.getAttribute('aria-label'), tab: e.tabIndex, caption: e.querySelector('caption')?.textContent }));
    assert.deepEqual(region, { role: 'region', label: 'Confusion matrix, test set: rows are the true class, columns the predicted class', tab: 0, caption: 'Confusion matrix (test set)' });
    await tabTo(page, '.nt-matrix-wrap');
    await finish();
  });

  test('the tables fit a phone', async ({ app }) => {
    const { page, finish } = await openStudio(app, '', PHONE);
    await openTable(page, '.nt-output');
    await page.locator('.nt-output .chart-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${artifacts}studio-a11y-table-phone.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page wider than the phone by ${overflow}px`);
    await finish();
  });

  test('a divergence is announced with the banner’s words', async ({ app }) => {
    const { page, finish } = await openStudio(app, '');
    await page.click('[data-preset="exploding"]');
    // Start from the keyboard; no wait for data-running=true: this preset can diverge (and stop) within the first frame.
    await tabTo(page, '.nt-play');
    await page.keyboard.press('Space');
    await page.waitForSelector('.nt-banner:not([hidden])', { timeout: 20000 });
    const banner = await page.$eval('.nt-banner', (b) => `${b.querySelector('.nt-banner-title').textContent} ${b.querySelector('.nt-banner-body p').textContent}`);
    assert.match(banner, /^Training diverged at step \d+ /);
    await page.waitForFunction((t) => document.getElementById('announcer')?.textContent === t, banner);
    assert.equal(await page.getAttribute('#announcer', 'aria-live'), 'polite');
    await finish();
  });

  test('a finished comparison is announced, with each run’s result', async ({ app }) => {
    test.setTimeout(240_000); // three runs of 3,000 steps each at the watchable pace
    // The default choice: ReLU, Tanh and Sigmoid.
    const { page, finish } = await openStudio(app, '');
    await page.click('[data-tab="compare"]');
    await tabTo(page, '.nt-compare .nt-btn-primary');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^Comparison finished after 3,000 steps each: ReLU \S+ \S+ %; Tanh \S+ \S+ %; Sigmoid /.test(document.getElementById('announcer')?.textContent ?? ''), null, { timeout: 120000, polling: 250 });
    assert.match(await summary(page, '.nt-compare'), /^Comparison: ReLU /);
    const ct = await openTable(page, '.nt-compare');
    assert.deepEqual(ct.rows.map((r) => r.slice(0, 2)), [['ReLU', '3000'], ['Tanh', '3000'], ['Sigmoid', '3000']]);
    await finish();
  });

  test('the digit pad draws with the keyboard and the probabilities follow', async ({ app }) => {
    const { page, finish } = await openStudio(app, '');
    await page.click('[data-preset="digits"]');
    await page.waitForSelector('.nt-pad-canvas', { state: 'visible', timeout: 20000 });
    await page.waitForSelector('.nt-digit-bars[data-probs]');
    await tabTo(page, '.nt-pad-canvas');
    assert.match(await page.getAttribute('.nt-pad-canvas', 'aria-label'), /^8 by 8 drawing pad: arrow keys/);
    // The focus ring is visible (train.css: canvas[tabindex]:focus-visible).
    assert.notEqual(await page.$eval('.nt-pad-canvas', (c) => getComputedStyle(c).outlineStyle), 'none');
    const before = await page.getAttribute('.nt-digit-bars', 'data-probs');
    // A "1": five squares down the middle column.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
    }
    await page.waitForFunction((b) => document.querySelector('.nt-digit-bars')?.dataset.probs !== b, before);
    const probs = (await page.getAttribute('.nt-digit-bars', 'data-probs')).split(',').map(Number);
    assert.equal(probs.length, 10);
    assert.ok(Math.abs(probs.reduce((a, b) => a + b, 0) - 1) < 1e-4);
    await page.waitForFunction(() => /^Digit pad: the network reads a \d with probability \d+ %\.$/.test(document.querySelector('.nt-output .chart-summary')?.textContent ?? ''));
    await finish();
  });

  test('the relu lesson, done with the keyboard only', async ({ app }) => {
    const { page, finish } = await app.open('#lesson=relu&lang=en', DESKTOP);
    await page.waitForSelector('.lesson[data-lesson="relu"]', { state: 'visible' });
    await page.waitForSelector('.nt-play:not([disabled])', { state: 'visible', timeout: 30000 });
    await toggleByKey(page, 'true');
    await page.waitForFunction(() => Number(document.querySelector('.lesson')?.dataset.stage) >= 1, null, { timeout: 30000 });
    await toggleByKey(page, 'false');
    const rows = await page.$$eval('.nt-layer-row select', (els) => els.length);
    for (let i = 0; i < rows; i++) {
      await tabTo(page, `.nt-layer-row:nth-child(${i + 1}) select`);
      await page.keyboard.type('ReLU');
      await page.waitForFunction((n) => {
        const sel = document.querySelectorAll('.nt-layer-row select')[n];
        return sel?.selectedOptions[0]?.textContent === 'ReLU';
      }, i);
    }
    await toggleByKey(page, 'true');
    await page.waitForFunction(() => document.querySelector('.lesson')?.dataset.check === 'done', null, { timeout: 40000 });
    await page.waitForFunction(() => /lesson complete/.test(document.querySelector('.lesson-announce')?.textContent ?? ''));
    await finish();
  });

  test('a link of the network diagram is edited from the keyboard', async ({ app }) => {
    const { page, finish } = await openStudio(app, '&net=2:relu');
    await tabTo(page, '.nt-diagram-canvas');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.waitForFunction(() => /^Weight \S+: from .+ to /.test(document.querySelector('.nt-diagram-tip')?.textContent ?? ''));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.nt-param-edit:not([hidden]) input:focus');
    assert.match(await page.textContent('.nt-param-edit label'), /^Weight from /);
    await finish();
  });
});
