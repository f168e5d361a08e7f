// Starts `vite preview` on a free 127.0.0.1 port for the e2e tests and stops it.
// vite.js is spawned directly: killing an `npx` wrapper leaves vite running
// (docs/TOOLCHAIN.md §4).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The built site to serve: dist/, or NNPLAY_DIST (parallel work builds into its own folder). */
export const distDir = process.env.NNPLAY_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Serves `dir` (default distDir). */
export async function startPreview(dir = distDir) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--config', 'vite.config.mjs', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--outDir', dir],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited early:\n${output}`);
    try {
      const res = await fetch(url);
      if (res.ok) return { url, stop: () => stop(child) };
    } catch {
      // not listening yet
    }
    await sleep(100, undefined, { ref: false });
  }
  stop(child);
  throw new Error(`vite preview did not answer on ${url}:\n${output}`);
}

function stop(child) {
  if (child.exitCode === null && !child.killed) child.kill('SIGTERM');
}
