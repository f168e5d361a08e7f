// Vitest runs the wasm tests in Node against the built modules in web/src/engine/wasm/
// (build them first with the nnplay_simd / nnplay_scalar CMake targets).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { wasmAlias } from './vite.config.mjs';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { alias: wasmAlias },
  test: {
    include: ['tests/wasm/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30000,
  },
});
