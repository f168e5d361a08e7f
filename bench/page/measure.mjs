// The page measurements of `npm run bench:page`, one fresh browser context
// (cold cache) each; the engine-alone rate in the same browser for comparison. Times are performance.now() in the page, i.e. ms since
// the navigation started (performance.timeOrigin).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const FONT = /\.(woff2?|ttf|otf)$/;
export const WINDOW_MS = 5000;

/**
 * Every file the explorer fetches until it is ready and has settled for
 * 1.5 s, gzipped (level 9) from the built folder; fonts are left out, as in
 * the budget in docs/TARGETS.md.
 */
export async function firstLoadBytes(browser, url, dist) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const paths = new Set();
  page.on('request', (r) => paths.add(new URL(r.url()).pathname));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await page.waitForTimeout(1500);
  await context.close();
  let gzip = 0;
  let fonts = 0;
  for (const path of paths) {
    const bytes = readFileSync(join(dist, path === '/' ? 'index.html' : path.slice(1)));
    if (FONT.test(path)) fonts += 1;
    else gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { gzip, files: paths.size - fonts };
}

/** What the probe logs when it has seen the first trained frame (its argument). */
const FIRST_STEP = 'nnplay-bench: first trained frame';

/**
 * Runs in the page before its own scripts. It presses Train the moment the
 * button is enabled (the studio has no autoplay, so this stands in for a link
 * that trains at once) and notes when the studio was ready, when the first
 * frame with a step count above 0 was committed, and every long task. It
 * says it has seen that frame on the console: polling from Playwright
 * (waitForFunction) would compile Playwright's script in the page while it
 * starts, one task of about 75 ms on the main thread in a trace.
 */
function probe(signal) {
  const m = { ready: null, firstStep: null, long: [] };
  window.__bench = m;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.long.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const watch = new MutationObserver(() => {
    if (m.ready === null) {
      const play = document.querySelector('.nt-play:not([disabled])');
      if (!play) return;
      m.ready = performance.now();
      play.click();
    }
    // The studio writes the step into .nt-view's data-step in the frame that shows it.
    if (Number(document.querySelector('.nt-view')?.dataset.step) > 0) {
      m.firstStep = performance.now();
      watch.disconnect();
      console.debug(signal);
    }
  });
  watch.observe(document, { subtree: true, childList: true, attributes: true });
}

/** Counts animation frames and steps for WINDOW_MS of full-speed training. */
function trainWindow(ms) {
  const step = () => Number(document.querySelector('.nt-view').dataset.step);
  return new Promise((resolve) => {
    let frames = 0;
    const steps0 = step();
    const t0 = performance.now();
    const tick = (now) => {
      frames += 1;
      if (now - t0 < ms) requestAnimationFrame(tick);
      else resolve({ t0, t1: performance.now(), frames, steps: step() - steps0 });
    };
    requestAnimationFrame(tick);
  });
}

/**
 * The engine alone in the same browser: the built SIMD glue imported into a
 * page of the same origin (the production CSP applies), one trainer of
 * `config`, step(n) on the main thread for `ms`, n aimed at 10 ms per call.
 */
export async function engineRate(browser, base, glue, config, ms = WINDOW_MS) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}favicon.svg`);
  const rate = await page.evaluate(async ([url, cfg, window]) => {
    const { default: create } = await import(url);
    const M = await create();
    const h = M.createTrainer(JSON.stringify(cfg), null);
    if (h instanceof Error) throw h;
    let n = 100;
    for (let w = 0; w < 5; w++) {
      const t0 = performance.now();
      h.step(n);
      n = Math.max(1, Math.min(100000, Math.round((n * 10) / Math.max(performance.now() - t0, 0.1))));
    }
    let steps = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < window) {
      h.step(n);
      steps += n;
    }
    const seconds = (performance.now() - t0) / 1000;
    h.delete();
    return steps / seconds;
  }, [`${base}assets/${glue}`, config, ms]);
  await context.close();
  return rate;
}

/** Opens url in a fresh context with the probe and waits for the first trained frame. */
async function openStudio(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const firstStep = page.waitForEvent('console', { predicate: (msg) => msg.text() === FIRST_STEP, timeout: 60000 });
  await page.addInitScript(probe, FIRST_STEP);
  await page.goto(url);
  await firstStep;
  return { context, page, errors };
}

/** The startup times alone (startup.mjs): navigation → DOMContentLoaded, → ready, → first trained frame. */
export async function startupRun(browser, url) {
  const { context, page, errors } = await openStudio(browser, url);
  const m = await page.evaluate(() => ({
    ...window.__bench, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, trainer: document.querySelector('.nt-view').dataset.trainer,
  }));
  await context.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return { domContentLoadedMs: m.dcl, readyMs: m.ready, readyToFirstStepMs: m.firstStep - m.ready, firstStepMs: m.firstStep, trainer: m.trainer };
}

/** One studio run: load, train at once, then WINDOW_MS at full speed. */
export async function studioRun(browser, url) {
  const { context, page, errors } = await openStudio(browser, url);
  const w = await page.evaluate(trainWindow, WINDOW_MS);
  const m = await page.evaluate(() => ({
    ...window.__bench,
    dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    trainer: document.querySelector('.nt-view').dataset.trainer,
  }));
  // The config the studio trained, from its own model file (the export card).
  await page.click('.nt-play');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('.nt-export-json')]);
  const { config } = JSON.parse(await readFile(await file.path(), 'utf8'));
  await context.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  const long = m.long.filter(([start]) => start >= w.t0 && start <= w.t1).map(([, d]) => d);
  const seconds = (w.t1 - w.t0) / 1000;
  return {
    domContentLoadedMs: m.dcl,
    readyMs: m.ready,
    readyToFirstStepMs: m.firstStep - m.ready,
    firstStepMs: m.firstStep,
    longTasks: long.length,
    longestTaskMs: long.length ? Math.max(...long) : 0,
    fps: w.frames / seconds,
    stepsPerSecond: w.steps / seconds,
    trainer: m.trainer,
    config,
  };
}
