// loadEngine() with no options in Node (issue 9 item 9): the glue would fetch()
// its .wasm by path, which Node cannot; the engine reads the file itself.
import { expect, test } from 'vitest';
import { loadEngine } from '../../web/src/engine/engine';
import { ARTICLE_SOFTMAX_2_3_5, ARTICLE_TOLERANCE } from '../article-numbers.mjs';

test.each(['auto', 'simd', 'scalar'] as const)('loadEngine({ build: %s }) reads its own module file in Node', async (build) => {
  const engine = await (build === 'auto' ? loadEngine() : loadEngine({ build }));
  expect(engine.simd).toBe(build !== 'scalar'); // Node 20 validates wasm SIMD
  const p = engine.softmax(Float32Array.from([2, 3, 5]));
  for (let i = 0; i < 3; i++) expect(Math.abs(p[i] - ARTICLE_SOFTMAX_2_3_5[i])).toBeLessThanOrEqual(ARTICLE_TOLERANCE);
});
