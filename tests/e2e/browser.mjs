// Headless Debian Chromium through playwright-core (docs/TOOLCHAIN.md §5), and a
// page wrapper that records everything the tests forbid: console errors,
// uncaught exceptions, CSP violations and requests that leave 127.0.0.1.
import { chromium } from 'playwright-core';

/** Debian's Chromium, never a downloaded one; playwright.config.mjs launches it the same way. */
export const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export function launchBrowser() {
  return chromium.launch(launchOptions);
}

export async function openPage(browser, url, contextOptions = {}, { initScript = null, route = null, ready = true, onPage = null } = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  onPage?.(page);
  const problems = { console: [], pageErrors: [], offsite: [], csp: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.hostname !== '127.0.0.1') problems.offsite.push(r.url());
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  if (initScript) await page.addInitScript(initScript);
  if (route) await page.route(route.match, route.handler);
  const response = await page.goto(url);
  if (ready) await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  const finish = async () => {
    problems.csp = await page.evaluate(() => window.__csp);
    await context.close();
    return problems;
  };
  return { page, response, finish };
}
