// Beyond axe: what a screen-reader or keyboard-only student needs on the
// explorer and the softmax lab. Every chart has a live text summary (updated at
// a low rate) and a "Show as table" toggle; events are announced in the page's
// polite live region; every control is reached with Tab; reduced motion stops
// every transition and animation.
import assert from 'node:assert/strict';
import { artifacts, assertNoHorizontalOverflow, DESKTOP, expect, PHONE, revealFormulas, test, text } from './fixtures.mjs';

// ui/chart-alt.ts: SUMMARY_INTERVAL. Timers may fire late on a busy machine, never early.
const SUMMARY_INTERVAL = 1500;

/** Every chart's text alternative under `root`: its summary text and whether it has a toggle. */
function alternatives(page, charts) {
  return page.$$eval(charts, (els) =>
    els.map((e) => ({
      live: e.querySelector('.chart-summary')?.getAttribute('aria-live') ?? null,
      summary: e.querySelector('.chart-summary')?.textContent ?? '',
      toggle: e.querySelector('.chart-table-toggle')?.textContent ?? '',
    })),
  );
}

test.describe('screen readers and keyboards', () => {
  test('every explorer chart has a live summary with its current values and a table behind a toggle', async ({ app }) => {
    const { page, finish } = await app.open('#acts=sigmoid,relu&x=-4,4&n=5', DESKTOP);
    const alts = await alternatives(page, '.chart-card, .chain-chart');
    assert.equal(alts.length, 3);
    for (const a of alts) {
      assert.equal(a.live, 'polite');
      assert.equal(a.toggle, 'Show as table');
    }
    // The probe starts at x = 0: σ(0) = 0.5, σ′(0) = 0.25; the chain bound at n = 5 is 0.25⁵.
    assert.equal(alts[0].summary, 'f(x) of Sigmoid, ReLU, for x from −4 to 4. At x = 0: Sigmoid 0.5; ReLU 0.');
    assert.match(alts[1].summary, /At x = 0: Sigmoid 0\.25; ReLU /);
    assert.match(alts[2].summary, /At n = 5: Sigmoid 9\.77 × 10⁻⁴; ReLU 1\./);

    // The table, opened from the keyboard: x and one column per activation, 21 sampled rows.
    await page.focus('[data-chart="f"] .chart-table-toggle');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-chart="f"] .chart-table table', { state: 'visible' });
    assert.equal(await page.getAttribute('[data-chart="f"] .chart-table-toggle', 'aria-expanded'), 'true');
    await expect(page.locator('[data-chart="f"] .chart-table-toggle')).toHaveText('Hide table');
    const head = await page.$$eval('[data-chart="f"] thead th', (els) => els.map((e) => e.textContent));
    assert.deepEqual(head, ['x', 'Sigmoid', 'ReLU']);
    const rows = await page.$$eval('[data-chart="f"] tbody tr', (els) => els.map((r) => [...r.children].map((c) => Number(c.textContent.replaceAll('−', '-')))));
    assert.equal(rows.length, 21);
    assert.deepEqual(rows[0].slice(0, 1), [-4]);
    assert.deepEqual(rows[20].slice(0, 1), [4]);
    for (const [x, s, r] of rows) {
      // Four significant digits are shown: 5e-4 relative covers the rounding.
      assert.ok(Math.abs(s - 1 / (1 + Math.exp(-x))) <= 5e-4 * Math.abs(s), `σ(${x}) = ${s}`);
      assert.equal(r, Math.max(0, x));
    }
    // An open table follows the data at once.
    await page.check('.picker-item[data-act="tanh"] input');
    await page.waitForFunction(() => document.querySelectorAll('[data-chart="f"] thead th').length === 4);
    await page.keyboard.press('Escape');
    await page.click('[data-chart="f"] .chart-table-toggle');
    assert.equal(await page.isHidden('[data-chart="f"] .chart-table'), true);
    await page.screenshot({ path: `${artifacts}a11y-explore.png`, fullPage: true });
    await finish();
  });

  test('the live summary follows the probe, but at most once per interval', async ({ app }) => {
    const { page, finish } = await app.open('#acts=sigmoid&x=-10,10', DESKTOP);
    await page.evaluate(() => {
      window.__changes = [];
      const summary = document.querySelector('[data-chart="f"] .chart-summary');
      new MutationObserver(() => window.__changes.push({ at: performance.now(), text: summary.textContent })).observe(summary, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    // 40 keyboard steps of the probe, as fast as the keyboard goes: x = 0 + 40 · 20/800 = 1.
    await page.focus('.probe-range');
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-chart="f"] .chart-summary').textContent.includes('At x = 1:'), null, { timeout: 10000 });
    const changes = await page.evaluate(() => window.__changes);
    assert.ok(changes.length <= 3, `${changes.length} summaries for 40 steps`);
    for (let i = 1; i < changes.length; i++) {
      assert.ok(changes[i].at - changes[i - 1].at >= SUMMARY_INTERVAL - 20, `changes ${changes.map((c) => c.at.toFixed(0)).join(', ')} ms`);
    }
    assert.match(changes.at(-1).text, /At x = 1: Sigmoid 0\.7311\.$/);
    await finish();
  });

  test('the article figure: each panel has a summary and a table', async ({ app }) => {
    const { page, finish } = await app.open('#layout=figure&lang=zh', DESKTOP);
    await page.waitForSelector('.panel .chart-summary');
    const alts = await alternatives(page, '.panel');
    assert.equal(alts.length, 6);
    assert.match(alts[0].summary, /^σ\(x\)，x 从 −10 到 10：x = −10: 0\.0000454；x = 0: 0\.5；x = 10: 1。$/);
    assert.ok(alts.every((a) => a.toggle === '以表格显示' && a.live === 'polite'));
    await page.click('.panel[data-panel="relu"] .chart-table-toggle');
    const cells = await page.$$eval('.panel[data-panel="relu"] tbody td', (els) => els.map((e) => Number(e.textContent.replaceAll('−', '-'))));
    assert.deepEqual(cells, Array.from({ length: 21 }, (_, k) => Math.max(0, k - 10)));
    await finish();
  });

  test('softmax lab: the Jacobian has a summary and a table; an overflow is announced politely', async ({ app }) => {
    const { page, finish } = await app.open('#view=softmax&z=2,3,5', DESKTOP);
    const [alt] = await alternatives(page, '.jacobian');
    // Diagonal pᵢ(1 − pᵢ) for p = (0.0420, 0.1142, 0.8438).
    assert.match(alt.summary, /Diagonal: 0\.0402, 0\.1012, 0\.1318\. Every row sums to 0\./);
    assert.equal(await page.locator('#announcer').count(), 0, 'nothing announced yet');
    // The overflow preset, chosen with the keyboard.
    await page.focus('.preset[data-preset="20,300,5000"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#announcer')?.textContent !== '' && document.querySelector('#announcer') !== null);
    assert.equal(await page.getAttribute('#announcer', 'aria-live'), 'polite');
    assert.equal(await text(page, '#announcer'), await text(page, '[data-output="naive"] .output-note'));
    await finish();
  });

  for (const [name, hash, root] of [
    ['the shell and the explorer', '#view=explore&acts=sigmoid,elu', 'body'],
    ['the shell and the softmax lab', '#view=softmax', 'body'],
  ]) {
    test(`${name}: Tab reaches every control, in order`, async ({ app }) => {
      const { page, finish } = await app.open(hash, DESKTOP);
      const controls = await page.$$eval(`${root} :is(a[href], button, input, select, textarea, [tabindex])`, (els) =>
        els
          .filter((e) => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
          // One stop per radio group, its checked button (arrow keys move within it).
          .filter((e, i, all) => {
            if (e.type !== 'radio') return true;
            const group = all.filter((o) => o.type === 'radio' && o.name === e.name);
            return group.some((o) => o.checked) ? e.checked : group[0] === e;
          })
          .map((e, i) => {
            e.dataset.tabstop = String(i);
            return `${i} ${e.outerHTML.slice(0, 70)}`;
          }),
      );
      assert.ok(controls.length > 10, `${controls.length} controls`);
      await page.focus(`${root} [data-tabstop="0"]`);
      const reached = [];
      for (let i = 0; i < controls.length * 2 + 20 && reached.length < controls.length; i++) {
        const here = await page.evaluate((r) => {
          const e = document.activeElement;
          return e && document.querySelector(r).contains(e) && e.dataset.tabstop ? `${e.dataset.tabstop} ${e.outerHTML.slice(0, 70)}` : null;
        }, root);
        if (here && here !== reached.at(-1)) reached.push(here);
        await page.keyboard.press('Tab');
      }
      assert.deepEqual(controls.filter((c) => !reached.includes(c)), [], 'never reached');
      assert.deepEqual(reached.filter((c) => controls.includes(c)), controls, 'in document order');
      await finish();
    });
  }

  test('on a phone no formula anywhere wraps mid-expression (lessons, softmax lab)', async ({ app }) => {
    for (const hash of ['#lesson=sigmoid-vanishing', '#lesson=elu-selu', '#lesson=gelu-swish', '#lesson=softmax-overflow', '#view=softmax']) {
      const { page, finish } = await app.open(hash, PHONE);
      await revealFormulas(page);
      await page.waitForFunction(() => [...document.querySelectorAll('[data-tex]')].every((e) => e.dataset.rendered === e.dataset.tex));
      // As in explorer.spec.mjs: a piece of .katex-html left of its predecessor's right edge started a new line.
      const split = await page.$$eval('[data-tex] .katex-html', (els) =>
        els
          .filter((e) => e.getClientRects().length > 0)
          .filter((e) => {
            const boxes = [...e.children].map((b) => b.getBoundingClientRect());
            return boxes.some((r, i) => i > 0 && r.left < boxes[i - 1].right - 0.5);
          })
          .map((e) => e.closest('[data-tex]').dataset.tex),
      );
      assert.deepEqual(split, [], hash);
      await assertNoHorizontalOverflow(page);
      await finish();
    }
  });

  test('prefers-reduced-motion: every transition and animation lasts 0 s', async ({ app }) => {
    const moving = (page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('*')].flatMap((e) =>
          [null, '::before', '::after'].flatMap((pseudo) => {
            const s = getComputedStyle(e, pseudo);
            const durations = [...s.transitionDuration.split(','), ...s.animationDuration.split(',')].map((d) => parseFloat(d));
            return durations.some((d) => d > 0) ? [`${e.tagName.toLowerCase()}.${e.className}${pseudo ?? ''}`] : [];
          }),
        ),
      );
    // The control: without the preference something on the page does move.
    const plain = await app.open('#view=explore', DESKTOP, { clean: false });
    assert.ok((await moving(plain.page)).length > 0, 'nothing animates without the preference');
    await plain.finish();
    for (const hash of ['#view=explore', '#view=softmax', '#lesson=dead-relu']) {
      const { page, finish } = await app.open(hash, { ...DESKTOP, reducedMotion: 'reduce' });
      assert.deepEqual(await moving(page), [], hash);
      await finish();
    }
  });
});
