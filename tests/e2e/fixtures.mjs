// The Playwright fixtures of the end-to-end files (*.spec.mjs).
//   app.open(target, context?, options?) opens `target` (a hash, a path under
//     the served build, or any absolute URL) in a fresh context of the
//     configured Chromium, records what the tests forbid (browser.mjs) and, by
//     default, waits for body[data-ready]. It returns { page, response, finish }.
//   finish() closes the context, asserts the page stayed clean (no console
//     errors or warnings, page errors, CSP violations or requests off
//     127.0.0.1: assertClean) and returns what was recorded. A page opened with
//     { clean: false } is not asserted: its test checks the record itself.
//   Pages a test leaves open are finished, and so checked, when it ends.
//   app.url is the served build's base URL.
import { test as base, expect } from '@playwright/test';
import { openPage } from './browser.mjs';
import { assertClean, DESKTOP } from './helpers.mjs';

export * from './helpers.mjs';
export { expect };

export const test = base.extend({
  app: async ({ browser, baseURL }, use) => {
    const open = [];
    const app = {
      url: baseURL,
      async open(target = '', context = DESKTOP, { clean = true, ...options } = {}) {
        const opened = await openPage(browser, new URL(target, baseURL).href, context, options);
        let record = null;
        const finish = async () => {
          if (!record) {
            record = await opened.finish();
            if (clean) assertClean(record);
          }
          return record;
        };
        open.push(finish);
        return { ...opened, finish };
      },
    };
    await use(app);
    for (const finish of open) await finish();
  },
});
