// The trainer config's schema as the core publishes it (config_schema_json):
// every field's type, range, default and option names, and the input
// features. The page derives its limits, option lists and validation from
// this rather than keeping a copy (tests/wasm/config-schema.test.ts).
import { CoreError } from './core-error';

export type FieldType = 'number' | 'integer' | 'boolean' | 'name' | 'names' | 'layers' | 'activationParam';

export interface SchemaField {
  /** "train.momentum"; "hidden[].units" for a field of every hidden layer. */
  path: string;
  type: FieldType;
  /** number and integer fields: the valid range, with open or closed ends. */
  min?: number;
  max?: number;
  minOpen?: boolean;
  maxOpen?: boolean;
  /** hidden[].maxout: 0 (a plain layer) is valid besides the range. */
  orZero?: boolean;
  /** name and names fields. */
  options?: string[];
  /** An optimiser's hyperparameter: the optimisers whose update reads it (core/include/nnplay/optimizers.def). */
  usedBy?: string[];
  /** Absent for activationParam fields: those are the activation's own (activationInfo). */
  default?: unknown;
}

export interface FeatureInfo {
  name: string;
  tex: string;
}

/** A data kind as the core's generator makes it; the others come from CSV text (engine.loadDataset). */
export interface DataKindInfo {
  name: string;
  generated: boolean;
  /** Generated kinds: the raw input count (2 for the plane sets, 1 for sine). */
  inputs?: number;
  /** Generated kinds: a regression target rather than class labels. */
  regression?: boolean;
}

export interface ConfigSchema {
  fields: SchemaField[];
  features: FeatureInfo[];
  dataKinds: DataKindInfo[];
  maxHiddenLayers: number;
}

/** Parses the core's JSON; a shape the engine does not expect is a bug, named here. */
export function parseConfigSchema(text: string): ConfigSchema {
  const raw = JSON.parse(text) as Partial<ConfigSchema>;
  if (!Array.isArray(raw.fields) || !Array.isArray(raw.features) || !Array.isArray(raw.dataKinds) || typeof raw.maxHiddenLayers !== 'number') {
    throw new CoreError('configSchema: the core returned an unexpected schema');
  }
  return raw as ConfigSchema;
}

/** The field at `path`; a CoreError names the path when the schema has no such field. */
export function schemaField(schema: ConfigSchema, path: string): SchemaField {
  const f = schema.fields.find((x) => x.path === path);
  if (!f) throw new CoreError(`configSchema: no field ${JSON.stringify(path)}`);
  return f;
}

/** Whether v is valid for a number or integer field, exactly as the core checks it. */
export function inSchemaRange(field: SchemaField, v: number): boolean {
  if (field.min === undefined || field.max === undefined) return false;
  if (!Number.isFinite(v)) return false;
  if (field.type === 'integer' && !Number.isInteger(v)) return false;
  if (field.orZero && v === 0) return true;
  const above = field.minOpen ? v > field.min : v >= field.min;
  const below = field.maxOpen ? v < field.max : v <= field.max;
  return above && below;
}
