// The messages between the studio (main thread) and its training worker
// (train-worker.ts). The worker owns the trainer that trains; the page keeps a
// copy of the same config (the mirror) that draws. Edits go to the worker in
// order; the worker answers each frame request with one Snapshot, whose typed
// arrays are transferred, not copied. `epoch` counts the page's edits that
// jump the weights (build, load, reset, rewind, a typed-in weight): a snapshot
// of an older epoch describes a trainer the page has already replaced.
import type { History, Metrics, ModelJson, TrainConfigJson, TrainerConfigJson } from '../../../engine/engine';

/** A data set the worker parses itself (the loaded kinds: digits, iris, custom). */
export interface DataSpec {
  kind: 'digits' | 'iris' | 'custom';
  csv: string;
  regression: boolean;
}

export type ToWorker =
  | { type: 'init'; build: 'simd' | 'scalar'; wasmBinary?: ArrayBuffer | Uint8Array }
  | { type: 'create'; epoch: number; config: TrainerConfigJson; data: DataSpec | null }
  | { type: 'load'; epoch: number; model: ModelJson; data: DataSpec | null }
  | { type: 'drop'; epoch: number }
  | { type: 'set'; train: TrainConfigJson }
  | { type: 'setParameter'; epoch: number; layer: number; unit: number; from: number | 'bias'; value: number }
  | { type: 'reset'; epoch: number; seed: number }
  | { type: 'rewind'; epoch: number }
  /**
   * Asks for the next snapshot. steps > 0: run that many steps first (a
   * watchable speed, or the Step button); 0: keep training as fast as possible
   * and answer after the current chunk.
   */
  | { type: 'frame'; steps: number }
  | { type: 'pause' }
  | { type: 'historyCsv'; id: number };

export interface Snapshot {
  type: 'snapshot';
  epoch: number;
  /** Steps run since the previous snapshot. */
  steps: number;
  metrics: Metrics;
  /** History rows after step `after` (the page drops any it holds past it first). */
  after: number;
  history: History;
  /** trainer.parameters(), for the mirror's setParameters. */
  parameters: Float32Array;
  /** Whether the worker goes on training after this snapshot. */
  running: boolean;
}

export type FromWorker =
  /** The worker's script has run: the page's messages reach it from now on. */
  | { type: 'started' }
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | Snapshot
  | { type: 'error'; epoch: number; message: string }
  | { type: 'historyCsv'; id: number; csv: string };

/**
 * The worker's name when it may fetch its wasm module itself: it then starts
 * loading that build without waiting for the 'init' message (train-worker.ts).
 */
export function workerName(build: 'simd' | 'scalar'): string {
  return `nnplay-train:${build}`;
}

/** The build a worker's name asks for (workerName), or null: wait for 'init'. */
export function buildFromWorkerName(name: string): 'simd' | 'scalar' | null {
  const m = /^nnplay-train:(simd|scalar)$/.exec(name);
  return m ? (m[1] as 'simd' | 'scalar') : null;
}

/** The typed arrays of a snapshot, to transfer rather than copy. */
export function snapshotTransfer(s: Snapshot): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [s.parameters];
  for (const v of Object.values(s.history)) if (v instanceof Float32Array) arrays.push(v);
  for (const layer of s.history.layers) for (const v of Object.values(layer)) if (v instanceof Float32Array) arrays.push(v);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
