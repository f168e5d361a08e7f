// URL state: a link reproduces the view, hostile or broken values fall back
// to defaults with a visible notice (and never run or become markup), hide=
// removes controls, and an edited hash is applied live.
import assert from 'node:assert/strict';
import { artifacts, DESKTOP, expect, test, text, waitForHash } from './fixtures.mjs';

/** What a reader sees of the state, across both views. */
async function snapshot(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    theme: document.documentElement.dataset.theme ?? 'auto',
    tab: document.querySelector('[role="tab"][aria-selected="true"]')?.id,
    logits: [...document.querySelectorAll('.logit-input')].map((e) => e.value),
    temperature: document.querySelector('.temperature .slider-number')?.value,
    target: document.querySelector('.targets input:checked')?.value,
  }));
}

test.describe('URL state', () => {
  test('a shared link reproduces the view, and survives a reload unchanged', async ({ app }) => {
    const hash = '#view=softmax&lang=zh&theme=dark&layout=overlay&acts=elu,gelu&p=elu.alpha:2&x=-4,4&n=7&z=1,2,3,4&T=2&target=1&hide=chain';
    const { page, finish } = await app.open(hash);
    const first = await snapshot(page);
    assert.deepEqual(first, { lang: 'zh-CN', theme: 'dark', tab: 'tab-softmax', logits: ['1', '2', '3', '4'], temperature: '2', target: '1' });
    // The link the page writes back carries the softmax keys and the global ones only (issue 9 item 15);
    // the explorer's values given in the link still apply when its tab opens.
    assert.equal(await page.evaluate(() => location.hash), '#view=softmax&lang=zh&theme=dark&z=1,2,3,4&T=2&target=1&hide=chain');
    await page.click('#tab-explore');
    await page.waitForSelector('.view-explore:not([hidden])');
    assert.deepEqual(await page.$$eval('.legend-item', (els) => els.map((e) => e.textContent)), ['ELU（α = 2）', 'GELU']);
    assert.deepEqual(await page.$$eval('.x-box input', (els) => els.map((e) => e.value)), ['-4', '4']);
    assert.equal(await page.isVisible('.chain'), false, 'hide=chain');
    assert.equal(await page.$$eval('[data-notice]', (els) => els.length), 0, 'no notice for a valid link');

    const url = `${app.url}${await waitForHash(page, 'view=explore')}`;
    const again = await app.open(url.slice(app.url.length));
    assert.deepEqual(await again.page.$$eval('.legend-item', (els) => els.map((e) => e.textContent)), ['ELU（α = 2）', 'GELU']);
    assert.equal(await again.page.evaluate(() => location.hash), url.slice(app.url.length));
    await again.finish();
    await finish();
  });

  test('hostile values fall back to defaults with a notice, and no script runs', async ({ app }) => {
    const long = 'x'.repeat(5000);
    const parts = [
      'view=<script>window.__pwned=1</script>',
      'lang=zh"><svg onload=window.__pwned=2>',
      'theme=javascript:window.__pwned=3',
      'acts=javascript:alert(1),sigmoid,<img src=x onerror=alert(1)>',
      'p=elu.alpha:999,leaky_relu.alpha:NaN,relu.alpha:0.5',
      'x=onerror=alert(1)',
      'n=99',
      'z=<img src=x onerror=window.__pwned=4>',
      'T=1e999',
      'target=-1',
      'hide=chain,<b>bold</b>',
      `layout=${long}`,
      'onerror=alert(1)',
    ];
    const hash = `#${parts.map((p) => p.replace(/^([^=]*)=(.*)$/, (_, k, v) => `${k}=${encodeURIComponent(v)}`)).join('&')}`;
    const dialogs = [];
    const { page, finish } = await app.open(hash, DESKTOP, {
      initScript: () => {
        window.alert = () => {
          window.__pwned = 'alert';
        };
      },
    });
    page.on('dialog', (d) => dialogs.push(d.message()));
    const notice = await text(page, '[data-notice="url"]');
    assert.match(notice, /not understood/);
    assert.ok(notice.includes('<script>window.__pwned=1</script>'), 'the bad value is shown as text');
    assert.match(notice, /and \d+ more/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(dialogs, []);
    const injected = await page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      svgOnload: document.querySelectorAll('svg[onload]').length,
      bold: document.querySelectorAll('main b, .notices b').length,
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
      onAttrs: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
    assert.deepEqual(injected, { img: 0, svgOnload: 0, bold: 0, inlineScripts: 0, onAttrs: 0 });
    // The defaults stand in: explorer, English, only the valid activation kept.
    await expect(page.locator('#tab-explore')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    assert.deepEqual(await page.$$eval('.legend-item', (els) => els.map((e) => e.textContent)), ['Sigmoid']);
    assert.deepEqual(await page.$$eval('.x-box input', (els) => els.map((e) => e.value)), ['-6', '6']);
    assert.equal(await page.isVisible('.chain'), false, 'the valid hide item still applies');
    const cleaned = await waitForHash(page, 'view=explore');
    assert.ok(!/script|onerror|onload|javascript/i.test(decodeURIComponent(cleaned)), cleaned);
    assert.ok(cleaned.length < 200, cleaned);
    await page.screenshot({ path: `${artifacts}url-hostile-notice.png` });
    await page.click('[data-notice="url"] .notice-close');
    assert.equal(await page.$$eval('[data-notice]', (els) => els.length), 0);
    await finish();
  });

  test('hide= removes any control', async ({ app }) => {
    const { page, finish } = await app.open('#hide=tabs,lang,theme,picker,params,range,chain,formulas,readout,layout');
    for (const sel of ['.tab-bar', '#lang-switch', '#theme-toggle', '.picker', '.params', '.x-range', '.chain', '.formulas', '.readout', '.segmented']) {
      assert.equal(await page.isVisible(sel), false, sel);
    }
    assert.ok(await page.isVisible('[data-chart="f"] canvas'));
    const soft = await app.open('#view=softmax&hide=presets,temperature,percentages,naive,logsoftmax,jacobian,target,logits,bogus');
    for (const sel of ['.presets', '.temperature', '[data-output="percentages"]', '[data-output="naive"]', '[data-output="logsoftmax"]', '.jacobian', '.targets', '.logits']) {
      assert.equal(await soft.page.isVisible(sel), false, sel);
    }
    assert.ok(await soft.page.isVisible('[data-output="softmax"]'));
    await expect(soft.page.locator('[data-notice="url"]')).toHaveText(/hide: “bogus”/);
    await soft.finish();
    await finish();
  });

  test('applies a hand-edited hash, and switches tabs from the keyboard', async ({ app }) => {
    const { page, finish } = await app.open();
    await page.evaluate(() => {
      location.hash = '#view=softmax&z=1,1';
    });
    await page.waitForSelector('.view-softmax:not([hidden])');
    assert.deepEqual((await snapshot(page)).logits, ['1', '1']);
    await page.focus('#tab-softmax');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('.view-explore:not([hidden])');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-explore');
    assert.match(await waitForHash(page, 'view=explore'), /view=explore/);
    // A view this build does not have falls back with a notice.
    const hasTrain = (await page.$$('#tab-train')).length > 0;
    if (!hasTrain) {
      await page.evaluate(() => {
        location.hash = '#view=train';
      });
      await page.waitForSelector('[data-notice="url"]');
      await expect(page.locator('[data-notice="url"]')).toHaveText(/not part of this version/);
      await expect(page.locator('#tab-explore')).toHaveAttribute('aria-selected', 'true');
    }
    await finish();
  });
});
