// End-to-end: nnplay embedded in a course page on another origin, both sites
// served by plain static servers (no CORS headers, as a simple host sends):
// the README's <nn-playground> example as written loads its lesson's preset,
// runs to lesson-complete, and a changed lesson attribute loads that lesson's
// preset up to its diverged event; the Embed dialog's first snippet works
// pasted there; an element whose frame never reports ready shows a fallback.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { artifacts, DESKTOP, expect, test } from './fixtures.mjs';
import { distDir } from './preview-server.mjs';
import { startStatic } from './static-server.mjs';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const LISTEN = `window.events = [];
for (const type of ['ready', 'diverged', 'lesson-complete']) {
  document.addEventListener(type, (e) => window.events.push({ type, id: e.target.id, detail: e.detail }));
}`;
const course = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
<script src="listen.js"></script></head><body><h1>A course page</h1>${body}</body></html>`;

/** The README's element example: the lines of "1. The element" in the embedding section. */
function readmeElementExample(host) {
  const block = /## Embedding in a course page[\s\S]*?```html\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
  const lines = block.split('\n');
  const from = lines.findIndex((l) => l.includes('1. The element'));
  const to = lines.findIndex((l) => l.includes('2. '));
  assert.ok(from >= 0 && to > from, 'the README has the element example');
  return lines.slice(from + 1, to).join('\n').replaceAll('https://example.edu/ml/nnplay/', host);
}

let nnplay;
test.beforeAll(async () => {
  nnplay = await startStatic(distDir);
});
test.afterAll(async () => {
  await nnplay?.stop();
});

async function foreignPage(app, body, options = {}) {
  const site = await startStatic(null, { pages: { '/course.html': course(body), '/listen.js': LISTEN }, ...options });
  assert.notEqual(new URL(site.url).origin, new URL(nnplay.url).origin);
  const opened = await app.open(`${site.url}course.html`, DESKTOP, { ready: false, clean: false });
  return { ...opened, site };
}
const waitEvent = (page, type, timeout = 30000) =>
  page.waitForFunction((t) => window.events.some((e) => e.type === t), type, { timeout, polling: 100 });
async function frameOf(page, selector = 'nn-playground') {
  const handle = await page.locator(`${selector} iframe`).elementHandle();
  return handle.contentFrame();
}
const lessonStage = (frame) => frame.evaluate(() => Number(document.querySelector('.lesson')?.dataset.stage ?? -1));

