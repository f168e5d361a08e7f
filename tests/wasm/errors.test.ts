// Every bad-input path throws a CoreError whose message names the argument and
// the bad value, and the engine keeps working, even after 10000 bad calls (a
// C++ exception escaping into JS would leak wasm stack; docs/TOOLCHAIN.md §2).
import { describe, expect, it } from 'vitest';
import { CoreError, loadEngine, type Engine } from '../../web/src/engine/engine';
import { BUILDS, engineFor, f32, wasmBytes } from './load';

// Deliberately ill-typed calls, as plain JavaScript callers could make them.
const bad = <T>(v: unknown) => v as T;

type Case = [label: string, call: (e: Engine) => unknown, mustMention: (string | RegExp)[]];

const X = f32([-1, 0, 1]);
const Z = f32([2, 3, 5]);

const CASES: Case[] = [
  ['unknown activation', (e) => e.forward('swishy', X), ['"swishy"', 'valid names are', 'sigmoid', 'leaky_relu']],
  ['unknown activation (derivative)', (e) => e.derivative('Sigmoid', X), ['"Sigmoid"', 'valid names']],
  ['unknown activation (info)', (e) => e.activationInfo('nope'), ['"nope"', 'valid names']],
  ['activation name not a string', (e) => e.forward(bad<string>(42), X), ['activation', '42']],
  ['x is a plain array', (e) => e.forward('relu', bad<Float32Array>([1, 2, 3])), ['x', 'Float32Array', 'Array(3)']],
  ['x is a Float64Array', (e) => e.derivative('relu', bad<Float32Array>(new Float64Array(3))), ['x', 'Float64Array']],
  ['x is null', (e) => e.forward('relu', bad<Float32Array>(null)), ['x', 'null']],
  ['alpha out of range', (e) => e.forward('leaky_relu', X, { alpha: 2 }), ['alpha', 'got 2']],
  ['alpha NaN', (e) => e.forward('leaky_relu', X, { alpha: NaN }), ['alpha', 'NaN']],
  ['elu alpha negative', (e) => e.derivative('elu', X, { alpha: -1 }), ['alpha', '-1']],
  ['alpha not a number', (e) => e.forward('elu', X, bad({ alpha: '2' })), ['params.alpha', '"2"']],
  ['rrelu lower > upper', (e) => e.forward('rrelu', X, { lower: 0.3, upper: 0.1 }), ['lower', 'upper', '0.3']],
  ['seed not an integer', (e) => e.forward('rrelu', X, { seed: 1.5 }), ['params.seed', '1.5']],
  ['training not a boolean', (e) => e.forward('rrelu', X, bad({ training: 1 })), ['params.training', '1']],
  ['unknown param key', (e) => e.forward('elu', X, bad({ beta: 1 })), ['params', '"beta"', 'alpha']],
  ['params not an object', (e) => e.forward('elu', X, bad(3)), ['params', '3']],
  ['temperature 0', (e) => e.softmax(Z, { temperature: 0 }), ['temperature', 'got 0']],
  ['temperature NaN', (e) => e.logSoftmax(Z, { temperature: NaN }), ['temperature', 'NaN']],
  ['temperature negative', (e) => e.softmaxJacobian(Z, { temperature: -2 }), ['temperature', '-2']],
  ['temperature infinite', (e) => e.softmax(Z, { temperature: Infinity }), ['temperature', 'inf']],
  ['temperature not a number', (e) => e.softmax(Z, bad({ temperature: '1' })), ['options.temperature', '"1"']],
  ['unknown option key', (e) => e.softmax(Z, bad({ temp: 2 })), ['options', '"temp"', 'temperature']],
  ['empty logits: softmax', (e) => e.softmax(f32([])), ['z', 'empty']],
  ['empty logits: logSoftmax', (e) => e.logSoftmax(f32([])), ['z', 'empty']],
  ['empty logits: softmaxNaive', (e) => e.softmaxNaive(f32([])), ['z', 'empty']],
  ['empty logits: percentages', (e) => e.percentages(f32([])), ['z', 'empty']],
  ['empty logits: jacobian', (e) => e.softmaxJacobian(f32([])), ['z', 'empty']],
  ['empty logits: crossEntropy', (e) => e.crossEntropy(f32([]), 0), ['z', 'empty']],
  ['z not a Float32Array', (e) => e.softmax(bad<Float32Array>([2, 3, 5])), ['z', 'Array(3)']],
  ['percentages of a zero sum', (e) => e.percentages(f32([0, 0])), ['Σz', '0']],
  ['jacobian too large', (e) => e.softmaxJacobian(new Float32Array(65)), ['65', '64']],
  ['target out of range', (e) => e.crossEntropy(Z, 7), ['target', '7']],
  ['target negative', (e) => e.crossEntropy(Z, -1), ['target', '-1']],
  ['target not an integer', (e) => e.crossEntropy(Z, 1.5), ['target', '1.5']],
  ['target beyond int32', (e) => e.crossEntropy(Z, 2 ** 32), ['target', '4294967296']],
];

function thrown(call: () => unknown): CoreError {
  try {
    call();
  } catch (err) {
    if (err instanceof CoreError) return err;
    throw new Error(`expected a CoreError, got ${String(err)}`);
  }
  throw new Error('expected a CoreError, but the call returned');
}

describe.each(BUILDS)('%s build: bad input', (build) => {
  it.each(CASES)('%s', async (_label, call, mustMention) => {
    const e = await engineFor(build);
    const err = thrown(() => call(e));
    expect(err.name).toBe('CoreError');
    expect(err).toBeInstanceOf(Error);
    for (const m of mustMention) expect(err.message).toMatch(m);
    expect(Array.from(e.softmax(Z))[2]).toBeCloseTo(0.84379473, 7);
  });

  it('codes out-of-range values as out_of_range', async () => {
    const e = await engineFor(build);
    expect(thrown(() => e.forward('leaky_relu', X, { alpha: 2 })).code).toBe('out_of_range');
    expect(thrown(() => e.forward('nope', X)).code).toBe('invalid_argument');
  });

  it('still works after 10000 bad calls that reach wasm', async () => {
    // A fresh engine, so earlier tests cannot hide or cause a leak.
    const e = await loadEngine({ build, wasmBinary: wasmBytes(build) });
    const reachWasm = [CASES[0], CASES[7], CASES[8], CASES[16], CASES[22], CASES[29], CASES[31]];
    for (let i = 0; i < 10000; i++) thrown(() => reachWasm[i % reachWasm.length][1](e));
    expect(Array.from(e.softmax(Z))[2]).toBeCloseTo(0.84379473, 7);
    const big = new Float32Array(1 << 18).fill(-1);
    expect(e.forward('relu', big).every((v) => v === 0)).toBe(true);
    expect(e.activationInfo('tanh').properties.rangeMin).toBe(-1);
  });
});

describe('loadEngine options', () => {
  it('rejects an unknown build and unknown keys', async () => {
    await expect(loadEngine(bad({ build: 'gpu' }))).rejects.toThrow(/options\.build.*"gpu"/);
    await expect(loadEngine(bad({ bild: 'simd' }))).rejects.toThrow(/unknown key "bild"/);
    await expect(loadEngine(bad({ wasmBinary: 'x' }))).rejects.toThrow(/wasmBinary.*"x"/);
  });
});
