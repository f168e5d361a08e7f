// Native and wasm trainers agree. The native CLI (build/native/nnplay_train,
// built by `npm test` before Vitest; NNPLAY_TRAIN overrides the path) trains
// from the same JSON config and writes its history as CSV; the wasm trainer
// trains the same config here, and the losses are compared step by step.
//
// Both start from identical data and weights (seeded generators and the
// core's portable math). They differ only in float32 rounding: Eigen
// vectorises the matrix products natively (SSE, other summation order) and
// runs them scalar in wasm, so each product differs by a few ulp; the CSV
// prints 7 significant digits (≤ 5e-8 relative). Those differences grow as
// training feeds them back. Measured over 200 steps (both configs, both
// builds; each run prints its own): losses ≤ 2.7e-6, gradient norm ≤ 7.6e-6
// relative. TOLERANCE (relative, with |values| < 1e-3 compared absolutely at
// 1e-3 scale) is 1e-4: > 10× the worst measured, while a real mismatch
// (different data, init, update rule or batch order) is O(1) within a few steps.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Engine, TrainerConfigJson } from '../../web/src/engine/engine';
import { BUILDS, engineFor } from './load';
import { XOR_CONFIG, repoPath } from './trainer-util';

const TOLERANCE = 1e-4;
const STEPS = 200;

const CONFIGS: [string, TrainerConfigJson][] = [
  ['xor (issue config, adam)', XOR_CONFIG],
  [
    'circle, relu, sgd + momentum, evaluated every step',
    {
      data: { kind: 'circle', samples: 300, noise: 0.1, seed: 5 },
      hidden: [
        { units: 6, activation: 'relu' },
        { units: 4, activation: 'relu' },
      ],
      train: { optimizer: 'momentum', learningRate: 0.05, batchSize: 16, evalEvery: 1 },
      seed: 3,
    },
  ],
];

const binary = process.env.NNPLAY_TRAIN ?? repoPath('build/native/nnplay_train');
const dir = mkdtempSync(join(tmpdir(), 'nnplay-native-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI and returns its CSV as columns by name. */
function nativeHistory(name: string, config: TrainerConfigJson): Map<string, number[]> {
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: run npm test, or cmake --build <dir> --target nnplay_train and set NNPLAY_TRAIN`);
  }
  const cfg = join(dir, `${name.replace(/\W+/g, '_')}.json`);
  const out = `${cfg}.csv`;
  writeFileSync(cfg, JSON.stringify(config));
  const run = spawnSync(binary, [cfg, '--steps', String(STEPS), '--out', out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`nnplay_train exited ${run.status}: ${run.stderr}`);
  const [header, ...rows]: string[] = readFileSync(out, 'utf8').trim().split('\n');
  const names = header.split(',');
  const columns = new Map<string, number[]>(names.map((n) => [n, []]));
  for (const row of rows) row.split(',').forEach((v, i) => columns.get(names[i])!.push(Number(v)));
  return columns;
}

/** Worst |a−b| / max(|b|, 1e-3) over a column. */
function worstRelative(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-3));
  return worst;
}

describe.each(BUILDS)('%s build agrees with the native trainer', (build) => {
  it.each(CONFIGS)('%s', async (name, config) => {
    const native = nativeHistory(name, config);
    const e: Engine = await engineFor(build);
    const t = e.createTrainer(config);
    t.step(STEPS);
    const h = t.history();
    t.dispose();

    expect(Array.from(h.step)).toEqual(native.get('step'));
    expect(h.step.length).toBe(STEPS + 1);
    const report: string[] = [];
    for (const [key, column] of [
      ['batchLoss', 'batch_loss'],
      ['trainLoss', 'train_loss'],
      ['testLoss', 'test_loss'],
      ['trainAccuracy', 'train_accuracy'],
      ['gradNorm', 'grad_norm'],
    ] as const) {
      const d = worstRelative(h[key], native.get(column)!);
      report.push(`${column} ${d.toExponential(2)}`);
      expect(d, `${column}`).toBeLessThanOrEqual(TOLERANCE);
    }
    console.log(`native vs ${build}, ${name}, ${STEPS} steps, worst relative difference: ${report.join(', ')}`);
  });
});
