// Accessibility end to end: axe-core's WCAG 2.0/2.1 A and AA rules report no
// violation on every view (explorer, its figure, softmax lab, studio, a lesson
// open) and on embed.html, in light and dark, 中文 and English.
// axe is evaluated from node_modules through the DevTools protocol, which the
// page's strict CSP does not govern (an inline <script> tag would be refused),
// so the page under test keeps its real policy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DESKTOP, expect, PHONE, revealFormulas, test } from './fixtures.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page; returns one line per violating node: rule, selector, why. */
async function violations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), TAGS);
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} ${n.target.join(' ')}: ${(n.any[0] ?? n.all[0] ?? n.none[0])?.message ?? v.help}`),
  );
}

/** Trains for 40 steps and pauses, so the charts and the confusion matrix hold real values. */
async function trainAWhile(page) {
  await page.click('.nt-play');
  await page.waitForFunction(() => Number(document.querySelector('.nt-view')?.dataset.step) >= 40, null, { timeout: 20000 });
  await page.click('.nt-play');
}

// What each view waits for before it is checked: its content drawn, formulas typeset.
const VIEWS = [
  { name: 'explorer', hash: '#view=explore&acts=sigmoid,relu,gelu,selu', ready: '.formula-card .katex' },
  { name: 'article figure', hash: '#view=explore&layout=figure', ready: '.panel .u-over' },
  { name: 'softmax lab', hash: '#view=softmax', ready: '.output .katex' },
  { name: 'studio', hash: '#view=train', ready: '.nt-play:not([disabled])', act: trainAWhile },
  { name: 'a lesson', hash: '#lesson=dead-relu', ready: '.lesson[data-lesson="dead-relu"]' },
];

test.describe('axe-core: WCAG 2.1 A and AA', () => {
  for (const theme of ['light', 'dark']) {
    for (const lang of ['en', 'zh']) {
      for (const view of VIEWS) {
        test(`${view.name}, ${theme}, ${lang}: no violations`, async ({ app }) => {
          const { page, finish } = await app.open(`${view.hash}&theme=${theme}&lang=${lang}`, DESKTOP);
          await expect(page.locator(view.ready).first()).toBeVisible({ timeout: 20000 });
          await view.act?.(page);
          await revealFormulas(page);
          assert.deepEqual(await violations(page), []);
          await finish();
        });
      }
      test(`embed.html, ${theme}, ${lang}: no violations`, async ({ app }) => {
        for (const view of ['explore', 'softmax']) {
          const { page, finish } = await app.open(`embed.html#view=${view}&theme=${theme}&lang=${lang}`, DESKTOP);
          await revealFormulas(page);
          assert.deepEqual(await violations(page), [], view);
          await finish();
        }
      });
    }
  }

  test('with every chart table open (explorer, figure, softmax lab; light and dark)', async ({ app }) => {
    for (const theme of ['light', 'dark']) {
      for (const hash of ['#view=explore', '#view=explore&layout=figure', '#view=softmax']) {
        const { page, finish } = await app.open(`${hash}&theme=${theme}`, DESKTOP);
        const toggles = page.locator('.chart-table-toggle:visible');
        await toggles.first().waitFor();
        for (const toggle of await toggles.all()) await toggle.click();
        await expect(page.locator('.chart-table table').first()).toBeVisible();
        await revealFormulas(page);
        assert.deepEqual(await violations(page), [], `${hash} ${theme}`);
        await finish();
      }
    }
  });

  test('on a phone too (explorer, softmax lab and studio, light)', async ({ app }) => {
    for (const hash of ['#view=explore&acts=rrelu,prelu,selu', '#view=softmax', '#view=train']) {
      const { page, finish } = await app.open(hash, PHONE);
      await revealFormulas(page);
      assert.deepEqual(await violations(page), [], hash);
      await finish();
    }
  });

  test('would see a violation (control: an unlabeled input added to the page)', async ({ app }) => {
    const { page, finish } = await app.open('#view=explore', DESKTOP);
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { type: 'text', id: 'axe-control' })));
    assert.ok((await violations(page)).some((v) => v.startsWith('label ') && v.includes('#axe-control')));
    await finish();
  });
});
