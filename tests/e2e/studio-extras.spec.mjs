// End-to-end: the training studio's export and import card (PNG per chart,
// history CSV, model JSON and loading it back), hide= for the studio's own
// panels, and clicked points in the link (cpts=). Everything goes through the
// page's controls, under the CSP. The per-unit curves: studio-units.spec.mjs.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { canvasSize, download, pickChart, png } from './export-steps.mjs';
import { artifacts, expect, nextFrames, openStudio as studio, test, viewData as view, waitForHash } from './fixtures.mjs';

const VIEW = '.nt-view';

async function steps(page, n) {
  const before = Number((await view(page)).step);
  for (let i = 0; i < n; i++) await page.click('.nt-transport-buttons button:has-text("Step")');
  await page.waitForFunction((want) => Number(document.querySelector('.nt-view').dataset.step) >= want, before + n);
  return before + n;
}

test.describe('studio export and import', () => {
  test('exports charts as PNG, the history as CSV and the model as JSON, and loads the model back', async ({ app }) => {
    const { page, finish } = await studio(app, 'data=xor&noise=0.05&lr=0.1');
    await page.waitForSelector('.nt-export', { state: 'visible' });
    const step = await steps(page, 30);

    // The boundary plot: a PNG of its size plus the title band, on the light surface.
    const menu = await pickChart(page);
    assert.ok(menu.labels.includes('Decision boundary') && menu.labels.includes('Loss') && menu.labels.includes('Network diagram'), menu.labels.join('|'));
    await menu.pick('Decision boundary');
    const a = await download(page, '.nt-export-png');
    assert.equal(a.name, `nnplay-boundary-step${step}.png`);
    const size = await canvasSize(page, '.nt-boundary-canvas');
    const img = png(a.bytes);
    assert.equal(img.width, size.w);
    assert.equal(img.height, size.h + Math.round(26 * size.dpr));
    assert.deepEqual(img.first, [255, 255, 255], 'light background');
    await expect(page.locator('.nt-export-msg')).toHaveText(/Saved nnplay-boundary/);

    // A uPlot chart (transparent canvas) comes out on the page's background too.
    await menu.pick('Loss');
    const lossFile = await download(page, '.nt-export-png');
    writeFileSync(`${artifacts}studio-export-loss.png`, lossFile.bytes);
    const loss = png(lossFile.bytes);
    const lossCanvas = await page.$$eval('.nt-loss-slot canvas', (cs) => ({ w: cs[0].width, h: cs[0].height }));
    assert.equal(loss.width, lossCanvas.w);
    assert.ok(loss.height > lossCanvas.h, 'title band');

    // The confusion matrix is a table on the page; it exports as a drawn PNG:
    // 2 classes → 30 + 2·34 + 8 = 106 CSS px high, 240 wide (room for the title), plus the title band.
    // The menu lists the charts in view: the matrix once its tab is open.
    await page.click('.nt-tab[data-tab="confusion"]');
    const again = await pickChart(page);
    assert.ok(again.labels.includes('Confusion matrix (test set)'), again.labels.join('|'));
    await again.pick('Confusion matrix (test set)');
    const cmFile = await download(page, '.nt-export-png');
    writeFileSync(`${artifacts}studio-export-confusion.png`, cmFile.bytes);
    const cm = png(cmFile.bytes);
    const dpr = await page.evaluate(() => devicePixelRatio);
    assert.equal(cm.width, Math.round(240 * dpr));
    assert.equal(cm.height, Math.round(106 * dpr) + Math.round(26 * dpr));
    assert.deepEqual(cm.first, [255, 255, 255], 'light background');

    // History: a header and one row per step (row 0 is the state before training).
    const csv = (await download(page, '.nt-export-csv')).bytes.toString('utf8').trim().split('\n');
    assert.match(csv[0], /^step,epoch,learning_rate,batch_loss,train_loss,test_loss/);
    assert.match(csv[0], /L3_grad_w_norm/);
    assert.equal(csv.length - 1, step + 1);
    assert.equal(csv.at(-1).split(',')[0], String(step));

    // Model: the file, then another network, then the file again.
    const model = await download(page, '.nt-export-json');
    assert.equal(model.name, `nnplay-model-step${step}.json`);
    const json = JSON.parse(model.bytes.toString('utf8'));
    assert.equal(json.format, 'nnplay-model');
    assert.equal(json.step, step);
    await page.click('[data-preset="dead"]');
    await waitForHash(page, 'net=8:relu');
    await page.setInputFiles('.nt-model-file', { name: 'xor-model.json', mimeType: 'application/json', buffer: model.bytes });
    await page.waitForFunction(() => /Loaded xor-model\.json/.test(document.querySelector('.nt-export-msg').textContent));
    assert.equal((await view(page)).step, String(step));
    const hash = await page.waitForFunction(() => !location.hash.includes('net=8:relu') && location.hash).then((h) => h.jsonValue());
    assert.match(hash, /data=xor/);
    assert.match(hash, /lr=0\.1/);
    await expect(page.locator('[data-preset="dead"]')).toHaveAttribute('aria-pressed', 'false');
    // The same weights draw the same picture.
    await menu.pick('Decision boundary');
    const b = await download(page, '.nt-export-png');
    assert.ok(a.bytes.equals(b.bytes), 'the re-imported model draws the same boundary');

    // Bad files: said in place, and the model keeps working.
    await page.setInputFiles('.nt-model-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.waitForSelector('.nt-export-msg.nt-error');
    await expect(page.locator('.nt-export-msg')).toHaveText(/notes\.txt was not loaded: .+\. The current model is unchanged\./);
    await expect(page.locator('.nt-export-msg')).toHaveAttribute('role', 'alert');
    await page.setInputFiles('.nt-model-file', { name: 'half.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nnplay-model","version":1}') });
    await page.waitForFunction(() => /half\.json was not loaded/.test(document.querySelector('.nt-export-msg').textContent));
    assert.equal(await steps(page, 2), step + 2);
    await finish();
  });

  test('exports on the dark background in the dark theme', async ({ app }) => {
    const { page, finish } = await studio(app, 'theme=dark&data=xor');
    const menu = await pickChart(page);
    await menu.pick('Network diagram');
    const file = await download(page, '.nt-export-png');
    writeFileSync(`${artifacts}studio-export-diagram-dark.png`, file.bytes);
    const img = png(file.bytes);
    assert.ok(img.first.reduce((s, v) => s + v, 0) < 200, `dark first pixel ${img.first}`);
    await finish();
  });
});

