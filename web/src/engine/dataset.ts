// Data sets held by the core: digits, iris and custom sets parsed from CSV
// text, or toy sets generated from a "data" config. A Dataset owns one core
// handle until dispose() (or until collected, engine-finalize.ts); createTrainer/loadTrainer copy it, so editing it
// afterwards changes only trainers created later.
import type { DatasetHandle, NnplayModule } from 'nnplay-wasm/simd';
import { CoreError, checkInt32, checkOptions, checkString, describe } from './core-error';
import { LOADED_KINDS, type DataConfigJson, type DatasetKind, type LoadedDatasetKind } from './config';
import { checkNumber, disposedError, jsonText, unwrap } from './checks';
import { release, track } from './finalize';

export interface LoadDatasetOptions {
  /** custom only: the last column is a numeric target, not a class label. */
  regression?: boolean;
}

export class Dataset {
  /** How the set was made: 'digits', 'iris', 'custom' or a generated kind. */
  readonly kind: DatasetKind;
  readonly #m: NnplayModule;
  #h: DatasetHandle | null;

  /** Internal: engine.loadDataset / engine.generateDataset make these. */
  constructor(module: NnplayModule, handle: DatasetHandle, kind: DatasetKind) {
    this.#m = module;
    this.#h = handle;
    this.kind = kind;
    track(this, handle);
  }

  get disposed(): boolean {
    return this.#h === null;
  }

  /** Number of samples. */
  get size(): number {
    return this.#live().size();
  }

  /** Values per sample: 64 for digits, 4 for iris, 2 for the 2-D toys. */
  get inputs(): number {
    return this.#live().inputs();
  }

  /** Number of classes; 0 for a regression set. */
  get classes(): number {
    return this.#live().classes();
  }

  get regression(): boolean {
    return this.classes === 0;
  }

  /** Class names when the data has them (iris); empty otherwise. */
  get classNames(): string[] {
    return this.#live().classNames();
  }

  /** A copy of the inputs: size × inputs, row-major. */
  x(): Float32Array {
    return this.#live().x();
  }

  /** A copy of the labels (class indices) or regression targets. */
  y(): Float32Array {
    return this.#live().y();
  }

  /** Appends one sample; `label` is a class index, or the target of a regression set. */
  addPoint(x: Float32Array | readonly number[], label: number): void {
    const h = this.#live();
    let xs: Float32Array;
    if (x instanceof Float32Array) xs = x;
    else if (Array.isArray(x) && x.every((v) => typeof v === 'number')) xs = Float32Array.from(x);
    else throw new CoreError(`x: expected a Float32Array or an array of numbers, got ${describe(x)}`);
    unwrap(h.addPoint(xs, checkNumber('label', label)));
  }

  removePoint(index: number): void {
    unwrap(this.#live().removePoint(checkInt32('index', index)));
  }

  /** Frees the core's copy now (else when collected). Idempotent; any later call throws a CoreError. */
  dispose(): void {
    release(this, this.#h);
    this.#h = null;
  }

  #live(): DatasetHandle {
    if (this.#h === null) throw disposedError('dataset');
    return this.#h;
  }

  /** Internal: the live handle, for the trainer wrappers of module `m`. */
  static handleOf(d: Dataset, m: NnplayModule): DatasetHandle {
    // Embind would refuse a handle of the other build with a raw BindingError.
    if (d.#m !== m) throw new CoreError('options.data: this Dataset belongs to another engine');
    return d.#live();
  }
}

export function loadDataset(m: NnplayModule, kind: unknown, csvText: unknown, options: unknown): Dataset {
  const k = checkString('kind', kind);
  if (!LOADED_KINDS.includes(k)) {
    throw new CoreError(`kind: expected "digits", "iris" or "custom", got ${describe(k)}`);
  }
  if (typeof csvText !== 'string') throw new CoreError(`csvText: expected a string, got ${describe(csvText)}`);
  const { regression } = checkOptions('options', options, { regression: 'boolean' });
  if (regression !== undefined && k !== 'custom') {
    throw new CoreError(`options.regression: only custom data can be a regression set, not ${describe(k)}`);
  }
  const handle =
    k === 'digits'
      ? m.parseDigitsCsv(csvText)
      : k === 'iris'
        ? m.parseIrisCsv(csvText)
        : m.parseCustomCsv(csvText, regression === true);
  return new Dataset(m, unwrap(handle), k as LoadedDatasetKind);
}

export function generateDataset(m: NnplayModule, data: unknown): Dataset {
  const text = jsonText('data', data);
  const handle = unwrap(m.generateDataset(text));
  // The core accepted it, so kind (if given) is a generated kind; else the default.
  const kind = (data as DataConfigJson).kind ?? 'circle';
  return new Dataset(m, handle, kind);
}
