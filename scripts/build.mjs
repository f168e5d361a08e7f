// npm run build: the static site in dist/ (modules and page) and the
// single-file page dist/nnplay.html. `npm run build -- --outDir <dir>` (or
// NNPLAY_DIST=<dir>) builds into another folder.
import { join, resolve } from 'node:path';
import { ensureSystemPackages } from './lib/system-deps.mjs';
import { ensureNpmPackages } from './lib/npm-deps.mjs';
import { buildPage, buildWasm } from './lib/build-steps.mjs';
import { root } from './lib/run.mjs';

const flag = process.argv.indexOf('--outDir');
const outDir = resolve(flag > 0 ? process.argv[flag + 1] ?? '' : process.env.NNPLAY_DIST ?? join(root, 'dist'));

ensureSystemPackages({ browser: false });
ensureNpmPackages(root);
buildWasm({ modulesOnly: true });
buildPage(outDir);
console.log(`\n${outDir} is ready: serve it from any static host (any sub-path), or open nnplay.html from disk.`);
