// Vite: the page lives in web/, builds into dist/ with relative URLs so it runs
// from any static path. The generated wasm glue is reached through the
// nnplay-wasm/* aliases (typed by bindings/nnplay.d.ts via tsconfig paths).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { lazyIntl } from './scripts/lib/vite-lazy-intl.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export const wasmAlias = [
  { find: /^nnplay-wasm\/simd$/, replacement: here('./web/src/engine/wasm/nnplay_simd.mjs') },
  { find: /^nnplay-wasm\/scalar$/, replacement: here('./web/src/engine/wasm/nnplay_scalar.mjs') },
];

// The policy the page must work under (docs/TARGETS.md), strict for styles too (no
// inline <style> or style attributes); `vite preview` sends it so the e2e tests
// run the built page, embed.html and the example course page under it.
export const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// What each page loads is fetched with its HTML, not once the entry chunk has
// run and imported it. The SIMD engine: a modulepreload of its glue on every
// page (each loads the engine at once), and a preload of its .wasm (the glue's
// fetch is a same-origin CORS request, hence crossorigin): otherwise the fetch
// starts once the entry's modules have run, and on the main page it held the
// engine, hence every view's first frame, up by the fetch (startup A/B in the
// README). Where SIMD is missing (no current browser) the preload goes unused
// and Chromium warns of it. The studio page's own chunks: its entry
// (views/train/train-main.ts) starts the training worker first and then imports
// the page (`page`), whose chunks are modulepreloaded here and whose style
// sheets are linked here, as an entry's are (the import finds them linked and
// does not add them again).
function preloadPages() {
  const pages = {
    'index.html': { page: null },
    'embed.html': { page: null },
    'train.html': { page: 'views/train/train-page.ts' },
  };
  return {
    name: 'nnplay-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const page = pages[ctx.filename.split(/[\\/]/).pop()];
        if (!page || !ctx.bundle) return undefined;
        const files = Object.keys(ctx.bundle);
        const glue = files.find((f) => /^assets\/nnplay_simd-[\w-]+\.js$/.test(f));
        const wasm = files.find((f) => /^assets\/nnplay_simd-[\w-]+\.wasm$/.test(f));
        if (!glue || !wasm) throw new Error(`nnplay-preload: no SIMD glue or .wasm in the bundle (${glue}, ${wasm})`);
        const link = (attrs) => ({ tag: 'link', attrs: { crossorigin: true, ...attrs }, injectTo: 'head' });
        const tags = [link({ rel: 'modulepreload', href: `./${glue}` }), link({ rel: 'preload', as: 'fetch', type: 'application/wasm', href: `./${wasm}` })];
        if (page.page) {
          const { js, css } = pageChunks(ctx.bundle, page.page);
          for (const f of js.filter((x) => !html.includes(x) && x !== glue)) tags.push(link({ rel: 'modulepreload', href: `./${f}` }));
          for (const f of css.filter((x) => !html.includes(x))) tags.push(link({ rel: 'stylesheet', href: `./${f}` }));
        }
        return tags;
      },
    },
  };
}

/** The chunk of the module whose path ends with `name` and every chunk it imports (js), and their styles (css), by file name. */
function pageChunks(bundle, name) {
  const top = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${name}`));
  if (!top) throw new Error(`nnplay-preload: no chunk for ${name}`);
  const js = new Set();
  const css = new Set();
  // Imports first, as the cascade has them: a chunk's own styles override its imports'.
  const visit = (file) => {
    if (js.has(file)) return;
    js.add(file);
    for (const dep of bundle[file]?.imports ?? []) visit(dep);
    for (const f of bundle[file]?.viteMetadata?.importedCss ?? []) css.add(f);
  };
  visit(top.fileName);
  return { js: [...js], css: [...css] };
}

export default defineConfig({
  root: here('./web'),
  plugins: [preloadPages(), lazyIntl()],
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
