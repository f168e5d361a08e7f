// Shared by the trainer tests: the configs, the real data files, and a
// helper that insists on a thrown CoreError.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { CoreError, type TrainerConfigJson } from '../../web/src/engine/engine';

export const repoPath = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));

/** The XOR config: 2-8-8-1 tanh, Adam, evaluation every 100 steps. */
export const XOR_CONFIG: TrainerConfigJson = {
  data: { kind: 'xor', samples: 200 },
  hidden: [
    { units: 8, activation: 'tanh' },
    { units: 8, activation: 'tanh' },
  ],
  train: { optimizer: 'adam', learningRate: 0.03, evalEvery: 100 },
};

/** Forced divergence: a regression plane, σ = 20 initial weights and lr 10. */
export const DIVERGING_CONFIG: TrainerConfigJson = {
  data: { kind: 'plane', samples: 200 },
  hidden: [{ units: 8, activation: 'relu' }],
  head: 'linear_mse',
  init: 'large_normal',
  initSigma: 20,
  train: { optimizer: 'sgd', learningRate: 10 },
};

/** data/digits.csv.gz as text, as the page gets it after DecompressionStream. */
export const digitsCsv = (): string => gunzipSync(readFileSync(repoPath('data/digits.csv.gz'))).toString('utf8');
export const irisCsv = (): string => readFileSync(repoPath('data/iris.csv'), 'utf8');

export function thrown(call: () => unknown): CoreError {
  try {
    call();
  } catch (err) {
    if (err instanceof CoreError) return err;
    throw new Error(`expected a CoreError, got ${String(err)}`);
  }
  throw new Error('expected a CoreError, but the call returned');
}

/** Deliberately ill-typed arguments, as plain JavaScript callers could pass them. */
export const bad = <T>(v: unknown): T => v as T;

export function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
