// Screenshots of each view for a human to look at (test-artifacts/): desktop
// in English and Chinese, dark, and a phone; each page must also be clean.
import { artifacts, assertNoHorizontalOverflow, DESKTOP, expect, PHONE, revealFormulas, test } from './fixtures.mjs';

const ZH = { ...DESKTOP, locale: 'zh-CN' };
const DARK = { ...DESKTOP, colorScheme: 'dark' };
const ARTICLE = '#acts=sigmoid,tanh,relu,leaky_relu,elu&p=leaky_relu.alpha:0.2,elu.alpha:2&x=-10,10';

const SHOTS = [
  ['desktop-en-explore', '', DESKTOP],
  ['desktop-en-softmax', '#view=softmax', DESKTOP],
  ['desktop-zh-explore', ARTICLE, ZH],
  ['desktop-zh-softmax', '#view=softmax&z=20,300,5000', ZH],
  ['desktop-zh-figure', '#layout=figure', ZH],
  ['desktop-dark-explore', ARTICLE, DARK],
  ['desktop-dark-softmax', '#view=softmax&z=2,1,0.1&T=0.5&target=0', DARK],
  ['phone-zh-explore', '#acts=sigmoid,relu', { ...PHONE, locale: 'zh-CN' }],
  ['phone-dark-softmax', '#view=softmax', { ...PHONE, colorScheme: 'dark' }],
  ['desktop-zh-train', '#view=train&data=spiral', { ...ZH, viewport: { width: 1366, height: 768 } }],
  ['desktop-dark-train', '#view=train&data=xor', { ...DARK, viewport: { width: 1440, height: 900 } }],
  ['desktop-en-train-lesson', '#view=train&lesson=dead-relu', { ...DESKTOP, viewport: { width: 1366, height: 768 } }],
  ['phone-zh-train', '#view=train', { ...PHONE, viewport: { width: 390, height: 844 }, locale: 'zh-CN' }],
];

test.describe('screenshots', () => {
  for (const [name, hash, context] of SHOTS) {
    test(name, async ({ app }) => {
      const { page, finish } = await app.open(hash, context);
      if (hash.includes('view=train')) await page.waitForSelector('.nt-boundary-canvas', { state: 'visible', timeout: 30000 });
      await revealFormulas(page);
      await assertNoHorizontalOverflow(page);
      await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
      await finish();
    });
  }
});
