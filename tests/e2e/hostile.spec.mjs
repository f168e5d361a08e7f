// End-to-end: hostile input. Markup, script URLs, a 10,000-character value,
// unicode and NUL go into every URL parameter of the page (the shell's keys in
// state.ts and the studio's in state-train.ts, read from the sources so a new
// key is covered too) and into every attribute of <nn-playground>, also after
// creation. Nothing may run: no dialog, no page error, no new <script> or
// <img>, no on* attribute; and a notice says what fell back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DESKTOP, expect, nextFrames, test } from './fixtures.mjs';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'A'.repeat(9990) + '<b>x</b>',
  'ünï 中文 🙂 \u202e\u0301 ﷽',
  '%00',
  'a\u0000b',
];

function keysOf(file, pattern) {
  const source = readFileSync(new URL(`../../web/src/${file}`, import.meta.url), 'utf8');
  const list = pattern.exec(source);
  assert.ok(list, `key list not found in ${file}`);
  return [...list[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}
const SHELL_KEYS = keysOf('app/state.ts', /const KEYS = \[([^\]]+)\]/);
const TRAIN_KEYS = keysOf('app/train-keys.ts', /TRAIN_PARAM_KEYS = \[([^\]]+)\]/);
const ELEMENT_ATTRS = keysOf('embed/embed-options.ts', /ATTRIBUTES = \[([^\]]+)\]/);

/** Fails the test on any dialog (alert/confirm/prompt) the page opens. */
function watchDialogs(page, seen) {
  page.on('dialog', (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
}

/** Counts of what injected markup would add, over the document and every open shadow root. */
function census(root = document) {
  const all = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return {
    scripts: all.filter((e) => e.localName === 'script').length,
    imgs: all.filter((e) => e.localName === 'img').length,
    handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.localName}[${a.name}]`)),
  };
}

const noticeText = (frame) => frame.evaluate(() => [...document.querySelectorAll('#notices-slot .notice')].map((n) => n.textContent).join(' | '));

const hashWith = (keys, value, extra = {}) => {
  const p = new URLSearchParams(extra);
  for (const k of keys) if (!(k in extra)) p.set(k, value);
  return `#${p}`;
};

test.describe('hostile URL values', () => {
  test('covers every key of the sources', () => {
    assert.ok(SHELL_KEYS.length >= 12 && SHELL_KEYS.includes('hide'), SHELL_KEYS.join());
    assert.ok(TRAIN_KEYS.length >= 29 && TRAIN_KEYS.includes('net'), TRAIN_KEYS.join());
  });

  for (const page of ['index.html', 'embed.html']) {
    test(`${page}: every parameter at once, with each hostile value`, async ({ app }) => {
      const clean = await app.open(`${page}#view=train`, DESKTOP);
      await clean.page.waitForSelector('.nt-play');
      const baseline = await clean.page.evaluate(census);
      await clean.finish();
      for (const value of HOSTILE) {
        // Twice: the studio's keys read with view=train, then view itself hostile too.
        for (const extra of [{ view: 'train' }, {}]) {
          const dialogs = [];
          const hash = hashWith([...SHELL_KEYS, ...TRAIN_KEYS], value, extra);
          const { page: p, finish } = await app.open(`${page}${hash}`, DESKTOP, { onPage: (pg) => watchDialogs(pg, dialogs) });
          if (extra.view) await p.waitForSelector('.nt-play');
          await expect(p.locator('#notices-slot .notice').first()).toBeVisible();
          const notices = await noticeText(p);
          const now = await p.evaluate(census);
          const label = `${page} ${JSON.stringify(value.slice(0, 30))} ${JSON.stringify(extra)}`;
          assert.deepEqual(dialogs, [], label);
          assert.deepEqual(now.handlers, [], label);
          assert.ok(now.scripts <= baseline.scripts && now.imgs <= baseline.imgs, `${label}: ${JSON.stringify(now)}`);
          assert.ok(notices.length > 0 && (await p.locator('#notices-slot .notice').first().isVisible()), `${label}: no notice`);
          // The shell's keys and, on the train view, the studio's.
          assert.match(notices, /view|lang|theme|acts|hide/, label);
          if (extra.view) assert.match(notices, /net|data|lr|opt/, label);
          await finish();
        }
      }
    });
  }
});

test.describe('hostile <nn-playground> attributes', () => {
  test('every attribute, at creation and after, with each hostile value', async ({ app }) => {
    assert.deepEqual(ELEMENT_ATTRS.sort(), ['controls', 'height', 'lang', 'lesson', 'lesson-src', 'params', 'theme', 'view']);
    const dialogs = [];
    const { page, finish } = await app.open('examples/course-page.html', DESKTOP, { ready: false, onPage: (pg) => watchDialogs(pg, dialogs) });
    const baseline = await page.evaluate(census);
    for (const [i, value] of HOSTILE.entries()) {
      const id = `hostile-${i}`;
      await page.evaluate(({ id, value, attrs }) => {
        const el = document.createElement('nn-playground');
        el.id = id;
        for (const a of attrs) el.setAttribute(a, value);
        document.querySelector('main').prepend(el);
      }, { id, value, attrs: ELEMENT_ATTRS });
      const label = JSON.stringify(value.slice(0, 30));
      // The element's own notice (controls, height, params) …
      const own = await page.evaluate((id) => {
        const n = document.getElementById(id).shadowRoot.querySelector('.notice');
        return n.hidden ? '' : n.textContent;
      }, id);
      assert.match(own, /controls|height|params/, label);
      // … and the frame's (view, lang, theme, lesson), once it has loaded.
      const handle = await page.locator(`#${id} iframe`).elementHandle();
      const frame = await handle.contentFrame();
      await frame.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
      await frame.waitForSelector('#notices-slot .notice', { state: 'visible' });
      assert.match(await noticeText(frame), /view|lang|theme|lesson/, label);
      // Changed after creation: the same checks hold.
      await page.evaluate(({ id, value, attrs }) => {
        const el = document.getElementById(id);
        for (const a of attrs) el.setAttribute(a, `${value}${value.length < 100 ? '"\'><svg onload=alert(2)>' : ''}`);
      }, { id, value, attrs: ELEMENT_ATTRS });
      // The element re-renders in a microtask and navigates its frame: both have rendered since.
      await nextFrames(page);
      await nextFrames(frame);
      assert.deepEqual((await frame.evaluate(census)).handlers, [], label);
      assert.equal((await frame.evaluate(census)).imgs, 0, label);
      await page.evaluate((id) => document.getElementById(id).remove(), id);
    }
    const now = await page.evaluate(census);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(now.handlers, []);
    assert.deepEqual({ scripts: now.scripts, imgs: now.imgs }, { scripts: baseline.scripts, imgs: baseline.imgs });
    await finish();
  });
});
