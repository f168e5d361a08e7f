// The node:test harness of the end-to-end files not yet moved to Playwright
// (*.test.mjs; the Playwright ones are *.spec.mjs with fixtures.mjs): one
// `vite preview` of dist/ and one Chromium per file.
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { launchBrowser, openPage } from './browser.mjs';
import { DESKTOP } from './helpers.mjs';
import { distDir, startPreview } from './preview-server.mjs';

export * from './helpers.mjs';

/** Starts the preview server and the browser for the file's tests. */
export function useBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    if (!existsSync(`${distDir}/index.html`)) throw new Error(`${distDir} is missing: run \`npx vite build --config vite.config.mjs\` first`);
    env.server = await startPreview();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return {
    /** Opens the page at `hash` and waits for it to be ready. */
    open: (hash = '', context = DESKTOP, options = {}) => openPage(env.browser, `${env.server.url}${hash}`, context, options),
    get url() {
      return env.server.url;
    },
  };
}

