// Runs `npm ci` when node_modules is missing or older than package-lock.json
// (a stamp in node_modules records the lock file's hash).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

export function ensureNpmPackages(dir) {
  const lock = join(dir, 'package-lock.json');
  const stamp = join(dir, 'node_modules', '.nnplay-lock-sha256');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir });
  writeFileSync(stamp, hash);
}
