// The tests that need the collector on demand (node --expose-gc), in their own
// forked process: the main config with another file pattern and node flag.
// npm test runs this config as a suite of its own.
import base from '../../vitest.config.mjs';

export default {
  ...base,
  test: {
    ...base.test,
    include: ['tests/wasm/**/*.gc.ts'],
    pool: 'forks',
    execArgv: ['--expose-gc'],
    testTimeout: 120000,
  },
};
