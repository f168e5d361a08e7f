// Hand-written types for the Embind module built from bindings.cpp (emscripten
// 3.1.6 has no --emit-tsd). tests/wasm/dts.test.ts checks that every member of
// NnplayModule exists on the loaded module, with the declared number of
// parameters, and that the module exports nothing undeclared.
//
// Fallible calls RETURN an Error (with a `code`) instead of throwing; web/src/
// engine.ts is the only caller and turns those into thrown CoreErrors.

/** Every parameter an activation may read; each activation reads only its own. */
export interface ActivationParams {
  alpha: number;
  lower: number;
  upper: number;
  training: boolean;
  /** uint32 */
  seed: number;
}

/** The Error value returned by a failed core call. */
export interface NnplayError extends Error {
  code: 'invalid_argument' | 'out_of_range' | 'failed_precondition';
}

export interface CrossEntropyResult {
  loss: number;
  grad: Float32Array;
}

/** A float buffer in wasm memory; free it with delete(). */
export interface F32Buffer {
  size(): number;
  /**
   * Zero-copy view of the buffer. INVALID after the next call into wasm (memory
   * growth detaches it and it then reads as length 0): take a fresh view after
   * every call.
   */
  view(): Float32Array;
  delete(): void;
  isDeleted(): boolean;
}

export interface F32BufferConstructor {
  /** A negative n gives an empty buffer. */
  new (n: number): F32Buffer;
}

/** A data set in the core (dataset_bindings.hpp); free it with delete(). */
export interface DatasetHandle {
  size(): number;
  inputs(): number;
  /** 0 for regression. */
  classes(): number;
  classNames(): string[];
  /** Copies: size × inputs row-major, and one label or target per sample. */
  x(): Float32Array;
  y(): Float32Array;
  addPoint(x: Float32Array, y: number): undefined | NnplayError;
  removePoint(index: number): undefined | NnplayError;
  delete(): void;
  isDeleted(): boolean;
}

export interface TrainerShapeValue {
  inputs: number;
  features: number;
  classes: number;
  head: string;
  /** Whether the head predicts classes, so that confusion() has a matrix. */
  predictsClasses: boolean;
  units: number[];
  trainSize: number;
  testSize: number;
}

export interface DataPointsValue {
  inputs: number;
  classes: number;
  classNames: string[];
  x: Float32Array;
  y: Float32Array;
}

/** A core Trainer (trainer_bindings.hpp); free it with delete(). Steps cross as doubles. */
export interface TrainerHandle {
  step(n: number): undefined | NnplayError;
  /** The handle's address, for NnplayModule._nnplay_trainer_step and _metrics; valid until delete(). */
  address(): number;
  /** trainer_view.hpp's metrics_json; non-finite numbers are null. */
  metricsJson(): string;
  /**
   * The metrics as numbers (layout: metrics_values.hpp), filled now: a view
   * of the handle's buffer, not a copy. _nnplay_trainer_metrics refills it;
   * growth of the wasm memory detaches it (length 0): then call this again.
   */
  metricsValues(): Float64Array;
  refreshMetrics(): void;
  historySeries(column: string, fromStep: number): Float32Array | NnplayError;
  historyCsv(fromStep: number): string;
  /** A config "train" object as JSON text, over the current values. */
  setTrain(trainJson: string): undefined | NnplayError;
  rewind(): undefined | NnplayError;
  /** input -1: the bias of unit; else the weight from that input. */
  setParameter(layer: number, unit: number, input: number, value: number): undefined | NnplayError;
  /** Every learned parameter, flat (trainer.hpp's copy_parameters order). */
  parameters(): Float32Array;
  /** Loads parameters() of a trainer of the same config; step and metrics stay. */
  setParameters(values: Float32Array): undefined | NnplayError;
  /** uint32 */
  reset(seed: number): void;
  predict(points: Float32Array): Float32Array | NnplayError;
  grid(
    res: number,
    x0: number,
    x1: number,
    y0: number,
    y1: number,
    layer: number,
    neuron: number,
  ): Float32Array | NnplayError;
  networkJson(input: Float32Array): string | NnplayError;
  confusion(): Int32Array | NnplayError;
  exportModel(): string;
  configJson(): string;
  shape(): TrainerShapeValue;
  dataPoints(test: boolean): DataPointsValue;
  delete(): void;
  isDeleted(): boolean;
}

