// The plain-JavaScript contender: straightforward Float32Array loops over
// Math.exp / Math.expm1 / Math.tanh, each in a numerically stable form, so the
// other contenders are compared with something that is both honest and right.
// Every function has the shape (x, y) => void and writes y[i] for all i.
// Derivatives are with respect to the input x, like nnplay's.

// sigmoid: z = e^-|x| never overflows; σ = 1/(1+z) or z/(1+z); σ' = z/(1+z)².
function sigmoidForward(x, y) {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const z = Math.exp(-Math.abs(v));
    y[i] = (v < 0 ? z : 1) / (1 + z);
  }
}
function sigmoidDerivative(x, y) {
  for (let i = 0; i < x.length; i++) {
    const z = Math.exp(-Math.abs(x[i]));
    const d = 1 + z;
    y[i] = z / (d * d);
  }
}

// tanh: Math.tanh; tanh'(x) = 1 - tanh² = 4z/(1+z)² with z = e^-2|x|
// (1 - t² cancels for large |x|; this form does not).
function tanhForward(x, y) {
  for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]);
}
function tanhDerivative(x, y) {
  for (let i = 0; i < x.length; i++) {
    const z = Math.exp(-2 * Math.abs(x[i]));
    const d = 1 + z;
    y[i] = (4 * z) / (d * d);
  }
}

// elu with alpha = 1 (the benchmark's parameter): x for x > 0, α(eˣ − 1)
// otherwise (expm1 keeps small |x| exact); elu'(x) = 1 or α·eˣ.
const ELU_ALPHA = 1.0;
function eluForward(x, y) {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v > 0 ? v : ELU_ALPHA * Math.expm1(v);
  }
}
function eluDerivative(x, y) {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v > 0 ? 1 : ELU_ALPHA * Math.exp(v);
  }
}

// swish (SiLU): x·σ(x); swish'(x) = σ(x)·(1 + x·σ(-x)), with σ(x) and σ(-x)
// both from z = e^-|x| (no 1 - σ cancellation).
function swishForward(x, y) {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const z = Math.exp(-Math.abs(v));
    y[i] = (v * (v < 0 ? z : 1)) / (1 + z);
  }
}
function swishDerivative(x, y) {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const z = Math.exp(-Math.abs(v));
    const r = 1 / (1 + z);
    const s = v < 0 ? z * r : r; // σ(x)
    const sn = v < 0 ? r : z * r; // σ(-x)
    y[i] = s * (1 + v * sn);
  }
}

// GELU, exact form: x·Φ(x), Φ(x) = ½·erfc(-x/√2). JavaScript has no erf, so
// erfc(u) for u >= 0 comes from Abramowitz & Stegun 7.1.26:
//   erfc(u) ≈ t·(a1 + t·(a2 + t·(a3 + t·(a4 + t·a5))))·e^{-u²}, t = 1/(1 + p·u),
// whose absolute error is below 1.5e-7 for all u >= 0. Φ(x) = 1 - ½erfc(u)
// for x >= 0 and ½erfc(u) for x < 0 (u = |x|/√2), so the tail is computed as a
// product, never as 1 - (something close to 1). Error of Φ: <= 7.5e-8 absolute;
// of GELU on [-10, 10]: <= 10 · 7.5e-8 = 7.5e-7 absolute (and far less near 0).
// GELU'(x) = Φ(x) + x·φ(x), φ(x) = e^{-x²/2}/√(2π) (computed exactly).
const AS_P = 0.3275911;
const AS_A1 = 0.254829592;
const AS_A2 = -0.284496736;
const AS_A3 = 1.421413741;
const AS_A4 = -1.453152027;
const AS_A5 = 1.061405429;
const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014327;

function normalCdf(v) {
  const u = Math.abs(v) * INV_SQRT2;
  const t = 1 / (1 + AS_P * u);
  const poly = t * (AS_A1 + t * (AS_A2 + t * (AS_A3 + t * (AS_A4 + t * AS_A5))));
  const halfErfc = 0.5 * poly * Math.exp(-u * u);
  return v < 0 ? halfErfc : 1 - halfErfc;
}
function geluForward(x, y) {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v * normalCdf(v);
  }
}
function geluDerivative(x, y) {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = normalCdf(v) + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v);
  }
}

// Row softmax: subtract the row maximum, exponentiate, divide by the sum.
export function softmaxRows(x, y, cols) {
  const rows = Math.floor(x.length / cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let m = -Infinity;
    for (let j = 0; j < cols; j++) if (x[base + j] > m) m = x[base + j];
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp(x[base + j] - m);
      y[base + j] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let j = 0; j < cols; j++) y[base + j] *= inv;
  }
}

export const PLAIN_JS = {
  sigmoid: { forward: sigmoidForward, derivative: sigmoidDerivative },
  tanh: { forward: tanhForward, derivative: tanhDerivative },
  gelu: { forward: geluForward, derivative: geluDerivative },
  elu: { forward: eluForward, derivative: eluDerivative },
  swish: { forward: swishForward, derivative: swishDerivative },
};

export const PLAIN_JS_NOTES =
  'Float32Array loops, double-precision Math.exp/expm1/tanh, stable forms; ' +
  'GELU via an A&S 7.1.26 erfc (|error| <= 7.5e-7 absolute on [-10, 10]).';
