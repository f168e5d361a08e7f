// The first-load budget (docs/TARGETS.md: ≤ 300 KB gzipped without fonts): every
// file the page fetches until it is ready and settled, gzipped from dist/.
// KaTeX is its own chunk, requested by the first formula right after first
// paint; it is counted, so every view fits the budget with its formulas typeset.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { artifacts, assertClean, DESKTOP, useBrowser } from './common.mjs';
import { distDir } from './preview-server.mjs';

const app = useBrowser();
const dist = distDir.endsWith('/') ? distDir : `${distDir}/`;
const BUDGET = 300 * 1024;
const FONT = /\.(woff2?|ttf|otf)$/;

async function firstLoad(hash, context) {
  const urls = new Set();
  const record = (page) => page.on('request', (r) => urls.add(new URL(r.url()).pathname));
  const { page, finish } = await app.open(hash, context, { initScript: null, route: null, ready: true, onPage: record });
  await page.waitForTimeout(1500);
  const files = [...urls].map((path) => {
    const file = path === '/' ? 'index.html' : path.slice(1);
    const bytes = readFileSync(`${dist}${file}`);
    return { file, raw: bytes.length, gzip: FONT.test(file) ? 0 : gzipSync(bytes, { level: 9 }).length };
  });
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  return { page, finish, files, total };
}

describe('first-load budget', () => {
  const report = {};

  it('the explorer (formula cards typeset at once, KaTeX loaded) loads within 300 KB gzipped', async () => {
    const { finish, files, total } = await firstLoad('', DESKTOP);
    report.explore = { total, files };
    assert.ok(files.some((f) => f.file.includes('katex')), files.map((f) => f.file).join(' '));
    assert.ok(total <= BUDGET, `${total} bytes gzipped`);
    console.log(`# explorer first load (with KaTeX): ${(total / 1024).toFixed(1)} KiB gzipped (${files.length} files)`);
    assertClean(await finish());
  });

  it('the softmax lab (formulas in view, KaTeX loaded) stays within budget too', async () => {
    const { finish, files, total } = await firstLoad('#view=softmax', DESKTOP);
    report.softmax = { total, files };
    assert.ok(files.some((f) => f.file.includes('katex')));
    assert.ok(total <= BUDGET, `${total} bytes gzipped`);
    console.log(`# softmax lab first load (with KaTeX): ${(total / 1024).toFixed(1)} KiB gzipped`);
    writeFileSync(`${artifacts}first-load.json`, `${JSON.stringify(report, null, 2)}\n`);
    assertClean(await finish());
  });
});
