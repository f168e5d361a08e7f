// One training session: the engine trainer for the current state, the data
// it was built from, and the curves' copy of its history. A structural change
// builds a new trainer; hyperparameters go through trainer.set in place.
import type { Dataset, Engine, Metrics, Trainer } from '../../../engine/engine';
import { CustomData, fetchRealCsv, type RealKind } from './data-source';
import { HistoryStore } from './history-store';
import type { StepOutcome } from './runner';
import { trainJson, trainerConfig, type TrainState } from './train-state';

export class Session {
  readonly engine: Engine;
  readonly custom = new CustomData();
  readonly store = new HistoryStore(0);
  trainer: Trainer | null = null;
  metrics: Metrics | null = null;
  /** Bumped whenever the trainer is replaced or its weights jump (reset, rewind). */
  generation = 0;
  readonly #real = new Map<RealKind, Dataset>();

  constructor(engine: Engine) {
    this.engine = engine;
  }

  /** The shipped data set, loaded on first use. */
  async real(kind: RealKind): Promise<Dataset> {
    const have = this.#real.get(kind);
    if (have && !have.disposed) return have;
    const text = await fetchRealCsv(kind);
    const again = this.#real.get(kind);
    if (again && !again.disposed) return again;
    const d = this.engine.loadDataset(kind, text);
    this.#real.set(kind, d);
    return d;
  }

  isLoaded(kind: RealKind): boolean {
    return this.#real.has(kind);
  }

  /**
   * A new trainer for state (throws the engine's CoreError, keeping the old
   * one). For custom data with too few points there is no trainer: null.
   */
  build(state: TrainState, keepWeights = false): Trainer | null {
    const data = this.#dataFor(state);
    if (state.data === 'custom' && data === null) {
      this.#replace(null);
      return null;
    }
    try {
      const options = data ? { data } : {};
      let t: Trainer | null = null;
      if (keepWeights && this.trainer) {
        // Same shape, new points: carry the weights and the step count over.
        try {
          t = this.engine.loadTrainer(this.trainer.toJSON(), options);
        } catch {
          t = null;
        }
      }
      const keep = t !== null;
      t ??= this.engine.createTrainer(trainerConfig(state, this.custom.inputs), options);
      this.#replace(t, keep);
      return t;
    } finally {
      if (state.data === 'custom') data?.dispose();
    }
  }

  /** Shows a trainer made elsewhere (a loaded model file); the session owns it from now on. */
  adopt(t: Trainer): void {
    this.#replace(t);
  }

  /** An independent trainer on the same data (the comparison's); the caller disposes it. */
  createFor(state: TrainState): Trainer {
    const data = this.#dataFor(state);
    try {
      if (state.data === 'custom' && data === null) throw new Error('no data');
      return this.engine.createTrainer(trainerConfig(state, this.custom.inputs), data ? { data } : {});
    } finally {
      if (state.data === 'custom') data?.dispose();
    }
  }

  applyLive(state: TrainState): void {
    this.trainer?.set(trainJson(state));
  }

  step(k: number): StepOutcome {
    const t = this.trainer;
    if (!t || this.metrics?.diverged) return { steps: 0, diverged: Boolean(this.metrics?.diverged) };
    const before = this.metrics?.step ?? 0;
    this.metrics = t.step(k);
    this.syncHistory();
    return { steps: this.metrics.step - before, diverged: this.metrics.diverged };
  }

  rewind(): void {
    if (!this.trainer) return;
    this.metrics = this.trainer.rewind();
    this.store.truncateAfter(this.metrics.step);
    this.generation += 1;
  }

  reset(seed: number): void {
    if (!this.trainer) return;
    this.trainer.reset(seed);
    this.metrics = this.trainer.refreshMetrics();
    this.store.clear(this.trainer.shape.units.length);
    this.syncHistory();
    this.generation += 1;
  }

  /** Fresh evaluation metrics (after a single step, the Step button). */
  refresh(): void {
    if (this.trainer && !this.metrics?.diverged) this.metrics = this.trainer.refreshMetrics();
  }

  syncHistory(): void {
    if (this.trainer) this.store.append(this.trainer.history(this.store.lastStep + 1));
  }

  dispose(): void {
    this.#replace(null);
    for (const d of this.#real.values()) d.dispose();
    this.#real.clear();
  }

  #dataFor(state: TrainState): Dataset | null {
    if (state.data === 'digits' || state.data === 'iris') {
      const d = this.#real.get(state.data);
      if (!d) throw new Error(`${state.data} is not loaded yet`);
      return d;
    }
    return state.data === 'custom' ? this.custom.toDataset(this.engine) : null;
  }

  #replace(t: Trainer | null, keepHistory = false): void {
    this.trainer?.dispose();
    this.trainer = t;
    this.generation += 1;
    this.metrics = t ? t.refreshMetrics() : null;
    if (!keepHistory || !t) this.store.clear(t ? t.shape.units.length : 0);
    else this.store.truncateAfter(this.metrics?.step ?? 0);
    this.syncHistory();
  }
}
