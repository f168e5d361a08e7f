// Making a Trainer: from a config (createTrainer) or a model file
// (loadTrainer), with the data a loaded data kind needs. Every argument is
// checked before the core is called, so a refusal creates nothing.
import type { DatasetHandle, NnplayModule } from 'nnplay-wasm/simd';
import { CoreError, describe } from './core-error';
import { LOADED_KINDS } from './config';
import { Dataset } from './dataset';
import { checkKeys, checkObject, jsonText, unwrap } from './checks';
import { Trainer } from './trainer';

function checkTrainerOptions(options: unknown): Dataset | null {
  const o = checkObject('options', options);
  checkKeys('options', o, ['data']);
  if (o.data === undefined) return null;
  if (!(o.data instanceof Dataset)) throw new CoreError(`options.data: expected a Dataset, got ${describe(o.data)}`);
  return o.data;
}

/**
 * The data must fit data.kind: loaded kinds need it, generated kinds refuse
 * it. A kind that is not a string is left to the core, which names it.
 */
function dataFor(m: NnplayModule, kind: unknown, data: Dataset | null): DatasetHandle | null {
  const k = kind === undefined ? 'circle' : kind;
  if (typeof k === 'string' && LOADED_KINDS.includes(k)) {
    if (data === null) {
      throw new CoreError(`options.data: data.kind "${k}" needs a Dataset (engine.loadDataset), got none`);
    }
    if (k !== 'custom' && data.kind !== k) {
      throw new CoreError(`options.data: data.kind is "${k}", but the Dataset holds ${describe(data.kind)} data`);
    }
  } else if (typeof k === 'string' && data !== null) {
    throw new CoreError(`options.data: data.kind ${describe(k)} is generated from the config; pass no Dataset`);
  }
  return data === null ? null : Dataset.handleOf(data, m);
}

export function createTrainer(m: NnplayModule, config: unknown, options: unknown = {}): Trainer {
  const text = jsonText('config', config);
  const data = checkTrainerOptions(options);
  const kind = checkObject('config', config).data;
  const dataKind = typeof kind === 'object' && kind !== null ? (kind as { kind?: unknown }).kind : undefined;
  return new Trainer(unwrap(m.createTrainer(text, dataFor(m, dataKind, data))), m);
}

/** `model`: the text or the object of Trainer.toJSON(). */
export function loadTrainer(m: NnplayModule, model: unknown, options: unknown = {}): Trainer {
  if (typeof model !== 'string' && (typeof model !== 'object' || model === null || Array.isArray(model))) {
    throw new CoreError(`model: expected a string or an object, got ${describe(model)}`);
  }
  const text = typeof model === 'string' ? model : jsonText('model', model);
  const data = checkTrainerOptions(options);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: the core reports the line and column.
    return new Trainer(unwrap(m.importModel(text, data === null ? null : Dataset.handleOf(data, m))), m);
  }
  const kind = (parsed as { config?: { data?: { kind?: unknown } } } | null)?.config?.data?.kind;
  return new Trainer(unwrap(m.importModel(text, dataFor(m, kind, data))), m);
}
