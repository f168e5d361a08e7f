// npm run build: the static site in dist/ (modules and page), the
// single-file page dist/nnplay.html and the SCORM packages
// dist/nnplay-scorm12.zip and dist/nnplay-scorm2004.zip.
// `npm run build -- --outDir <dir>` (or NNPLAY_DIST=<dir>) builds into
// another folder; `--scorm-lessons a,b` puts only these lessons in the
// packages (default: all); `--scorm-only` packages the nnplay.html already in
// the folder without building anything (seconds instead of minutes).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureSystemPackages } from './lib/system-deps.mjs';
import { ensureNpmPackages } from './lib/npm-deps.mjs';
import { buildPage, buildWasm } from './lib/build-steps.mjs';
import { root } from './lib/run.mjs';
import { buildScorm, lessonIds, scormLessonsArg } from './lib/scorm.mjs';

const flag = process.argv.indexOf('--outDir');
const outDir = resolve(flag > 0 ? process.argv[flag + 1] ?? '' : process.env.NNPLAY_DIST ?? join(root, 'dist'));

const scormFlag = process.argv.indexOf('--scorm-lessons');
let scormLessons;
try {
  // Checked before building, so a typo fails at once and nothing is written.
  scormLessons = scormFlag > 0 ? scormLessonsArg(process.argv[scormFlag + 1] ?? '') : lessonIds();
} catch (err) {
  console.error(`npm run build: ${err.message}`);
  process.exit(2);
}

if (!process.argv.includes('--scorm-only')) {
  ensureSystemPackages({ browser: false });
  ensureNpmPackages(root);
  buildWasm({ modulesOnly: true });
  buildPage(outDir);
} else if (!existsSync(join(outDir, 'nnplay.html'))) {
  console.error(`npm run build: --scorm-only packages ${join(outDir, 'nnplay.html')}, which is missing: build first`);
  process.exit(2);
}
buildScorm(outDir, scormLessons);
console.log(`\n${outDir} is ready: serve it from any static host (any sub-path), or open nnplay.html from disk.`);
