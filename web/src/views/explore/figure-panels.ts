// The article's figure: six panels on [−10, 10]. Each names the core call that
// computes it; the formulas are display text only (never evaluated).
import type { ActivationParams } from '../../engine/engine';

export interface PanelSpec {
  id: string;
  activation: string;
  op: 'forward' | 'derivative';
  params: Partial<ActivationParams>;
  formula: string;
  yLabel: string;
  yRange: [number, number];
  /** Palette slot: --series-N in style.css. */
  color: number;
}

export const X_RANGE: [number, number] = [-10, 10];
/** Samples per unit of x; 20 puts a sample exactly on every multiple of 0.05, 0 included. */
export const SAMPLES_PER_UNIT = 20;

export const PANELS: readonly PanelSpec[] = [
  {
    id: 'sigmoid',
    activation: 'sigmoid',
    op: 'forward',
    params: {},
    formula: 'σ(x) = 1 / (1 + e⁻ˣ)',
    yLabel: 'σ(x)',
    yRange: [-0.1, 1.1],
    color: 1,
  },
  {
    id: 'tanh',
    activation: 'tanh',
    op: 'forward',
    params: {},
    formula: 'tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)',
    yLabel: 'tanh(x)',
    yRange: [-1.2, 1.2],
    color: 2,
  },
  {
    id: 'relu',
    activation: 'relu',
    op: 'forward',
    params: {},
    formula: 'ReLU(x) = max(0, x)',
    yLabel: 'ReLU(x)',
    yRange: [-1, 10.5],
    color: 3,
  },
  {
    id: 'leaky-relu',
    activation: 'leaky_relu',
    op: 'forward',
    params: { alpha: 0.2 },
    formula: 'f(x) = max(0.2x, x)',
    yLabel: 'f(x)',
    yRange: [-3, 10.5],
    color: 4,
  },
  {
    id: 'elu',
    activation: 'elu',
    op: 'forward',
    params: { alpha: 2 },
    formula: 'f(x) = x (x > 0);  2(eˣ − 1) (x ≤ 0)',
    yLabel: 'f(x)',
    yRange: [-3, 10.5],
    color: 5,
  },
  {
    id: 'sigmoid-derivative',
    activation: 'sigmoid',
    op: 'derivative',
    params: {},
    formula: 'σ′(x) = σ(x) · (1 − σ(x))',
    yLabel: 'σ′(x)',
    yRange: [-0.02, 0.28],
    color: 6,
  },
];

/** x = −10 … 10 in steps of 1/20; 0 and the integers land exactly. */
export function sampleX(): Float32Array {
  const [lo, hi] = X_RANGE;
  const n = (hi - lo) * SAMPLES_PER_UNIT + 1;
  return Float32Array.from({ length: n }, (_, i) => lo + i / SAMPLES_PER_UNIT);
}
