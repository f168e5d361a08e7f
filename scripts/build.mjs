// npm run build: the static site in dist/ (modules and page).
import { ensureSystemPackages } from './lib/system-deps.mjs';
import { ensureNpmPackages } from './lib/npm-deps.mjs';
import { buildPage, buildWasm } from './lib/build-steps.mjs';
import { root } from './lib/run.mjs';

ensureSystemPackages({ browser: false });
ensureNpmPackages(root);
buildWasm({ modulesOnly: true });
buildPage();
console.log('\ndist/ is ready: serve it from any static host.');
