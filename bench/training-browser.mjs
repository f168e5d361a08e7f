// The training benchmark in headless Chromium (not a test): the same nets,
// initial weights, batches, contenders' code, timing scheme and loss check as
// bench/training.mjs, run in a page instead of Node, for nnplay's wasm SIMD
// build (step(n), one step(1) call per step, the default config), the
// plain-JavaScript trainer and tfjs-wasm, with the peak microbenchmark in the
// same page.
// No web API gives a page CPU time; the DevTools protocol does: the times
// here are the CPU time of the page's main thread (bench/lib/clock.mjs's
// mainThreadClock; Node's are the process's), with wall time beside them.
// Run through `npm run bench` after the Node run, or alone:
//
//   node bench/training-browser.mjs [--reps N] [--warmup N] [--target-ms MS] [--nets A,B] [--out FILE]
//                                   [--native-bin FILE] [--wasm-dir DIR]   (bench/lib/train-run.mjs)
//
// Node prepares each net's setup (nnplay's native helper, as in
// training.mjs), serves bench/browser/, bench/lib/, the wasm folder and tfjs's
// browser builds on 127.0.0.1 with the page's strict CSP, launches Debian's Chromium
// (tests/e2e/browser.mjs), exposes the main thread's CPU time to the page as
// window.nnplayThreadTimeMs and calls window.nnplayBench (bench/browser/training.mjs);
// the rows come back with their weights and are scored here.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchBrowser, openPage } from '../tests/e2e/browser.mjs';
import { evaluateTargets } from './lib/train-report.mjs';
import { parseTrainingArgs, startMachineRecord, writeResult } from './lib/train-run.mjs';
import { SHARED_METHOD, applyPeak, scoreNet } from './lib/train-score.mjs';
import { NETS, makeSetup } from './lib/train-setup.mjs';
import { GRID_REPS } from './lib/train-timing.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// Cross-origin isolation: Chromium then rounds performance.now() to 5 µs instead of 100 µs (the grid call takes ≈ 0.3 ms).
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const TYPES = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm' };


// URL prefix → folder; nothing else is served.
function serve(wasmDir) {
  const tfjs = path.join(HERE, 'node_modules', '@tensorflow');
  const roots = [
    ['/bench/browser/', path.join(HERE, 'browser')], ['/bench/lib/', path.join(HERE, 'lib')], ['/wasm/', wasmDir],
    ['/tfjs/', path.join(tfjs, 'tfjs', 'dist')], ['/tfjs-wasm/', path.join(tfjs, 'tfjs-backend-wasm', 'dist')],
  ];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const hit = roots.find(([prefix]) => url.pathname.startsWith(prefix));
    const file = hit && path.resolve(hit[1], decodeURIComponent(url.pathname.slice(hit[0].length)));
    if (!file || !file.startsWith(hit[1] + path.sep) || !TYPES[path.extname(file)] || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)], 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store', ...ISOLATED });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ThreadTime (s) of Performance.getMetrics with timeDomain threadTicks: the
// CPU time of the renderer's main thread, where the page's calls run.
async function exposeThreadTime(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async () => {
    const m = (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'ThreadTime');
    if (!m) throw new Error('this Chromium\'s Performance.getMetrics reports no ThreadTime');
    return 1000 * m.value;
  };
  await read();
  await page.exposeFunction('nnplayThreadTimeMs', read);
}

// Plain arrays for page.evaluate; the page makes them Float32Arrays again.
const setupJson = (s) => ({
  net: s.net, batch: s.batch, lr: s.lr, modelJson: s.modelJson, targetMs: s.targetMs,
  train: { ...s.train, x: Array.from(s.train.x), y: Array.from(s.train.y) },
  layers: s.layers.map((l) => ({ ...l, w: Array.from(l.w), b: Array.from(l.b) })),
});

