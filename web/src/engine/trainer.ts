// The typed trainer: one core TrainerHandle per Trainer, freed by dispose()
// (or, failing that, when the wrapper is collected: finalize.ts).
// Training runs inside the core (step(n) never calls back into JS); every
// result is a fresh JS-owned object or typed array. Bad arguments throw a
// CoreError naming the argument and the value; the engine stays usable.
import type { NnplayModule, TrainerHandle } from 'nnplay-wasm/simd';
import { CoreError, checkFloat32Array, checkInt32, describe } from './core-error';
import type { FullTrainerConfig, HeadName, ModelJson, TrainConfigJson } from './config';
import type { Dataset } from './dataset';
import { release, track } from './finalize';
import { checkKeys, checkNumber, checkObject, checkStep, checkUint32, disposedError, jsonText, unwrap } from './checks';
import {
  HISTORY_COLUMNS,
  LAYER_COLUMNS,
  parseMetrics,
  parseNetwork,
  readMetrics,
  type History,
  type LayerHistory,
  type Metrics,
  type NetworkView,
} from './metrics';

export interface TrainerOptions {
  /** The data for data.kind "digits", "iris" or "custom" (engine.loadDataset); copied. */
  data?: Dataset;
}

/** Sizes fixed for the trainer's life (set() and reset() keep the network's shape). */
export interface TrainerShape {
  /** Raw values per sample (before feature expansion): what predict() and network() take. */
  inputs: number;
  /** Inputs of the first layer, after feature expansion. */
  features: number;
  /** 0 for regression. */
  classes: number;
  head: HeadName;
  /**
   * Whether the head predicts classes (sigmoid_bce or tanh_mse on 2 classes,
   * softmax_ce): only then does confusion() return a matrix; otherwise it
   * throws a CoreError (failed_precondition) naming the head.
   */
  predictsClasses: boolean;
  /** Units per layer: hidden layers, then the output layer (its units = outputs per point). */
  units: number[];
  trainSize: number;
  testSize: number;
}

/** The trainer's own train or test split. */
export interface DataPoints {
  inputs: number;
  classes: number;
  classNames: string[];
  /** rows × inputs, row-major. */
  x: Float32Array;
  y: Float32Array;
}

export interface GridBounds {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface GridOptions {
  /** −1 (default): the output; 0.. a hidden layer. */
  layer?: number;
  /** The unit of that hidden layer (default 0). */
  neuron?: number;
}

export interface Confusion {
  classes: number;
  /** classes × classes, row = true class, column = predicted; sums to the test-set size. */
  matrix: Int32Array;
}

export class Trainer {
  readonly shape: TrainerShape;
  #h: TrainerHandle | null;
  readonly #m: NnplayModule;
  readonly #address: number;
  // A view of the handle's metrics values (refilled in place); replaced when
  // memory growth has detached it.
  #values: Float64Array;

  /** Internal: engine.createTrainer / engine.loadTrainer make these. */
  constructor(handle: TrainerHandle, module: NnplayModule) {
    this.#h = handle;
    this.#m = module;
    this.#address = handle.address();
    this.#values = handle.metricsValues();
    track(this, handle);
    const s = handle.shape();
    this.shape = { ...s, head: s.head as HeadName };
  }

  get disposed(): boolean {
    return this.#h === null;
  }

  /**
   * Runs n mini-batch steps (1..100000) inside the core and returns the latest
   * metrics (as metrics()). Training stops early, without an error, when it
   * diverges: the result then has `diverged: true` and a `divergence` report,
   * and further step() calls throw until rewind() or reset().
   */
  step(n = 1): Metrics {
    this.#run(n);
    return this.metrics();
  }

  // The plain wasm export first (an Embind call costs about a small net's
  // step); when it refuses, the Embind method gives the Error.
  #run(n: number): void {
    const h = this.#live();
    const k = checkInt32('n', n);
    if (this.#m._nnplay_trainer_step(this.#address, k) !== 0) unwrap(h.step(k));
  }

