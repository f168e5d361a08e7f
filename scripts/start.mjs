// npm start: install what is missing, build the wasm modules and the page,
// then serve dist/ on localhost and print the URL.
import { spawn } from 'node:child_process';
import { ensureSystemPackages } from './lib/system-deps.mjs';
import { ensureNpmPackages } from './lib/npm-deps.mjs';
import { buildPage, buildWasm } from './lib/build-steps.mjs';
import { root } from './lib/run.mjs';

ensureSystemPackages({ browser: false });
ensureNpmPackages(root);
buildWasm({ modulesOnly: true });
buildPage();

const port = process.env.PORT ?? '4173';
const server = spawn(process.execPath,
  ['node_modules/vite/bin/vite.js', 'preview', '--config', 'vite.config.mjs', '--port', port, '--strictPort', '--host', '127.0.0.1'],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
server.on('spawn', () => console.log(`\nnnplay is running at http://127.0.0.1:${port}/  (Ctrl+C stops it; PORT=… picks another port)`));
server.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
