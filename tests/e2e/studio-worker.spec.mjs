// End-to-end: the studio trains in a Web Worker (views/train/model/
// train-worker.ts) under the production CSP, and the page draws from its
// snapshots; where no worker can be made, it trains on the main thread and the
// status line says so, in English and in 中文. (Determinism of the worker
// against the main thread: tests/wasm/train-worker.test.ts.)
import assert from 'node:assert/strict';
import { DESKTOP, pauseStudio as pause, test, viewData, waitForView } from './fixtures.mjs';

const trainerIs = (page, where) => waitForView(page, 'trainer', 'eq', where);
const stepAbove = (page, n) => waitForView(page, 'step', 'gt', n);

/** Makes every Worker constructor throw, as a browser or frame that allows none. */
function noWorkers() {
  window.Worker = function Worker() {
    throw new DOMException('workers are disabled here', 'SecurityError');
  };
}

test('trains in the worker under the CSP: steps, the boundary and the curves follow its snapshots', async ({ app }) => {
  const workers = [];
  const { page } = await app.open('train.html#data=xor', DESKTOP, { onPage: (p) => p.on('worker', (w) => workers.push(w.url())) });
  await trainerIs(page, 'worker');
  assert.equal(workers.length, 1, `one worker: ${workers.join(', ')}`);
  assert.match(workers[0], /\/assets\/train-worker-[\w-]+\.js$/);
  assert.equal(await page.textContent('.nt-status'), '');
  await page.click('.nt-play');
  await stepAbove(page, 2000);
  await pause(page);
  const paused = await viewData(page);
  // Paused: the worker sent where it stopped, and nothing moves any more.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal((await viewData(page)).step, paused.step);
  assert.ok(Number(paused.testAccuracy) > 0.6, `XOR test accuracy ${paused.testAccuracy} after ${paused.step} steps`);

  // The Step button: one step in the worker, shown when its snapshot arrives.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await waitForView(page, 'step', 'eq', String(Number(paused.step) + 1));
  // Reset: back to step 0 here and in the worker, which then trains on from there.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await waitForView(page, 'step', 'eq', '0');
  await page.click('.nt-play');
  await stepAbove(page, 100);
  await pause(page);
});

test('trains a loaded data set (digits) in the worker, which parses the page\'s copy of it', async ({ app }) => {
  const { page } = await app.open('train.html#data=digits&split=0.7&net=32:relu&init=he_uniform&opt=adam&lr=0.01&bs=32');
  await trainerIs(page, 'worker');
  await page.click('.nt-play');
  await stepAbove(page, 300);
  await pause(page);
  const v = await viewData(page);
  assert.equal(v.trainer, 'worker');
  assert.ok(Number(v.testAccuracy) > 0.8, `digits test accuracy ${v.testAccuracy} after ${v.step} steps`);
});

for (const [lang, note] of [
  ['en', /Training runs on the page itself/],
  ['zh', /训练在页面本身上运行/],
]) {
  test(`falls back to the main thread where no worker can be made, and says so (${lang})`, async ({ app }) => {
    const { page } = await app.open(`train.html#data=xor&lang=${lang}`, { ...DESKTOP, locale: lang === 'zh' ? 'zh-CN' : 'en-US' }, { initScript: noWorkers });
    await trainerIs(page, 'main');
    assert.match(await page.textContent('.nt-status'), note);
    await page.click('.nt-play');
    await stepAbove(page, 300);
    await pause(page);
    assert.ok(Number((await viewData(page)).testAccuracy) > 0.5);
  });
}
