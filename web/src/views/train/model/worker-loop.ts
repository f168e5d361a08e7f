// The training worker's logic, apart from the worker global so that Vitest can
// drive it: it owns the trainer that trains, applies the page's edits in the
// order they come, and answers each frame request with one Snapshot. At "as
// fast as possible" it trains in chunks of about CHUNK_MS and yields between
// them, so requests and edits are read within a chunk; it stops by itself
// when the page has asked for nothing for IDLE_MS (a hidden tab).
import type { Engine, History, Metrics, Trainer, TrainerConfigJson } from '../../../engine/engine';
import { snapshotTransfer, type DataSpec, type FromWorker, type Snapshot, type ToWorker } from './worker-protocol';

const CHUNK_MS = 4;
const IDLE_MS = 250;
const MAX_CHUNK = 100000;
/**
 * The full-set evaluation runs once per snapshot (refreshMetrics), at the
 * page's frame rate; between snapshots the core would evaluate every
 * evalEvery steps, so the worker's copy uses the largest interval.
 */
export const WORKER_EVAL_EVERY = 10000;

export interface LoopHost {
  post(message: FromWorker, transfer: ArrayBuffer[]): void;
  now(): number;
  /** Calls fn after the messages already queued (a MessageChannel round trip in the worker). */
  later(fn: () => void): void;
}

export class WorkerLoop {
  readonly #engine: Engine;
  readonly #host: LoopHost;
  #t: Trainer | null = null;
  #epoch = 0;
  /** The last history step the page has. */
  #sent = -1;
  /** History rows after this step go in the next snapshot (below #sent after a rewind). */
  #after = -1;
  #steps = 0;
  #continuous = false;
  #pending = false;
  #askedAt = 0;
  #k = 1;
  #looping = false;

  constructor(engine: Engine, host: LoopHost) {
    this.#engine = engine;
    this.#host = host;
  }

  handle(msg: ToWorker): void {
    try {
      this.#handle(msg);
    } catch (err) {
      const epoch = 'epoch' in msg ? msg.epoch : this.#epoch;
      this.#host.post({ type: 'error', epoch, message: err instanceof Error ? err.message : String(err) }, []);
    }
  }

