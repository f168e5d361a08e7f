// The <nn-playground> element as one self-contained script, dist/nn-playground.js
// (an IIFE: it runs as a classic or a module script, with no imports), built
// after the page into the same folder. It also copies the example course page
// (with its CSS and JS) into dist/examples/, so the course page is served beside the files it uses.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/** Copies the example course page (HTML, its CSS and JS) into <outDir>/examples/. */
function coursePage() {
  let outDir = '';
  return {
    name: 'nnplay-course-page',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      mkdirSync(join(outDir, 'examples'), { recursive: true });
      for (const file of ['course-page.html', 'course-page.css', 'course-page.js']) {
        copyFileSync(here(`./examples/${file}`), join(outDir, 'examples', file));
      }
      // The teacher's example lesson files, for lesson-src= and the picker.
      mkdirSync(join(outDir, 'examples', 'lessons'), { recursive: true });
      for (const file of readdirSync(here('./examples/lessons'))) copyFileSync(here(`./examples/lessons/${file}`), join(outDir, 'examples', 'lessons', file));
    },
  };
}

export default defineConfig({
  root: here('./web'),
  base: './',
  publicDir: false,
  plugins: [coursePage()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: false,
    target: 'es2022',
    copyPublicDir: false,
    lib: {
      entry: here('./web/src/embed/element-entry.ts'),
      formats: ['iife'],
      name: 'nnPlayground',
      fileName: () => 'nn-playground.js',
    },
  },
});
