// End-to-end: the strict Content-Security-Policy of vite.config.mjs
// (default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self')
// holds with zero violations on every page: index.html on each tab (with the
// figure, the formulas and a training run), embed.html, and the example course
// page with its elements and iframe. Violations are collected in every frame.
// A control first proves the policy is sent and that a violation is seen.
import assert from 'node:assert/strict';
import { contentSecurityPolicy } from '../../vite.config.mjs';
import { DESKTOP, nextFrames, revealFormulas, test } from './fixtures.mjs';

/** securitypolicyviolation events recorded in each frame (browser.mjs installs the listener in every frame). */
async function violations(page) {
  const all = [];
  for (const frame of page.frames()) {
    const list = await frame.evaluate(() => window.__csp ?? ['listener missing']);
    for (const v of list) all.push(`${frame.url()}: ${v}`);
  }
  return all;
}

async function scrollThrough(page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await nextFrames(page);
  }
}

test.describe('strict CSP', () => {
  test('is sent with every page, and a violation would be seen', async ({ app }) => {
    assert.match(contentSecurityPolicy, /style-src 'self'/);
    const { page, response, finish } = await app.open('#view=explore', DESKTOP, { clean: false });
    assert.equal(response.headers()['content-security-policy'], contentSecurityPolicy);
    // The control: an inline style element is refused and reported.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red; }';
      document.head.append(style);
    });
    await page.waitForFunction(() => window.__csp.length > 0);
    assert.match((await violations(page)).join('\n'), /style-src/);
    await finish();
  });

  test('index.html: every tab, the figure, the formulas and training, zero violations', async ({ app }) => {
    const { page, finish } = await app.open('#view=explore&layout=figure', DESKTOP);
    await revealFormulas(page);
    await page.click('#tab-softmax');
    await page.waitForSelector('#view-softmax:not([hidden])');
    await scrollThrough(page);
    await page.click('#tab-train');
    await page.waitForSelector('.nt-play:not([disabled])', { timeout: 20000 });
    await page.click('[data-preset="digits"]');
    await page.click('.nt-play');
    await page.waitForFunction(() => Number(document.querySelector('.nt-view')?.dataset.step) > 50, null, { timeout: 20000 });
    await page.click('.nt-play');
    await scrollThrough(page);
    await page.click('#tab-explore');
    await page.click('#embed-button');
    await page.waitForSelector('#embed-dialog[open]');
    assert.deepEqual(await violations(page), []);
    await finish();
  });

  test('embed.html on each view, zero violations', async ({ app }) => {
    for (const view of ['explore', 'softmax', 'train']) {
      const { page, finish } = await app.open(`embed.html#view=${view}&lang=zh`, DESKTOP);
      await scrollThrough(page);
      if (view === 'train') await page.waitForSelector('.nt-play:not([disabled])', { timeout: 20000 });
      assert.deepEqual(await violations(page), [], view);
      await finish();
    }
  });

  test('the course page with two elements and an iframe, zero violations in any frame', async ({ app }) => {
    const { page, finish } = await app.open('examples/course-page.html', DESKTOP, { ready: false });
    await scrollThrough(page);
    await page.waitForFunction(() => (window.courseEvents ?? []).filter((e) => e.type === 'ready').length === 2, null, { timeout: 20000 });
    const frames = page.frames().filter((f) => f.url().includes('embed.html'));
    assert.equal(frames.length, 3, page.frames().map((f) => f.url()).join('\n'));
    for (const f of frames) await f.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    assert.deepEqual(await violations(page), []);
    await finish();
  });
});
