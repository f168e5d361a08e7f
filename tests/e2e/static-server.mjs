// A plain static file server for the e2e tests, as a course site or a simple
// host would run one: files from a folder (or given pages), no CORS headers,
// no Content-Security-Policy. Two of them on different ports are two origins.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.woff2': 'font/woff2',
  '.png': 'image/png', '.xml': 'application/xml', '.zip': 'application/zip',
};

/**
 * Serves `dir` (may be null) on a free 127.0.0.1 port; `pages` maps a path
 * ("/course.html") to a body served instead of a file, `missing` lists paths
 * answered with 404 even when the file exists.
 */
export function startStatic(dir, { pages = {}, missing = [] } = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    if (missing.includes(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (path in pages) {
      res.writeHead(200, { 'content-type': type }).end(pages[path]);
      return;
    }
    const file = dir ? join(dir, normalize(path).replace(/^([/\\]\.\.)+/, '')) : '';
    const target = file && existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
    if (!target || !existsSync(target)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? type });
    createReadStream(target).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, stop: () => new Promise((r) => server.close(r)) });
    });
  });
}