async function main() {
  const opts = parseTrainingArgs(process.argv.slice(2), 'training-browser.json');
  const machine = startMachineRecord();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-bench-train-browser-'));
  let setups;
  try {
    setups = opts.nets.map((n) => ({ ...makeSetup(NETS[n], opts.nativeBin, tmp), targetMs: opts.targetMs }));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const server = await serve(opts.wasmDir);
  const browser = await launchBrowser();
  const rows = [];
  const nets = {};
  let page, finish, peakBefore, peakAfter, userAgent, tfInfo, isolated, clock;
  try {
    ({ page, finish } = await openPage(browser, `http://127.0.0.1:${server.address().port}/bench/browser/index.html`, {}, { ready: false }));
    await page.waitForFunction(() => window.nnplayBench || window.nnplayBenchError, null, { timeout: 60000 });
    const boot = await page.evaluate(() => window.nnplayBenchError ?? null);
    if (boot) throw new Error(`the page could not start: ${boot}`);
    ({ userAgent, tfjs: tfInfo, isolated } = await page.evaluate(() => ({ ...window.nnplayBench, isolated: window.crossOriginIsolated })));
    if (!isolated) throw new Error('the page is not cross-origin isolated: performance.now() would be rounded to 100 µs');
    for (const u of await page.evaluate(() => window.nnplayBench.unavailable)) console.error(`note: unavailable: ${u}`);
    await exposeThreadTime(page);
    clock = await page.evaluate(() => window.nnplayBench.clock());
    peakBefore = await page.evaluate(() => window.nnplayBench.peak());
    for (const setup of setups) {
      const timed = await page.evaluate(([s, o]) => window.nnplayBench.net(s, o), [setupJson(setup), opts]);
      nets[setup.net.name] = scoreNet(setup.net, setup, timed);
      rows.push(...timed);
      process.stderr.write(`  net ${setup.net.name} done\n`);
    }
    peakAfter = await page.evaluate(() => window.nnplayBench.peak());
    const problems = await finish();
    const bad = [...problems.pageErrors, ...problems.offsite.map((u) => `request off 127.0.0.1: ${u}`), ...problems.csp.map((c) => `CSP: ${c}`)];
    if (bad.length) throw new Error(`the benchmark page misbehaved:\n  ${bad.join('\n  ')}`);
  } finally {
    await browser.close();
    server.close();
  }
  const peak = applyPeak(rows, peakBefore, peakAfter);
  const result = {
    benchmark: 'training-browser',
    date: new Date().toISOString(),
    machine: machine({ browser: `Chromium ${browser.version()} (headless)`, user_agent: userAgent, node: process.version }),
    nets,
    peak,
    method: {
      ...SHARED_METHOD,
      where: 'setup prepared in Node (bench/lib/train-setup.mjs), every timed call in one page of headless Chromium ' +
        '(bench/browser/training.mjs), served from 127.0.0.1 under the strict CSP and cross-origin isolated ' +
        '(performance.now() to 5 µs); weights scored in Node',
      timing: `median of ${opts.reps} timed calls after ${opts.warmup} warm-up calls, each call n steps with n set so ` +
        `a call takes ≈ ${opts.targetMs} ms (aimed from the check run, re-aimed after each warm-up call); ${clock.measure}; ` +
        'median_wall_ms beside it; contenders round-robin (bench/lib/train-timing.mjs, as in Node)',
      clock_overhead_ms: clock.overhead_ms,
      grid: `nnplay-wasm-simd only: median of ${GRID_REPS} calls of grid(100, -6, 6, -6, 6, output) through the binding, ` +
        'including the copy of the 10000 outputs to JS',
      contenders: 'nnplay-wasm-simd (its three variants, one module instance each), plain-js, tfjs-wasm and ' +
        'tfjs-wasm-manual (bench/lib/train-tfjs.mjs); convnetjs, the scalar build and native run in bench/training.mjs only',
      tfjs_wasm: tfInfo ? `@tensorflow/tfjs ${tfInfo.version} (tf.es2017.min.js, its gradients) + tf-backend-wasm.es2017.min.js, SIMD ${tfInfo.simd}, one thread, ` +
        'both from bench/node_modules; the same two variants as in Node' : 'unavailable',
    },
    rows,
  };
  // Only the targets of contenders this run has (the scalar build and native run in Node only).
  result.targets = evaluateTargets(rows).filter((t) => rows.some((r) => r.contender === t.contender));
  writeResult(result, opts.out);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
