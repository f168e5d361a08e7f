// Accessibility end to end: axe-core's WCAG 2.0/2.1 A and AA rules report no
// violation on every view (explorer, its figure, softmax lab, studio, a lesson
// open) and on embed.html, in light and dark, 中文 and English.
// axe is evaluated from node_modules through the DevTools protocol, which the
// page's strict CSP does not govern (an inline <script> tag would be refused),
// so the page under test keeps its real policy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { assertClean, DESKTOP, PHONE, revealFormulas, useBrowser } from './common.mjs';

const app = useBrowser();
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

describe('axe-core: WCAG 2.1 A and AA', () => {
  for (const theme of ['light', 'dark']) {
    for (const lang of ['en', 'zh']) {
      for (const view of VIEWS) {
        it(`${view.name}, ${theme}, ${lang}: no violations`, async () => {
          const { page, finish } = await app.open(`${view.hash}&theme=${theme}&lang=${lang}`, DESKTOP);
          await page.waitForSelector(view.ready, { state: 'visible', timeout: 20000 });
          await view.act?.(page);
          await revealFormulas(page);
          assert.deepEqual(await violations(page), []);
          assertClean(await finish());
        });
      }
      it(`embed.html, ${theme}, ${lang}: no violations`, async () => {
        for (const view of ['explore', 'softmax']) {
          const { page, finish } = await app.open(`embed.html#view=${view}&theme=${theme}&lang=${lang}`, DESKTOP);
          await revealFormulas(page);
          assert.deepEqual(await violations(page), [], view);
          assertClean(await finish());
        }
      });
    }
  }

  it('with every chart table open (explorer, figure, softmax lab; light and dark)', async () => {
    for (const theme of ['light', 'dark']) {
      for (const hash of ['#view=explore', '#view=explore&layout=figure', '#view=softmax']) {
        const { page, finish } = await app.open(`${hash}&theme=${theme}`, DESKTOP);
        const toggles = page.locator('.chart-table-toggle:visible');
        await toggles.first().waitFor();
        for (const toggle of await toggles.all()) await toggle.click();
        await page.locator('.chart-table table').first().waitFor();
        await revealFormulas(page);
        assert.deepEqual(await violations(page), [], `${hash} ${theme}`);
        assertClean(await finish());
      }
    }
  });

  it('on a phone too (explorer, softmax lab and studio, light)', async () => {
    for (const hash of ['#view=explore&acts=rrelu,prelu,selu', '#view=softmax', '#view=train']) {
      const { page, finish } = await app.open(hash, PHONE);
      await revealFormulas(page);
      assert.deepEqual(await violations(page), [], hash);
      assertClean(await finish());
    }
  });

  it('would see a violation (control: an unlabeled input added to the page)', async () => {
    const { page, finish } = await app.open('#view=explore', DESKTOP);
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { type: 'text', id: 'axe-control' })));
    assert.ok((await violations(page)).some((v) => v.startsWith('label ') && v.includes('#axe-control')));
    assertClean(await finish());
  });
});
