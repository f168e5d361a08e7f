// What the core allows the studio, read from engine.configSchema(): every
// range, option list and default the studio's controls, URL codec and
// defaults use. The studio keeps no copy of them; this file only says which
// state field is which core field. No DOM.
import { inSchemaRange, schemaField, type ConfigSchema, type SchemaField } from '../../../engine/config-schema';
import type { Engine } from '../../../engine/engine';
import { texPlain } from '../../../ui/format';

/** What the view knows about activations, to check names and parameter ranges. */
export interface ActivationCatalog {
  names: readonly string[];
  /** [min, max] of a parameter the activation takes; undefined if it takes none of that name. */
  paramRange(activation: string, param: 'alpha' | 'lower' | 'upper'): readonly [number, number] | undefined;
}

/** The core's rules for a studio state: its config schema and, when known, its activations. */
export interface TrainRules {
  schema: ConfigSchema;
  activations?: ActivationCatalog;
}

/** The engine's rules: read once when the studio mounts (the codec needs the loaded engine). */
export function trainRules(engine: Engine): TrainRules {
  return {
    schema: engine.configSchema(),
    activations: {
      names: engine.activationNames(),
      paramRange: (name, param) => {
        if (!engine.activationNames().includes(name)) return undefined;
        const p = engine.activationInfo(name).params.find((q) => q.name === param);
        return p ? [p.min, p.max] : undefined;
      },
    },
  };
}

/** Numeric state field → the core's config field it is. */
export const FIELD_PATH = {
  samples: 'data.samples',
  noise: 'data.noise',
  trainFraction: 'data.trainFraction',
  classes: 'data.classes',
  dataSeed: 'data.seed',
  seed: 'seed',
  units: 'hidden[].units',
  pieces: 'hidden[].maxout',
  initSigma: 'initSigma',
  biasInit: 'biasInit',
  learningRate: 'train.learningRate',
  momentum: 'train.momentum',
  decaySteps: 'train.decaySteps',
  decayRate: 'train.decayRate',
  batchSize: 'train.batchSize',
  l1: 'train.l1',
  l2: 'train.l2',
  dropout: 'train.dropout',
  clipNorm: 'train.clipNorm',
  clipValue: 'train.clipValue',
} as const;
export type LimitKey = keyof typeof FIELD_PATH;

/** Name-valued state field → the core's field whose options it takes. */
export const OPTION_PATH = {
  data: 'data.kind',
  features: 'data.features',
  head: 'head',
  init: 'init',
  schedule: 'train.schedule',
  activation: 'hidden[].activation',
  optimizer: 'train.optimizer',
} as const;
export type OptionKey = keyof typeof OPTION_PATH;

export function limit(schema: ConfigSchema, key: LimitKey): SchemaField {
  return schemaField(schema, FIELD_PATH[key]);
}

/** Whether the core accepts v for the field (maxout pieces: a real maxout layer, so 0 is out). */
export function inLimit(schema: ConfigSchema, key: LimitKey, v: number): boolean {
  return inSchemaRange(limit(schema, key), v) && !(key === 'pieces' && v === 0);
}

/** The [min, max] a notice shows for a field. */
export function limitRange(schema: ConfigSchema, key: LimitKey): [number, number] {
  const f = limit(schema, key);
  return [f.min ?? NaN, f.max ?? NaN];
}

export function optionsOf(schema: ConfigSchema, key: OptionKey): readonly string[] {
  return schemaField(schema, OPTION_PATH[key]).options ?? [];
}

/** The page's optimiser menu: the core's optimisers, Nesterov (momentum with its flag on) beside momentum. */
export function optimizerChoices(schema: ConfigSchema): string[] {
  const core = optionsOf(schema, 'optimizer');
  const nesterov = schemaField(schema, 'train.nesterov').type === 'boolean' && core.includes('momentum');
  return core.flatMap((o) => (o === 'momentum' && nesterov ? [o, 'nesterov'] : [o]));
}

/** Whether the optimiser menu's choice reads train.<key> (the core's usedBy; Nesterov is momentum with its flag). */
export function readsParam(schema: ConfigSchema, choice: string, key: string): boolean {
  const core = choice === 'nesterov' ? 'momentum' : choice;
  return schemaField(schema, `train.${key}`).usedBy?.includes(core) ?? false;
}

/** A feature's label: the core's TeX (configSchema().features) as plain text, else its name. */
export function featureText(schema: ConfigSchema, name: string): string {
  const tex = schema.features.find((f) => f.name === name)?.tex;
  return (tex !== undefined ? texPlain(tex) : null) ?? name;
}

/** The core's default of a field. */
export function defaultOf<T>(schema: ConfigSchema, path: string): T {
  return schemaField(schema, path).default as T;
}
