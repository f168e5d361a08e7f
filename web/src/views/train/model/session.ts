// One training session: the engine trainer for the current state, the data
// it was built from, and the curves' copy of its history. A structural change
// builds a new trainer; hyperparameters go through trainer.set in place.
//
// With a training worker (remote-trainer.ts) the worker trains and `trainer`
// is the page's mirror of it: the same config, built here first (so a bad
// state fails here, at once), loaded with the worker's parameters from every
// snapshot, and read by every panel as before. Edits go to both; results that
// only the worker knows (steps, metrics, history, a rewind) come back in
// snapshots. Without a worker, `trainer` trains here.
import type { Dataset, Engine, Metrics, ModelJson, Trainer, TrainConfigJson } from '../../../engine/engine';
import { CustomData, RealSets, dataFor, dataSpec, type RealKind } from './data-source';
import { HistoryStore } from './history-store';
import type { RemoteTrainer, StartingWorker, WorkerInit } from './remote-trainer';
import type { StepOutcome } from './runner';
import { trainJson, trainerConfig, type TrainState } from './train-state';
import type { Snapshot, ToWorker } from './worker-protocol';

/** Where training runs: 'starting' while the worker loads (steps wait for it). */
export type TrainMode = 'starting' | 'worker' | 'main';

/** What the export card writes: the model shown, at the step shown, and its history. */
export interface TrainingExport {
  step: number;
  model(): ModelJson;
  historyCsv(): Promise<string>;
}

export class Session {
  readonly engine: Engine;
  readonly custom = new CustomData();
  readonly store = new HistoryStore(0);
  trainer: Trainer | null = null;
  metrics: Metrics | null = null;
  /** Bumped whenever the trainer is replaced or its weights jump (reset, rewind). */
  generation = 0;
  mode: TrainMode = 'main';
  /** A snapshot changed what is shown; `diverged`: training diverged in it. */
  onUpdate: (diverged: boolean) => void = () => undefined;
  /** Called when the worker could not start (or stopped): training runs here from then on. */
  onModeChange: (mode: TrainMode) => void = () => undefined;
  readonly #real: RealSets;
  /** The worker, from the start: it keeps what is posted while it loads. */
  #remote: RemoteTrainer | null = null;
  #epoch = 0;
  #inFlight = false;
  /** Steps that arrived in snapshots and the runner has not been told of. */
  #steps = 0;
  #rewound: (() => void)[] = [];

