// The tests that need the collector on demand (node --expose-gc), in their own
// forked process: npm test runs this config as a suite of its own.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { wasmAlias } from '../../vite.config.mjs';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: { alias: wasmAlias },
  test: {
    include: ['tests/wasm/**/*.gc.ts'],
    environment: 'node',
    pool: 'forks',
    execArgv: ['--expose-gc'],
    testTimeout: 120000,
  },
});
