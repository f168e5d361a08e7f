// End-to-end: the offline builds (issue #5). nnplay.html opened from disk
// (file://) with every non-file request aborted — the engine, the explorer,
// the softmax lab, the studio (XOR and the inlined digits) and the inlined
// KaTeX fonts; and the static site served under a sub-path by a plain static
// server, as a course site would host it. The built folder is distDir
// (NNPLAY_DIST, or dist/).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { artifacts, DESKTOP, pauseStudio as pause, revealFormulas, test, viewData, waitForView } from './fixtures.mjs';
import { distDir } from './preview-server.mjs';

const single = join(distDir, 'nnplay.html');
const SUB_PATH = '/courses/ml/nnplay/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.gz': 'application/gzip', '.csv': 'text/csv', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

test.beforeAll(async () => {
  for (const f of ['index.html', 'nnplay.html']) {
    if (!existsSync(join(distDir, f))) throw new Error(`${distDir}${f} is missing: run \`npm run build\` first`);
  }
});

/** Coloured pixels over every visible canvas in the selector (the charts are drawn). */
const ink = (page, selector) =>
  page.$$eval(selector, (canvases) =>
    canvases
      .filter((c) => c.getClientRects().length > 0 && c.width > 0 && c.height > 0)
      .map((c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 80) n++;
        return n;
      })
      .reduce((a, b) => a + b, 0),
  );

/** Opens nnplay.html from disk; any request that is not file: is aborted and recorded. */
async function openSingle(app, hash = '', options = {}) {
  const url = pathToFileURL(single).href;
  const requests = [];
  const blocked = [];
  const { page, finish } = await app.open(`${url}${hash}`, DESKTOP, {
    ...options,
    clean: false,
    onPage: (p) => p.on('request', (r) => requests.push(r.url())),
    route: { match: (u) => u.protocol !== 'file:', handler: (r) => (blocked.push(r.request().url()), r.abort()) },
  });
  const done = async () => {
    const problems = await finish();
    assert.deepEqual(problems.console, [], 'console errors or warnings');
    assert.deepEqual(problems.pageErrors, [], 'uncaught page errors');
    assert.deepEqual(problems.csp, [], 'violations of the file\'s own Content-Security-Policy');
    assert.deepEqual(blocked, [], 'requests that left the file');
    // The page itself is the only file read (hash changes are not requests).
    assert.deepEqual([...new Set(requests.map((r) => r.split('#')[0]))], [url], 'requests');
  };
  return { page, done };
}

test.describe('nnplay.html, one file opened from disk', () => {
  test('is one self-contained file', () => {
    const html = readFileSync(single, 'utf8');
    const gzip = gzipSync(html, { level: 9 }).length;
    console.log(`# nnplay.html: ${statSync(single).size} bytes, ${gzip} gzipped`);
    assert.doesNotMatch(html.replace(/<script[\s\S]*?<\/script>/g, ''), /\s(src|href)="(?!data:|#)/);
    assert.doesNotMatch(html, /assets\//);
    // Exactly these sources: one hashed script, wasm, one hashed stylesheet, data: images and fonts, and
    // the studio's training worker from a blob: URL (nothing else; nothing is fetched).
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; font-src data:; worker-src blob:" \/>/);
  });

  test('loads the SIMD engine, draws the explorer and the formulas with their fonts, runs the softmax lab', async ({ app }) => {
    const { page, done } = await openSingle(app);
    assert.equal(await page.getAttribute('#status', 'data-build'), 'simd');
    assert.equal(await page.evaluate(() => window.__nnplayDebug.build), 'simd');
    assert.equal((await page.$$('.legend-item')).length, 3);
    const pixels = await ink(page, '#views canvas');
    assert.ok(pixels > 300, `the explorer chart has ${pixels} coloured pixels`);
    await revealFormulas(page);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.family.includes('KaTeX') && f.status === 'loaded').map((f) => f.family);
    });
    assert.ok(fonts.includes('KaTeX_Main') || fonts.includes('"KaTeX_Main"'), `KaTeX fonts loaded: ${fonts.join(' ')}`);
    await page.screenshot({ path: `${artifacts}offline-single-explore.png`, fullPage: true });

    await page.click('[data-tab="softmax"]');
    await page.waitForSelector('[data-output="softmax"] .bar-value', { state: 'visible' });
    const p = await page.$$eval('[data-output="softmax"] .bar-value', (els) => els.map((e) => Number(e.dataset.value)));
    [0.04201007, 0.1141952, 0.84379473].forEach((want, i) => assert.ok(Math.abs(p[i] - want) < 1e-7, `p${i} = ${p[i]}`));
    await done();
  });

  test('trains XOR for a few hundred steps, then loads the inlined digits and trains on them', async ({ app }) => {
    const { page, done } = await openSingle(app, '#view=train');
    await page.waitForSelector('.nt-view', { state: 'visible', timeout: 30000 });
    await page.click('[data-preset="xor"]');
    await page.click('.nt-play');
    await waitForView(page, 'step', 'gt', 300);
    await pause(page);
    const xor = await viewData(page);
    assert.equal(xor.trainer, 'worker', 'trained in the worker, from file://');
    console.log(`# XOR from file://: ${xor.step} steps, test accuracy ${xor.testAccuracy}`);
    assert.ok(Number(xor.testAccuracy) > 0.5, xor.testAccuracy);

    await page.click('[data-preset="digits"]');
    await page.waitForSelector('.nt-pad-canvas', { state: 'visible', timeout: 20000 });
    await page.click('.nt-play');
    await waitForView(page, 'step', 'gt', 20);
    await pause(page);
    const digits = await viewData(page);
    assert.ok(Number(digits.trainAccuracy) > 0.1, `digits train accuracy ${digits.trainAccuracy}`);
    await page.screenshot({ path: `${artifacts}offline-single-digits.png`, fullPage: true });
    await done();
  });

  test('falls back to the inlined scalar build when SIMD is not validated', async ({ app }) => {
    const noSimd = () => {
      const validate = WebAssembly.validate.bind(WebAssembly);
      // The probe is the only 43-byte module validated (simd-detect.ts).
      WebAssembly.validate = (bytes) => (bytes.byteLength === 43 ? false : validate(bytes));
    };
    const { page, done } = await openSingle(app, '', { initScript: noSimd });
    assert.equal(await page.getAttribute('#status', 'data-build'), 'scalar');
    assert.ok((await ink(page, '#views canvas')) > 300);
    await done();
  });
});

