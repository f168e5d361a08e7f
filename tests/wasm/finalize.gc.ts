// Trainers and data sets that are dropped without dispose() are freed when
// collected (engine-finalize.ts): after the first round, creating and
// dropping 300 more trainers at a time leaves the wasm memory where it was.
// Without the registry every dropped trainer stays in wasm memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../../web/src/engine/engine';
import { wasmBytes } from './load';
import { XOR_CONFIG } from './trainer-util';

const gc = (globalThis as { gc?: () => void }).gc;
const ROUND = 300;

// The module's memory, caught as the glue instantiates it (the engine keeps
// the module private, and the export's name is minified).
let memory: WebAssembly.Memory | null = null;
const instantiate = WebAssembly.instantiate;

beforeAll(() => {
  WebAssembly.instantiate = (async (...args: Parameters<typeof instantiate>) => {
    const result = (await instantiate(...args)) as unknown as WebAssembly.WebAssemblyInstantiatedSource;
    memory = Object.values(result.instance.exports).find((v) => v instanceof WebAssembly.Memory) ?? null;
    return result;
  }) as typeof instantiate;
});
afterAll(() => {
  WebAssembly.instantiate = instantiate;
});

/** Drops `count` wrappers made by `make`, then collects until all of them are finalized. */
async function dropAndCollect(count: number, make: () => object): Promise<void> {
  let finalized = 0;
  const seen = new FinalizationRegistry<null>(() => {
    finalized++;
  });
  for (let i = 0; i < count; i++) seen.register(make(), null);
  // Finalizers run as tasks after a collection: collect and yield until every
  // wrapper has been reported, then once more so the engine's own registry
  // (notified by the same collections) has run too.
  for (let tries = 0; finalized < count && tries < 200; tries++) {
    gc!();
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(finalized).toBe(count);
  gc!();
  await new Promise((resolve) => setImmediate(resolve));
}

describe('core handles are freed when their wrappers are collected', () => {
  let e: Engine;
  beforeAll(async () => {
    e = await loadEngine({ build: 'simd', wasmBinary: wasmBytes('simd') });
  });

  it('runs with --expose-gc and sees the module memory', () => {
    expect(typeof gc).toBe('function');
    expect(memory).toBeInstanceOf(WebAssembly.Memory);
  });

  it(`${ROUND} dropped trainers per round: the heap stays flat after the first`, async () => {
    const make = () => e.createTrainer(XOR_CONFIG);
    await dropAndCollect(ROUND, make); // the first round sizes the heap
    const before = memory!.buffer.byteLength;
    for (let round = 0; round < 5; round++) await dropAndCollect(ROUND, make);
    const grown = memory!.buffer.byteLength - before;
    // 1500 leaked XOR trainers add ~55 MB (measured without the registry);
    // 8 MB leaves room for a growth step of the heap and fragmentation.
    console.log(`wasm memory ${before} → ${memory!.buffer.byteLength} bytes over 5 × ${ROUND} dropped trainers`);
    expect(grown).toBeLessThanOrEqual(8 << 20);
    // and the engine still trains
    const t = e.createTrainer(XOR_CONFIG);
    expect(t.step(20).step).toBe(20);
    t.dispose();
  });

  it('dropped data sets are freed too', async () => {
    // 5000 samples × 3 floats: 60 KB each, so 3 × 300 leaked sets would add ~54 MB.
    const make = () => e.generateDataset({ kind: 'spiral', samples: 5000 });
    await dropAndCollect(ROUND, make);
    const before = memory!.buffer.byteLength;
    for (let round = 0; round < 3; round++) await dropAndCollect(ROUND, make);
    expect(memory!.buffer.byteLength - before).toBeLessThanOrEqual(8 << 20);
  });

  it('dispose() frees at once and the later collection does not free twice', async () => {
    const made: { disposed: boolean }[] = [];
    await dropAndCollect(ROUND, () => {
      const t = e.createTrainer(XOR_CONFIG);
      t.dispose();
      made.push({ disposed: t.disposed });
      return t;
    });
    // A second delete() would throw a BindingError out of the finalizer and fail the run.
    expect(made.every((m) => m.disposed)).toBe(true);
    const t = e.createTrainer(XOR_CONFIG);
    expect(t.step(5).step).toBe(5);
    t.dispose();
  });
});