/** A class with no JS constructor: its instances come from factory functions. */
export type HandleClass<T> = abstract new (...args: never[]) => T;

export interface NnplayModule {
  version(): string;
  activationNames(): string[];
  /** JSON text; non-finite numbers (unbounded ranges) are null. */
  activationInfoJson(name: string): string | NnplayError;
  /** The trainer config's schema as JSON text (core/include/nnplay/config_schema.hpp). */
  configSchemaJson(): string;
  defaultParams(name: string): ActivationParams | NnplayError;
  forward(name: string, params: ActivationParams, x: Float32Array): Float32Array | NnplayError;
  derivative(name: string, params: ActivationParams, x: Float32Array): Float32Array | NnplayError;

  softmax(z: Float32Array, temperature: number): Float32Array | NnplayError;
  logSoftmax(z: Float32Array, temperature: number): Float32Array | NnplayError;
  softmaxNaive(z: Float32Array): Float32Array | NnplayError;
  percentages(z: Float32Array): Float32Array | NnplayError;
  /** Row-major n×n. */
  softmaxJacobian(z: Float32Array, temperature: number): Float32Array | NnplayError;
  crossEntropy(z: Float32Array, target: number): CrossEntropyResult | NnplayError;

  F32Buffer: F32BufferConstructor;
  forwardInto(
    name: string,
    params: ActivationParams,
    inBuf: F32Buffer,
    outBuf: F32Buffer,
  ): undefined | NnplayError;
  derivativeInto(
    name: string,
    params: ActivationParams,
    inBuf: F32Buffer,
    outBuf: F32Buffer,
  ): undefined | NnplayError;
  softmaxRowsInto(rows: number, cols: number, inBuf: F32Buffer, outBuf: F32Buffer): undefined | NnplayError;

  DatasetHandle: HandleClass<DatasetHandle>;
  parseDigitsCsv(text: string): DatasetHandle | NnplayError;
  parseIrisCsv(text: string): DatasetHandle | NnplayError;
  parseCustomCsv(text: string, regression: boolean): DatasetHandle | NnplayError;
  /** A config "data" object as JSON text. */
  generateDataset(dataJson: string): DatasetHandle | NnplayError;
  /** One input feature ("x1_squared", …) of raw x, y pairs: one value per point. */
  featureValues(feature: string, points: Float32Array): Float32Array | NnplayError;

  TrainerHandle: HandleClass<TrainerHandle>;
  /** The config as JSON text (config_json.hpp); data is null for generated kinds. */
  createTrainer(configJson: string, data: DatasetHandle | null): TrainerHandle | NnplayError;
  importModel(modelJson: string, data: DatasetHandle | null): TrainerHandle | NnplayError;
  /**
   * TrainerHandle.step(n) without Embind's conversions, on a handle's address():
   * 0 when the steps ran (or stopped at a divergence), 1 when step(n) would
   * return an Error (nothing was done; call step(n) for it).
   */
  _nnplay_trainer_step(address: number, n: number): number;
  /** Refills the buffer TrainerHandle.metricsValues() views, without Embind's conversions. */
  _nnplay_trainer_metrics(address: number): void;
}

export interface NnplayModuleOptions {
  /** The .wasm bytes; Node needs this (the glue would fetch() a file path). */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

declare function createNnplay(options?: NnplayModuleOptions): Promise<NnplayModule>;
export default createNnplay;
