// Runs a command with inherited output; throws with the command line on failure.
import { spawnSync } from 'node:child_process';

export const root = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

export function run(cmd, args, options = {}) {
  const shown = [cmd, ...args].join(' ');
  console.log(`\n$ ${shown}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (r.error) throw new Error(`${shown}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${shown} exited with ${r.status ?? r.signal}`);
}

// Like run, but returns the exit status instead of throwing (for test suites).
export function runSuite(cmd, args, options = {}) {
  const shown = [cmd, ...args].join(' ');
  console.log(`\n$ ${shown}`);
  // No suite may hang the run: the slowest (end to end) takes about 8 minutes on these machines.
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, timeout: 30 * 60 * 1000, killSignal: 'SIGKILL', ...options });
  if (r.error) console.log(`${shown}: ${r.error.message}`);
  return r.error ? 1 : r.status ?? 1;
}
