// End-to-end: embedding. The example course page (dist/examples/, copied there
// by the element build) with two <nn-playground> elements and a plain iframe,
// under the production CSP: the elements load, size themselves to their
// content, re-fire the page's events, follow attribute changes without a
// reload, pause training out of view, keep their styles to themselves
// (the Embed button and the classic script: embed-button.spec.mjs).
import assert from 'node:assert/strict';
import { artifacts, assertNoHorizontalOverflow, expect, nextFrames, PHONE, test } from './fixtures.mjs';
import { frameOf, openCourse, readyFrame } from './embed-steps.mjs';

/** Waits for the element's iframe to be sized to its document (no inner scrolling). */
async function assertSized(page, id) {
  const frame = await frameOf(page, id);
  await page.waitForFunction(async (el) => {
    const iframe = document.getElementById(el).shadowRoot.querySelector('iframe');
    const doc = iframe.contentDocument.documentElement;
    return Math.abs(iframe.clientHeight - Math.ceil(doc.getBoundingClientRect().height)) <= 1;
  }, id, { timeout: 10000 });
  const inner = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, view: innerHeight }));
  assert.ok(inner.scroll <= inner.view + 1, `inner scrolling: ${JSON.stringify(inner)}`);
  assert.ok(inner.view >= 240, `too small: ${inner.view}`);
}

/** A full-page screenshot taken scrolled back to the top, once that has been rendered. */
async function screenshotFromTop(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await nextFrames(page);
  await page.screenshot({ path: `${artifacts}${name}`, fullPage: true });
}

const running = (frame) => frame.evaluate(() => document.querySelector('.nt-view')?.dataset.running);

