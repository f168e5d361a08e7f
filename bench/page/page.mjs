// `npm run bench:page`: the page performance report (issue #4; docs/TARGETS.md,
// "The page"). A benchmark, not a test: it asserts no timing. It builds
// nothing — run `npm run build` first (NNPLAY_DIST picks another folder) —
// serves the built site with `vite preview` (the production CSP), and
// measures in headless Chromium, each run in a fresh context (cold cache):
//   - first-load bytes of the explorer, gzipped, without fonts;
//   - in the studio: navigation → DOMContentLoaded and → studio ready (Train
//     enabled); ready → the first frame with a step count above 0 (Train is
//     pressed the moment it is enabled); navigation → that first trained frame;
//   - then 5 s of training at full speed: long tasks (> 50 ms, the
//     'longtask' PerformanceObserver), frames per second (requestAnimationFrame
//     count) and steps per second, and where training ran (data-trainer:
//     worker or main);
//   - the engine alone, in the same browser, on the config the studio trained
//     (read from its exported model file), at its evalEvery and at 10000: the
//     page's rate as a fraction of each.
// Prints the median of --runs N runs (default 3) and writes
// bench/results/page.json.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../tests/e2e/browser.mjs';
import { distDir, startPreview } from '../../tests/e2e/preview-server.mjs';
import { median } from '../lib/stats.mjs';
import { engineRate, firstLoadBytes, studioRun, WINDOW_MS } from './measure.mjs';

const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a positive integer');
if (!existsSync(`${distDir}/index.html`)) throw new Error(`${distDir} has no index.html: run \`npm run build\` first`);

// [name, path, compare with the engine alone]: the engine cannot load digits
// without the page's data loading, so that row has no engine-alone rate.
// Every row trains "As fast as possible" (speed=max; the studio's default is one epoch per frame).
const STUDIOS = [
  ['studio page, defaults (circle, 2-4-2-1 tanh)', 'train.html#speed=max', true],
  ['studio tab of the main page, defaults', 'index.html#view=train&speed=max', false],
  ['studio page, spiral 2-8-8-1 tanh', 'train.html#data=spiral&net=8:tanh,8:tanh&speed=max', true],
  ['studio page, digits 64-32-10 ReLU, Adam', 'train.html#data=digits&split=0.7&net=32:relu&init=he_uniform&opt=adam&lr=0.01&bs=32&speed=max', false],
];
const glue = readdirSync(`${distDir}/assets`).find((f) => /^nnplay_simd-.*\.js$/.test(f));

const server = await startPreview();
const browser = await launchBrowser();
// The machines are shared: the load average says how far to trust the times.
const load = () => loadavg()[0].toFixed(1);
const results = {
  date: new Date().toISOString(), cpus: cpus().length, loadBefore: load(), runs: RUNS, windowMs: WINDOW_MS, firstLoad: [], studios: {},
};
try {
  for (let r = 0; r < RUNS; r++) {
    results.firstLoad.push(await firstLoadBytes(browser, server.url, distDir));
    for (const [name, path, alone] of STUDIOS) {
      const run = await studioRun(browser, `${server.url}${path}`);
      if (alone) {
        // The same config as the studio's (its evalEvery included), and with the fastest evaluation
        // interval (evalEvery 10000), which the studio's worker uses between its once-a-frame evaluations.
        run.engineStepsPerSecond = await engineRate(browser, server.url, glue, run.config);
        run.engineFastestStepsPerSecond = await engineRate(browser, server.url, glue, { ...run.config, train: { ...run.config.train, evalEvery: 10000 } });
        run.pageVsEngine = run.stepsPerSecond / run.engineStepsPerSecond;
        run.pageVsFastest = run.stepsPerSecond / run.engineFastestStepsPerSecond;
      }
      delete run.config;
      (results.studios[name] ??= []).push(run);
    }
    console.log(`run ${r + 1}/${RUNS} done`);
  }
} finally {
  await browser.close();
  server.stop();
}
results.loadAfter = load();

const ms = (v) => `${Math.round(v)} ms`;
const rows = [
  ['explorer first load, gzipped, no fonts (target ≤ 300 KB)',
    `${(median(results.firstLoad.map((f) => f.gzip)) / 1024).toFixed(1)} KiB in ${results.firstLoad[0].files} files`],
];
results.median = { firstLoadGzip: median(results.firstLoad.map((f) => f.gzip)), studios: {} };
for (const [name] of STUDIOS) {
  const runs = results.studios[name];
  const med = Object.fromEntries(Object.keys(runs[0]).filter((k) => typeof runs[0][k] === 'number').map((k) => [k, median(runs.map((x) => x[k]))]));
  results.median.studios[name] = med;
  rows.push(
    [`${name}: navigation → DOMContentLoaded / → ready; ready → first trained frame`,
      `${ms(med.domContentLoadedMs)} / ${ms(med.readyMs)}; ${ms(med.readyToFirstStepMs)}`],
    [`${name}: navigation → first trained frame (target ≤ 500 ms)`, ms(med.firstStepMs)],
    [`${name}: ${WINDOW_MS / 1000} s full speed: long tasks > 50 ms (target 0), longest`,
      `${med.longTasks}, ${ms(med.longestTaskMs)}`],
    [`${name}: frames per second, steps per second (trained in: ${runs[0].trainer})`, `${med.fps.toFixed(1)}, ${Math.round(med.stepsPerSecond)}`],
  );
  if (med.engineStepsPerSecond !== undefined) {
    rows.push([`${name}: engine alone, same config / evalEvery 10000 (steps/s); page ÷ each (target ≥ 0.8)`,
      `${Math.round(med.engineStepsPerSecond)} / ${Math.round(med.engineFastestStepsPerSecond)}; ${med.pageVsEngine.toFixed(2)} / ${med.pageVsFastest.toFixed(2)}`]);
  }
}
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\nPage benchmark (median of ${RUNS} runs, ${distDir}; ${results.cpus} CPUs, load average ${results.loadBefore} → ${results.loadAfter}):`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);

const out = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(`${out}page.json`, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${out}page.json`);
