// One hidden layer's outputs for many 1-D inputs at once. The weights come
// from one trainer.toJSON() (with PReLU's learned α); the layers are run here
// (z = W·x + b per unit, maxout's max over pieces, PReLU by its formula) and
// other activations through engine.forward, so a 256-unit layer costs one
// export, not one core call per x. The result is checked against the core's own forward pass
// (trainer.network) at one x; if it ever disagrees, every x is asked of the
// core instead, so the picture is never wrong, only slower.
import type { Engine, Trainer } from '../../../engine/engine';

const CHECK_X = 0.731;

export interface UnitOutputs {
  /** units × xs.length, row-major: unit u's output at xs[i] is values[u * n + i]. */
  values: Float32Array;
  /** 'weights': computed here and checked; 'core': asked of the core point by point. */
  source: 'weights' | 'core';
}

export function unitOutputs(engine: Engine, t: Trainer, layer: number, xs: Float32Array): UnitOutputs {
  try {
    const fast = forwardHere(engine, t, layer, Float32Array.from([...xs, CHECK_X]));
    const want = t.network(Float32Array.of(CHECK_X)).layers[layer].a;
    const n = xs.length + 1;
    const ok = want.every((v, u) => Math.abs(fast[u * n + n - 1] - v) <= 1e-4 * (1 + Math.abs(v)) || (Number.isNaN(v) && Number.isNaN(fast[u * n + n - 1])));
    if (ok) {
      const out = new Float32Array(want.length * xs.length);
      for (let u = 0; u < want.length; u++) out.set(fast.subarray(u * n, u * n + xs.length), u * xs.length);
      return { values: out, source: 'weights' };
    }
  } catch {
    // An activation forward() does not know with these parameters: ask the core.
  }
  return { values: askCore(t, layer, xs), source: 'core' };
}

function forwardHere(engine: Engine, t: Trainer, layer: number, xs: Float32Array): Float32Array {
  const model = t.toJSON();
  const n = xs.length;
  let input = xs;
  let inDim = 1;
  for (let l = 0; l <= layer; l++) {
    const L = model.layers[l];
    const cfg = model.config.hidden[l];
    const k = Math.max(1, L.pieces);
    const cols = L.units * k;
    if (L.inputs !== inDim || L.w.length !== cols * inDim) throw new Error('unexpected layer shape');
    // W is inputs × cols, row-major (network.hpp). z[r][i] is unit-major, so
    // each unit's curve is one contiguous run.
    const z = new Float32Array(cols * n);
    for (let r = 0; r < cols; r++) {
      for (let i = 0; i < n; i++) {
        let s = L.b[r];
        for (let j = 0; j < inDim; j++) s += L.w[j * cols + r] * input[j * n + i];
        z[r * n + i] = s;
      }
    }
    let a: Float32Array;
    if (k > 1) {
      a = new Float32Array(L.units * n);
      for (let u = 0; u < L.units; u++) {
        for (let i = 0; i < n; i++) {
          let best = z[u * k * n + i];
          for (let p = 1; p < k; p++) best = Math.max(best, z[(u * k + p) * n + i]);
          a[u * n + i] = best;
        }
      }
    } else if (cfg.activation === 'prelu') {
      // The learned α may leave forward()'s range for the initial α [0, 1]: the formula is plain.
      a = z.map((v) => (v > 0 ? v : L.alpha * v));
    } else {
      const names = engine.activationInfo(cfg.activation).params.map((p) => p.name);
      const params: Record<string, number> = {};
      for (const p of ['alpha', 'lower', 'upper'] as const) if (names.includes(p)) params[p] = cfg[p];
      a = engine.forward(cfg.activation, z, params);
    }
    input = a;
    inDim = L.units;
  }
  return input;
}

/** The slow, exact way: one core forward pass per x. */
function askCore(t: Trainer, layer: number, xs: Float32Array): Float32Array {
  const units = t.shape.units[layer];
  const n = xs.length;
  const out = new Float32Array(units * n);
  for (let i = 0; i < n; i++) {
    const a = t.network(xs.subarray(i, i + 1)).layers[layer].a;
    for (let u = 0; u < units; u++) out[u * n + i] = a[u];
  }
  return out;
}
