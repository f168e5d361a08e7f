// Vite config for the single-file build (dist/nnplay.html, issue #5). A page
// opened from file:// can run inline module scripts but cannot import chunks
// or fetch files, so this build keeps everything in one JS file: no code
// splitting, the data sets as data: URLs (data-source.ts decodes them without
// fetch), and both wasm modules as base64 handed to the glue as wasmBinary.
// scripts/lib/single-file.mjs then folds the JS, CSS and fonts into the HTML.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import base from './vite.config.mjs';
import { lazyIntl } from './scripts/lib/vite-lazy-intl.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const BUILDS = ['simd', 'scalar'];
const PREFIX = '\0nnplay-inline-wasm:';

// `nnplay-wasm/<build>` resolves to a small module that wraps the generated
// factory and passes the decoded bytes, so engine.ts needs no single-file code.
function inlineWasm() {
  return {
    name: 'nnplay-inline-wasm',
    enforce: 'pre',
    resolveId(id) {
      const m = /^nnplay-wasm\/(simd|scalar)$/.exec(id);
      return m ? PREFIX + m[1] : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const build = id.slice(PREFIX.length);
      const glue = JSON.stringify(here(`./web/src/engine/wasm/nnplay_${build}.mjs`));
      const base64 = readFileSync(here(`./web/src/engine/wasm/nnplay_${build}.wasm`)).toString('base64');
      return [
        `import factory from ${glue};`,
        `const base64 = ${JSON.stringify(base64)};`,
        'function bytes() {',
        '  const text = atob(base64);',
        '  const out = new Uint8Array(text.length);',
        '  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);',
        '  return out;',
        '}',
        'export { bytes };',
        'export default (options = {}) => factory({ wasmBinary: bytes(), ...options });',
      ].join('\n');
    },
    // The glue names its .wasm with new URL(…, import.meta.url); that would
    // emit the file as an asset nobody loads. wasmBinary makes it unused.
    transform(code, id) {
      const build = BUILDS.find((b) => id === here(`./web/src/engine/wasm/nnplay_${b}.mjs`));
      if (!build) return null;
      const url = `new URL("nnplay_${build}.wasm",import.meta.url).toString()`;
      if (!code.includes(url)) throw new Error(`${id}: expected ${url} in the emcc glue`);
      return { code: code.replace(url, JSON.stringify(`nnplay_${build}.wasm`)), map: null };
    },
  };
}

// The training worker cannot be a file here: `?worker` becomes `?worker&inline`
// (Vite starts it from a blob: URL, which the file's CSP allows with
// worker-src blob:), bundled as one script. Its glue gets no wasm bytes: the
// page passes the worker its own (model/wasm-bytes.ts, replaced here), so the
// file holds them once.
function inlineWorker() {
  const bytesModule = here('./web/src/views/train/model/wasm-bytes.ts');
  return {
    name: 'nnplay-inline-worker',
    enforce: 'pre',
    resolveId(id, importer) {
      if (!id.endsWith('train-worker.ts?worker')) return null;
      return this.resolve(`${id}&inline`, importer, { skipSelf: true });
    },
    // The worker's bytes are the page's own (the wrappers of inlineWasm).
    load(id) {
      if (id !== bytesModule) return null;
      return [
        "import { bytes as simd } from 'nnplay-wasm/simd';",
        "import { bytes as scalar } from 'nnplay-wasm/scalar';",
        "export const wasmBytes = (build) => (build === 'simd' ? simd() : scalar());",
      ].join('\n');
    },
  };
}

function workerGlue() {
  const wasm = inlineWasm();
  return {
    name: 'nnplay-worker-glue',
    enforce: 'pre',
    resolveId(id) {
      const m = /^nnplay-wasm\/(simd|scalar)$/.exec(id);
      return m ? here(`./web/src/engine/wasm/nnplay_${m[1]}.mjs`) : null;
    },
    transform: wasm.transform,
  };
}

// Spread, not mergeConfig: the input and the aliases must replace the base
// config's (two pages; nnplay-wasm/* straight to the glue), not merge with them.
export default defineConfig({
  ...base,
  resolve: { ...base.resolve, alias: [] },
  plugins: [inlineWorker(), inlineWasm(), lazyIntl()],
  // A classic worker: a module worker from a blob: URL does not start in an
  // opaque origin (file://, a sandboxed frame), a classic one does.
  worker: {
    format: 'iife',
    plugins: () => [workerGlue()],
    rolldownOptions: { output: { codeSplitting: false } },
  },
  build: {
    ...base.build,
    outDir: here('./build/single'),
    // Every asset but the fonts becomes a data: URL; single-file.mjs picks
    // the one font format it keeps.
    assetsInlineLimit: (file) => !/\.(woff2?|ttf)$/.test(file),
    cssCodeSplit: false,
    modulePreload: false,
    // One file on purpose: the wasm alone is about 1 MB of base64.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: { main: here('./web/index.html') },
      output: { codeSplitting: false },
    },
  },
});
