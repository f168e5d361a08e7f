// End-to-end: the training studio as a tab of the main page (index.html),
// loaded on demand, with its state in the page's URL hash.
import assert from 'node:assert/strict';
import { artifacts, expect, test, waitForHash } from './fixtures.mjs';

test.describe('the training tab of the main page', () => {
  test('loads the studio on demand, trains XOR through its controls and keeps the run in the URL', async ({ app }) => {
    const { page, finish } = await app.open('#view=train');
    await page.waitForSelector('.nt-view', { state: 'visible', timeout: 30000 });
    await page.click('[data-preset="xor"]');
    await page.click('.nt-play');
    await page.waitForFunction(() => Number(document.querySelector('.nt-view')?.dataset.testAccuracy) >= 1, null, {
      timeout: 45000,
    });
    await page.click('.nt-play');  // pause
    const hash = await waitForHash(page, 'data=xor');
    assert.match(hash, /view=train/);
    await page.screenshot({ path: `${artifacts}shell-train.png` });
    // Another tab hides the studio; coming back shows the same run.
    await page.click('[data-tab="explore"]');
    await page.waitForSelector('.nt-view', { state: 'hidden' });
    await page.click('[data-tab="train"]');
    await page.waitForSelector('.nt-view', { state: 'visible' });
    await finish();
  });
});