test.describe('<nn-playground> on a course page', () => {
  test('loads two independent elements that size themselves and fire ready', async ({ app }) => {
    const { page, finish } = await openCourse(app);
    const explore = await readyFrame(page, 'pg-explore');
    const train = await readyFrame(page, 'pg-train');
    const events = await page.evaluate(() => window.courseEvents);
    for (const id of ['pg-explore', 'pg-train']) {
      const ready = events.filter((e) => e.type === 'ready' && e.target === id);
      assert.equal(ready.length, 1, JSON.stringify(events));
      assert.deepEqual(Object.keys(ready[0].detail), ['simd']);
      assert.equal(typeof ready[0].detail.simd, 'boolean');
    }
    // Each frame got its own attributes as hash options.
    assert.match(explore.url(), /embed\.html#.*view=explore/);
    assert.match(train.url(), /view=train/);
    assert.equal(await explore.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await train.evaluate(() => document.documentElement.lang), 'zh-CN');
    // controls="minimal": no tab bar, no language switch in the frame.
    await expect(explore.locator('[data-control="tabs"]').first()).toBeHidden();
    await expect(explore.locator('#lang-switch')).toBeHidden();
    await expect(explore.locator('[data-control="formulas"]').first()).toBeHidden();
    await assertSized(page, 'pg-explore');
    await assertSized(page, 'pg-train');
    await screenshotFromTop(page, 'embed-course-desktop.png');
    await finish();
  });

  test('fits a 360 px phone', async ({ app }) => {
    const { page, finish } = await openCourse(app, PHONE);
    await readyFrame(page, 'pg-explore');
    await readyFrame(page, 'pg-train');
    await assertSized(page, 'pg-explore');
    await assertNoHorizontalOverflow(page);
    const frame = await frameOf(page, 'pg-explore');
    const widths = await frame.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: innerWidth }));
    assert.ok(widths.doc <= widths.view, JSON.stringify(widths));
    await screenshotFromTop(page, 'embed-course-phone.png');
    await finish();
  });

  test('follows attribute changes without reloading the frame or adding history', async ({ app }) => {
    const { page, finish } = await openCourse(app);
    const frame = await readyFrame(page, 'pg-explore');
    await frame.evaluate(() => (window.__marker = 42));
    const history = await page.evaluate(() => history.length);
    await page.evaluate(() => {
      const el = document.getElementById('pg-explore');
      el.setAttribute('lang', 'zh');
      el.setAttribute('controls', 'full');
    });
    await frame.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await frame.waitForSelector('[data-control="tabs"]', { state: 'visible' });
    assert.equal(await frame.evaluate(() => window.__marker), 42, 'the frame reloaded');
    await page.evaluate(() => document.getElementById('pg-explore').setAttribute('view', 'softmax'));
    await frame.waitForFunction(() => !document.getElementById('view-softmax')?.hidden);
    await page.evaluate(() => document.getElementById('pg-explore').setAttribute('controls', 'minimal'));
    await frame.waitForSelector('[data-control="tabs"]', { state: 'hidden' });
    await expect(frame.locator('[data-control="jacobian"]').first()).toBeHidden();
    assert.equal(await frame.evaluate(() => window.__marker), 42);
    assert.equal(await page.evaluate(() => history.length), history);
    // A fixed height wins over the content's.
    await page.evaluate(() => document.getElementById('pg-explore').setAttribute('height', '300'));
    await page.waitForFunction(() => document.getElementById('pg-explore').shadowRoot.querySelector('iframe').clientHeight === 300);
    // Moved elsewhere in the page, the (reloaded) frame keeps the latest attributes.
    await page.evaluate(() => document.querySelector('main').append(document.getElementById('pg-explore')));
    let moved = null;
    // A moved iframe reloads: its new document has no marker (the old frame, while detaching, throws).
    await expect
      .poll(async () => {
        moved = await frameOf(page, 'pg-explore');
        return moved ? moved.evaluate(() => window.__marker).catch(() => 'detaching') : 'no frame yet';
      }, { message: 'a moved iframe reloads' })
      .toBeUndefined();
    await moved.waitForSelector('body[data-ready="true"]');
    assert.equal(await moved.evaluate(() => window.__marker), undefined, 'a moved iframe reloads');
    assert.equal(await moved.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.equal(await moved.evaluate(() => document.getElementById('view-softmax')?.hidden), false);
    await finish();
  });

  test('pauses training out of view, resumes in view, and reports a divergence', async ({ app }) => {
    const { page, finish } = await openCourse(app);
    const frame = await readyFrame(page, 'pg-train');
    await frame.waitForSelector('.nt-play:not([disabled])', { timeout: 20000 });
    await frame.click('[data-preset="xor"]');
    await frame.click('.nt-play');
    await frame.waitForFunction(() => document.querySelector('.nt-view')?.dataset.running === 'true');
    // Out of view: a spacer makes the page long enough to scroll the element away.
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.id = 'spacer';
      spacer.style.height = '6000px';
      document.body.append(spacer);
      window.scrollTo(0, document.documentElement.scrollHeight);
    });
    await frame.waitForFunction(() => document.querySelector('.nt-view')?.dataset.running === 'false', null, { timeout: 5000 });
    const step = await frame.evaluate(() => Number(document.querySelector('.nt-view').dataset.step));
    // A fixed wait on purpose: the check is that no step happens while out of view, and that needs an interval.
    await page.waitForTimeout(400);
    assert.equal(await frame.evaluate(() => Number(document.querySelector('.nt-view').dataset.step)), step, 'trained while hidden');
    await page.locator('#pg-train').scrollIntoViewIfNeeded();
    await frame.waitForFunction(() => document.querySelector('.nt-view')?.dataset.running === 'true', null, { timeout: 5000 });
    assert.equal(await running(frame), 'true');
    await frame.click('.nt-play');
    // A divergence in the frame reaches the course page as a DOM event.
    await frame.click('[data-preset="exploding"]');
    await frame.click('.nt-play');
    await page.waitForFunction(() => (window.courseEvents ?? []).some((e) => e.type === 'diverged'), null, { timeout: 20000 });
    const diverged = (await page.evaluate(() => window.courseEvents)).find((e) => e.type === 'diverged');
    assert.equal(diverged.target, 'pg-train');
    assert.deepEqual(Object.keys(diverged.detail).sort(), ['reason', 'step']);
    assert.ok(Number.isInteger(diverged.detail.step) && diverged.detail.step > 0, JSON.stringify(diverged));
    assert.ok(diverged.detail.reason.length > 0);
    await finish();
  });

  test('fires lesson-complete when the student completes the lesson inside', async ({ app }) => {
    const { page, finish } = await openCourse(app);
    await page.evaluate(() => {
      const el = document.createElement('nn-playground');
      el.id = 'pg-lesson';
      for (const [k, v] of [['lesson', 'softmax'], ['view', 'softmax'], ['lang', 'en']]) el.setAttribute(k, v);
      document.querySelector('main').prepend(el);
    });
    const lesson = await readyFrame(page, 'pg-lesson');
    // The lesson's two stages: the logits [2, 1, 0.1], then a temperature of 2 (set as later attribute changes).
    await page.evaluate(() => document.getElementById('pg-lesson').setAttribute('params', 'z=2,1,0.1'));
    // The first stage is passed in the frame, and the event has not fired.
    await lesson.waitForFunction(() => document.querySelector('.lesson')?.dataset.stage === '1', null, { timeout: 10000 });
    await nextFrames(page);
    assert.equal((await page.evaluate(() => window.courseEvents)).filter((e) => e.type === 'lesson-complete').length, 0);
    await page.evaluate(() => document.getElementById('pg-lesson').setAttribute('params', 'z=2,1,0.1&T=2'));
    await page.waitForFunction(() => window.courseEvents.some((e) => e.type === 'lesson-complete'), null, { timeout: 10000 });
    const done = (await page.evaluate(() => window.courseEvents)).filter((e) => e.type === 'lesson-complete');
    assert.deepEqual(done, [{ type: 'lesson-complete', target: 'pg-lesson', detail: { lesson: 'softmax' } }]);
    await finish();
  });

  test('relays only well-formed messages from its own frame', async ({ app }) => {
    const { page, finish } = await openCourse(app);
    const frame = await readyFrame(page, 'pg-explore');
    const before = (await page.evaluate(() => window.courseEvents)).length;
    await frame.evaluate(() => {
      const post = (m) => parent.postMessage(m, '*');
      post({ nnplay: 1, kind: 'event', type: 'diverged', detail: { step: 'x', reason: 'r' } });
      post({ nnplay: 1, kind: 'event', type: 'alert', detail: {} });
      post({ nnplay: 2, kind: 'event', type: 'ready', detail: { simd: true } });
      post('<img src=x onerror=alert(1)>');
      post({ nnplay: 1, kind: 'event', type: 'lesson-complete', detail: { lesson: 'x'.repeat(5000) } });
      post({ nnplay: 1, kind: 'event', type: 'lesson-complete', detail: { lesson: 'relu' } });
    });
    // The same valid message from the page itself (not the frame) is ignored.
    await page.evaluate(() => window.postMessage({ nnplay: 1, kind: 'event', type: 'lesson-complete', detail: { lesson: 'fake' } }, '*'));
    // A last valid message from the frame, posted after all the others: once it is relayed, the others have been handled.
    await frame.evaluate(() => parent.postMessage({ nnplay: 1, kind: 'event', type: 'lesson-complete', detail: { lesson: 'last' } }, '*'));
    await page.waitForFunction(() => window.courseEvents.some((e) => e.detail?.lesson === 'last'));
    const added = (await page.evaluate(() => window.courseEvents)).slice(before);
    assert.deepEqual(added, [
      { type: 'lesson-complete', target: 'pg-explore', detail: { lesson: 'relu' } },
      { type: 'lesson-complete', target: 'pg-explore', detail: { lesson: 'last' } },
    ]);
    await finish();
  });

  test('keeps its styles in, and a hostile page style out', async ({ app }) => {
    const { page, finish } = await openCourse(app);
    await readyFrame(page, 'pg-explore');
    // The element's rules (.notice, iframe, .box) must not touch the host page.
    const host = await page.evaluate(() => {
      const p = document.createElement('p');
      p.className = 'notice box';
      p.textContent = 'host';
      const f = document.createElement('iframe');
      document.body.append(p, f);
      const ps = getComputedStyle(p);
      const fs = getComputedStyle(f);
      return { bg: ps.backgroundColor, border: ps.borderTopWidth, radius: fs.borderTopLeftRadius, frameBorder: fs.borderTopStyle };
    });
    assert.deepEqual(host, { bg: 'rgba(0, 0, 0, 0)', border: '0px', radius: '0px', frameBorder: 'inset' });
    // A page that hides every iframe and paints everything red.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('* { color: red !important; background: yellow !important; } iframe { display: none !important; } div { padding: 60px !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      document.getElementById('pg-explore').setAttribute('height', 'tall');
    });
    const inside = await page.evaluate(() => {
      const root = document.getElementById('pg-explore').shadowRoot;
      const iframe = root.querySelector('iframe');
      const notice = root.querySelector('.notice');
      return {
        frame: iframe.getBoundingClientRect().height,
        display: getComputedStyle(iframe).display,
        boxPadding: getComputedStyle(root.querySelector('.box')).paddingTop,
        noticeShown: !notice.hidden,
        noticeColor: getComputedStyle(notice.querySelector('li')).color,
        noticeText: notice.textContent,
        plainIframe: getComputedStyle(document.getElementById('pg-iframe')).display,
      };
    });
    assert.ok(inside.frame > 200, JSON.stringify(inside));
    assert.equal(inside.display, 'block');
    assert.equal(inside.boxPadding, '0px');
    assert.equal(inside.plainIframe, 'none', 'the hostile sheet applies outside');
    assert.ok(inside.noticeShown);
    assert.notEqual(inside.noticeColor, 'rgb(255, 0, 0)');
    assert.match(inside.noticeText, /height = “tall” is not a valid value; using auto/);
    const frame = await frameOf(page, 'pg-explore');
    assert.notEqual(await frame.evaluate(() => getComputedStyle(document.body).color), 'rgb(255, 0, 0)');
    await finish();
  });
});
