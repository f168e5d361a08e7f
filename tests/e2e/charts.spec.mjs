// End-to-end: the studio's charts carry axis titles in the page's language,
// their tick labels never overlap (at 360 px and at 1366 px wide), and the
// histograms explain their edge counts. Every chart reports what it drew on
// its canvas (charts/canvas-chart.ts; curve-chart.ts for the uPlot curves):
// data-axis-x, data-axis-y and data-ticks, the tick label boxes in CSS pixels.
// The tests read those reports, not pixels.
import assert from 'node:assert/strict';
import { DESKTOP, openStudio, PHONE, test } from './fixtures.mjs';

const WIDE = { ...DESKTOP, viewport: { width: 1366, height: 768 } };

/** The titles each chart must show, per language (strings/train-extras.ts, strings/train.ts). */
const TITLES = {
  en: {
    '.nt-boundary-canvas': ['x₁', 'x₂'],
    '.nt-hist-canvas': ['pre-activation z', 'count'],
    '.nt-dist-canvas': [/^(weight w|activation f\(z\))$/, 'count'],
    '.nt-chart-plot canvas': ['step', /./],
    '.nt-fit-canvas': ['x', 'y'],
    '.nt-unitcurves-canvas': ['x', 'unit output a(x)'],
    '.nt-compare-map': ['x₁', 'x₂'],
    'canvas.heatmap': ['logit zⱼ (column j)', 'probability pᵢ (row i)'],
  },
  zh: {
    '.nt-boundary-canvas': ['x₁', 'x₂'],
    '.nt-hist-canvas': ['预激活 z', '个数'],
    '.nt-dist-canvas': [/^(权重 w|激活值 f\(z\))$/, '个数'],
    '.nt-chart-plot canvas': ['步数', /./],
    '.nt-fit-canvas': ['x', 'y'],
    '.nt-unitcurves-canvas': ['x', '单元输出 a(x)'],
    '.nt-compare-map': ['x₁', 'x₂'],
    'canvas.heatmap': ['logit zⱼ（第 j 列）', '概率 pᵢ（第 i 行）'],
  },
};
const DIAGRAM = { en: ['inputs', 'output'], zh: ['输入', '输出'] };

/** The visible canvases matching selector, once each has reported a drawing. */
async function reports(page, selector) {
  await page.waitForFunction((sel) => {
    const shown = [...document.querySelectorAll(sel)].filter((c) => c.getClientRects().length > 0);
    return shown.length > 0 && shown.every((c) => c.dataset.ticks !== undefined);
  }, selector);
  return page.$$eval(selector, (cs) => cs.filter((c) => c.getClientRects().length > 0).map((c) => ({
    x: c.dataset.axisX, y: c.dataset.axisY, ticks: JSON.parse(c.dataset.ticks), width: c.clientWidth, height: c.clientHeight,
  })));
}

/**
 * Scrolls each laid-out curve chart under `scope` into view in turn and waits
 * until it is drawn: a curve chart is made only when it comes near the view.
 */
async function revealCurves(page, scope = '') {
  const charts = page.locator(`${scope} .nt-chart`);
  for (let i = 0; i < (await charts.count()); i++) {
    const chart = charts.nth(i);
    if (!(await chart.isVisible())) continue;
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('.nt-chart-plot canvas[data-ticks]').waitFor();
  }
}

function match(actual, want, what) {
  if (want instanceof RegExp) assert.match(actual ?? '', want, what);
  else assert.equal(actual, want, what);
}

/** No two tick boxes overlap, and each lies inside the canvas. */
function assertApart(r, what) {
  assert.ok(r.ticks.length >= 2, `${what}: ${r.ticks.length} tick labels`);
  r.ticks.forEach(([x, y, w, h], i) => {
    assert.ok(x >= -0.5 && x + w <= r.width + 0.5 && y >= -0.5 && y + h <= r.height + 0.5, `${what}: tick ${i} [${x}, ${y}, ${w}, ${h}] outside ${r.width}×${r.height}`);
    for (const [x2, y2, w2, h2] of r.ticks.slice(i + 1)) {
      const apart = x + w <= x2 || x2 + w2 <= x || y + h <= y2 || y2 + h2 <= y;
      assert.ok(apart, `${what}: ticks [${x}, ${y}, ${w}, ${h}] and [${x2}, ${y2}, ${w2}, ${h2}] overlap`);
    }
  });
}

async function check(page, lang, selector, label, key = selector) {
  const rs = await reports(page, selector);
  const [wx, wy] = TITLES[lang][key];
  rs.forEach((r, i) => {
    const what = `${label} ${selector} #${i} (${lang}, ${r.width} px)`;
    match(r.x, wx, `${what}: x title`);
    match(r.y, wy, `${what}: y title`);
    assertApart(r, what);
  });
  return rs.length;
}

