// The core publishes its config schema (engine.configSchema()); the page
// must not disagree with it. The studio keeps no limits, option lists or
// defaults of its own (web/src/views/train/model/train-rules.ts reads the core's): the
// tests below change the schema and check that the URL codec and the
// defaults follow, and check every value a control offers against the core.
import { describe, expect, test } from 'vitest';
import { inSchemaRange, schemaField, type ConfigSchema, type Engine } from '../../web/src/engine/engine';
import { STRING_KEYS } from '../../web/src/strings/all';
import { trainStateFromParams } from '../../web/src/app/state-train';
import { SLIDER_STEPS, VALUE_MENUS, fullBatch, nameMenus, slider } from '../../web/src/views/train/controls/control-menus';
import { FIELD_PATH, OPTION_PATH, limit, readsParam, type LimitKey } from '../../web/src/views/train/model/train-rules';
import { DATA_KINDS, defaultTrainState, trainerConfig, type TrainState } from '../../web/src/views/train/model/train-state';
import { engineFor } from './load';

/** Source of web/src/engine/config-names.ts: the core's option lists as TypeScript values and unions. */
function configNamesSource(schema: ConfigSchema): string {
  const options = (path: string) => schemaField(schema, path).options!;
  const kinds = (keep: (k: ConfigSchema['dataKinds'][number]) => boolean) => schema.dataKinds.filter(keep).map((k) => k.name);
  const list = (names: readonly string[], indent: string) => {
    const lines: string[] = [];
    for (const n of names.map((x) => `'${x}',`)) {
      if (lines.length && lines[lines.length - 1].length + n.length + 1 <= 116 - indent.length) lines[lines.length - 1] += ` ${n}`;
      else lines.push(n);
    }
    return lines.map((l) => `${indent}${l}\n`).join('');
  };
  const union = (name: string, type: string, values: readonly string[], doc: string) =>
    `/** ${doc} */\nexport const ${name} = [\n${list(values, '  ')}] as const;\nexport type ${type} = (typeof ${name})[number];\n`;
  const subset = (name: string, type: string, values: readonly string[], doc: string) =>
    `/** ${doc} */\nexport const ${name}: readonly ${type}[] = [\n${list(values, '  ')}];\n`;
  const loaded = kinds((k) => !k.generated);
  return [
    '// Generated from the core\'s config schema (engine.configSchema()) by',
    '// tests/wasm/config-schema.test.ts, which fails when this file is stale.',
    '// Do not edit: after a change to a core registry, rebuild the wasm and run',
    '//   node node_modules/vitest/vitest.mjs run --config vitest.config.mjs tests/wasm/config-schema.test.ts -u',
    '',
    union('DATASET_KINDS', 'DatasetKind', options('data.kind'), 'data.kind'),
    subset('GENERATED_KINDS', 'DatasetKind', kinds((k) => k.generated), 'Kinds the core generates from a seed.'),
    subset('PLANE_KINDS', 'DatasetKind', kinds((k) => k.generated && k.inputs === 2), 'Generated kinds with 2-D inputs (features apply, the boundary plot works).'),
    subset('REGRESSION_KINDS', 'DatasetKind', kinds((k) => k.generated && k.regression === true), 'Generated kinds with a regression target.'),
    '/** Kinds that come from CSV text (engine.loadDataset) rather than from a seed. */',
    `export type LoadedDatasetKind = ${loaded.map((k) => `'${k}'`).join(' | ')};`,
    subset('LOADED_KINDS', 'string', loaded, 'LoadedDatasetKind as values.'),
    union('FEATURE_NAMES', 'FeatureName', options('data.features'), 'data.features'),
    union('HEAD_NAMES', 'HeadName', options('head'), 'head'),
    union('INIT_NAMES', 'InitName', options('init'), 'init'),
    union('OPTIMIZER_NAMES', 'OptimizerName', options('train.optimizer'), 'train.optimizer'),
    union('SCHEDULE_NAMES', 'ScheduleName', options('train.schedule'), 'train.schedule'),
  ].join('\n');
}

/** A deep copy of the schema with one field changed. */
function edited(schema: ConfigSchema, path: string, patch: Record<string, unknown>): ConfigSchema {
  const copy = structuredClone(schema);
  Object.assign(copy.fields.find((f) => f.path === path)!, patch);
  return copy;
}

/** Whether the core builds a trainer for the state (a control's offer is only honest if it does). */
function coreAccepts(engine: Engine, s: TrainState): boolean {
  try {
    engine.createTrainer(trainerConfig(s)).dispose();
    return true;
  } catch {
    return false;
  }
}