test.describe('nnplay on another origin', () => {
  test('the README example loads the lesson preset and fires lesson-complete, then diverged for exploding', async ({ app }) => {
    const snippet = readmeElementExample(nnplay.url);
    assert.match(snippet, /<nn-playground lesson="dead-relu" view="train"/);
    const { page, finish, site } = await foreignPage(app, snippet);
    try {
      await waitEvent(page, 'ready');
      const frame = await frameOf(page);
      await frame.waitForSelector('.lesson[data-lesson="dead-relu"]');
      // The lesson's preset, exactly as #lesson=dead-relu alone loads it.
      await frame.waitForFunction(() => /lr=3(&|$)/.test(location.hash) && location.hash.includes('he_uniform'), null, { timeout: 10000 });
      await frame.waitForSelector('.nt-play:not([disabled])');
      await frame.click('.nt-play');
      await frame.waitForFunction(() => Number(document.querySelector('.lesson')?.dataset.stage) >= 1, null, { timeout: 30000, polling: 100 });
      await frame.click('.nt-play');
      await frame.waitForFunction(() => document.querySelector('.nt-view')?.dataset.running !== 'true');
      // The task: a smaller rate and a fresh network.
      await frame.locator('[data-field="lr"] select').selectOption({ label: '0.03' });
      await frame.click('.nt-transport button:text-is("重置")');  // lang="zh" in the example
      await frame.click('.nt-play');
      await waitEvent(page, 'lesson-complete', 40000);
      assert.deepEqual((await page.evaluate(() => window.events)).find((e) => e.type === 'lesson-complete').detail, { lesson: 'dead-relu' });
      assert.equal(await lessonStage(frame), 2);

      // Another lesson by attribute: its preset (six ReLU layers, σ = 3), trained until it diverges.
      await page.evaluate(() => document.querySelector('nn-playground').setAttribute('lesson', 'exploding'));
      await frame.waitForSelector('.lesson[data-lesson="exploding"]');
      await frame.waitForFunction(() => location.hash.includes('sigma=3') && document.querySelectorAll('.nt-layer-row').length === 6, null, { timeout: 10000 });
      if ((await frame.getAttribute('.nt-view', 'data-running')) !== 'true') await frame.click('.nt-play');
      await waitEvent(page, 'diverged', 30000);
      await frame.waitForFunction(() => Number(document.querySelector('.lesson')?.dataset.stage) >= 1, null, { timeout: 10000 });
      await page.screenshot({ path: `${artifacts}foreign-readme-example.png`, fullPage: true });
    } finally {
      await finish();
      await site.stop();
    }
  });

  test('the Embed dialog\'s first snippet works pasted into a page on another origin', async ({ app }) => {
    const full = await app.open(`${nnplay.url}index.html#view=softmax&lang=en&z=1,2,4&hide=tabs,jacobian`, DESKTOP, { clean: false });
    await full.page.click('#embed-button');
    const snippet = await full.page.inputValue('[data-snippet="element"]');
    await full.finish();
    const { page, finish, site } = await foreignPage(app, snippet);
    try {
      await waitEvent(page, 'ready');
      const frame = await frameOf(page);
      assert.equal(await frame.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('z')), '1,2,4');
      // Sized to its content, not 0 px; the fallback link of the snippet stays hidden.
      await page.waitForFunction(() => document.querySelector('nn-playground').getBoundingClientRect().height > 400);
      await expect(page.locator('nn-playground > a')).toBeHidden();
      await expect(page.locator('nn-playground .fallback')).toBeHidden();
    } finally {
      await finish();
      await site.stop();
    }
  });

  test('a frame that never reports ready gets a visible fallback link; a blocked script leaves the snippet\'s link', async ({ app }) => {
    const full = await app.open(`${nnplay.url}index.html#view=explore&lang=zh&acts=relu,elu`, DESKTOP, { clean: false });
    await full.page.click('#embed-button');
    const snippet = await full.page.inputValue('[data-snippet="element"]');
    await full.finish();
    // A host whose embed.html is missing: the element runs, its frame never says ready.
    const broken = await startStatic(distDir, { missing: ['/embed.html'] });
    const { page, finish, site } = await foreignPage(app, snippet.replaceAll(nnplay.url, broken.url));
    try {
      const fallback = page.locator('nn-playground .fallback');
      await expect(fallback).toBeVisible();
      await expect(fallback).toContainText('实验场尚未');
      const link = fallback.locator('a');
      await expect(link).toHaveAttribute('href', new RegExp(`^${broken.url}index\\.html#view=explore&lang=zh&.*acts=relu,elu`));
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', 'noopener');
      await page.screenshot({ path: `${artifacts}foreign-fallback.png` });
    } finally {
      await finish();
      await site.stop();
    }
    // The script itself unreachable: the element stays unknown and its light-DOM link shows.
    const noScript = await foreignPage(app, snippet.replaceAll(nnplay.url, broken.url).replace('nn-playground.js', 'missing.js'));
    try {
      const link = noScript.page.locator('nn-playground > a');
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('href', new RegExp(`^${broken.url}index\\.html#view=explore&lang=zh&.*acts=relu,elu`));
    } finally {
      await noScript.finish();
      await noScript.site.stop();
      await broken.stop();
    }
  });

  test('lesson-src: the element fetches a lesson file of the course site and runs it to lesson-complete', async ({ app }) => {
    const lesson = readFileSync(new URL('../../examples/lessons/temperature.json', import.meta.url), 'utf8');
    const body = `<script src="${nnplay.url}nn-playground.js"></script>
<nn-playground id="own" view="softmax" lang="en" lesson-src="lessons/my-lesson.json"></nn-playground>
<nn-playground id="broken" view="softmax" lang="en" lesson-src="lessons/missing.json"></nn-playground>
<nn-playground id="elsewhere" view="softmax" lang="en" lesson-src="${nnplay.url}examples/lessons/temperature.json"></nn-playground>`;
    const { page, finish, site } = await foreignPage(app, body, { pages: { '/course.html': course(body), '/listen.js': LISTEN, '/lessons/my-lesson.json': lesson } });
    try {
      await waitEvent(page, 'ready');
      const frame = await frameOf(page, '#own');
      await frame.waitForSelector('.lesson[data-lesson="temperature"]', { state: 'visible', timeout: 15000 });
      for (const t of ['0.4', '6']) {
        await frame.fill('.temperature .slider-number', t);
        await frame.press('.temperature .slider-number', 'Enter');
        await frame.waitForFunction((want) => Number(document.querySelector('.lesson')?.dataset.stage) >= want, t === '6' ? 2 : 1);
      }
      await waitEvent(page, 'lesson-complete');
      assert.deepEqual((await page.evaluate(() => window.events)).filter((e) => e.type === 'lesson-complete'), [{ type: 'lesson-complete', id: 'own', detail: { lesson: 'temperature' } }]);
      // A missing file: the element says so, as text.
      const notice = page.locator('#broken .notice');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('lesson-src = “lessons/missing.json” could not be loaded (HTTP 404)');
      // Another site's file is refused without a request.
      const refused = page.locator('#elsewhere .notice');
      await expect(refused).toBeVisible();
      await expect(refused).toContainText('it must be a .json file of this site');
    } finally {
      await finish();
      await site.stop();
    }
  });
});