for (const [lang, ctx, name] of [['en', WIDE, '1366 px'], ['zh', PHONE, '360 px'], ['en', PHONE, '360 px'], ['zh', WIDE, '1366 px']]) {
  test(`every chart has axis titles and apart tick labels (${lang}, ${name})`, async ({ app }) => {
    const { page, finish } = await openStudio(app, `lang=${lang}&data=xor&net=6:relu,4:tanh`, ctx);
    let charts = 0;
    charts += await check(page, lang, '.nt-boundary-canvas', 'xor');
    await revealCurves(page);
    charts += await check(page, lang, '.nt-chart-plot canvas', 'xor');
    // The network names its columns along the bottom; they are its tick labels.
    const [diagram] = await reports(page, '.nt-diagram-canvas');
    assertApart(diagram, `diagram (${lang})`);
    const names = await page.$eval('.nt-diagram-canvas', (c) => c.dataset.labels);
    for (const want of DIAGRAM[lang]) assert.ok(JSON.parse(names).includes(want), `diagram columns ${names} lack ${want}`);
    await page.click('.nt-tab[data-tab="layers"]');
    charts += await check(page, lang, '.nt-hist-canvas', 'xor');
    charts += await check(page, lang, '.nt-dist-canvas', 'xor');
    await page.click('.nt-tab[data-tab="compare"]');
    await page.click('.nt-compare .nt-btn-primary');
    charts += await check(page, lang, '.nt-compare-map', 'compare');
    await revealCurves(page, '.nt-compare');
    charts += await check(page, lang, '.nt-compare .nt-chart-plot canvas', 'compare', '.nt-chart-plot canvas');
    assert.ok(charts >= 10, `${charts} charts checked`);
    await finish();

    const sine = await openStudio(app, `lang=${lang}&data=sine&net=8:relu`, ctx);
    await check(sine.page, lang, '.nt-fit-canvas', 'sine');
    await check(sine.page, lang, '.nt-unitcurves-canvas', 'sine');
    await sine.finish();

    // The softmax lab's Jacobian: its column and row numbers are its tick labels.
    const lab = await app.open(`#view=softmax&lang=${lang}`, ctx);
    const [jacobian] = await reports(lab.page, 'canvas.heatmap');
    assert.ok(jacobian.ticks.length >= 6, `${jacobian.ticks.length} row and column numbers`);
    await check(lab.page, lang, 'canvas.heatmap', 'softmax');
    await lab.finish();
  });
}

test('the histogram explains its edge counts, in both languages', async ({ app }) => {
  for (const [lang, want] of [['en', /◂n \/ n▸: how many values fell below −10 \/ above 10/], ['zh', /◂n \/ n▸：低于 −10 \/ 高于 10/]]) {
    const { page, finish } = await openStudio(app, `lang=${lang}&data=xor&net=8:relu`, DESKTOP);
    await page.click('.nt-tab[data-tab="layers"]');
    const caption = page.locator('.nt-hist .nt-hist-edges').first();
    await caption.waitFor({ state: 'visible' });
    assert.match(await caption.textContent(), want);
    await finish();
  }
});

/**
 * One pixel of the first compare map, just inside its plot's top-left corner (x₁ = −6, x₂ = 6; compare-map.ts: the
 * plot starts 34 px in, 4 px down), as "r,g,b,a"; given the pixel read before, whether it changed since.
 */
function mapPixel(before) {
  const c = document.querySelector('.nt-compare-map');
  const dpr = c.width / c.clientWidth;
  // Copied onto a fresh 1×1 canvas: repeated reads of one canvas make Chromium warn.
  const one = document.createElement('canvas');
  one.width = 1;
  one.height = 1;
  const ctx = one.getContext('2d');
  ctx.drawImage(c, Math.round(38 * dpr), Math.round(8 * dpr), 1, 1, 0, 0, 1, 1);
  const now = [...ctx.getImageData(0, 0, 1, 1).data].join(',');
  return before === undefined ? now : now !== before;
}

test('a chart repaints in the new theme by itself, also after its run stopped', async ({ app }) => {
  const { page, finish } = await openStudio(app, 'theme=light&data=xor&net=6:relu', DESKTOP);
  await page.click('.nt-tab[data-tab="compare"]');
  await page.click('.nt-compare .nt-btn-primary');
  // Every run reached its last step: nothing redraws the comparison any more.
  await page.waitForFunction(() => {
    const items = [...document.querySelectorAll('.nt-compare-results li')];
    return items.length >= 2 && items.every((li) => /3,000/.test(li.textContent));
  }, null, { timeout: 60000 });
  const light = await page.evaluate(mapPixel);
  await page.click('#theme-toggle');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.waitForFunction(mapPixel, light);
  await finish();
});
