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

export default defineConfig({
  root: here('./web'),
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
  // module worker in its own file, fetched when the studio starts it.
  worker: { format: 'es' },
  preview: { headers: { 'Content-Security-Policy': contentSecurityPolicy } },
});