  #handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'init':
        return;
      case 'create':
        return this.#replace(msg.epoch, (data) => this.#engine.createTrainer(withEval(msg.config), data), msg.data);
      case 'load': {
        const c = msg.model.config;
        const model = { ...msg.model, config: { ...c, train: { ...c.train, evalEvery: WORKER_EVAL_EVERY } } };
        return this.#replace(msg.epoch, (data) => this.#engine.loadTrainer(model, data), msg.data);
      }
      case 'drop':
        this.#epoch = msg.epoch;
        return this.#replace(msg.epoch, null, null);
      case 'set':
        // The page keeps evalEvery out of live changes; keep the worker's interval.
        this.#t?.set({ ...msg.train, evalEvery: WORKER_EVAL_EVERY });
        return;
      case 'setParameter':
        this.#epoch = msg.epoch;
        this.#t?.setParameter(msg.layer, msg.unit, msg.from, msg.value);
        // The metrics of the edited network, shown at once even while paused.
        this.#snapshot();
        return;
      case 'reset':
        this.#epoch = msg.epoch;
        this.#t?.reset(msg.seed);
        this.#resync();
        return;
      case 'rewind':
        this.#epoch = msg.epoch;
        if (!this.#t) return;
        this.#t.rewind();
        this.#resync();
        this.#snapshot();
        return;
      case 'frame':
        this.#askedAt = this.#host.now();
        if (msg.steps > 0) {
          this.#continuous = false;
          this.#run(msg.steps);
          this.#snapshot();
          return;
        }
        this.#continuous = true;
        this.#pending = true;
        this.#schedule();
        return;
      case 'pause':
        this.#continuous = false;
        this.#snapshot();
        return;
      case 'historyCsv':
        this.#host.post({ type: 'historyCsv', id: msg.id, csv: this.#t?.historyCsv() ?? '' }, []);
        return;
    }
  }

  #replace(epoch: number, make: ((data: { data?: ReturnType<Engine['loadDataset']> }) => Trainer) | null, spec: DataSpec | null): void {
    this.#epoch = epoch;
    this.#continuous = false;
    // Only a custom set takes the regression option.
    const options = spec?.kind === 'custom' ? { regression: spec.regression } : {};
    const data = spec ? this.#engine.loadDataset(spec.kind, spec.csv, options) : null;
    try {
      const t = make ? make(data ? { data } : {}) : null;
      this.#t?.dispose();
      this.#t = t;
    } finally {
      data?.dispose();
    }
    this.#resync();
  }

  /** The page built its copy from the same state: it has the history up to now. */
  #resync(): void {
    const step = this.#t?.metrics().step ?? -1;
    this.#sent = step;
    this.#after = step;
    this.#steps = 0;
  }

  #run(n: number): void {
    const t = this.#t;
    if (!t || t.metrics().diverged) return;
    const before = t.metrics().step;
    this.#steps += t.step(n).step - before;
  }

  #schedule(): void {
    if (this.#looping) return;
    this.#looping = true;
    this.#host.later(() => this.#loop());
  }

  #loop(): void {
    this.#looping = false;
    const t = this.#t;
    const idle = this.#host.now() - this.#askedAt > IDLE_MS;
    if (!this.#continuous || !t || idle || t.metrics().diverged) {
      this.#continuous = false;
      if (this.#pending) this.#snapshot();
      return;
    }
    const k = this.#k;
    const t0 = this.#host.now();
    this.#run(k);
    const ms = this.#host.now() - t0;
    // Grow at most 2× per chunk, so that a slow step cannot make a long chunk.
    this.#k = Math.max(1, Math.min(MAX_CHUNK, k * 2, Math.floor((CHUNK_MS * k) / Math.max(ms, 0.01))));
    if (this.#pending) this.#snapshot();
    this.#schedule();
  }

  #snapshot(): void {
    const t = this.#t;
    this.#pending = false;
    if (!t) return;
    // Full-set diagnostics once per frame (they are then current for the history rows that follow).
    const metrics = t.metrics().diverged ? t.metrics() : t.refreshMetrics();
    const history = t.history(this.#after + 1);
    fresh(history, metrics);
    const snap: Snapshot = {
      type: 'snapshot',
      epoch: this.#epoch,
      steps: this.#steps,
      metrics,
      after: this.#after,
      history,
      parameters: t.parameters(),
      running: this.#continuous && !metrics.diverged,
    };
    const last = history.step.length > 0 ? history.step[history.step.length - 1] : this.#sent;
    this.#sent = Math.max(this.#sent, last);
    this.#after = this.#sent;
    this.#steps = 0;
    this.#host.post(snap, snapshotTransfer(snap));
  }
}

/**
 * The last row was recorded before the evaluation just done at its step:
 * give it that evaluation, so that the curves end where the counters are.
 */
function fresh(h: History, m: Metrics): void {
  const i = h.step.length - 1;
  if (i < 0 || h.step[i] !== m.step) return;
  for (const key of EVAL_COLUMNS) h[key][i] = m[key];
  h.layers.forEach((l, k) => {
    for (const key of EVAL_LAYER_COLUMNS) l[key][i] = m.layers[k][key];
  });
}
const EVAL_COLUMNS = ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy'] as const;
const EVAL_LAYER_COLUMNS = ['dead', 'saturated', 'actMean', 'actStd'] as const;

/**
 * Takes a throwaway trainer of the core's default config once through what a
 * frame does. V8 compiles each wasm function on its first call; this way the
 * functions the first chunk needs are compiled while the page is still
 * building the studio, not after Train is pressed.
 */
export function warmUp(engine: Engine): void {
  const t = engine.createTrainer(withEval({}));
  try {
    t.step(2);
    t.refreshMetrics();
    t.history(0);
    t.parameters();
  } finally {
    t.dispose();
  }
}

function withEval(config: TrainerConfigJson): TrainerConfigJson {
  return { ...config, train: { ...config.train, evalEvery: WORKER_EVAL_EVERY } };
}
