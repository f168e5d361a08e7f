// npm run build:package: the npm package in packages/nnplay/ (dist/ engine and
// wasm, site/ for <nn-playground>), built from this repository's sources.
// Then `cd packages/nnplay && npm pack` makes nnplay-<version>.tgz.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSystemPackages } from './lib/system-deps.mjs';
import { ensureNpmPackages } from './lib/npm-deps.mjs';
import { buildPackage, buildPage, buildWasm } from './lib/build-steps.mjs';
import { root } from './lib/run.mjs';

ensureSystemPackages({ browser: false });
ensureNpmPackages(root);
buildWasm({ modulesOnly: true });
// A page build of its own, so dist/ is left as it was.
const site = mkdtempSync(join(tmpdir(), 'nnplay-site-'));
try {
  buildPage(site);
  buildPackage(site);
} finally {
  rmSync(site, { recursive: true, force: true });
}