  /** The latest metrics. Evaluation metrics are as of the last evalEvery boundary. */
  metrics(): Metrics {
    const h = this.#live();
    // The plain export refills the values (as #run steps: no Embind call).
    if (this.#values.length === 0) this.#values = h.metricsValues();
    else this.#m._nnplay_trainer_metrics(this.#address);
    return readMetrics(this.#values, this.shape.head, () => parseMetrics(h.metricsJson()).divergence);
  }

  /** Recomputes the evaluation metrics now and returns them. */
  refreshMetrics(): Metrics {
    this.#live().refreshMetrics();
    return this.metrics();
  }

  /**
   * The recorded history (the latest 20000 rows at most) from `fromStep` on,
   * as columns of equal length. Poll incrementally with fromStep = last step + 1.
   */
  history(fromStep = 0): History {
    const h = this.#live();
    const from = checkStep('fromStep', fromStep);
    const column = (name: string) => unwrap(h.historySeries(name, from));
    const out = {} as History;
    for (const [key, name] of HISTORY_COLUMNS) out[key] = column(name);
    out.layers = this.shape.units.map((_, i) => {
      const layer = {} as LayerHistory;
      for (const [key, name] of LAYER_COLUMNS) layer[key] = column(`L${i + 1}.${name}`);
      return layer;
    });
    return out;
  }

  /** The history as CSV text (history_csv.hpp's columns). */
  historyCsv(fromStep = 0): string {
    return this.#live().historyCsv(checkStep('fromStep', fromStep));
  }

  /**
   * The head's outputs for raw points (rows × shape.inputs, row-major):
   * rows × outputs, where outputs = the last entry of shape.units (1 for
   * sigmoid and regression heads, the class count for softmax).
   */
  predict(points: Float32Array): Float32Array {
    return unwrap(this.#live().predict(checkFloat32Array('points', points)));
  }

  /**
   * The output, or one hidden unit, over a res×res grid of 2-D inputs
   * (res 2..200) spanning bounds, row-major from (x0, y0). Length res²·outputs
   * for the output (softmax: all class probabilities per point), res² for a unit.
   */
  grid(res: number, bounds: GridBounds, options: GridOptions = {}): Float32Array {
    const h = this.#live();
    const r = checkInt32('res', res);
    const b = checkObject('bounds', bounds);
    checkKeys('bounds', b, ['x0', 'x1', 'y0', 'y1']);
    const [x0, x1, y0, y1] = (['x0', 'x1', 'y0', 'y1'] as const).map((k) => checkNumber(`bounds.${k}`, b[k]));
    const o = checkObject('options', options);
    checkKeys('options', o, ['layer', 'neuron']);
    const layer = o.layer === undefined ? -1 : checkInt32('options.layer', o.layer);
    const neuron = o.neuron === undefined ? 0 : checkInt32('options.neuron', o.neuron);
    return unwrap(h.grid(r, x0, x1, y0, y1, layer, neuron));
  }

  /** Weights, biases and every unit's activation for one raw input (shape.inputs values). */
  network(input: Float32Array): NetworkView {
    return parseNetwork(unwrap(this.#live().networkJson(checkFloat32Array('input', input))));
  }

  /** Confusion matrix on the test split; needs shape.predictsClasses (else throws, naming the head). */
  confusion(): Confusion {
    const matrix = unwrap(this.#live().confusion());
    return { classes: this.shape.classes, matrix };
  }

  /** Back to the last finite snapshot (at most 25 steps back); clears a divergence. */
  rewind(): Metrics {
    unwrap(this.#live().rewind());
    return this.metrics();
  }

  /**
   * Sets one weight of the network, or a bias with from = 'bias': layer 0 is
   * the first hidden layer (the output layer is the last), unit its neuron,
   * from the index of the input it comes from. The metrics follow at once.
   */
  setParameter(layer: number, unit: number, from: number | 'bias', value: number): void {
    const h = this.#live();
    const input = from === 'bias' ? -1 : checkInt32('from', from);
    const v = checkNumber('value', value);
    if (!Number.isFinite(Math.fround(v))) throw new CoreError(`value: expected a finite float32 number, got ${describe(v)}`);
    unwrap(h.setParameter(checkInt32('layer', layer), checkInt32('unit', unit), input, v));
  }

  /**
   * Every learned parameter as one flat array (per layer: weights, biases, a
   * learned PReLU α). setParameters() on a trainer of the same config then
   * shows this network there: the studio trains in a worker and draws from
   * such a copy.
   */
  parameters(): Float32Array {
    return this.#live().parameters();
  }

  /**
   * Loads parameters() of a trainer of the same config. The step and the
   * metrics stay (refreshMetrics() recomputes the evaluation). A bad array
   * throws, naming its length or the first value that is not finite, and
   * changes nothing.
   */
  setParameters(values: Float32Array): void {
    unwrap(this.#live().setParameters(checkFloat32Array('values', values)));
  }

  /** Fresh weights and optimiser state, same data and handle; seed defaults to config().seed. */
  reset(seed?: number): void {
    const h = this.#live();
    h.reset(seed === undefined ? this.config().seed : checkUint32('seed', seed));
  }

  /**
   * Changes hyperparameters in place, e.g. set({ learningRate: 0.1 }): the
   * fields of config.train; others keep their values. A bad field throws and
   * changes nothing.
   */
  set(hyperparameters: TrainConfigJson): void {
    unwrap(this.#live().setTrain(jsonText('hyperparameters', hyperparameters)));
  }

  /** The full config, every field present. */
  config(): FullTrainerConfig {
    return JSON.parse(this.#live().configJson()) as FullTrainerConfig;
  }

  /** A copy of the trainer's train or test split (to draw the points). */
  data(split: 'train' | 'test' = 'train'): DataPoints {
    if (split !== 'train' && split !== 'test') {
      throw new CoreError(`split: expected "train" or "test", got ${describe(split)}`);
    }
    return this.#live().dataPoints(split === 'test');
  }

  /**
   * The model file (config, weights, step) as an object, so JSON.stringify(trainer)
   * writes it; engine.loadTrainer reads it back (as the object or the text).
   */
  toJSON(): ModelJson {
    return JSON.parse(this.#live().exportModel()) as ModelJson;
  }

  /**
   * Frees the core trainer now. Idempotent; any later call throws a CoreError.
   * A trainer never disposed is freed when it is garbage-collected, at a time
   * the JavaScript engine chooses.
   */
  dispose(): void {
    release(this, this.#h);
    this.#h = null;
  }

  #live(): TrainerHandle {
    if (this.#h === null) throw disposedError('trainer');
    return this.#h;
  }
}
