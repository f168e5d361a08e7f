// What a head's outputs mean for a picture: class probabilities (softmax
// gives them all; a one-output head gives p for class 1), or a regression value.
import type { HeadName, TrainerShape } from '../../../engine/engine';

export interface OutputMeaning {
  /** 0 for regression. */
  classes: number;
  /** Outputs per point. */
  outputs: number;
  head: HeadName;
  /** True when the numbers are probabilities (sigmoid or softmax heads). */
  probabilistic: boolean;
}

export function outputMeaning(shape: TrainerShape): OutputMeaning {
  const outputs = shape.units[shape.units.length - 1] ?? 1;
  return {
    classes: shape.classes,
    outputs,
    head: shape.head,
    probabilistic: shape.head === 'sigmoid_bce' || shape.head === 'softmax_ce',
  };
}

/** p(class 1) from a single output: tanh heads map −1/+1 to 0/1. */
function binaryP(head: HeadName, v: number): number {
  const p = head === 'tanh_mse' ? (v + 1) / 2 : v;
  return Math.max(0, Math.min(1, p));
}

/**
 * Class probabilities (or scores) of point i of `out` into `into` (length
 * classes). Regression writes the value to into[0].
 */
export function classProbs(m: OutputMeaning, out: Float32Array, i: number, into: Float32Array): void {
  if (m.classes === 0) {
    into[0] = out[i * m.outputs];
    return;
  }
  if (m.outputs === 1) {
    const p = binaryP(m.head, out[i]);
    into[0] = 1 - p;
    into[1] = p;
    for (let k = 2; k < into.length; k++) into[k] = 0;
    return;
  }
  for (let k = 0; k < m.classes; k++) into[k] = out[i * m.outputs + k];
}
