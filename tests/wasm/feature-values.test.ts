// The input features are computed by the core only: the network diagram's
// input maps (web/src/views/train/model/input-maps.ts) come from engine.featureValues,
// and this checks them against what a trainer feeds its network for the same
// points, and against values worked out by hand.
import { describe, expect, test } from 'vitest';
import { CoreError, type FeatureName } from '../../web/src/engine/engine';
import { THUMB } from '../../web/src/views/train/charts/thumbs';
import { inputMaps, thumbPoints } from '../../web/src/views/train/model/input-maps';
import { featureText } from '../../web/src/views/train/model/train-rules';
import { texPlain } from '../../web/src/ui/format';
import { engineFor } from './load';

describe('feature values', async () => {
  const engine = await engineFor('simd');
  const features = engine.configSchema().features.map((f) => f.name as FeatureName);
  const maps = inputMaps(engine, features);

  test('the drawn input maps are what the network sees: a linear unit with weight 1 on the feature', () => {
    const pts = thumbPoints();
    features.forEach((f, k) => {
      // No hidden layer, a linear head: output = 1·feature + 0, exact in float.
      const t = engine.createTrainer({ data: { kind: 'plane', features: [f] }, hidden: [], head: 'linear_mse' });
      try {
        t.setParameter(0, 0, 0, 1);
        t.setParameter(0, 0, 'bias', 0);
        expect(maps[k].length, f).toBe(THUMB * THUMB);
        expect(Array.from(maps[k]), f).toEqual(Array.from(t.predict(pts)));
      } finally {
        t.dispose();
      }
    });
  });

  test('the maps at the plane corners, by hand', () => {
    const at = (f: FeatureName, i: number, j: number) => maps[features.indexOf(f)][j * THUMB + i];
    const last = THUMB - 1;
    expect(at('x1', 0, 0)).toBe(-6);
    expect(at('x2', 0, last)).toBe(6);
    expect(at('x1_squared', 0, 0)).toBe(36);
    expect(at('x1_x2', last, 0)).toBe(-36);
    // One float rounding of sin(-6) ≈ 0.279: within half an ulp (< 3e-8 there).
    expect(Math.abs(at('sin_x2', 3, 0) - Math.sin(-6))).toBeLessThan(3e-8);
  });

  test('the feature labels are the core\'s TeX as plain text', () => {
    const schema = engine.configSchema();
    expect(features.map((f) => featureText(schema, f))).toEqual(['x₁', 'x₂', 'x₁²', 'x₂²', 'x₁x₂', 'sin x₁', 'sin x₂']);
    // TeX the label cannot show falls back to the name.
    expect(texPlain('\\frac{x_1}{2}')).toBeNull();
    expect(featureText({ ...schema, features: [{ name: 'odd', tex: 'e^{x_1}' }] }, 'odd')).toBe('odd');
  });

  test('a bad feature or an odd point list is refused, naming it', () => {
    expect(() => engine.featureValues('x3' as FeatureName, new Float32Array(2))).toThrow(new CoreError(
      'featureValues: unknown feature x3; valid names are x1, x2, x1_squared, x2_squared, x1_x2, sin_x1, sin_x2'));
    expect(() => engine.featureValues('x1', new Float32Array(3))).toThrow(/points must hold x, y pairs, got 3 values/);
    expect(Array.from(engine.featureValues('x2', Float32Array.of(1, 2)))).toEqual([2]);
  });
});