/**
 * A plain static server for distDir under SUB_PATH, plus any fixed pages in
 * extra (path → HTML); nothing else exists. Records every response.
 */
function startStaticServer(headers = {}, extra = {}) {
  const log = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (extra[path]) {
      log.push({ path, status: 200 });
      return res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(extra[path]);
    }
    let file = null;
    if (path.startsWith(SUB_PATH)) {
      const rel = normalize(path.slice(SUB_PATH.length) || 'index.html');
      if (!rel.startsWith('..')) file = join(distDir, rel);
    }
    const ok = file !== null && existsSync(file) && statSync(file).isFile();
    log.push({ path, status: ok ? 200 : 404 });
    if (!ok) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}${SUB_PATH}`, log, stop: () => server.close() })),
  );
}

test.describe('dist/ under a sub-path of a plain static host', () => {
  // In order, on one worker: the last test reads what the others requested from this server.
  test.describe.configure({ mode: 'default' });
  let site;
  test.beforeAll(async () => {
    const { contentSecurityPolicy } = await import('../../vite.config.mjs');
    site = await startStaticServer({ 'Content-Security-Policy': contentSecurityPolicy });
  });
  test.afterAll(() => site?.stop());

  const pages = [
    ['index.html', '#view=train'],
    ['train.html', ''],
    ...(existsSync(join(distDir, 'embed.html')) ? [['embed.html', '']] : []),
  ];
  for (const [file, hash] of pages) {
    test(`${file}${hash} loads every file from ${SUB_PATH} and trains`, async ({ app }) => {
      // embed.html, when the build has one, need not mark itself ready or hold a studio.
      const embed = file === 'embed.html';
      const { page, finish } = await app.open(`${site.url}${file}${hash}`, DESKTOP, { ready: !embed });
      if (embed) await page.waitForLoadState('networkidle');
      if (!embed || (await page.$('.nt-play'))) {
        await page.waitForSelector('.nt-play:not([disabled])', { timeout: 30000 });
        await page.click('.nt-play');
        await waitForView(page, 'step', 'gt', 0);
        await pause(page);
      }
      await finish();
      const missing = site.log.filter((r) => r.status !== 200 || !r.path.startsWith(SUB_PATH));
      assert.deepEqual(missing, [], 'requests outside the sub-path or not found');
    });
  }

  test('serves the assets the pages asked for, including the wasm', () => {
    assert.ok(site.log.some((r) => r.path.endsWith('.wasm')), site.log.map((r) => r.path).join(' '));
  });
});

test.describe('nnplay.html uploaded to a course site, shown in a sandboxed iframe', () => {
  const HOST = '/lms/course-page.html';
  let site;
  test.beforeAll(async () => {
    // allow-scripts without allow-same-origin: the page runs with an opaque origin, no storage.
    const host = `<!doctype html><meta charset="utf-8"><title>Course</title><link rel="icon" href="data:,">
      <iframe sandbox="allow-scripts" src="${SUB_PATH}nnplay.html" width="1200" height="800"></iframe>`;
    site = await startStaticServer({}, { [HOST]: host });
  });
  test.afterAll(() => site?.stop());

  test('runs the engine and trains inside the frame, and fetches nothing but the file', async ({ app }) => {
    const origin = new URL(site.url).origin;
    const { page, finish } = await app.open(`${origin}${HOST}`, { ...DESKTOP, viewport: { width: 1280, height: 860 } }, { ready: false, clean: false });
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    assert.equal(await frame.getAttribute('#status', 'data-build'), 'simd');
    // Served over http it still has no Embed button: nothing it would point at sits beside it.
    assert.equal(await frame.locator('.embed-share-slot, .embed-button').count(), 0, 'no Embed button');
    await frame.click('[data-tab="train"]');
    await frame.waitForSelector('.nt-play:not([disabled])', { timeout: 30000 });
    await frame.click('.nt-play');
    await frame.waitForFunction(() => Number(document.querySelector('.nt-view')?.dataset.step) > 50, null, { timeout: 30000 });
    // The training worker starts from a blob: URL in the opaque origin too (the file's worker-src blob:).
    assert.equal(await frame.getAttribute('.nt-view', 'data-trainer'), 'worker');
    await frame.click('.nt-play');
    await page.screenshot({ path: `${artifacts}offline-single-iframe.png` });
    const problems = await finish();
    assert.deepEqual(problems.console, [], 'console errors or warnings');
    assert.deepEqual(problems.pageErrors, [], 'uncaught page errors');
    assert.deepEqual(problems.offsite, [], 'requests off 127.0.0.1');
    assert.deepEqual(site.log.map((r) => `${r.status} ${r.path}`), [`200 ${HOST}`, `200 ${SUB_PATH}nnplay.html`]);
  });
});
