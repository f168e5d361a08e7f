// Studio presets: each is a whole TrainState, tuned so the phenomenon shows
// within seconds (the numbers were checked against the core: the dead-ReLU
// run kills a whole layer, the exploding one diverges in its first steps).
import type { ConfigSchema } from '../../../engine/engine';
import { defaultTrainState, type LayerSpec, type TrainState } from './train-state';

export const PRESETS = ['xor', 'dead', 'vanishing', 'exploding', 'digits', 'sine', 'spiral', 'prelu'] as const;
export type PresetId = (typeof PRESETS)[number];

const layers = (n: number, units: number, activation: string): LayerSpec[] =>
  Array.from({ length: n }, () => ({ units, activation, pieces: 2 }));

export function presetState(id: PresetId, schema: ConfigSchema): TrainState {
  const base = defaultTrainState(schema);
  switch (id) {
    case 'xor':
      return { ...base, data: 'xor', noise: 0.05, layers: layers(2, 4, 'tanh'), learningRate: 0.1, batchSize: 10 };
    case 'dead':
      return { ...base, data: 'circle', layers: layers(2, 8, 'relu'), init: 'he_uniform', learningRate: 3 };
    case 'vanishing':
      return { ...base, data: 'circle', layers: layers(6, 8, 'sigmoid'), learningRate: 0.1 };
    case 'exploding':
      return {
        ...base, data: 'circle', layers: layers(6, 8, 'relu'), init: 'large_normal', initSigma: 3, learningRate: 0.03,
      };
    case 'digits':
      return {
        ...base, data: 'digits', trainFraction: 0.7, layers: layers(1, 32, 'relu'), init: 'he_uniform',
        optimizer: 'adam', learningRate: 0.01, batchSize: 32,
      };
    case 'sine':
      return {
        ...base, data: 'sine', noise: 0.05, samples: 200, trainFraction: 0.7, layers: layers(2, 12, 'relu'),
        init: 'he_uniform', optimizer: 'adam', learningRate: 0.01,
      };
    case 'spiral':
      return {
        ...base, data: 'spiral', noise: 0.05, layers: layers(3, 8, 'tanh'), optimizer: 'adam', learningRate: 0.01,
        features: ['x1', 'x2', 'sin_x1', 'sin_x2'],
      };
    case 'prelu':
      return { ...base, data: 'moons', noise: 0.1, layers: layers(2, 6, 'prelu'), init: 'he_uniform', optimizer: 'adam', learningRate: 0.01 };
  }
}

/** The preset a state equals, if any (to mark the active preset). */
export function matchPreset(s: TrainState, schema: ConfigSchema): PresetId | null {
  const view = (t: TrainState) =>
    JSON.stringify({ ...t, speed: '', discretize: false, showTest: false, compare: [], customPoints: [] });
  const key = view(s);
  return PRESETS.find((id) => view(presetState(id, schema)) === key) ?? null;
}
