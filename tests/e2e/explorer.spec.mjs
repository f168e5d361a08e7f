// The activation explorer: selection, parameter sliders, the hover readout,
// the chain view, formulas, the x-range, the figure preset, and smoothness
// while a slider is dragged.
import assert from 'node:assert/strict';
import { artifacts, assertNoHorizontalOverflow, expect, PHONE, test, text, value, waitForHash } from './fixtures.mjs';

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

/** Readout row values for the activation in slot i: [f, f′]. */
async function readout(page, i) {
  const row = `.readout-table tbody tr:nth-child(${i + 1})`;
  return [await value(page, `${row} td[data-col="f"]`), await value(page, `${row} td[data-col="df"]`)];
}

test.describe('activation explorer', () => {
  test('overlays the selected activations, each with its own colour and dash', async ({ app }) => {
    const { page, finish } = await app.open();
    const legend = () => page.$$eval('.legend-item', (els) => els.map((e) => e.textContent));
    assert.deepEqual(await legend(), ['Sigmoid', 'Tanh', 'ReLU']);
    await page.check('.picker-item[data-act="leaky_relu"] input');
    await page.waitForFunction(() => document.querySelectorAll('.legend-item').length === 4);
    assert.deepEqual(await legend(), ['Sigmoid', 'Tanh', 'ReLU', 'Leaky ReLU (α = 0.01)']);
    const styles = await page.$$eval('.legend .swatch-line', (els) =>
      els.map((e) => `${e.getAttribute('class')}|${e.getAttribute('stroke-dasharray') ?? 'solid'}`),
    );
    assert.equal(new Set(styles).size, 4, styles.join(' '));
    assert.equal(new Set(styles.map((s) => s.split('|')[1])).size, 4, 'dash patterns differ');
    await expect(page.locator('.param-group[data-act="leaky_relu"]')).toBeVisible();
    assert.match(await waitForHash(page, 'acts=sigmoid,tanh,relu,leaky_relu'), /acts=/);

    // Six at most: the other boxes are then disabled, with a hint.
    for (const name of ['elu', 'gelu']) await page.check(`.picker-item[data-act="${name}"] input`);
    await page.waitForFunction(() => document.querySelectorAll('.legend-item').length === 6);
    await expect(page.locator('.picker-item[data-act="mish"] input')).toBeDisabled();
    await expect(page.locator('#picker-hint')).toHaveText(/6 selected/);
    // Unchecking one by keyboard: focus and Space.
    await page.focus('.picker-item[data-act="tanh"] input');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelectorAll('.legend-item').length === 5);
    await expect(page.locator('.picker-item[data-act="mish"] input')).toBeEnabled();
    await page.screenshot({ path: `${artifacts}explore-six.png`, fullPage: true });
    await finish();
  });

  test('redraws live when a parameter slider moves, by mouse value or by keyboard', async ({ app }) => {
    const { page, finish } = await app.open('#acts=leaky_relu,elu&x=-10,10');
    // x = −10 + 20·i/800, so sample 320 is x = −2.
    await page.fill('.probe-range', '320');
    await page.waitForFunction(() => document.querySelector('.readout')?.dataset.x === '-2');
    let [f, df] = await readout(page, 0);
    assert.ok(Math.abs(f - -0.02) < 1e-6 && Math.abs(df - 0.01) < 1e-6, `${f} ${df}`);

    await page.fill('.param-group[data-act="leaky_relu"] .slider-number', '0.2');
    await page.press('.param-group[data-act="leaky_relu"] .slider-number', 'Enter');
    await page.waitForFunction(() => document.querySelector('.readout-table td[data-col="f"]')?.dataset.value.startsWith('-0.4'));
    [f, df] = await readout(page, 0);
    assert.ok(Math.abs(f - -0.4) < 1e-6 && Math.abs(df - 0.2) < 1e-6, `${f} ${df}`);
    assert.match(await waitForHash(page, 'leaky_relu.alpha:0.2'), /p=leaky_relu\.alpha:0\.2/);

    // The ELU α slider by keyboard: two steps of 0.1 from the default 1.
    await page.focus('.param-group[data-act="elu"] .slider-range');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => Math.abs(Number(document.querySelectorAll('.readout-table td[data-col="f"]')[1]?.dataset.value) - 1.2 * Math.expm1(-2)) < 1e-5);
    await expect(page.locator('.legend')).toHaveText(/ELU \(α = 1.2\)/);
    await expect(page.locator('.formula-card[data-act="leaky_relu"] .chips')).toHaveText(/f′\(0\) = 0.2/);
    await finish();
  });

  test('hovering a chart reads out x, f(x) and f′(x) for every selected activation', async ({ app }) => {
    const { page, finish } = await app.open('#acts=sigmoid,tanh,relu&x=-6,6');
    const box = await page.locator('[data-chart="f"] .u-over').boundingBox();
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    await page.waitForFunction(() => Number(document.querySelector('.readout')?.dataset.x) > 2);
    const x = Number(await page.getAttribute('.readout', 'data-x'));
    assert.ok(Math.abs(x - 3) < 0.2, `x = ${x}`);
    assert.match(await text(page, '.readout-x'), /^x = /);
    const want = [
      [sigmoid(x), sigmoid(x) * (1 - sigmoid(x))],
      [Math.tanh(x), 1 - Math.tanh(x) ** 2],
      [x, 1],
    ];
    for (let i = 0; i < 3; i++) {
      const [f, df] = await readout(page, i);
      assert.ok(Math.abs(f - want[i][0]) < 1e-5 && Math.abs(df - want[i][1]) < 1e-5, `slot ${i}: ${f} ${df}`);
    }
    // The f′ chart's cursor follows (synced charts).
    assert.equal(await page.$eval('[data-chart="df"] .u-cursor-x', (e) => getComputedStyle(e).display !== 'none'), true);
    await page.screenshot({ path: `${artifacts}explore-hover.png` });
    await finish();
  });

  test('the chain view shows max|f′|ⁿ: 0.25⁵ for Sigmoid, 1 for ReLU', async ({ app }) => {
    const { page, finish } = await app.open('#acts=sigmoid,relu,tanh&n=5');
    const chain = (i) => `.chain-list li:nth-child(${i + 1}) .chain-value`;
    assert.equal(await value(page, chain(0)), 0.25 ** 5);
    assert.match(await text(page, chain(0)), /^0\.25⁵ = 9\.77 × 10⁻⁴$/);
    assert.equal(await value(page, chain(1)), 1);
    assert.equal(await value(page, chain(2)), 1);
    await expect(page.locator('.chain-list li:nth-child(1) .chain-verdict')).toHaveText(/vanishes/);
    await page.fill('.chain .slider-range', '10');
    await page.waitForFunction(() => Number(document.querySelector('.chain-value')?.dataset.value) < 1e-5);
    assert.equal(await value(page, chain(0)), 0.25 ** 10);
    assert.match(await waitForHash(page, 'n=10'), /n=10/);
    await page.locator('.chain').scrollIntoViewIfNeeded();
    await page.waitForSelector('.chain .katex');
    await finish();
  });

  test('the chain view calls a slope above 1 a growing bound, not an explosion, in both languages', async ({ app }) => {
    const { page, finish } = await app.open('#acts=gelu,selu,relu&n=10');
    const verdict = (i) => text(page, `.chain-list li:nth-child(${i + 1}) .chain-verdict`);
    assert.ok(Math.abs((await value(page, '.chain-list li:nth-child(1) .chain-value')) - 1.129 ** 10) < 0.01 * 1.129 ** 10);
    for (const i of [0, 1]) assert.equal(await verdict(i), 'only the bound grows');
    assert.equal(await verdict(2), 'bound stays 1');
    const lead = await text(page, '.chain .lead');
    assert.doesNotMatch(lead, /makes it explode/);
    assert.match(lead, /may grow but need not explode/);
    await page.click('button[data-lang="zh"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.equal(await verdict(0), '仅上界增长');
    await expect(page.locator('.chain .lead')).toHaveText(/不一定爆炸/);
    await finish();
  });

  test('typesets f and f′ with KaTeX and lists the properties', async ({ app }) => {
    const { page, finish } = await app.open('#acts=sigmoid,relu');
    await page.waitForFunction(() => document.querySelectorAll('.formula-card .tex .katex').length === 4);
    const chips = await text(page, '.formula-card[data-act="sigmoid"] .chips');
    for (const want of ['range 0 … 1', 'not zero-centred', 'saturates on both sides', 'max f′ = 0.25', 'f′(0) = 0.25']) {
      assert.ok(chips.includes(want), `${want} in ${chips}`);
    }
    await expect(page.locator('.formula-card[data-act="relu"] .chips')).toHaveText(/saturates for x < 0.*max f′ = 1/);
    await page.screenshot({ path: `${artifacts}explore-formulas.png`, fullPage: true });
    await finish();
  });

  test('renders every formula card at once, and on a phone no formula wraps mid-expression', async ({ app }) => {
    const { page, finish } = await app.open('#acts=rrelu,prelu,selu,gelu,elu,mish', PHONE);
    // No scrolling: every card is typeset although most are far below the fold.
    await page.waitForFunction(() => document.querySelectorAll('.formula-card .tex .katex').length === 12, null, { timeout: 10000 });
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    // KaTeX lays a formula out as a row of pieces (the children of .katex-html);
    // on one line each starts where the previous one ends, so a piece that
    // starts left of its predecessor's right edge (0.5 px for rounding) wrapped.
    const split = await page.$$eval('.formula-card .tex .katex-html', (els) =>
      els
        .map((e) => {
          const boxes = [...e.children].map((b) => b.getBoundingClientRect());
          const wrapped = boxes.some((r, i) => i > 0 && r.left < boxes[i - 1].right - 0.5);
          return wrapped ? `${e.closest('.formula-card').dataset.act}: ${boxes.map((r) => `${r.left.toFixed(0)}-${r.right.toFixed(0)}`).join(' ')}` : null;
        })
        .filter(Boolean),
    );
    assert.deepEqual(split, []);
    // What does not fit scrolls, and a scrolling formula is a tab stop (3 px: KaTeX's spacer, formulas.ts).
    const stuck = await page.$$eval('.formula-card .tex', (els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 3 && e.tabIndex !== 0).map((e) => e.dataset.tex),
    );
    assert.deepEqual(stuck, []);
    assert.ok((await page.$$('.formula-card .tex[tabindex="0"]')).length > 0, 'RReLU at least scrolls on a phone');
    await assertNoHorizontalOverflow(page);
    await page.locator('.formula-card[data-act="gelu"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${artifacts}explore-formulas-phone.png`, fullPage: true });
    await finish();
  });

  test('changes the x-range, refuses a bad one in place, and switches to the article figure', async ({ app }) => {
    const { page, finish } = await app.open();
    await page.fill('.x-box:first-child input', '-3');
    await page.fill('.x-box:last-child input', '3');
    await page.press('.x-box:last-child input', 'Tab');
    assert.match(await waitForHash(page, 'x=-3,3'), /x=-3,3/);
    await page.fill('.x-box:first-child input', '5');
    await page.press('.x-box:first-child input', 'Tab');
    await expect(page.locator('.x-range .field-error')).toHaveText(/at least 0.1 apart/);
    assert.equal(await page.getAttribute('.x-box:first-child input', 'aria-invalid'), 'true');
    await page.click('.x-range .chip-button:has-text("±10")');
    assert.match(await waitForHash(page, 'x=-10,10'), /x=-10,10/);

    await page.click('.segment:has(input[value="figure"])');
    await page.waitForSelector('.panel');
    assert.equal(await page.$$eval('.panel', (els) => els.length), 6);
    await expect(page.locator('.explore-body')).toBeHidden();
    assert.match(await waitForHash(page, 'layout=figure'), /layout=figure/);
    await page.click('.segment:has(input[value="overlay"])');
    await page.waitForSelector('.explore-body', { state: 'visible' });
    await finish();
  });

  // Timings are measured and reported, never asserted (the machines are shared).
  test('follows a dragged slider (and reports long tasks)', async ({ app }) => {
    const { page, finish } = await app.open('#acts=leaky_relu,elu,gelu,swish,mish,rrelu&x=-20,20');
    // Settled before measuring: every formula typeset (KaTeX is loaded after first paint).
    await expect(page.locator('.formula-card .tex .katex')).toHaveCount(12);
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    });
    await page.locator('.param-group[data-act="elu"] .slider-range').scrollIntoViewIfNeeded();
    const box = await page.locator('.param-group[data-act="elu"] .slider-range').boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 4, y);
    await page.mouse.down();
    for (let i = 0; i <= 40; i++) await page.mouse.move(box.x + 4 + ((box.width + 10) * i) / 40, y);
    await page.mouse.up();
    await expect(page.locator('.legend')).toContainText('ELU (α = 5)');
    const long = await page.evaluate(() => window.__long);
    console.log(`# long tasks while dragging: ${long.length ? long.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none'}`);
    await finish();
  });
});
