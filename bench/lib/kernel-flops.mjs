// Floating-point operations per element of nnplay's SIMD kernels, read from
// the "Flops per element" line of each kernel's source comment
// (core/src/kernels/), where the count is derived from the code, so that a
// kernel's rate can be stated as a fraction of the machine's peak
// (bench/lib/peak.mjs). The same count is applied to every contender of a
// kernel: it is the work nnplay's kernel does, not what another library's
// algorithm needs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KERNELS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'core', 'src', 'kernels');

export const FLOP_COUNTING =
  'flops_per_element counts the f32x4/f64x2 arithmetic lanes of nnplay\'s SIMD kernel per element (add, sub, mul, ' +
  'div, min, max, pmin, pmax, abs, neg; bitwise, integer, compare, select, shuffle and conversion ops not counted), ' +
  'as stated in each kernel\'s source comment (core/src/kernels/<kernel>.cpp, "Flops per element")';

const SOURCES = { sigmoid: 'sigmoid', tanh: 'tanh', elu: 'elu', swish: 'swish', gelu: 'gelu', softmax: 'softmax_rows' };

function readCount(kernel, file) {
  const text = fs.readFileSync(path.join(KERNELS, `${file}.cpp`), 'utf8');
  const m = /\/\/ Flops per element[^:]*: forward (\d+)(?:, derivative (\d+))?/.exec(text);
  if (!m) throw new Error(`core/src/kernels/${file}.cpp states no "Flops per element" for ${kernel}`);
  return m[2] === undefined ? { forward: Number(m[1]) } : { forward: Number(m[1]), derivative: Number(m[2]) };
}

export const FLOPS_PER_ELEMENT = Object.fromEntries(
  Object.entries(SOURCES).map(([kernel, file]) => [kernel, readCount(kernel, file)]),
);