/** URL key of each numeric field the codec reads (state-train.ts). */
const URL_KEY: Partial<Record<LimitKey, string>> = {
  samples: 'pts', noise: 'noise', trainFraction: 'split', classes: 'k', dataSeed: 'dseed', seed: 'seed',
  initSigma: 'sigma', biasInit: 'bias', learningRate: 'lr', momentum: 'mom', decaySteps: 'dsteps', decayRate: 'drate',
  batchSize: 'bs', l1: 'l1', l2: 'l2', dropout: 'drop', clipNorm: 'clipn', clipValue: 'clipv',
};

describe('config schema', async () => {
  const engine = await engineFor('simd');
  const schema = engine.configSchema();

  test('publishes every field of the config with a type, and ranges and defaults where they apply', () => {
    const paths = schema.fields.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const f of schema.fields) {
      if (f.type === 'number' || f.type === 'integer') {
        expect(typeof f.min, f.path).toBe('number');
        expect(typeof f.max, f.path).toBe('number');
        expect(f.min! < f.max!, f.path).toBe(true);
      }
      if (f.type === 'name' || f.type === 'names') expect(f.options!.length, f.path).toBeGreaterThan(1);
      if (f.type !== 'activationParam') expect(f.default, f.path).not.toBeUndefined();
    }
    // The README's table, by hand.
    // The optimisers by hand: tests/optimizer_test.cpp ("the registry's optimisers").
    expect(schemaField(schema, 'train.learningRate')).toMatchObject({ min: 0, max: 10, minOpen: true, maxOpen: false, default: 0.03 });
    expect(schemaField(schema, 'data.seed')).toMatchObject({ type: 'integer', min: 0, max: 4294967295, default: 1 });
    expect(schemaField(schema, 'hidden[].activation').options).toEqual(engine.activationNames());
    expect(schema.features.map((f) => f.name)).toEqual(['x1', 'x2', 'x1_squared', 'x2_squared', 'x1_x2', 'sin_x1', 'sin_x2']);
    expect(schemaField(schema, 'data.features').options).toEqual(schema.features.map((f) => f.name));
    expect(schema.maxHiddenLayers).toBe(8);
  });

  test('the engine\'s name unions (web/src/engine/config-names.ts) are the core\'s lists', async () => {
    await expect(configNamesSource(schema)).toMatchFileSnapshot('../../web/src/engine/config-names.ts');
  });

  test('inSchemaRange decides exactly as createTrainer does, at the bounds', () => {
    const momentum = schemaField(schema, 'train.momentum');
    for (const v of [0, 0.5, 0.9999, 1, -0.001, Number.NaN]) {
      let accepted = true;
      try {
        engine.createTrainer({ train: { momentum: v } }).dispose();
      } catch {
        accepted = false;
      }
      expect(inSchemaRange(momentum, v), `momentum ${v}`).toBe(accepted);
    }
    const pieces = schemaField(schema, 'hidden[].maxout');
    expect([0, 1, 2, 5, 6, 2.5].map((v) => inSchemaRange(pieces, v))).toEqual([true, false, true, true, false, false]);
  });

  test('the page has no limits of its own: the URL codec follows the schema it is given', () => {
    for (const [key, urlKey] of Object.entries(URL_KEY) as [LimitKey, string][]) {
      const f = limit(schema, key);
      // Between the default and the core's upper end: accepted, until a schema ends at the default.
      const d = defaultTrainState(schema)[key as keyof TrainState] as number;
      const above = f.type === 'integer' ? d + 1 : (d + f.max!) / 2;
      const read = (sch: ConfigSchema) => trainStateFromParams(new URLSearchParams(`${urlKey}=${above}`), { schema: sch });
      expect(read(schema).notices, `${urlKey}=${above} within the core's range`).toEqual([]);
      const narrow = read(edited(schema, FIELD_PATH[key], { max: d, maxOpen: false }));
      expect(narrow.notices.map((n) => [n.key, n.reason, n.range]), key).toEqual([[urlKey, 'range', [f.min, d]]]);
    }
    // Units and maxout pieces inside the net= key; the hidden-layer count.
    const net = (sch: ConfigSchema, v: string) => trainStateFromParams(new URLSearchParams(`net=${v}`), { schema: sch }).notices.length;
    expect(net(schema, '9:relu,4:maxout4')).toBe(0);
    expect(net(edited(schema, 'hidden[].units', { max: 8 }), '9:relu')).toBe(1);
    expect(net(edited(schema, 'hidden[].maxout', { max: 3 }), '4:maxout4')).toBe(1);
    expect(net({ ...schema, maxHiddenLayers: 1 }, '2:relu,2:relu')).toBe(1);
  });

  test('the page has no option lists or defaults of its own', () => {
    const drop = (path: string, name: string) => edited(schema, path, { options: schemaField(schema, path).options!.filter((o) => o !== name) });
    const notices = (sch: ConfigSchema, q: string) => trainStateFromParams(new URLSearchParams(q), { schema: sch }).notices.length;
    const cases: [string, string, string][] = [
      ['train.optimizer', 'adam', 'opt=adam'], ['train.schedule', 'cosine', 'sched=cosine'], ['head', 'tanh_mse', 'head=tanh_mse'],
      ['init', 'he_normal', 'init=he_normal'], ['data.kind', 'moons', 'data=moons'], ['data.features', 'sin_x1', 'feat=x1,sin_x1'],
      ['hidden[].activation', 'gelu', 'net=4:gelu'],
    ];
    for (const [path, name, q] of cases) {
      expect(notices(schema, q), q).toBe(0);
      expect(notices(drop(path, name), q), `${q} once the core drops ${name}`).toBeGreaterThan(0);
    }
    // The momentum control shows for the optimisers the core says read it (usedBy), Nesterov among them.
    const momentumShown = (sch: ConfigSchema) => nameMenus(sch).optimizer.filter((o) => readsParam(sch, o, 'momentum'));
    expect(momentumShown(schema)).toEqual(['momentum', 'nesterov']);
    expect(momentumShown(edited(schema, 'train.momentum', { usedBy: ['momentum', 'adam'] }))).toEqual(['momentum', 'nesterov', 'adam']);
    // Nesterov is the core's momentum with its flag; a core without the flag has no Nesterov choice.
    expect(notices(schema, 'opt=nesterov')).toBe(0);
    expect(notices(edited(schema, 'train.nesterov', { type: 'number' }), 'opt=nesterov')).toBe(1);
    // Defaults: what the core says, also when the core changes its mind.
    expect(defaultTrainState(edited(schema, 'train.learningRate', { default: 0.1 })).learningRate).toBe(0.1);
    expect(defaultTrainState(edited(schema, 'hidden', { default: [{ units: 3, activation: 'relu' }] })).layers)
      .toEqual([{ units: 3, activation: 'relu', pieces: 2 }]);
    const d = defaultTrainState(schema);
    for (const [key, path] of Object.entries(FIELD_PATH)) {
      if (key !== 'units' && key !== 'pieces') expect(d[key as keyof TrainState], key).toBe(schemaField(schema, path).default);
    }
  });

  test('no control offers a value or an option the core refuses', () => {
    const base = defaultTrainState(schema);
    const offers: [string, TrainState][] = [];
    for (const [key, values] of Object.entries(VALUE_MENUS) as [LimitKey, readonly number[]][]) {
      for (const v of values) {
        const s = structuredClone(base);
        if (key === 'pieces') s.layers = [{ units: 2, activation: 'maxout', pieces: v }];
        else (s as unknown as Record<string, number>)[key] = v;
        if (key === 'classes') s.data = 'spiral_k';
        offers.push([`${key} ${v}`, s]);
      }
    }
    for (const key of Object.keys(SLIDER_STEPS) as (keyof typeof SLIDER_STEPS)[]) {
      const { min, max, step } = slider(schema, key);
      for (let v = min; v <= max + 1e-9; v += step) offers.push([`${key} ${v}`, { ...base, [key]: Number(v.toFixed(6)) }]);
    }
    offers.push(['full batch', { ...base, batchSize: fullBatch(schema) }]);
    const names = nameMenus(schema);
    for (const o of names.optimizer) offers.push([`optimizer ${o}`, { ...base, optimizer: o as TrainState['optimizer'] }]);
    for (const o of names.schedule) offers.push([`schedule ${o}`, { ...base, schedule: o as TrainState['schedule'] }]);
    for (const o of names.head) offers.push([`head ${o}`, { ...base, head: o as TrainState['head'] }]);
    for (const o of names.init) offers.push([`init ${o}`, { ...base, init: o as TrainState['init'] }]);
    for (const o of names.features) offers.push([`feature ${o}`, { ...base, features: [o as TrainState['features'][number]] }]);
    for (const o of names.activation) offers.push([`activation ${o}`, { ...base, layers: [{ units: 2, activation: o, pieces: 2 }] }]);
    for (const k of DATA_KINDS.filter((k) => !['digits', 'iris', 'custom'].includes(k))) offers.push([`data ${k}`, { ...base, data: k }]);
    const refused = offers.filter(([, s]) => !coreAccepts(engine, s)).map(([what]) => what);
    expect(refused).toEqual([]);
    expect(offers.length).toBeGreaterThan(80);
    // The data picker's kinds are the core's, and every named option has its text in both languages.
    expect([...DATA_KINDS].sort()).toEqual([...schemaField(schema, OPTION_PATH.data).options!].sort());
    const keys = new Set<string>(STRING_KEYS);
    const missing = [
      ...names.optimizer.map((o) => `opt_${o}`), ...names.schedule.map((o) => `sched_${o}`),
      ...names.head.map((o) => `head_${o}`), ...names.init.map((o) => `init_${o}`), ...DATA_KINDS.map((k) => `kind_${k}`),
    ].filter((k) => !keys.has(k));
    expect(missing).toEqual([]);
  });
});
