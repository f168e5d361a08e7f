// Steps the lesson end-to-end tests share: read a lesson's stage and check,
// wait for them (a timeout says what the lesson and the studio showed), open or
// pick a lesson, and drive the studio as a student would.
import assert from 'node:assert/strict';
import { expect } from './fixtures.mjs';

export const stage = (page) => page.evaluate(() => Number(document.querySelector('.lesson')?.dataset.stage ?? -1));
export const checkState = (page) => page.getAttribute('.lesson', 'data-check');

/** Waits for the lesson's check; on a timeout the error says what the lesson and the studio showed. */
async function waitCheck(page, fn, arg, timeout) {
  try {
    await page.waitForFunction(fn, arg, { timeout, polling: 100 });
  } catch (err) {
    const seen = await page.evaluate(() => ({
      hash: location.hash,
      stage: document.querySelector('.lesson')?.dataset.stage,
      reading: document.querySelector('.lesson-reading')?.textContent,
      studio: { ...document.querySelector('.nt-view')?.dataset },
    }));
    throw new Error(`${err.message}\n${JSON.stringify(seen)}`);
  }
}
export const waitStage = (page, n, timeout = 30000) =>
  waitCheck(page, (want) => Number(document.querySelector('.lesson')?.dataset.stage) >= want, n, timeout);
export const waitDone = (page, timeout = 40000) =>
  waitCheck(page, () => document.querySelector('.lesson')?.dataset.check === 'done', null, timeout);

/** Opens a lesson through a bare lesson= link, which applies its preset. */
export async function openLesson(app, id, hash = '', context) {
  const opened = await app.open(`#lesson=${id}${hash}`, context);
  await opened.page.waitForSelector(`.lesson[data-lesson="${id}"]`, { state: 'visible' });
  return opened;
}

export async function studioReady(page) {
  await page.waitForSelector('.nt-play:not([disabled])', { state: 'visible', timeout: 30000 });
}
export async function play(page) {
  if ((await page.getAttribute('.nt-view', 'data-running')) !== 'true') await page.click('.nt-play');
}
export async function pause(page) {
  // A click can land while a run restarts itself (after "fix"): click again until it stays paused.
  await expect(async () => {
    if ((await page.getAttribute('.nt-view', 'data-running')) === 'true') await page.click('.nt-play');
    await expect(page.locator('.nt-view')).toHaveAttribute('data-running', 'false', { timeout: 1000 });
  }, 'the studio pauses').toPass({ timeout: 10000 });
}
/** Picks a lesson from the list (opening it first), as a student would. */
export async function pickLesson(page, id) {
  if (!(await page.isVisible(`[data-lesson="${id}"]`))) await page.click('.lessons-index summary');
  await page.click(`[data-lesson="${id}"]`);
  await page.waitForSelector(`.lesson[data-lesson="${id}"]`);
}
/** Sets every hidden layer's activation through its menu. */
export async function setLayers(page, label) {
  const n = await page.$$eval('.nt-layer-row select', (els) => els.length);
  for (let i = 0; i < n; i++) await page.locator('.nt-layer-row select').nth(i).selectOption({ label });
}
export async function assertPending(page) {
  assert.equal(await checkState(page), 'pending');
  assert.equal(await stage(page), 0);
}
/** The lesson's two stages: do `first`, see stage 1 pass; do `second`, see it done. */
export async function twoStages(page, first, second) {
  await studioReady(page);
  await assertPending(page);
  await first();
  await waitStage(page, 1);
  await pause(page);
  assert.equal(await checkState(page), 'pending', 'stage 1 alone does not finish the lesson');
  await second();
  await waitDone(page);
  await pause(page);
}
