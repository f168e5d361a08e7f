// The one typed door to the wasm core, and the only file that imports the
// generated module. It loads the SIMD or the scalar build, checks arguments,
// fills activation parameters from the core's defaults, and turns the Error
// values the bindings return into thrown CoreErrors. Every result is a fresh
// Float32Array owned by the caller. Trainers and data sets are handles owned
// by their wrappers (trainer.ts, dataset.ts): call dispose().
import type { ActivationParams, NnplayModule, NnplayModuleOptions } from 'nnplay-wasm/simd';
import { parseActivationInfo, type ActivationInfo } from './activation-info';
import { parseConfigSchema, type ConfigSchema } from './config-schema';
import {
  CoreError,
  checkFloat32Array,
  checkInt32,
  checkOptions,
  checkString,
  describe,
} from './core-error';
import type { DataConfigJson, FeatureName, LoadedDatasetKind, ModelJson, TrainerConfigJson } from './config';
import { unwrap } from './checks';
import { Dataset, generateDataset, loadDataset, type LoadDatasetOptions } from './dataset';
import type { Trainer, TrainerOptions } from './trainer';
import { createTrainer, loadTrainer } from './trainer-create';
import { simdSupported } from './simd-detect';

export { CoreError } from './core-error';
export type { ActivationInfo, ParamInfo, Localized, Saturation } from './activation-info';
export { inSchemaRange, schemaField, type ConfigSchema, type DataKindInfo, type FeatureInfo, type FieldType, type SchemaField } from './config-schema';
export type { ActivationParams } from 'nnplay-wasm/simd';
export type * from './config';
export type * from './metrics';
export { Dataset, type LoadDatasetOptions } from './dataset';
export {
  Trainer,
  type Confusion,
  type DataPoints,
  type GridBounds,
  type GridOptions,
  type TrainerOptions,
  type TrainerShape,
} from './trainer';

export type Build = 'auto' | 'simd' | 'scalar';

export interface LoadOptions {
  build?: Build;
  /** The .wasm bytes of the chosen build. Optional: in Node the engine reads its own module file. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

export interface TemperatureOptions {
  temperature?: number;
}

export interface CrossEntropy {
  loss: number;
  grad: Float32Array;
}

const PARAM_TYPES = { alpha: 'number', lower: 'number', upper: 'number', training: 'boolean', seed: 'uint32' } as const;
const TEMPERATURE_TYPES = { temperature: 'number' } as const;

function temperatureOf(options: unknown): number {
  const t = checkOptions('options', options, TEMPERATURE_TYPES).temperature;
  return typeof t === 'number' ? t : 1;
}

export class Engine {
  /** true when the SIMD build runs, false for the scalar fallback. */
  readonly simd: boolean;
  readonly version: string;
  readonly #m: NnplayModule;
  readonly #defaults = new Map<string, ActivationParams>();
  readonly #info = new Map<string, ActivationInfo>();
  #schema: ConfigSchema | null = null;

  constructor(module: NnplayModule, simd: boolean) {
    this.#m = module;
    this.simd = simd;
    this.version = module.version();
  }

  activationNames(): string[] {
    return this.#m.activationNames();
  }

