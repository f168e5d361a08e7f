// End-to-end: the full page's "Embed" button produces both snippets for the
// current state and they work (copied, or selected when the clipboard is
// refused); nn-playground.js as a classic script; embed.html alone.
import assert from 'node:assert/strict';
import { artifacts, DESKTOP, expect, test } from './fixtures.mjs';
import { frameOf, openCourse, readyFrame } from './embed-steps.mjs';

test.describe('nn-playground.js as a classic script', () => {
  test('finds embed.html beside itself and works without type=module', async ({ app }) => {
    const { contentSecurityPolicy } = await import('../../vite.config.mjs');
    const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>classic</title>'
      + '<script src="../nn-playground.js"></script></head><body><nn-playground id="c1" view="softmax" height="420"></nn-playground></body></html>';
    const { page, finish } = await app.open('examples/classic.html', DESKTOP, {
      ready: false,
      route: {
        match: '**/examples/classic.html',
        handler: (route) => route.fulfill({ contentType: 'text/html', headers: { 'Content-Security-Policy': contentSecurityPolicy }, body: html }),
      },
    });
    const frame = await frameOf(page, 'c1');
    await frame.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    assert.ok(frame.url().startsWith(`${app.url}embed.html#view=softmax`), frame.url());
    assert.equal(await page.evaluate(() => document.getElementById('c1').shadowRoot.querySelector('iframe').clientHeight), 420);
    await finish();
  });
});

test.describe('the Embed button', () => {
  test('produces both snippets for the current state, copies them, and they work', async ({ app }) => {
    const { page, finish } = await app.open('#view=softmax&lang=en&z=1,2,4&hide=tabs,jacobian', DESKTOP);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('#embed-button');
    await page.waitForSelector('#embed-dialog[open]');
    const element = await page.inputValue('[data-snippet="element"]');
    const iframe = await page.inputValue('[data-snippet="iframe"]');
    const base = app.url;
    // A classic script (a module one would need CORS on another origin), and a link for where it does not run.
    assert.ok(element.startsWith(`<script src="${base}nn-playground.js"></script>\n<nn-playground `), element);
    assert.match(element, /><a href="[^"]*index\.html#view=softmax&amp;lang=en&amp;[^"]*z=1,2,4[^"]*" target="_blank" rel="noopener">Open the nnplay playground ↗<\/a><\/nn-playground>$/);
    assert.ok(element.includes(`<a href="${base}index.html#`), element);
    assert.match(element, / view="softmax"/);
    assert.match(element, / lang="en"/);
    assert.match(element, / controls="tabs,jacobian"/);
    assert.match(element, / params="[^"]*z=1,2,4[^"]*"/);
    assert.ok(iframe.startsWith(`<iframe src="${base}embed.html#view=softmax&amp;lang=en`), iframe);
    await page.click('[data-copy="element"]');
    await page.waitForSelector('.embed-status:has-text("Copied")');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), element);
    await page.screenshot({ path: `${artifacts}embed-dialog.png` });
    await page.keyboard.press('Escape');
    await page.waitForSelector('#embed-dialog', { state: 'hidden' });
    await finish();

    // The element snippet, pasted into a page of the same site, shows the same state.
    const tag = /<nn-playground([^>]*)>/.exec(element)[1];
    const attrs = Object.fromEntries([...tag.matchAll(/ (\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v.replaceAll('&amp;', '&')]));
    const course = await openCourse(app);
    await course.page.evaluate((a) => {
      const el = document.createElement('nn-playground');
      el.id = 'pasted';
      for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
      document.querySelector('main').prepend(el);
    }, attrs);
    const pasted = await readyFrame(course.page, 'pasted');
    assert.equal(await pasted.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('z')), '1,2,4');
    await expect(pasted.locator('[data-control="tabs"]').first()).toBeHidden();
    await course.finish();
  });

  test('falls back to selecting the text when the clipboard is refused', async ({ app }) => {
    const { page, finish } = await app.open('#view=explore&lang=zh', DESKTOP, {
      initScript: () => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => ({ writeText: () => Promise.reject(new Error('denied')) }) });
      },
    });
    assert.equal((await page.textContent('#embed-button')).trim(), '嵌入');
    await page.click('#embed-button');
    await page.click('[data-copy="iframe"]');
    await page.waitForSelector('.embed-status:has-text("Ctrl+C")');
    const selected = await page.evaluate(() => {
      const a = document.activeElement;
      return a.value.slice(a.selectionStart, a.selectionEnd);
    });
    assert.ok(selected.startsWith('<iframe src="'), selected);
    await finish();
  });

  test('embed.html alone: minimal chrome, same options', async ({ app }) => {
    const { page, finish } = await app.open('embed.html#view=explore&lang=en&acts=relu,elu', DESKTOP);
    await expect(page.locator('.masthead')).toBeHidden();
    assert.equal(await page.locator('#embed-button').count(), 0);
    await expect(page.locator('.tab-bar')).toBeVisible();
    await page.focus('#embed-open-full');
    assert.match(await page.getAttribute('#embed-open-full', 'href'), /\/index\.html#view=explore&lang=en&.*acts=relu,elu/);
    await page.screenshot({ path: `${artifacts}embed-page.png`, fullPage: true });
    await finish();
  });
});
