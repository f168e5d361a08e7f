// The core publishes its config schema (engine.configSchema()); the page must
// not disagree with it. Today the studio keeps its own copy of the limits
// (web/src/train/train-state.ts LIMITS): this test compares every entry with
// the core's field. KNOWN_DISAGREEMENTS lists the ones still wrong in the
// page; each must really disagree, so fixing one fails here until it is
// removed from the list, and a new disagreement fails at once.
import { describe, expect, test } from 'vitest';
import { inSchemaRange, schemaField, type SchemaField } from '../../web/src/engine';
import { LIMITS, type LimitKey } from '../../web/src/train/train-state';
import { engineFor } from './load';

// LIMITS key → the core's field path.
const PATHS: Record<LimitKey, string> = {
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
};

// The page says momentum ∈ [0, 0.999]; the core accepts [0, 1).
const KNOWN_DISAGREEMENTS: readonly LimitKey[] = ['momentum'];

/** The page's [lo, hi, integer, loOpen] as the core would publish it (the page has no open upper end). */
function pageView(key: LimitKey): Pick<SchemaField, 'min' | 'max' | 'minOpen' | 'maxOpen'> & { integer: boolean } {
  const [lo, hi, integer, loOpen] = LIMITS[key];
  return { min: lo, max: hi, minOpen: loOpen, maxOpen: false, integer };
}

function coreView(f: SchemaField): ReturnType<typeof pageView> {
  return { min: f.min, max: f.max, minOpen: f.minOpen, maxOpen: f.maxOpen, integer: f.type === 'integer' };
}

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
    expect(schemaField(schema, 'train.optimizer').options).toEqual(['sgd', 'momentum', 'rmsprop', 'adam']);
    expect(schemaField(schema, 'train.learningRate')).toMatchObject({ min: 0, max: 10, minOpen: true, maxOpen: false, default: 0.03 });
    expect(schemaField(schema, 'data.seed')).toMatchObject({ type: 'integer', min: 0, max: 4294967295, default: 1 });
    expect(schemaField(schema, 'hidden[].activation').options).toEqual(engine.activationNames());
    expect(schema.features.map((f) => f.name)).toEqual(['x1', 'x2', 'x1_squared', 'x2_squared', 'x1_x2', 'sin_x1', 'sin_x2']);
    expect(schemaField(schema, 'data.features').options).toEqual(schema.features.map((f) => f.name));
    expect(schema.maxHiddenLayers).toBe(8);
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

  test('the page limits (train-state.ts LIMITS) agree with the core, but for the listed known disagreements', () => {
    expect(Object.keys(PATHS).sort()).toEqual(Object.keys(LIMITS).sort());
    for (const key of Object.keys(LIMITS) as LimitKey[]) {
      const core = coreView(schemaField(schema, PATHS[key]));
      if (KNOWN_DISAGREEMENTS.includes(key)) {
        expect(pageView(key), `${key} is listed as disagreeing: remove it from KNOWN_DISAGREEMENTS`).not.toEqual(core);
      } else {
        expect(pageView(key), `LIMITS.${key} vs the core's ${PATHS[key]}`).toEqual(core);
      }
    }
  });
});
