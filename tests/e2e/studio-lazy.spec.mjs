// End-to-end: the studio's curve charts are made only when they come near the
// view (charts/curve-chart.ts), so its first frame does not pay for charts
// scrolled out of their column. Each must still appear, drawn with the latest
// history, when the student scrolls to it, opens its tab or exports it. A
// chart reports on its canvas what it drew (data-ticks, data-x-max: the last
// step on its x axis); a chart not made yet has no canvas.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DESKTOP, PHONE, test } from './fixtures.mjs';

const WIDE = { ...DESKTOP, viewport: { width: 1366, height: 768 } };

/** Per curve chart (page order): its title, whether it is laid out, whether its uPlot exists. */
const charts = (page) => page.$$eval('.nt-chart', (fs) => fs.map((f) => ({
  title: f.querySelector('.nt-chart-title').textContent,
  laid: f.getClientRects().length > 0,
  made: f.querySelector('.nt-chart-plot canvas') !== null,
})));

/** Waits until the chart titled `title` is drawn and returns the last step on its x axis. */
async function drawnUpTo(page, title) {
  const handle = await page.waitForFunction((t) => {
    const f = [...document.querySelectorAll('.nt-chart')].find((x) => x.querySelector('.nt-chart-title').textContent === t);
    const c = f?.querySelector('.nt-chart-plot canvas');
    return c && c.dataset.ticks !== undefined && c.dataset.xMax !== undefined ? Number(c.dataset.xMax) : false;
  }, title);
  return handle.jsonValue();
}

/** Trains until the step count reaches `n`, then pauses; returns the step shown. */
async function trainTo(page, n) {
  await page.click('.nt-play');
  await page.waitForFunction((want) => Number(document.querySelector('.nt-view').dataset.step) >= want, n);
  await page.click('.nt-play');
  await page.waitForFunction(() => document.querySelector('.nt-view').dataset.running === 'false');
  return Number(await page.$eval('.nt-view', (v) => v.dataset.step));
}

test('at 1366×768 the curves scrolled out of the Curves tab are made when scrolled to, with the latest history', async ({ app }) => {
  const { page, finish } = await app.open('train.html', WIDE, { ready: false });
  await page.waitForSelector('.nt-play:not([disabled])');
  const first = await charts(page);
  // The loss chart and the first charts of the open tab are in view and drawn at once.
  assert.deepEqual(first.slice(0, 3).map((c) => c.made), [true, true, true], JSON.stringify(first));
  const last = first.findLast((c) => c.laid);
  assert.equal(last.title, 'Gradient norm before and after clipping');
  assert.equal(last.made, false, 'the last chart of the tab, below its fold, is not made yet');

  const step = await trainTo(page, 300);
  // Scrolled to the bottom of the tab panel: the chart is made and shows the history up to the step shown.
  await page.$eval('.nt-tab-panels', (p) => p.scrollTo(0, p.scrollHeight));
  assert.equal(await drawnUpTo(page, last.title), step);
  await finish();
});

test('on a phone the loss chart below the fold is made when scrolled to, and a closed tab\'s charts when it opens', async ({ app }) => {
  const { page, finish } = await app.open('train.html', PHONE, { ready: false });
  await page.waitForSelector('.nt-play:not([disabled])');
  const step = await trainTo(page, 200);
  const loss = (await charts(page))[0];
  assert.deepEqual(loss, { title: 'Loss', laid: true, made: false });
  await page.$eval('.nt-loss-slot', (s) => s.scrollIntoView());
  assert.equal(await drawnUpTo(page, 'Loss'), step);
  // The diagnostics start closed on a phone; opening Curves makes its charts.
  await page.click('.nt-tab[data-tab="curves"]');
  await page.$eval('.nt-tab-panel[data-tab-panel="curves"]', (p) => p.scrollIntoView());
  assert.equal(await drawnUpTo(page, 'Accuracy'), step);
  await finish();
});

test('a chart not made yet exports as a PNG of its drawing', async ({ app }) => {
  const { page, finish } = await app.open('train.html', WIDE, { ready: false });
  await page.waitForSelector('.nt-play:not([disabled])');
  await trainTo(page, 100);
  const title = 'Gradient norm before and after clipping';
  assert.equal((await charts(page)).find((c) => c.title === title).made, false);
  await page.focus('.nt-export-pick select');
  await page.selectOption('.nt-export-pick select', { label: title });
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('.nt-export-png')]);
  assert.match(d.suggestedFilename(), /^nnplay-clip-step\d+\.png$/);
  const bytes = readFileSync(await d.path());
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG');
  // Made for the export, at its laid-out width, drawn with the history so far.
  const made = await page.$eval('.nt-chart:last-child .nt-chart-plot canvas', (c) => ({ w: c.clientWidth, ticks: c.dataset.ticks }));
  assert.ok(made.w > 160 && JSON.parse(made.ticks).length >= 2, JSON.stringify(made));
  assert.ok(bytes.readUInt32BE(16) >= made.w, 'the PNG is the chart\'s width or more (device pixels)');
  await finish();
});