  /** connect: starts the training worker (remote-trainer.ts's startWorker); without it, training runs here. */
  constructor(engine: Engine, connect?: (init: WorkerInit) => StartingWorker | null) {
    this.engine = engine;
    this.#real = new RealSets(engine);
    if (!connect) return;
    this.mode = 'starting';
    const worker = connect({ build: engine.simd ? 'simd' : 'scalar' });
    if (!worker) {
      // Asynchronously, as when the worker fails later: the owner has set onModeChange by then.
      void Promise.resolve().then(() => this.#fallback());
      return;
    }
    const remote = worker.remote;
    this.#remote = remote;
    remote.onSnapshot = (s) => this.#apply(s);
    remote.onError = () => this.#fallback();
    void worker.ready.then((ok) => {
      // Not if disposed (or fallen back) while the worker loaded.
      if (this.#remote !== remote) return;
      if (ok) this.#attached();
      else this.#fallback();
    });
  }

  /** The shipped data set, loaded on first use. */
  real(kind: RealKind): Promise<Dataset> {
    return this.#real.load(kind);
  }

  isLoaded(kind: RealKind): boolean {
    return this.#real.has(kind);
  }

  /**
   * A new trainer for state (throws the engine's CoreError, keeping the old
   * one). For custom data with too few points there is no trainer: null.
   */
  build(state: TrainState, keepWeights = false): Trainer | null {
    const data = dataFor(state.data, this.#real, this.custom, this.engine);
    if (state.data === 'custom' && data === null) {
      this.#replace(null);
      this.#send({ type: 'drop', epoch: this.#epoch });
      return null;
    }
    try {
      const options = data ? { data } : {};
      let t: Trainer | null = null;
      if (keepWeights && this.trainer) {
        // Same shape, new points: carry the weights and the step count over.
        try {
          t = this.engine.loadTrainer(this.#model(), options);
        } catch {
          t = null;
        }
      }
      const keep = t !== null;
      const config = trainerConfig(state, this.custom.inputs);
      t ??= this.engine.createTrainer(config, options);
      this.#replace(t, keep);
      const spec = dataSpec(this.#real, this.custom, state.data);
      this.#send(keep ? { type: 'load', epoch: this.#epoch, model: t.toJSON(), data: spec } : { type: 'create', epoch: this.#epoch, config, data: spec });
      return t;
    } finally {
      if (state.data === 'custom') data?.dispose();
    }
  }

  /** Shows a trainer made elsewhere (a loaded model file); the session owns it from now on. */
  adopt(t: Trainer): void {
    this.#replace(t);
    this.#send({ type: 'load', epoch: this.#epoch, model: t.toJSON(), data: dataSpec(this.#real, this.custom, t.config().data.kind) });
  }

  /** An independent trainer on the same data (the comparison's); the caller disposes it. */
  createFor(state: TrainState): Trainer {
    const data = dataFor(state.data, this.#real, this.custom, this.engine);
    try {
      if (state.data === 'custom' && data === null) throw new Error('no data');
      return this.engine.createTrainer(trainerConfig(state, this.custom.inputs), data ? { data } : {});
    } finally {
      if (state.data === 'custom') data?.dispose();
    }
  }

  applyLive(state: TrainState): void {
    const train: TrainConfigJson = trainJson(state);
    this.trainer?.set(train);
    this.#send({ type: 'set', train });
  }

  /**
   * One frame's training. Here: k steps. With the worker: the steps that
   * arrived since the last frame, and a request for the next snapshot (at
   * most one in flight): `target` steps per frame, or as fast as possible.
   */
  step(k: number, target = k): StepOutcome {
    const t = this.trainer;
    const diverged = Boolean(this.metrics?.diverged);
    if (this.mode !== 'main') {
      const steps = this.#steps;
      this.#steps = 0;
      if (t && !diverged && !this.#inFlight && this.#remote) {
        this.#inFlight = true;
        this.#remote.post({ type: 'frame', steps: Number.isFinite(target) ? Math.max(1, Math.round(target)) : 0 });
      }
      return { steps, diverged };
    }
    if (!t || diverged) return { steps: 0, diverged };
    const before = this.metrics?.step ?? 0;
    this.metrics = t.step(k);
    this.syncHistory();
    return { steps: this.metrics.step - before, diverged: this.metrics.diverged };
  }

  /** Training starts: ask the worker for the first frame now (a loading worker answers once loaded), so that an early animation frame has steps to show. */
  play(target: number): void {
    if (this.mode !== 'main') this.step(0, target);
  }

  /** Training stopped on the page (pause, divergence): the worker stops too and sends where it is. */
  pause(): void {
    this.#remote?.post({ type: 'pause' });
  }

  /** Back to the last finite snapshot; resolves once the metrics show it. */
  rewind(): Promise<void> {
    if (!this.trainer) return Promise.resolve();
    this.generation += 1;
    if (this.mode === 'main') {
      this.metrics = this.trainer.rewind();
      this.store.truncateAfter(this.metrics.step);
      return Promise.resolve();
    }
    // Not diverged from now on, so that training on does not stop at once;
    // the worker's snapshot brings the rewound step and metrics.
    if (this.metrics) this.metrics = { ...this.metrics, diverged: false, divergence: null };
    this.#send({ type: 'rewind', epoch: this.#bump() });
    return new Promise((resolve) => this.#rewound.push(resolve));
  }

  reset(seed: number): void {
    if (!this.trainer) return;
    // The same seed gives the same weights here and in the worker.
    this.trainer.reset(seed);
    this.metrics = this.trainer.refreshMetrics();
    this.store.clear(this.trainer.shape.units.length);
    this.syncHistory();
    this.generation += 1;
    this.#send({ type: 'reset', epoch: this.#bump(), seed });
  }

  /** A weight typed in by the student (throws the engine's CoreError and changes nothing). */
  setParameter(layer: number, unit: number, from: number | 'bias', value: number): void {
    this.trainer?.setParameter(layer, unit, from, value);
    this.#send({ type: 'setParameter', epoch: this.#bump(), layer, unit, from, value });
    this.refresh();
  }

  /** Fresh evaluation metrics (after a single step, the Step button); the worker's snapshots carry them. */
  refresh(): void {
    if (this.mode === 'main' && this.trainer && !this.metrics?.diverged) this.metrics = this.trainer.refreshMetrics();
  }

  syncHistory(): void {
    if (this.trainer && this.mode === 'main') this.store.append(this.trainer.history(this.store.lastStep + 1));
  }

  /** The model and history to export; null without a trainer. */
  exported(): TrainingExport | null {
    if (!this.trainer) return null;
    return { step: this.metrics?.step ?? 0, model: () => this.#model(), historyCsv: () => this.historyCsv() };
  }

  /** The full history as CSV (the worker's trainer holds it when it trains). */
  historyCsv(): Promise<string> {
    if (this.#remote && this.mode === 'worker') return this.#remote.historyCsv();
    return Promise.resolve(this.trainer?.historyCsv() ?? '');
  }

  /** The shown trainer's model file; the mirror's weights are the worker's, its step is in the metrics. */
  #model(): ModelJson {
    const m = this.trainer!.toJSON();
    return this.mode === 'main' ? m : { ...m, step: this.metrics?.step ?? m.step };
  }

  dispose(): void {
    this.#replace(null);
    this.#real.dispose();
    this.#remote?.dispose();
    this.#remote = null;
  }

  #bump(): number {
    this.#inFlight = false;
    return ++this.#epoch;
  }

  #send(m: ToWorker): void {
    if (this.mode !== 'main') this.#remote?.post(m);
  }

  #attached(): void {
    this.mode = 'worker';
    this.onModeChange('worker');
  }

  /** From now on the mirror trains (it shows the latest snapshot's weights). */
  #fallback(): void {
    if (this.mode === 'main') return;
    this.#remote?.dispose();
    this.#remote = null;
    this.mode = 'main';
    for (const r of this.#rewound.splice(0)) r();
    this.onModeChange('main');
  }

  #apply(s: Snapshot): void {
    const t = this.trainer;
    if (s.epoch !== this.#epoch || !t) return;
    this.#inFlight = false;
    const was = Boolean(this.metrics?.diverged);
    // Parameters are finite up to divergence; a diverged network keeps the last ones shown.
    if (!s.metrics.diverged) t.setParameters(s.parameters);
    this.metrics = s.metrics;
    this.store.truncateAfter(s.after);
    this.store.append(s.history);
    this.#steps += s.steps;
    for (const r of this.#rewound.splice(0)) r();
    this.onUpdate(s.metrics.diverged && !was);
  }

  #replace(t: Trainer | null, keepHistory = false): void {
    this.trainer?.dispose();
    this.trainer = t;
    this.generation += 1;
    this.#bump();
    this.#steps = 0;
    this.metrics = t ? t.refreshMetrics() : null;
    if (!keepHistory || !t) this.store.clear(t ? t.shape.units.length : 0);
    else this.store.truncateAfter(this.metrics?.step ?? 0);
    if (t) this.store.append(t.history(this.store.lastStep + 1));
  }
}
