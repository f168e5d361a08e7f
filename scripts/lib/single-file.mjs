// The single-file page, <outDir>/nnplay.html: builds web/index.html with
// vite.single.config.mjs (one JS file, wasm and data sets inside it) into a
// scratch folder, then inlines the script, the stylesheet, the icon and the
// KaTeX fonts (woff2 only, as data: URLs; every browser that runs wasm reads
// woff2) so the page works from file:// and as one upload to a course site.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root, run } from './run.mjs';

const FONT_TYPES = { woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf' };

function dataUrl(bytes, type) {
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** An inline <script> must not contain "</script" or "<!--" (HTML would end or re-scan it). */
function scriptText(js) {
  // Minified code has these only inside literals; rather than guess the
  // literal's kind to escape them safely, refuse and let a human look.
  if (/<\/script|<!--/i.test(js)) throw new Error('single file: the bundle contains </script or <!--; escape it first');
  return js;
}

function styleText(css) {
  if (/<\/style/i.test(css)) throw new Error('single file: the stylesheet contains </style');
  return css;
}

/** Each @font-face keeps its woff2 source, inlined; woff and ttf are dropped. */
function inlineFonts(css, assets) {
  let fonts = 0;
  const out = css.replace(/src:([^;}]*)/g, (whole, list) => {
    const sources = list.split(/,(?=\s*url\()/);
    const woff2 = sources.find((s) => /\.woff2\)/.test(s));
    if (!woff2) return whole;
    const file = /url\(\.?\/?([^)]+)\)/.exec(woff2)[1];
    fonts += 1;
    return `src:url(${dataUrl(readFileSync(join(assets, file)), FONT_TYPES.woff2)}) format("woff2")`;
  });
  const left = /url\((?!data:)[^)]*\)/.exec(out);
  if (left) throw new Error(`single file: the stylesheet still refers to ${left[0]}`);
  return { css: out, fonts };
}

/** Replaces one match of re in html, and fails loudly when it is missing. */
function replaceOnce(html, re, fn) {
  const m = re.exec(html);
  if (!m) throw new Error(`single file: ${re} not found in the built index.html`);
  return html.slice(0, m.index) + fn(m) + html.slice(m.index + m[0].length);
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The file's own policy: its one script and one stylesheet (by hash), wasm,
 * and data: images and fonts; nothing may be fetched. worker-src blob: lets
 * the studio start its training worker, which the script carries and starts
 * from a blob: URL (vite.single.config.mjs). A host's stricter policy still
 * applies on top.
 */
function policy(js, css) {
  return `default-src 'none'; script-src ${sha256(js)} 'wasm-unsafe-eval'; style-src ${sha256(css)}; img-src data:; font-src data:; worker-src blob:`;
}

export function inlineSite(dir) {
  const assets = join(dir, 'assets');
  let html = readFileSync(join(dir, 'index.html'), 'utf8');
  const read = (href) => readFileSync(join(dir, href), 'utf8');
  let js = '';
  html = replaceOnce(html, /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"><\/script>/, (m) => {
    js = scriptText(read(m[1]));
    return `<script type="module">${js}</script>`;
  });
  let fonts = 0;
  let css = '';
  html = replaceOnce(html, /<link rel="stylesheet" crossorigin href="\.\/(assets\/[^"]+\.css)">/, (m) => {
    const r = inlineFonts(read(m[1]), assets);
    fonts = r.fonts;
    css = styleText(r.css);
    return `<style>${css}</style>`;
  });
  html = replaceOnce(html, /<meta charset="utf-8" \/>/, (m) =>
    `${m[0]}\n    <meta http-equiv="Content-Security-Policy" content="${policy(js, css)}" />`);
  // No Embed button: its snippets point at embed.html and nn-playground.js,
  // which do not exist beside a lone nnplay.html.
  html = replaceOnce(html, /<div id="embed-share-slot"[^>]*><\/div>\s*/, () => '');
  // The comment above the icon explains the served site's CSP; here it would mislead.
  html = html.replace(/\s*<!--[^>]*-->(?=\s*<link rel="icon")/, '');
  html = replaceOnce(html, /<link rel="icon" href="\.\/([^"]+\.svg)"/, (m) =>
    `<link rel="icon" href="${dataUrl(readFileSync(join(dir, m[1])), 'image/svg+xml')}"`);
  // Anything still pointing at a file would be a request from file:// that fails.
  const external = /\s(?:src|href)="(?!data:|#)([^"]*)"/.exec(html.replace(/<script[\s\S]*?<\/script>/g, ''));
  if (external) throw new Error(`single file: index.html still refers to ${external[1]}`);
  return { html, fonts };
}

/** Builds <outDir>/nnplay.html and returns its size. */
export function buildSingleFile(outDir) {
  const scratch = mkdtempSync(join(tmpdir(), 'nnplay-single-'));
  try {
    run(process.execPath, [
      'node_modules/vite/bin/vite.js', 'build', '--config', 'vite.single.config.mjs', '--outDir', scratch, '--logLevel', 'warn',
    ], { cwd: root });
    const leftovers = readdirSync(join(scratch, 'assets')).filter((f) => !/\.(js|css|woff2?|ttf)$/.test(f));
    if (leftovers.length) throw new Error(`single file: unexpected assets ${leftovers.join(' ')}`);
    const { html, fonts } = inlineSite(scratch);
    const file = join(outDir, 'nnplay.html');
    writeFileSync(file, html);
    const bytes = statSync(file).size;
    const gzip = gzipSync(html, { level: 9 }).length;
    console.log(`${file}: ${bytes} bytes, ${gzip} gzipped (${fonts} KaTeX fonts inlined as woff2)`);
    return { file, bytes, gzip };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
