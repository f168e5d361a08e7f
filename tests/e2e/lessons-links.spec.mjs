// End-to-end: lesson= values (bad ones refused as text, hostile ones run
// nothing), progress when storage throws, and the language switch
// translating the lesson.
import assert from 'node:assert/strict';
import { artifacts, expect, nextFrames, test, waitForHash } from './fixtures.mjs';
import { waitStage, waitDone, openLesson } from './lesson-steps.mjs';

test.describe('lesson= values, storage, language', () => {
  test('a lesson link with view= (and the keys <nn-playground> adds) loads the preset as lesson= alone', async ({ app }) => {
    const { page, finish } = await app.open('#view=train&lesson=dead-relu&lang=en&hide=tabs');
    await page.waitForSelector('.lesson[data-lesson="dead-relu"]', { state: 'visible' });
    const hash = await waitForHash(page, 'lr=3');
    assert.match(hash, /init=he_uniform/);
    assert.match(hash, /net=8:relu,8:relu/);
    // A pasted link to another bare lesson loads that preset too.
    await page.evaluate(() => { location.hash = '#view=train&lesson=exploding&lang=en'; });
    await page.waitForSelector('.lesson[data-lesson="exploding"]');
    await waitForHash(page, 'sigma=3');
    await page.waitForFunction(() => document.querySelectorAll('.nt-layer-row').length === 6);
    await finish();
  });

  test('an unknown lesson shows a notice and no lesson; hostile values run nothing', async ({ app }) => {
    for (const value of ['nope', '<script>alert(1)</script>', 'javascript:alert(1)', 'x'.repeat(5000)]) {
      const dialogs = [];
      const { page, finish } = await app.open(`#lesson=${encodeURIComponent(value)}`, undefined, {
        onPage: (p) => p.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        }),
      });
      const notice = await page.textContent('#notices-slot');
      assert.match(notice, /lesson/, value.slice(0, 20));
      if (value.length < 100) assert.ok(notice.includes(value), 'the value is shown as text');
      await expect(page.locator('.lesson')).toBeHidden();
      assert.equal(await page.$$eval('#notices-slot script, #lessons-slot script', (e) => e.length), 0);
      await nextFrames(page);
      assert.deepEqual(dialogs, []);
      assert.doesNotMatch(page.url(), /lesson=/, 'the bad value is not written back');
      await finish();
    }
  });

  test('works when storage throws, and the language switch translates the lesson', async ({ app }) => {
    const { page, finish } = await openLesson(app, 'dead-relu', '&lang=en', undefined);
    await expect(page.locator('.lesson-title')).toHaveText('Dead ReLU');
    await page.click('button[data-lang="zh"]');
    await page.waitForFunction(() => document.querySelector('.lesson-title')?.textContent === '死亡 ReLU');  // renders next frame
    await expect(page.locator('.lesson-task-text')).toHaveText(/学习率/);
    await expect(page.locator('.lessons-toggle')).toHaveText(/课程/);
    await expect(page.locator('[data-action="next"]')).toHaveText(/下一课/);
    await waitForHash(page, 'lang=zh');
    await page.waitForSelector('.lesson-tex .katex');
    await page.screenshot({ path: `${artifacts}lessons-desktop-zh.png` });
    await finish();

    const blocked = await app.open('#view=softmax', undefined, {
      initScript: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }),
    });
    await blocked.page.click('.lessons-toggle');
    await blocked.page.click('[data-lesson="softmax"]');
    await blocked.page.click('[data-preset="2,1,0.1"]');
    await waitStage(blocked.page, 1);
    await blocked.page.fill('.temperature .slider-number', '2');
    await blocked.page.press('.temperature .slider-number', 'Enter');
    await waitDone(blocked.page);
    assert.match(await blocked.page.textContent('.lessons-count'), /^1 of 14 done$/);
    await blocked.finish();
  });
});
