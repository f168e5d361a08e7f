// The softmax lab: the article's numbers, the overflow beside the stable
// softmax, temperature, the percentages error on a negative sum, editing
// logits (typing, dragging, keyboard, add/remove) and cross-entropy.
import assert from 'node:assert/strict';
import { artifacts, expect, test, text, value, waitForHash } from './fixtures.mjs';

/** The values of one output card, as the page shows them. */
const shown = (page, output) =>
  page.$$eval(`[data-output="${output}"] .bar-value`, (els) => els.map((e) => e.textContent.replaceAll('−', '-')));
const raw = (page, output) =>
  page.$$eval(`[data-output="${output}"] .bar-value`, (els) => els.map((e) => Number(e.dataset.value)));

test.describe('softmax lab', () => {
  test('shows the article example [2, 3, 5] beside plain percentages', async ({ app }) => {
    const { page, finish } = await app.open('#view=softmax');
    assert.equal(await page.getAttribute('#tab-softmax', 'aria-selected'), 'true');
    assert.deepEqual(await shown(page, 'softmax'), ['0.042', '0.114', '0.844']);
    const p = await raw(page, 'softmax');
    [0.04201007, 0.1141952, 0.84379473].forEach((want, i) => assert.ok(Math.abs(p[i] - want) < 1e-7, `p${i} = ${p[i]}`));
    assert.deepEqual(await shown(page, 'percentages'), ['0.200', '0.300', '0.500']);
    assert.deepEqual(await shown(page, 'naive'), ['0.042', '0.114', '0.844']);
    assert.deepEqual(await shown(page, 'logsoftmax'), ['-3.170', '-2.170', '-0.170']);
    await expect(page.locator('.argmax')).toHaveText(/class 3 \(z₃ = 5\)/);
    assert.equal(await page.$$eval('[data-output="softmax"] .bar-row.is-top', (els) => els.length), 1);
    // Cross-entropy for the default target (class 3): −log 0.8438, gradient p − y.
    assert.ok(Math.abs((await value(page, '.loss-value')) - 0.16985) < 1e-4);
    assert.deepEqual(await shown(page, 'cross-entropy'), ['0.042', '0.114', '-0.156']);
    await page.locator('.jacobian').scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-output="softmax"] .katex');
    await page.click('.jacobian .chart-table-toggle');
    const cells = await page.$$eval('.jacobian table td', (els) => els.map((e) => Number(e.textContent.replaceAll('−', '-'))));
    assert.equal(cells.length, 9);
    for (let i = 0; i < 3; i++) assert.ok(Math.abs(cells[3 * i] + cells[3 * i + 1] + cells[3 * i + 2]) < 1e-3, 'rows sum to 0');
    await page.screenshot({ path: `${artifacts}softmax-en.png`, fullPage: true });
    await finish();
  });

  test('the overflow preset: the naive softmax gives NaN while the stable one gives [0, 0, 1]', async ({ app }) => {
    const { page, finish } = await app.open('#view=softmax');
    await page.click('.preset[data-preset="20,300,5000"]');
    await page.waitForFunction(() => document.querySelector('[data-output="naive"] .bar-row.is-bad'));
    assert.deepEqual(await shown(page, 'softmax'), ['0', '0', '1']);
    const naive = await shown(page, 'naive');
    assert.ok(naive.includes('NaN'), naive.join(' '));
    await expect(page.locator('[data-output="naive"] .output-note')).toHaveText(/overflows float32/);
    assert.deepEqual(await shown(page, 'logsoftmax'), ['-4980', '-4700', '0.000']);
    assert.match(await waitForHash(page, 'z=20,300,5000'), /z=20,300,5000/);
    await page.screenshot({ path: `${artifacts}softmax-overflow.png`, fullPage: true });
    await finish();
  });

  test('temperature sharpens and flattens the distribution; argmax stays', async ({ app }) => {
    const { page, finish } = await app.open('#view=softmax&z=2,3,5');
    await page.fill('.temperature .slider-number', '0.5');
    await page.press('.temperature .slider-number', 'Enter');
    await page.waitForFunction(() => Number(document.querySelectorAll('[data-output="softmax"] .bar-value')[2].dataset.value) > 0.97);
    const sharp = await raw(page, 'softmax');
    const e = [2, 3, 5].map((z) => Math.exp(z / 0.5));
    e.forEach((v, i) => assert.ok(Math.abs(sharp[i] - v / (e[0] + e[1] + e[2])) < 1e-6));
    assert.match(await waitForHash(page, 'T=0.5'), /T=0\.5/);
    await expect(page.locator('[data-output="percentages"] .output-note')).toHaveText(/ignore the temperature/);
    // The slider by keyboard: a step up, then End for the hottest T = 10.
    await page.focus('.temperature .slider-range');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('.temperature .slider-number').value === '0.51');
    await page.keyboard.press('End');
    assert.match(await waitForHash(page, 'T=10'), /T=10/);
    await page.waitForFunction(() => Number(document.querySelectorAll('[data-output="softmax"] .bar-value')[2].dataset.value) < 0.6);
    const flat = await raw(page, 'softmax');
    assert.ok(flat[2] < 0.6 && flat[0] > 0.15, flat.join(' '));
    await expect(page.locator('.argmax')).toHaveText(/class 3/);
    await finish();
  });

  test('percentages show the engine’s error in place when Σz ≤ 0', async ({ app }) => {
    const { page, finish } = await app.open('#view=softmax');
    await page.click('.preset[data-preset="-1,2,-3"]');
    await page.waitForSelector('[data-output="percentages"].has-error');
    await expect(page.locator('[data-output="percentages"] .output-error')).toHaveText(/needs a positive sum/);
    assert.match(await text(page, '[data-output="percentages"] .output-error-detail'), /percentages: .*Σz = -2/);
    await expect(page.locator('[data-output="percentages"] .bars')).toBeHidden();
    assert.equal((await raw(page, 'softmax')).length, 3, 'softmax is still shown');
    await finish();
  });

  test('edits logits by typing, dragging, arrow keys, adding and removing', async ({ app }) => {
    const { page, finish } = await app.open('#view=softmax&z=2,3,5');
    await page.fill('.logit-col[data-index="0"] .logit-input', '6');
    assert.match(await waitForHash(page, 'z=6,3,5'), /z=6,3,5/);
    await expect(page.locator('.argmax')).toHaveText(/class 1/);

    // Drag z₂'s bar to the top of its track: the scale is ±10.
    const track = await page.locator('.logit-col[data-index="1"] .logit-track').boundingBox();
    await page.mouse.move(track.x + track.width / 2, track.y + track.height / 2);
    await page.mouse.down();
    await page.mouse.move(track.x + track.width / 2, track.y + 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => Number(document.querySelector('.logit-col[data-index="1"] .logit-input').value) > 9);
    await expect(page.locator('.argmax')).toHaveText(/class 2/);

    // One arrow step is 1/100 of the bar scale (aria-valuemax).
    await page.focus('.logit-col[data-index="2"] .logit-track');
    const step = Number(await page.getAttribute('.logit-col[data-index="2"] .logit-track', 'aria-valuemax')) / 100;
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((v) => document.querySelector('.logit-col[data-index="2"] .logit-input').value === v, String(5 - step));
    assert.equal(await page.getAttribute('.logit-col[data-index="2"] .logit-track', 'aria-valuenow'), String(5 - step));

    await page.click('.logit-add');
    await page.waitForSelector('.logit-col[data-index="3"]');
    assert.equal((await raw(page, 'softmax')).length, 4);
    await page.click('.jacobian .chart-table-toggle');
    assert.equal(await page.$$eval('.jacobian table td', (els) => els.length), 16);
    await page.click('.logit-col[data-index="0"] .logit-remove');
    await page.waitForFunction(() => document.querySelectorAll('.logit-col').length === 3);
    await page.click('.logit-col[data-index="0"] .logit-remove');
    await page.waitForFunction(() => document.querySelectorAll('.logit-col').length === 2);
    await expect(page.locator('.logit-col[data-index="0"] .logit-remove'), 'two logits at least').toBeDisabled();
    const sum = (await raw(page, 'softmax')).reduce((a, b) => a + b);
    assert.ok(Math.abs(sum - 1) < 1e-6);
    await finish();
  });

  test('choosing the target class changes the loss and the gradient p − y', async ({ app }) => {
    const { page, finish } = await app.open('#view=softmax&z=2,3,5&target=2');
    await page.check('.targets input[value="0"]');
    await page.waitForFunction(() => Number(document.querySelector('.loss-value').dataset.value) > 3);
    assert.ok(Math.abs((await value(page, '.loss-value')) + Math.log(0.04201007)) < 1e-4);
    assert.deepEqual(await shown(page, 'cross-entropy'), ['-0.958', '0.114', '0.844']);
    assert.match(await waitForHash(page, 'target=0'), /target=0/);
    await finish();
  });
});