test.describe('hide= for the studio', () => {
  test('hides the studio panels named in the link, also after the studio changes', async ({ app }) => {
    const { page, finish } = await studio(app, 'hide=train-export,train-curves,train-presets,train-diagram,train-confusion');
    await page.waitForSelector('.nt-data', { state: 'visible' });
    const shown = () => page.evaluate(() => Object.fromEntries(
      ['.nt-export', '.nt-curves', '.nt-loss-slot', '.nt-presets', '.nt-diagram', '.nt-data', '.nt-hyper',
        '[data-tab="curves"]', '[data-tab="confusion"]', '[data-tab="layers"]', '[data-tab="compare"]']
        .map((s) => [s, document.querySelector(s).getClientRects().length > 0]),
    ));
    // A hidden diagnostics panel takes its tab with it.
    const want = {
      '.nt-export': false, '.nt-curves': false, '.nt-loss-slot': false, '.nt-presets': false, '.nt-diagram': false,
      '.nt-data': true, '.nt-hyper': true,
      '[data-tab="curves"]': false, '[data-tab="confusion"]': false, '[data-tab="layers"]': true, '[data-tab="compare"]': true,
    };
    assert.deepEqual(await shown(), want);
    // A state change re-renders the shell; the studio panels stay hidden.
    await page.click('.nt-kind[data-kind="moons"]');
    await waitForHash(page, 'data=moons');
    await expect(page.locator('.nt-kind[data-kind="moons"]')).toHaveAttribute('aria-pressed', 'true');
    await nextFrames(page);
    assert.deepEqual(await shown(), want);
    await finish();
  });
});

