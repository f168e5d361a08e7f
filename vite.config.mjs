// Vite: the page lives in web/, builds into dist/ with relative URLs so it runs
// from any static path. The generated wasm glue is reached through the
// nnplay-wasm/* aliases (typed by bindings/nnplay.d.ts via tsconfig paths).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export const wasmAlias = [
  { find: /^nnplay-wasm\/simd$/, replacement: here('./web/src/engine/wasm/nnplay_simd.mjs') },
  { find: /^nnplay-wasm\/scalar$/, replacement: here('./web/src/engine/wasm/nnplay_scalar.mjs') },
];

// The policy the page must work under (docs/TARGETS.md), strict for styles too (no
// inline <style> or style attributes); `vite preview` sends it so the e2e tests
// run the built page, embed.html and the example course page under it.
export const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// The SIMD engine is fetched with the page, not once the entry chunks have
// run and imported it: a modulepreload of its glue on the pages that load the
// engine at once, and on the studio page a preload of its .wasm too (the
// glue's fetch is a same-origin CORS request, hence crossorigin). The main
// page does not preload the .wasm: where SIMD is missing it would be fetched
// for nothing and Chromium warns of an unused preload.
function preloadEngine() {
  const pages = { 'index.html': false, 'train.html': true };
  return {
    name: 'nnplay-preload-engine',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const page = ctx.filename.split(/[\\/]/).pop();
        if (!(page in pages) || !ctx.bundle) return undefined;
        const files = Object.keys(ctx.bundle);
        const glue = files.find((f) => /^assets\/nnplay_simd-[\w-]+\.js$/.test(f));
        const wasm = files.find((f) => /^assets\/nnplay_simd-[\w-]+\.wasm$/.test(f));
        if (!glue || !wasm) throw new Error(`nnplay-preload-engine: no SIMD glue or .wasm in the bundle (${glue}, ${wasm})`);
        const tags = [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${glue}` }, injectTo: 'head' }];
        if (pages[page]) {
          tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'fetch', type: 'application/wasm', crossorigin: true, href: `./${wasm}` }, injectTo: 'head' });
        }
        return tags;
      },
    },
  };
}

export default defineConfig({
  root: here('./web'),
  plugins: [preloadEngine()],
  base: './',
  resolve: { alias: wasmAlias },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    // The playground, the training studio's standalone page, and the
    // playground with minimal chrome for iframes and <nn-playground>.
    rolldownOptions: {
      input: { main: here('./web/index.html'), train: here('./web/train.html'), embed: here('./web/embed.html'), author: here('./web/author.html') },
    },
  },
  // The studio's training worker (views/train/model/train-worker.ts) is a
  // module worker in its own file, fetched when the studio starts it. One
  // file, the engine's glue included: a worker's own imports wait for the
  // page's main thread in Chromium, which is busy mounting the studio then.
  worker: { format: 'es', rolldownOptions: { output: { codeSplitting: false } } },
  preview: { headers: { 'Content-Security-Policy': contentSecurityPolicy } },
});
