// End-to-end: the built page (dist/, from `vite build`) under `vite preview`
// with the production CSP, in headless Chromium: loading, the build status,
// the article's six-panel figure (the explorer's preset), language, theme,
// phone width and a failed load. Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { artifacts, assertNoHorizontalOverflow, DESKTOP, expect, PHONE, revealFormulas, test, text, waitForHash } from './fixtures.mjs';

const sigmoid = (x) => 1 / (1 + Math.exp(-x));
const EXPECTED = {
  sigmoid: (x) => sigmoid(x),
  tanh: (x) => Math.tanh(x),
  relu: (x) => Math.max(0, x),
  'leaky-relu': (x) => (x > 0 ? x : 0.2 * x),
  elu: (x) => (x > 0 ? x : 2 * Math.expm1(x)),
  'sigmoid-derivative': (x) => sigmoid(x) * (1 - sigmoid(x)),
};

test.describe('the page', () => {
  test('loads the SIMD build under the CSP and draws the article figure from wasm values', async ({ app }) => {
    const { page, response, finish } = await app.open('#layout=figure');
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
    await expect(page.locator('#status')).toHaveAttribute('data-build', 'simd');
    assert.equal(await text(page, '#status-text'), 'WebAssembly SIMD');
    assert.equal(await page.$$eval('#loading', (els) => els.length), 0, 'the loading card is gone');

    const panels = await page.$$eval('.panel', (els) =>
      els.map((e) => ({
        id: e.dataset.panel,
        points: Number(e.dataset.points),
        title: e.querySelector('.panel-title')?.textContent,
        canvas: e.querySelectorAll('canvas').length,
      })),
    );
    assert.deepEqual(
      panels.map((p) => p.id),
      ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'elu', 'sigmoid-derivative'],
    );
    for (const p of panels) {
      assert.equal(p.points, 401, p.id);
      assert.equal(p.canvas, 1, p.id);
    }
    assert.deepEqual(
      panels.map((p) => p.title),
      ['Sigmoid', 'Tanh', 'ReLU', 'Leaky ReLU (α = 0.2)', 'ELU (α = 2.0)', 'Sigmoid′ (derivative)'],
    );

    const debug = await page.evaluate(() => window.__nnplayDebug);
    assert.equal(debug.build, 'simd');
    assert.equal(debug.points, 401);
    for (const panel of debug.panels) {
      for (const [x, y] of panel.samples) {
        const want = EXPECTED[panel.id](x);
        assert.ok(Math.abs(y - want) <= 1e-6, `${panel.id}(${x}) = ${y}, expected ${want}`);
      }
    }
    assert.equal(await page.evaluate(() => Object.isFrozen(window.__nnplayDebug)), true);

    // Each canvas has its line drawn: count pixels in the panel's own colour.
    const inked = await page.$$eval('.panel canvas', (canvases) =>
      canvases.map((c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 80) n++;
        return n;
      }),
    );
    for (const n of inked) assert.ok(n > 300, `a chart has only ${n} coloured pixels`);

    // Hovering a chart reads out the wasm value under the cursor.
    const box = await page.locator('[data-panel="sigmoid"] .u-over').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const readout = await text(page, '[data-panel="sigmoid"] .panel-readout');
    const m = readout.match(/^x = (\S+) +σ\(x\) = (\S+)$/);
    assert.ok(m, readout);
    assert.ok(Math.abs(Number(m[1])) <= 0.5, readout);
    assert.ok(Math.abs(Number(m[2]) - sigmoid(Number(m[1]))) <= 1e-3, readout);
    await page.mouse.move(0, 0);

    await page.screenshot({ path: `${artifacts}figure-en.png`, fullPage: true });
    await finish();
  });

  test('switches language, and every visible string follows', async ({ app }) => {
    const { page, finish } = await app.open('#layout=figure');
    const before = await text(page, '#figure-heading');
    await page.click('button[data-lang="zh"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    const zh = await text(page, '#figure-heading');
    assert.notEqual(zh, before);
    assert.match(zh, /激活函数/);
    await expect(page.locator('[data-panel="sigmoid-derivative"] .panel-title')).toHaveText(/导数/);
    await expect(page.locator('.figure .lead')).toHaveText(/饱和/);
    await expect(page.locator('#footer-text')).toHaveText(/内核/);
    await expect(page.locator('[data-panel="sigmoid"] .panel-chips')).toHaveText(/两侧饱和/);
    await expect(page.locator('#tab-softmax')).toHaveText(/实验室/);
    await expect(page.locator('button[data-lang="zh"]')).toHaveAttribute('aria-pressed', 'true');
    assert.match(await waitForHash(page, 'lang=zh'), /lang=zh/);
    await page.screenshot({ path: `${artifacts}figure-zh.png`, fullPage: true });

    await page.click('button[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await text(page, '#figure-heading'), before);
    await finish();
  });

  test('starts in Chinese for a Chinese browser, and honours lang= in the URL', async ({ app }) => {
    const zhBrowser = await app.open('', { ...DESKTOP, locale: 'zh-CN' });
    await expect(zhBrowser.page.locator('.view-explore h2')).toHaveText(/激活函数/);
    await expect(zhBrowser.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await zhBrowser.finish();
    const linked = await app.open('#lang=en', { ...DESKTOP, locale: 'zh-CN' });
    assert.equal(await text(linked.page, '.view-explore h2'), 'Activation explorer');
    await linked.finish();
  });

  test('fits a 360 px phone without horizontal overflow, in both views', async ({ app }) => {
    const { page, finish } = await app.open('', PHONE);
    assert.equal(await page.evaluate(() => window.innerWidth), 360);
    await assertNoHorizontalOverflow(page);
    await page.screenshot({ path: `${artifacts}phone-explore.png` });
    await page.screenshot({ path: `${artifacts}phone-explore-full.png`, fullPage: true });
    await page.click('#tab-softmax');
    await page.waitForSelector('.view-softmax:not([hidden])');
    await assertNoHorizontalOverflow(page);
    await page.screenshot({ path: `${artifacts}phone-softmax-full.png`, fullPage: true });
    await page.click('#tab-explore');
    await page.click('.segment:has(input[value="figure"])');
    await page.waitForSelector('.panel');
    await assertNoHorizontalOverflow(page);
    await page.screenshot({ path: `${artifacts}phone-figure.png` });
    await finish();
  });

  test('falls back to the scalar build when SIMD is not validated, and says so', async ({ app }) => {
    const noSimd = () => {
      const validate = WebAssembly.validate.bind(WebAssembly);
      // The probe is the only 43-byte module validated; the real builds are compiled, not validated.
      WebAssembly.validate = (bytes) => (bytes.byteLength === 43 ? false : validate(bytes));
    };
    const { page, finish } = await app.open('', DESKTOP, { initScript: noSimd });
    await expect(page.locator('#status')).toHaveAttribute('data-build', 'scalar');
    await expect(page.locator('#status-text')).toHaveText(/Scalar fallback/);
    await expect(page.locator('[data-notice="scalar"]')).toHaveText(/scalar build/);
    const debug = await page.evaluate(() => window.__nnplayDebug);
    assert.equal(debug.build, 'scalar');
    const [x, y] = debug.panels[0].samples[3];
    assert.equal(x, 0);
    assert.equal(y, 0.5);
    await page.click('[data-notice="scalar"] .notice-close');
    assert.equal(await page.$$eval('[data-notice]', (els) => els.length), 0);
    await finish();
  });

  test('follows a dark colour scheme, and the toggle switches theme both ways', async ({ app }) => {
    const { page, finish } = await app.open('', { ...DESKTOP, colorScheme: 'dark' });
    const brightness = () =>
      page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b));
    assert.ok((await brightness()) < 120, 'dark background expected');
    await expect(page.locator('#theme-toggle')).toHaveAttribute('aria-pressed', 'true');
    await page.screenshot({ path: `${artifacts}desktop-dark.png` });
    await page.click('#theme-toggle');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    assert.ok((await brightness()) > 600, 'light background after the toggle');
    assert.match(await waitForHash(page, 'theme=light'), /theme=light/);
    await page.click('#theme-toggle');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.ok((await brightness()) < 120);
    await finish();
  });

  test('names every control for screen readers, in each view', async ({ app }) => {
    const roles = new Set(['button', 'checkbox', 'radio', 'slider', 'spinbutton', 'tab', 'textbox', 'combobox']);
    for (const hash of ['#acts=elu,rrelu,sigmoid', '#view=softmax', '#layout=figure&lang=zh']) {
      const { page, finish } = await app.open(hash);
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const controls = nodes.filter((n) => !n.ignored && roles.has(n.role?.value));
      const unnamed = controls.filter((n) => !(n.name?.value ?? '').trim()).map((n) => n.role.value);
      assert.ok(controls.length > 4, `${hash}: ${controls.length} controls`);
      assert.deepEqual(unnamed, [], hash);
      await finish();
    }
  });

  test('already works under the stricter policy of issue 5 (style-src \'self\')', async ({ app }) => {
    const strict = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
    const route = {
      match: (u) => u.pathname === '/',
      handler: async (r) => {
        const res = await r.fetch();
        await r.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': strict } });
      },
    };
    for (const hash of ['#acts=sigmoid,elu', '#view=softmax&z=20,300,5000', '#layout=figure']) {
      const { page, finish } = await app.open(hash, DESKTOP, { route, clean: !hash.includes('softmax') });
      await revealFormulas(page);
      if (hash.includes('softmax')) {
        // The policy is in force: an inline style attribute in markup is refused.
        await page.evaluate(() => {
          const probe = document.createElement('template');
          probe.innerHTML = '<p style="color: red">x</p>';
          document.body.append(probe.content);
        });
        await page.waitForFunction(() => window.__csp.length > 0);
        const problems = await finish();
        assert.deepEqual(problems.csp.map((c) => c.split(' ')[0]), ['style-src-attr']);
      } else {
        await finish();
      }
    }
  });

  test('respects prefers-reduced-motion', async ({ app }) => {
    const duration = async (context) => {
      const { page, finish } = await app.open('', context);
      const d = await page.evaluate(() => {
        const probe = document.createElement('span');
        probe.className = 'spinner';
        document.body.append(probe);
        return parseFloat(getComputedStyle(probe).animationDuration);
      });
      await finish();
      return d;
    };
    assert.ok((await duration(DESKTOP)) >= 0.5);
    assert.ok((await duration({ ...DESKTOP, reducedMotion: 'reduce' })) < 0.01);
  });

  test('says so plainly when the core cannot be loaded', async ({ app }) => {
    const { page, finish } = await app.open('', DESKTOP, {
      route: { match: /\.wasm$/, handler: (r) => r.fulfill({ status: 404, body: 'missing' }) },
      ready: false,
      clean: false,
    });
    await page.waitForSelector('#status[data-build="error"]', { timeout: 15000 });
    await expect(page.locator('#load-error')).toHaveText(/could not be loaded/);
    assert.equal(await page.$$eval('.panel, .loading-card, .view', (els) => els.length), 0);
    const problems = await finish();
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.offsite, []);
  });
});
