// End-to-end: the training studio's state and reach (web/train.html under
// `vite preview` with the production CSP): its URL round trip and a
// hand-edited address, the language switch, a 360 px phone, the student's own
// points, and the side-by-side comparison. Every action goes through the
// page's own controls.
import assert from 'node:assert/strict';
import { artifacts, DESKTOP, expect, nextFrames, pauseStudio as pause, PHONE, test, waitForView } from './fixtures.mjs';

const open = (app, hash = '', ctx = DESKTOP, opts = {}) => app.open(`train.html${hash}`, ctx, opts);

test.describe('the training studio: state, language, phone, own data', () => {
  test('round-trips its state through URL parameters, and reports bad values as text', async ({ app }) => {
    const hash = '#data=spiral&noise=0.1&net=8:relu,6:leaky_relu:a0.2,4:maxout3&opt=adam&lr=0.01&bs=32&feat=x1,x2,sin_x1&clipn=1&cmp=relu,tanh';
    const { page, finish } = await open(app, hash);
    await expect(page.locator('.nt-kind[data-kind="spiral"]')).toHaveAttribute('aria-pressed', 'true');
    assert.equal(await page.$$eval('.nt-layer-row', (els) => els.length), 3);
    const acts = await page.$$eval('.nt-layer-row select', (els) => els.map((s) => s.selectedOptions[0].textContent));
    assert.deepEqual(acts, ['ReLU', 'Leaky ReLU', 'Maxout (3 pieces)']);
    assert.equal(await page.$eval('.nt-layer-row input[type="number"]', (i) => i.value), '0.2');
    assert.match(await page.$eval('[data-field="opt"] select', (s) => s.selectedOptions[0].textContent), /Adam/);
    // A change through a control is written back, keeping everything else.
    await page.selectOption('[data-field="lr"] select', { label: '0.1' });
    const written = new URLSearchParams(new URL(page.url()).hash.slice(1));
    assert.equal(written.get('lr'), '0.1');
    for (const key of ['data', 'noise', 'net', 'opt', 'bs', 'feat', 'clipn', 'cmp']) {
      assert.equal(written.get(key), new URLSearchParams(hash.slice(1)).get(key), key);
    }
    const again = await open(app, `#${written.toString()}`);
    assert.deepEqual(
      await again.page.$$eval('.nt-layer-row select', (els) => els.map((s) => s.selectedOptions[0].textContent)),
      acts,
    );
    assert.match(await again.page.$eval('[data-field="lr"] select', (s) => s.selectedOptions[0].textContent), /^0\.1$/);
    await again.finish();
    await finish();

    const bad = await open(app, '#lr=abc&net=8:nope&bs=0&data=%3Cimg%20src%3Dx%3E');
    const notices = await bad.page.$$eval('.nt-notices li', (els) => els.map((e) => e.textContent));
    assert.equal(notices.length, 4, notices.join(' | '));
    assert.ok(notices.some((n) => n.includes('<img src=x>')), 'the bad value is shown as text');
    assert.equal(await bad.page.$$eval('.nt-notices img', (els) => els.length), 0);
    assert.equal(await bad.page.$$eval('.nt-layer-row', (els) => els.length), 2, 'the default network');
    await bad.finish();
  });

  test('follows a hand-edited address: the studio is rebuilt from the new link, bad values reported', async ({ app }) => {
    const { page, finish } = await open(app, '#data=spiral&lr=0.01');
    await expect(page.locator('.nt-kind[data-kind="spiral"]')).toHaveAttribute('aria-pressed', 'true');
    await page.evaluate(() => { location.hash = '#data=xor&net=6:relu&lr=abc&lang=zh'; });
    await expect(page.locator('.nt-kind[data-kind="xor"]')).toHaveAttribute('aria-pressed', 'true');
    assert.equal(await page.$$eval('.nt-layer-row', (els) => els.length), 1);
    assert.equal(await page.$eval('.nt-layer-row select', (s) => s.selectedOptions[0].textContent), 'ReLU');
    await expect(page.locator('.nt-title')).toHaveText('训练工作室');
    await expect(page.locator('.nt-notices li')).toHaveCount(1);
    assert.match(await page.textContent('.nt-notices li'), /abc/);
    // The rebuilt studio writes its changes back as before.
    await page.selectOption('[data-field="lr"] select', { label: '0.1' });
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('lr')).toBe('0.1');
    assert.equal(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('data'), 'xor');
    await finish();
  });

  test('switches language, and the view follows', async ({ app }) => {
    const { page, finish } = await open(app);
    const title = await page.textContent('.nt-title');
    await page.click('button[data-lang="zh"]');
    assert.equal(await page.textContent('.nt-title'), '训练工作室');
    await expect(page.locator('.nt-play')).toHaveText(/训练/);
    const cards = await page.$$eval('.nt-card-title', (els) => els.map((e) => e.textContent));
    for (const c of cards) assert.match(c, /[\u4e00-\u9fff]/, `card title "${c}" is not in Chinese`);
    await expect(page.locator('.nt-layer-count')).toHaveText(/隐藏层/);
    assert.match(page.url(), /lang=zh/);
    await page.click('[data-preset="exploding"]');
    await page.click('.nt-play');
    await page.waitForSelector('.nt-banner:not([hidden])', { timeout: 20000 });
    await expect(page.locator('.nt-banner')).toHaveText(/训练在第 \d+ 步发散/);
    await page.click('[data-action="rewind"]');
    await page.click('[data-preset="xor"]');
    await page.click('.nt-play');
    await waitForView(page, 'testAccuracy', 'gte', 1, 45000);
    await pause(page);
    await page.screenshot({ path: `${artifacts}train-desktop-zh.png`, fullPage: true });
    await page.click('button[data-lang="en"]');
    assert.equal(await page.textContent('.nt-title'), title);
    await finish();
  });

  // The presets' row scrolls sideways on a phone (by design), so its buttons are not page overflow.
  test('fits a 360 px phone without horizontal overflow', async ({ app }) => {
    const { page, finish } = await open(app, '', PHONE);
    const measure = () => page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      view: window.innerWidth,
      widest: Math.max(...[...document.querySelectorAll('body *')].filter((e) => !e.closest('.nt-matrix-wrap, .nt-preset-buttons')).map((e) => e.getBoundingClientRect().right)),
    }));
    let w = await measure();
    assert.equal(w.view, 360);
    assert.ok(w.doc <= 360 && w.widest <= 360.5, JSON.stringify(w));
    await page.click('[data-preset="xor"]');
    await page.click('.nt-play');
    await waitForView(page, 'step', 'gt', 100);
    await pause(page);
    await nextFrames(page);
    await page.screenshot({ path: `${artifacts}train-phone.png` });
    await page.screenshot({ path: `${artifacts}train-phone-full.png`, fullPage: true });
    await page.click('[data-preset="digits"]');
    await page.waitForSelector('.nt-pad-canvas', { state: 'visible', timeout: 20000 });
    w = await measure();
    assert.ok(w.doc <= 360 && w.widest <= 360.5, JSON.stringify(w));
    // Touch drawing on the pad.
    const box = await page.locator('.nt-pad-canvas').boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    const probs = (await page.getAttribute('.nt-digit-bars', 'data-probs')).split(',').map(Number);
    assert.equal(probs.length, 10);
    await finish();
  });

  test('takes your own points by clicking, and reports CSV errors in place', async ({ app }) => {
    const { page, finish } = await open(app);
    await page.click('.nt-kind[data-kind="custom"]');
    await page.click('.nt-custom button:has-text("Clear points")');
    await expect(page.locator('.nt-custom')).toHaveText(/Add at least two points/);
    const plot = page.locator('.nt-boundary-canvas');
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    const at = (u, v) => plot.click({ position: { x: box.width * u, y: box.height * v } });
    await at(0.3, 0.3);
    await at(0.35, 0.25);
    await page.click('.nt-class-chip:has-text("Class 1")');
    await at(0.7, 0.7);
    await at(0.75, 0.65);
    await expect(page.locator('.nt-custom')).toHaveText(/4 points/);
    await page.click('.nt-play');
    await waitForView(page, 'step', 'gt', 50);
    await pause(page);
    const file = page.locator('.nt-import input[type="file"]');
    await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('1,2,0\n3,abc,1\n') });
    await page.waitForSelector('.nt-import-msg.nt-error');
    await expect(page.locator('.nt-import-msg').first()).toHaveText(/line 2: column 2 is "abc", not a number/);
    await file.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y,label\n1,1,0\n2,2,0\n-1,-1,1\n-2,-2,1\n0,3,2\n') });
    await page.waitForSelector('.nt-import-msg:not(.nt-error)');
    await expect(page.locator('.nt-import-msg').first()).toHaveText(/Loaded 5 rows with 2 inputs/);
    await finish();
  });

  test('compares activations side by side', async ({ app }) => {
    const { page, finish } = await open(app, '#cmp=relu,tanh,sigmoid');
    await page.click('.nt-compare .nt-btn-primary');
    await page.waitForFunction(() => document.querySelectorAll('.nt-compare-results li').length === 3, null, { timeout: 20000 });
    // Every run has made progress before the stop.
    await expect(page.locator('.nt-compare-results li')).toHaveText([/step [1-9][\d,]{2,}/, /step [1-9][\d,]{2,}/, /step [1-9][\d,]{2,}/], { timeout: 30000 });
    await page.click('.nt-compare .nt-btn-primary');
    const rows = await page.$$eval('.nt-compare-results li', (els) => els.map((e) => e.textContent));
    assert.deepEqual(rows.map((r) => r.split(' ')[0]), ['ReLU', 'Tanh', 'Sigmoid']);
    await finish();
  });
});