  activationInfo(name: string): ActivationInfo {
    const key = checkString('activation', name);
    let info = this.#info.get(key);
    if (!info) {
      info = parseActivationInfo(unwrap(this.#m.activationInfoJson(key)));
      this.#info.set(key, info);
    }
    return info;
  }

  /**
   * The trainer config's schema: every field with its type, range, default and
   * option names, and the input features (config_schema.hpp). Parsed once; the
   * same object is returned on every call, so treat it as read-only.
   */
  configSchema(): ConfigSchema {
    this.#schema ??= parseConfigSchema(this.#m.configSchemaJson());
    return this.#schema;
  }

  /**
   * One input feature (a name of configSchema().features) of raw 2-D points
   * (x, y pairs): one value per point, computed as training computes it. The
   * page draws its feature maps from this, never from formulas of its own.
   */
  featureValues(feature: FeatureName, points: Float32Array): Float32Array {
    return unwrap(this.#m.featureValues(checkString('feature', feature), checkFloat32Array('points', points)));
  }

  /** y = f(x) elementwise. Missing params take the activation's defaults. */
  forward(name: string, x: Float32Array, params?: Partial<ActivationParams>): Float32Array {
    const [n, p] = this.#params(name, params);
    return unwrap(this.#m.forward(n, p, checkFloat32Array('x', x)));
  }

  /** f'(x) elementwise, with respect to the input x. */
  derivative(name: string, x: Float32Array, params?: Partial<ActivationParams>): Float32Array {
    const [n, p] = this.#params(name, params);
    return unwrap(this.#m.derivative(n, p, checkFloat32Array('x', x)));
  }

  softmax(z: Float32Array, options?: TemperatureOptions): Float32Array {
    const t = temperatureOf(options);
    return unwrap(this.#m.softmax(checkFloat32Array('z', z), t));
  }

  /** exp(z)/Σexp(z) exactly as written: overflows to NaN on large logits (the lesson). */
  softmaxNaive(z: Float32Array): Float32Array {
    return unwrap(this.#m.softmaxNaive(checkFloat32Array('z', z)));
  }

  logSoftmax(z: Float32Array, options?: TemperatureOptions): Float32Array {
    const t = temperatureOf(options);
    return unwrap(this.#m.logSoftmax(checkFloat32Array('z', z), t));
  }

  /** z / Σz, the "plain percentages" softmax is compared with. */
  percentages(z: Float32Array): Float32Array {
    return unwrap(this.#m.percentages(checkFloat32Array('z', z)));
  }

  /** diag(p) − p pᵀ, row-major n×n. */
  softmaxJacobian(z: Float32Array, options?: TemperatureOptions): Float32Array {
    const t = temperatureOf(options);
    return unwrap(this.#m.softmaxJacobian(checkFloat32Array('z', z), t));
  }

  /** −log softmax(z)[target] and its gradient p − onehot(target). */
  crossEntropy(z: Float32Array, target: number): CrossEntropy {
    const zs = checkFloat32Array('z', z);
    return unwrap(this.#m.crossEntropy(zs, checkInt32('target', target)));
  }

  /**
   * A trainer from a config in config_json.hpp's JSON form (every field
   * optional). data.kind "digits", "iris" or "custom" needs options.data. A
   * bad config throws a CoreError naming the field and the value, and creates
   * nothing. Call dispose() on the result when done.
   */
  createTrainer(config: TrainerConfigJson, options?: TrainerOptions): Trainer {
    return createTrainer(this.#m, config, options);
  }

  /** A trainer from a model file (Trainer.toJSON(), as the object or its text). */
  loadTrainer(model: string | ModelJson, options?: TrainerOptions): Trainer {
    return loadTrainer(this.#m, model, options);
  }

  /**
   * Parses CSV text in the set's own format (data/README.md): the page gunzips
   * data/digits.csv.gz with DecompressionStream first. Errors name the line.
   */
  loadDataset(kind: LoadedDatasetKind, csvText: string, options?: LoadDatasetOptions): Dataset {
    return loadDataset(this.#m, kind, csvText, options);
  }

  /** A generated toy set from a config's "data" object (a starting point for custom data). */
  generateDataset(data: DataConfigJson): Dataset {
    return generateDataset(this.#m, data);
  }

  #params(name: unknown, params: unknown): [string, ActivationParams] {
    const key = checkString('activation', name);
    const given = checkOptions('params', params, PARAM_TYPES);
    let defaults = this.#defaults.get(key);
    if (!defaults) {
      defaults = unwrap(this.#m.defaultParams(key));
      this.#defaults.set(key, defaults);
    }
    // checkOptions dropped undefined values and checked each type.
    return [key, { ...defaults, ...(given as Partial<ActivationParams>) } as ActivationParams];
  }
}

/** Loads the core once. 'auto' picks SIMD when the browser validates SIMD bytes. */
export async function loadEngine(options: LoadOptions = {}): Promise<Engine> {
  const { build = 'auto', wasmBinary } = checkLoadOptions(options);
  const simd = build === 'simd' || (build === 'auto' && simdSupported());
  // Separate dynamic imports so the bundler emits two chunks and a page fetches
  // only the build it uses. (The single-file build, vite.single.config.mjs,
  // resolves both specifiers to wrappers that pass the inlined wasm bytes.)
  const factory = simd
    ? (await import('nnplay-wasm/simd')).default
    : (await import('nnplay-wasm/scalar')).default;
  const bytes = wasmBinary ?? (await nodeWasmBytes(simd ? 'simd' : 'scalar'));
  const moduleOptions: NnplayModuleOptions = bytes ? { wasmBinary: bytes } : {};
  return new Engine(await factory(moduleOptions), simd);
}

/** The .wasm file's name; a function, so bundlers do not treat the URL below as an asset to emit. */
const wasmFile = (build: 'simd' | 'scalar'): string => `./wasm/nnplay_${build}.wasm`;

/**
 * In Node the glue's fetch() cannot read a file: URL, so read the module file
 * here (it sits in wasm/ beside this file, in the repository and in the npm
 * package alike). In a browser: undefined, and the glue fetches it.
 */
async function nodeWasmBytes(build: 'simd' | 'scalar'): Promise<Uint8Array | undefined> {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  if (typeof proc?.versions?.node !== 'string') return undefined;
  // A variable specifier keeps bundlers from resolving node:fs for the browser.
  const fsModule = 'node:fs/promises';
  const fs = (await import(/* @vite-ignore */ fsModule)) as { readFile(url: URL): Promise<Uint8Array> };
  return fs.readFile(new URL(wasmFile(build), import.meta.url));
}

function checkLoadOptions(options: unknown): LoadOptions {
  if (typeof options !== 'object' || options === null) {
    throw new CoreError(`options: expected an object, got ${describe(options)}`);
  }
  const { build, wasmBinary, ...rest } = options as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) {
    throw new CoreError(`options: unknown key ${JSON.stringify(extra[0])}; valid keys are build, wasmBinary`);
  }
  if (build !== undefined && build !== 'auto' && build !== 'simd' && build !== 'scalar') {
    throw new CoreError(`options.build: expected "auto", "simd" or "scalar", got ${describe(build)}`);
  }
  if (wasmBinary !== undefined && !(wasmBinary instanceof ArrayBuffer || wasmBinary instanceof Uint8Array)) {
    throw new CoreError(`options.wasmBinary: expected an ArrayBuffer or Uint8Array, got ${describe(wasmBinary)}`);
  }
  return { build, wasmBinary } as LoadOptions;
}
