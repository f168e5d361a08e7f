// The end-to-end suite (tests/e2e/*.spec.mjs) under @playwright/test: Debian's
// Chromium (never a downloaded browser), `vite preview` of the built site as
// the web server, two workers at most (the machine has two cores), and a
// trace kept for every failed test under test-artifacts/ (git-ignored).
//   npx playwright test                          the whole suite
//   npx playwright test tests/e2e/csp.spec.mjs   one file
//   npx playwright show-trace test-artifacts/playwright/<test>/trace.zip
import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { launchOptions } from './tests/e2e/browser.mjs';
import { distDir } from './tests/e2e/preview-server.mjs';

if (!existsSync(`${distDir}/index.html`)) throw new Error(`${distDir} is missing: run \`npm run build\` first`);

// A free port, chosen once by the runner: the workers load this file again and
// inherit the variable, so they all find the same server. (Helpers share this
// machine, so a fixed port could be taken.)
const freePort = () =>
  execFileSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"], {
    encoding: 'utf8',
  }).trim();
const port = (process.env.NNPLAY_E2E_PORT ??= freePort());
const baseURL = `http://127.0.0.1:${port}/`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.mjs',
  outputDir: 'test-artifacts/playwright',
  workers: 2,
  // Tests, not only files, are shared out: hostile.spec.mjs alone is two long tests. A describe whose tests build
  // on each other says so with test.describe.configure({ mode: 'default' }).
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // Training runs and the shared, loaded machine: a test may take a while; each wait inside has its own bound.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    launchOptions,
    // DOM snapshots, console and network for every action; the screencast filmstrip is left out (it costs time).
    trace: { mode: 'retain-on-failure', screenshots: false },
  },
  webServer: {
    command: `"${process.execPath}" node_modules/vite/bin/vite.js preview --config vite.config.mjs --port ${port} --strictPort --host 127.0.0.1 --outDir "${distDir}"`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
