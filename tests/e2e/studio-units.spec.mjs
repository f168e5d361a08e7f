// End-to-end: the per-unit curves of the 1-D fit (one line per hidden unit,
// computed from the weights), their PNG export, and how they look at desktop
// and phone widths in both languages, under the CSP.
import assert from 'node:assert/strict';
import { canvasSize, download, pickChart, png } from './export-steps.mjs';
import { artifacts, assertNoHorizontalOverflow, expect, nextFrames, openStudio as studio, PHONE, test } from './fixtures.mjs';

/** Second differences above tol per unit curve. */
function bends(values, tol = 3e-3) {
  return values.map((v) => v.slice(2).filter((_, i) => Math.abs(v[i + 2] - 2 * v[i + 1] + v[i]) > tol).length);
}

async function unitCurves(page) {
  await page.waitForFunction(() => document.querySelector('.nt-unitcurves-canvas')?.dataset.values);
  return JSON.parse(await page.getAttribute('.nt-unitcurves-canvas', 'data-values'));
}

test.describe('per-unit curves of the 1-D fit', () => {
  test('draws one line per hidden unit: kinked for ReLU, smooth for tanh', async ({ app }) => {
    const relu = await studio(app, 'data=sine&net=8:relu&init=he_uniform');
    await relu.page.waitForSelector('.nt-unitcurves-canvas', { state: 'visible' });
    const r = await unitCurves(relu.page);
    assert.equal(r.length, 8);
    // Computed from the weights (and checked against the core), not one core call per x.
    await expect(relu.page.locator('.nt-unitcurves-canvas')).toHaveAttribute('data-source', 'weights');
    assert.ok(r.flat().every((v) => v >= 0), 'ReLU outputs are never negative');
    assert.ok(bends(r).every((n) => n <= 2), `ReLU units are straight but for one kink: ${bends(r)}`);
    const menu = await pickChart(relu.page);
    assert.ok(menu.labels.some((l) => /Hidden units over x/.test(l)), menu.labels.join('|'));
    await menu.pick(menu.labels.find((l) => /Hidden units/.test(l)));
    const img = png((await download(relu.page, '.nt-export-png')).bytes);
    assert.equal(img.width, (await canvasSize(relu.page, '.nt-unitcurves-canvas')).w);
    await relu.finish();

    const tanh = await studio(app, 'data=sine&net=8:tanh,4:tanh&init=he_uniform');
    await tanh.page.waitForSelector('.nt-unitcurves-canvas', { state: 'visible' });
    const t = await unitCurves(tanh.page);
    assert.equal(t.length, 8);
    await expect(tanh.page.locator('.nt-unitcurves-canvas')).toHaveAttribute('data-source', 'weights');
    assert.ok(t.flat().some((v) => v < -0.05), 'tanh units go negative');
    assert.ok(t.flat().every((v) => Math.abs(v) <= 1), 'tanh stays within ±1');
    assert.ok(bends(t).filter((n) => n > 4).length >= 4, `tanh units bend smoothly over many points: ${bends(t)}`);
    // The second hidden layer on request.
    await tanh.page.selectOption('.nt-unitcurves-pick select', { label: 'Layer 2' });
    await tanh.page.waitForFunction(() => JSON.parse(document.querySelector('.nt-unitcurves-canvas').dataset.values).length === 4);
    await expect(tanh.page.locator('.nt-unitcurves-canvas')).toHaveAttribute('data-source', 'weights');
    await tanh.finish();
  });

  test('looks finished at desktop and 360 px width', async ({ app }) => {
    const desk = await studio(app, 'data=sine&net=8:relu&init=he_uniform&opt=adam&lr=0.01');
    await desk.page.waitForSelector('.nt-unitcurves-canvas', { state: 'visible' });
    // Trained a little, so the kinks have moved apart.
    await desk.page.click('.nt-play');
    await desk.page.waitForFunction(() => Number(document.querySelector('.nt-view').dataset.step) >= 1500, null, { timeout: 30000 });
    await desk.page.click('.nt-play');
    await desk.page.waitForFunction(() => document.querySelector('.nt-view').dataset.running === 'false');
    await nextFrames(desk.page);  // the last frame's charts drawn before the screenshot
    await desk.page.locator('.nt-output').screenshot({ path: `${artifacts}studio-units-desktop.png` });
    await desk.page.locator('.nt-export').screenshot({ path: `${artifacts}studio-export-desktop.png` });
    await desk.finish();
    // Both languages.
    const zh = await studio(app, 'lang=zh&data=sine');
    await zh.page.waitForSelector('.nt-unitcurves-canvas', { state: 'visible' });
    for (const s of ['导出与导入', '下载 PNG', '导入模型…', '每个隐藏单元']) assert.ok((await zh.page.textContent('.nt-view')).includes(s), s);
    await zh.finish();
    const phone = await studio(app, 'data=sine&net=8:tanh&init=he_uniform', PHONE);
    await phone.page.waitForSelector('.nt-unitcurves-canvas', { state: 'visible' });
    await assertNoHorizontalOverflow(phone.page);
    await phone.page.locator('.nt-output').screenshot({ path: `${artifacts}studio-units-phone.png` });
    await phone.page.click('.nt-export-summary');  // a phone shows the export band closed
    await phone.page.locator('.nt-export').screenshot({ path: `${artifacts}studio-export-phone.png` });
    await phone.finish();
  });
});
