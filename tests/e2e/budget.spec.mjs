// The first-load budget (docs/TARGETS.md: ≤ 300 KB gzipped without fonts): every
// file the page fetches until it is ready and settled, gzipped from dist/.
// KaTeX is its own chunk, requested by the first formula right after first
// paint; it is counted, so every view fits the budget with its formulas typeset.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { artifacts, DESKTOP, expect, nextFrames, test } from './fixtures.mjs';
import { distDir } from './preview-server.mjs';

const dist = distDir.endsWith('/') ? distDir : `${distDir}/`;
const BUDGET = 300 * 1024;
const FONT = /\.(woff2?|ttf|otf)$/;

async function firstLoad(app, hash, context) {
  const urls = new Set();
  const pending = new Set();
  const record = (page) => {
    page.on('request', (r) => {
      urls.add(new URL(r.url()).pathname);
      pending.add(r);
    });
    for (const done of ['requestfinished', 'requestfailed']) page.on(done, (r) => pending.delete(r));
  };
  const { page, finish } = await app.open(hash, context, { initScript: null, route: null, ready: true, onPage: record });
  // Settled: the formulas typeset (so KaTeX and its styles were fetched), its fonts loaded, nothing in flight.
  await page.waitForFunction(() => document.querySelector('.katex') && document.fonts.status === 'loaded');
  await nextFrames(page);
  await expect.poll(() => pending.size).toBe(0);
  const files = [...urls].map((path) => {
    const file = path === '/' ? 'index.html' : path.slice(1);
    const bytes = readFileSync(`${dist}${file}`);
    return { file, raw: bytes.length, gzip: FONT.test(file) ? 0 : gzipSync(bytes, { level: 9 }).length };
  });
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  return { page, finish, files, total };
}

test.describe('first-load budget', () => {
  const report = {};

  test('the explorer (formula cards typeset at once, KaTeX loaded) loads within 300 KB gzipped', async ({ app }) => {
    const { finish, files, total } = await firstLoad(app, '', DESKTOP);
    report.explore = { total, files };
    assert.ok(files.some((f) => f.file.includes('katex')), files.map((f) => f.file).join(' '));
    assert.ok(total <= BUDGET, `${total} bytes gzipped: ${files.map((f) => `${f.file} ${f.gzip}`).join(', ')}`);
    console.log(`# explorer first load (with KaTeX): ${(total / 1024).toFixed(1)} KiB gzipped (${files.length} files)`);
    await finish();
  });

  test('the softmax lab (formulas in view, KaTeX loaded) stays within budget too', async ({ app }) => {
    const { finish, files, total } = await firstLoad(app, '#view=softmax', DESKTOP);
    report.softmax = { total, files };
    assert.ok(files.some((f) => f.file.includes('katex')));
    assert.ok(total <= BUDGET, `${total} bytes gzipped: ${files.map((f) => `${f.file} ${f.gzip}`).join(', ')}`);
    console.log(`# softmax lab first load (with KaTeX): ${(total / 1024).toFixed(1)} KiB gzipped`);
    writeFileSync(`${artifacts}first-load.json`, `${JSON.stringify(report, null, 2)}\n`);
    await finish();
  });
});
