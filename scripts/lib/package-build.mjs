// Assembles the npm package in packages/nnplay/ from the repository's sources:
//   dist/   the engine (web/src/engine/engine.ts and what it imports) as ESM + .d.ts,
//           with every import specifier a relative path with its extension, so
//           Node, bundlers and a browser without an import map all resolve it;
//   dist/wasm/  the two emcc modules (glue .mjs + .wasm) and their types;
//   site/   the built page, for <nn-playground> (nn-playground.js loads the
//           embed.html beside it).
// Inside the repository the engine reaches the glue as `nnplay-wasm/<build>`
// (a Vite alias and a tsconfig path); the package must not depend on either.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { root, run } from './run.mjs';

export const packageDir = join(root, 'packages/nnplay');
const BUILDS = ['simd', 'scalar'];
// The page build's files the element does not need: the single-file page, the course-page example.
const SITE_SKIP = new Set(['nnplay.html', 'examples']);

/** './x' → './x.js' (or .mjs for the glue); 'nnplay-wasm/simd' → './wasm/nnplay_simd.mjs'. */
function rewriteSpecifier(spec) {
  const wasm = /^nnplay-wasm\/(simd|scalar)$/.exec(spec);
  if (wasm) return `./wasm/nnplay_${wasm[1]}.mjs`;
  if (!spec.startsWith('.')) throw new Error(`package build: unexpected bare import ${JSON.stringify(spec)} in the engine`);
  return /\.m?js$/.test(spec) ? spec : `${spec}.js`;
}

// Static and dynamic imports and re-exports as tsc emits them (quoted literals only). The keyword
// may not follow a quote or an identifier character, so a string such as 'from' in code is no import.
const SPECIFIER = /(?<![\w$.'"])(from\s*|import\s*\(\s*|import\s+)(['"])([^'"\n]+)\2/g;

function rewriteFile(file) {
  const text = readFileSync(file, 'utf8');
  const out = text.replace(SPECIFIER, (m, lead, quote, spec) => `${lead}${quote}${rewriteSpecifier(spec)}${quote}`);
  writeFileSync(file, out);
  // Every rewritten relative specifier must name a file of the package.
  for (const [, , , spec] of out.matchAll(SPECIFIER)) {
    const target = resolve(dirname(file), spec);
    const typeTarget = target.replace(/\.js$/, '.d.ts').replace(/\.mjs$/, '.d.mts');
    const wanted = file.endsWith('.d.ts') ? typeTarget : target;
    if (!existsSync(wanted)) throw new Error(`package build: ${file} imports ${spec}, but ${wanted} is missing`);
  }
}

/**
 * Builds packages/nnplay/{dist,site} from the wasm modules in web/src/engine/wasm/
 * and a page build in siteDir (buildPage's output). Both must exist.
 */
export function assemblePackage(siteDir) {
  for (const b of BUILDS) {
    if (!existsSync(join(root, `web/src/engine/wasm/nnplay_${b}.wasm`))) throw new Error(`package build: build the wasm modules first (web/src/engine/wasm/nnplay_${b}.wasm is missing)`);
  }
  if (!existsSync(join(siteDir, 'nn-playground.js'))) throw new Error(`package build: ${siteDir} has no page build (nn-playground.js)`);
  const dist = join(packageDir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'packages/nnplay/tsconfig.build.json']);
  // The glue and its types first: rewriteFile checks that every import target exists.
  mkdirSync(join(dist, 'wasm'));
  for (const b of BUILDS) {
    for (const ext of ['mjs', 'wasm']) copyFileSync(join(root, `web/src/engine/wasm/nnplay_${b}.${ext}`), join(dist, `wasm/nnplay_${b}.${ext}`));
    copyFileSync(join(root, 'bindings/nnplay.d.ts'), join(dist, `wasm/nnplay_${b}.d.mts`));
  }
  for (const name of readdirSync(dist)) {
    if (name.endsWith('.js') || name.endsWith('.d.ts')) rewriteFile(join(dist, name));
  }
  const site = join(packageDir, 'site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site);
  for (const name of readdirSync(siteDir)) {
    if (!SITE_SKIP.has(name)) cpSync(join(siteDir, name), join(site, name), { recursive: true });
  }
  copyFileSync(join(root, 'LICENSE'), join(packageDir, 'LICENSE'));
  console.log(`${packageDir} is ready: npm pack there makes nnplay-${JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version}.tgz`);
}