test.describe('the studio follows the page language', () => {
  // The studio's fixed texts carry data-i18n / data-i18n-label, which the page's applyStrings fills; texts with
  // values (a layer's unit buttons) are set again by the studio. An English text with a lowercase word in it
  // that reads the same after the switch to 中文 did not follow (names such as "ReLU" or "PNG" are not such words).
  test('switched to 中文 and back, every marked text and label follows', async ({ app }) => {
    const { page, finish } = await studio(app, 'data=circle');
    await page.waitForFunction(() => document.querySelector('.nt-view').dataset.step === '0');
    const read = () => page.$$eval('.nt-view [data-i18n], .nt-view [data-i18n-label], .nt-stepper .nt-btn', (els) => els.map((e) => ({
      key: e.dataset.i18n ?? e.dataset.i18nLabel ?? 'stepper', text: e.dataset.i18n ? e.textContent : e.getAttribute('aria-label'),
    })));
    const en = await read();
    assert.ok(en.filter((x) => x.key !== 'stepper').length > 60, `only ${en.length} marked texts`);
    await page.click('button[data-lang="zh"]');
    await expect(page.locator('.nt-play')).toHaveText(/训练/);
    const zh = await read();
    assert.equal(zh.length, en.length);
    // Each English text with a word in it (not only names and numbers) reads differently now.
    const unchanged = en.filter((x, i) => /\b[a-z]{4,}\b/.test(x.text ?? '') && zh[i].text === x.text);
    assert.deepEqual(unchanged, []);
    assert.match(zh.find((x) => x.key === 'stepper')?.text ?? '', /[\u4e00-\u9fff]/);
    await page.click('button[data-lang="en"]');
    await expect(page.locator('.nt-play')).toHaveText(/Train/);
    // The same texts again (a chart's table toggle not yet described, in the unrun comparison, is filled only now).
    const back = await read();
    assert.deepEqual(back.filter((_, i) => en[i].text), en.filter((x) => x.text));
    await finish();
  });
});

test.describe('clicked points in the link', () => {
  test('keeps clicked points through a reload, and drops bad items with a notice', async ({ app }) => {
    const { page, finish } = await studio(app, 'data=custom');
    await page.click('.nt-custom button:has-text("Clear points")');
    const plot = page.locator('.nt-boundary-canvas');
    const w = await plot.evaluate((c) => c.clientWidth);
    const at = (fx, fy) => plot.click({ position: { x: w * fx, y: w * fy } });
    await at(0.3, 0.3);
    await at(0.7, 0.3);
    await page.click('.nt-class-chip:has-text("Class 1")');
    await at(0.3, 0.7);
    await at(0.7, 0.7);
    await expect(page.locator('.nt-custom')).toHaveText(/4 points/);
    const hash = await page.waitForFunction(() => (location.hash.match(/cpts=([^&]*)/)?.[1].split(',').length === 4 ? location.hash : false)).then((h) => h.jsonValue());
    const cpts = hash.match(/cpts=([^&]*)/)[1];
    assert.match(cpts, /^(-?\d+(\.\d{1,2})?:-?\d+(\.\d{1,2})?:[01],){3}-?\d+(\.\d{1,2})?:-?\d+(\.\d{1,2})?:[01]$/);
    await page.reload();
    await page.waitForSelector(VIEW, { state: 'visible', timeout: 30000 });
    await expect(page.locator('.nt-custom')).toHaveText(/4 points/);
    await page.waitForFunction(() => !document.querySelector('.nt-play').disabled);
    assert.equal((await page.evaluate(() => location.hash)).match(/cpts=([^&]*)/)[1], cpts);
    await finish();

    const bad = await studio(app, 'data=custom&cpts=1:2:0,bogus,3:4:9,0.5:0.5:1');
    await expect(bad.page.locator('.nt-custom')).toHaveText(/2 points/);
    const text = await bad.page.textContent('body');
    assert.match(text, /bogus/);
    assert.match(text, /3:4:9/);
    await bad.finish();
  });
});

test.describe('clicked points stay in view (issue: half of them went to the hidden test split)', () => {
  test('draws every clicked point while points are being added, whichever split it fell in', async ({ app }) => {
    const { page, finish } = await studio(app, 'data=custom');
    await page.click('.nt-custom button:has-text("Clear points")');
    const plot = page.locator('.nt-boundary-canvas');
    const w = await plot.evaluate((c) => c.clientWidth);
    const spots = [[0.2, 0.2], [0.5, 0.2], [0.8, 0.2], [0.2, 0.8], [0.5, 0.8], [0.8, 0.8]];
    for (const [fx, fy] of spots) await plot.click({ position: { x: w * fx, y: w * fy } });
    await expect(page.locator('.nt-custom')).toHaveText(/6 points/);
    // The split is random, so with 6 points some go to the test split: all 6 must be drawn anyway.
    await page.waitForFunction(() => document.querySelector('.nt-boundary-canvas').dataset.points === '6');
    assert.equal(await page.locator('.nt-split-note').isVisible(), true, 'the note says both splits are shown');
    await finish();
  });
});
