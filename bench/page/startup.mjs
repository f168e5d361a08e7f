// `node bench/page/startup.mjs <dist A> <dist B> [--runs N]`: the studio's
// startup on two builds, alternated in the same minutes (A, B, A, B, …) so
// that a shared machine's load falls on both alike. A benchmark, not a test.
// For each build and page: navigation → DOMContentLoaded, → ready (Train
// enabled), ready → first trained frame, navigation → first trained frame,
// the median of N runs (default 10; measure.mjs's probe, fresh context, cold
// cache). Writes them, with the load average, into bench/results/page.json
// under "startupAB" (the rest of that file is page.mjs's).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../tests/e2e/browser.mjs';
import { startPreview } from '../../tests/e2e/preview-server.mjs';
import { median } from '../lib/stats.mjs';
import { startupRun } from './measure.mjs';

const args = process.argv.slice(2);
const runsFlag = args.indexOf('--runs');
const RUNS = runsFlag >= 0 ? Number(args[runsFlag + 1]) : 10;
const dirs = args.filter((a, i) => !a.startsWith('--') && i !== runsFlag + 1);
if (dirs.length !== 2 || !Number.isInteger(RUNS) || RUNS < 1) throw new Error('usage: startup.mjs <dist A> <dist B> [--runs N]');
for (const d of dirs) if (!existsSync(`${d}/index.html`)) throw new Error(`${d} has no index.html`);
const PAGES = ['train.html#speed=max', 'index.html#view=train&speed=max'];

const load = () => loadavg()[0].toFixed(1);
const loadBefore = load();
const servers = await Promise.all(dirs.map((d) => startPreview(d)));
const browser = await launchBrowser();
const runs = {};
try {
  for (let r = 0; r < RUNS; r++) {
    for (const path of PAGES) {
      for (let i = 0; i < dirs.length; i++) ((runs[path] ??= [[], []])[i]).push(await startupRun(browser, `${servers[i].url}${path}`));
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.stop();
}
const KEYS = ['domContentLoadedMs', 'readyMs', 'readyToFirstStepMs', 'firstStepMs'];
const pages = Object.fromEntries(PAGES.map((path) => [path, dirs.map((dir, i) => ({
  dir,
  trainer: runs[path][i][0].trainer,
  median: Object.fromEntries(KEYS.map((k) => [k, Math.round(median(runs[path][i].map((x) => x[k])))])),
  firstStepMs: runs[path][i].map((x) => Math.round(x.firstStepMs)),
}))]));
const result = { date: new Date().toISOString(), command: `node bench/page/startup.mjs ${dirs.join(' ')} --runs ${RUNS}`, runs: RUNS, loadBefore, loadAfter: load(), pages };

console.log(`Startup A/B (median of ${RUNS} runs each, alternated; load average ${result.loadBefore} → ${result.loadAfter}):`);
for (const [path, both] of Object.entries(pages)) {
  for (const b of both) {
    const m = b.median;
    console.log(`  ${path} ${b.dir}: DOMContentLoaded ${m.domContentLoadedMs} / ready ${m.readyMs} / +${m.readyToFirstStepMs} → first trained frame ${m.firstStepMs} ms (${b.trainer}; runs ${b.firstStepMs.join(', ')})`);
  }
}
const out = fileURLToPath(new URL('../results/page.json', import.meta.url));
const json = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};
writeFileSync(out, `${JSON.stringify({ ...json, startupAB: result }, null, 2)}\n`);
console.log(`\nwrote startupAB into ${out}`);
