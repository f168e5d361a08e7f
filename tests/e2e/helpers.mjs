// What the end-to-end files share (fixtures.mjs re-exports it): the artifacts folder,
// the viewports, the checks every page must pass, small page readers, and the
// studio's state as its .nt-view publishes it (data-step, data-running, ...).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
mkdirSync(artifacts, { recursive: true });

export const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'en-US' };
export const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'en-US',
};

export function assertClean(problems) {
  assert.deepEqual(problems.console, [], 'console errors or warnings');
  assert.deepEqual(problems.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(problems.csp, [], 'CSP violations');
  assert.deepEqual(problems.offsite, [], 'requests off 127.0.0.1');
}

/** The text of a selector with true minus signs turned into ASCII ones. */
export async function text(page, selector) {
  return ((await page.textContent(selector)) ?? '').replaceAll('−', '-').trim();
}

/** Waits for the page's (debounced) URL hash to contain `fragment`. */
export async function waitForHash(page, fragment) {
  await page.waitForFunction((f) => location.hash.includes(f), fragment, { timeout: 10000 });
  return page.evaluate(() => location.hash);
}

/** Numbers in a [data-value] cell. */
export async function value(page, selector) {
  return Number(await page.getAttribute(selector, 'data-value'));
}

/** Asserts the page is no wider than the viewport. */
export async function assertNoHorizontalOverflow(page) {
  const widths = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    view: window.innerWidth,
    widest: Math.max(
      ...[...document.querySelectorAll('body *')]
        .filter((e) => e.getClientRects().length > 0 && !e.closest('.visually-hidden, .katex-mathml'))
        // Content inside a scrolling or clipping box (wide formulas, tables) is not page overflow.
        .filter((e) => {
          for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible') return false;
          }
          return true;
        })
        .map((e) => e.getBoundingClientRect().right),
    ),
  }));
  assert.ok(widths.doc <= widths.view && widths.body <= widths.view, JSON.stringify(widths));
  assert.ok(widths.widest <= widths.view + 0.5, JSON.stringify(widths));
}

/** Waits until every visible formula is typeset (KaTeX is its own chunk, loaded right after first paint). */
export async function revealFormulas(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.tex')].filter((e) => e.getClientRects().length > 0).every((e) => e.querySelector('.katex')),
  );
}

/**
 * Resolves once the page (or frame) has rendered two more frames: whatever a
 * change queued for its next rendering (a scroll's lazy drawing, a queued
 * re-render) has then run. A condition, not a fixed sleep.
 */
export function nextFrames(pageOrFrame) {
  return pageOrFrame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The studio's published state: every data-* of its .nt-view. */
/** Opens the studio tab at hash (app.open's page) and waits until it shows. */
export async function openStudio(app, hash, ctx = DESKTOP) {
  const opened = await app.open(`#view=train&${hash}`, ctx);
  await opened.page.waitForSelector('.nt-view', { state: 'visible', timeout: 30000 });
  return opened;
}

export const viewData = (page) => page.evaluate(() => ({ ...document.querySelector('.nt-view').dataset }));

/**
 * Waits until the view's data-<name> passes a check: 'eq' (as text), 'gt' or
 * 'gte' (as a number), 'maxGte' (the largest of a JSON list). The check runs
 * in the page without eval (the CSP forbids it).
 */
export function waitForView(page, name, op, value, timeout = 30000) {
  return page.waitForFunction(
    ([n, o, want]) => {
      const v = document.querySelector('.nt-view')?.dataset[n];
      if (v === undefined) return false;
      if (o === 'eq') return v === want;
      if (o === 'gt') return Number(v) > want;
      if (o === 'gte') return Number(v) >= want;
      if (o === 'maxGte') return Math.max(...JSON.parse(v)) >= want;
      return false;
    },
    [name, op, value],
    { timeout, polling: 100 },
  );
}

/** Pauses the studio through Train (if it runs) and waits until it says so. */
export async function pauseStudio(page) {
  if ((await page.getAttribute('.nt-view', 'data-running')) === 'true') await page.click('.nt-play');
  await waitForView(page, 'running', 'eq', 'false');
}
