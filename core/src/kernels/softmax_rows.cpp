// Softmax over rows of up to kSoftmaxRows4MaxCols columns, four rows at a time.
// Even widths (the digits head's 10) are read flat: four rows are cols whole
// vectors, so no transpose and no scalar tail; odd widths are transposed so
// that a lane is a row.
// Flops per element (rows of 10, the flat path): forward 25.
//   every vector: z - m, exp_neg_f32x4_rr2_p6 21 (pmax, n 3, r 4, Estrin 11,
//   (1 + q)·2^n 2), ·(1/sum) = 23; per four rows (ten vectors): 9 pmax for the
//   maxima, 9 adds for the sums, the finiteness test's sub and the division,
//   20 f32x4 ops = 80 lanes = 2 per element. (Shuffles are not counted.)
#include "softmax_rows.hpp"

#include <cmath>
#include <cstdint>

#include "vmath.hpp"

namespace nnplay::kernels {

#if NNPLAY_SIMD
namespace {

// In-register 4×4 transpose: rows (a, b, c, d) become columns.
void transpose4(v128_t& a, v128_t& b, v128_t& c, v128_t& d) {
  const v128_t t0 = wasm_i32x4_shuffle(a, b, 0, 4, 1, 5);
  const v128_t t1 = wasm_i32x4_shuffle(a, b, 2, 6, 3, 7);
  const v128_t t2 = wasm_i32x4_shuffle(c, d, 0, 4, 1, 5);
  const v128_t t3 = wasm_i32x4_shuffle(c, d, 2, 6, 3, 7);
  a = wasm_i32x4_shuffle(t0, t2, 0, 1, 4, 5);
  b = wasm_i32x4_shuffle(t0, t2, 2, 3, 6, 7);
  c = wasm_i32x4_shuffle(t1, t3, 0, 1, 4, 5);
  d = wasm_i32x4_shuffle(t1, t3, 2, 3, 6, 7);
}


// Four rows of cols = 4k or 4k + 2 (k >= 1) floats are cols whole vectors,
// read flat, with no transpose: row r owns k vectors, and for 4k + 2 the rows
// 0|1 and 2|3 share one vector (lanes 0-1 | 2-3). Row maxima and sums come from
// the per-row k-vector reductions, two shuffled steps and the shared vectors;
// each vector's lanes then get their rows' values back by one shuffle.
struct FlatRows {
  std::size_t k;  // whole vectors per row
  bool shared;    // cols = 4k + 2: vectors k and 3k + 1 are shared
  std::size_t first(int r) const { return r * k + (r >= 1 && shared) + (r >= 3 && shared); }
};

// {a b c d} per-row partials (four lanes each) and the shared vectors (lanes
// 0-1 of one row, 2-3 of the next) to one vector of the four rows' totals.
template <class Op>
[[gnu::always_inline]] inline v128_t reduce_rows(const v128_t (&part)[4], v128_t s01, v128_t s23, bool shared, Op op) {
  v128_t h01 = op(wasm_i32x4_shuffle(part[0], part[1], 0, 1, 4, 5), wasm_i32x4_shuffle(part[0], part[1], 2, 3, 6, 7));
  v128_t h23 = op(wasm_i32x4_shuffle(part[2], part[3], 0, 1, 4, 5), wasm_i32x4_shuffle(part[2], part[3], 2, 3, 6, 7));
  if (shared) h01 = op(h01, s01), h23 = op(h23, s23);
  return op(wasm_i32x4_shuffle(h01, h23, 0, 2, 4, 6), wasm_i32x4_shuffle(h01, h23, 1, 3, 5, 7));
}

// Calls f(vector index, the vector's lanes' row values from per-row v) for
// every vector of the group.
template <class F>
[[gnu::always_inline]] inline void for_each_vector(const FlatRows& g, v128_t v, F f) {
  const v128_t b[4] = {wasm_i32x4_shuffle(v, v, 0, 0, 0, 0), wasm_i32x4_shuffle(v, v, 1, 1, 1, 1),
                       wasm_i32x4_shuffle(v, v, 2, 2, 2, 2), wasm_i32x4_shuffle(v, v, 3, 3, 3, 3)};
  for (int r = 0; r < 4; ++r) {
    for (std::size_t j = 0; j < g.k; ++j) f(g.first(r) + j, b[r]);
  }
  if (g.shared) {
    f(g.k, wasm_i32x4_shuffle(v, v, 0, 0, 1, 1));
    f(3 * g.k + 1, wasm_i32x4_shuffle(v, v, 2, 2, 3, 3));
  }
}

// The four rows' totals under op.
template <class Op>
[[gnu::always_inline]] inline v128_t rows_total(const FlatRows& g, const float* x, Op op) {
  const auto load = [](const float* q) { return wasm_v128_load(q); };
  v128_t part[4];
  for (int r = 0; r < 4; ++r) {
    const float* row = x + 4 * g.first(r);
    part[r] = load(row);
    for (std::size_t j = 1; j < g.k; ++j) part[r] = op(part[r], load(row + 4 * j));
  }
  const v128_t s01 = g.shared ? load(x + 4 * g.k) : part[0];
  const v128_t s23 = g.shared ? load(x + 4 * (3 * g.k + 1)) : part[0];
  return reduce_rows(part, s01, s23, g.shared, op);
}

// y[i] = op(x[i], w[i]) over n floats, n a multiple of 4, four vectors per step
// (y may be w).
template <class Op>
[[gnu::always_inline]] inline void map2_f32x4(std::size_t n, const float* x, const float* w, float* y, Op op) {
  for (; n >= 16; n -= 16, x += 16, w += 16, y += 16) {
    const v128_t a = op(wasm_v128_load(x), wasm_v128_load(w));
    const v128_t b = op(wasm_v128_load(x + 4), wasm_v128_load(w + 4));
    const v128_t c = op(wasm_v128_load(x + 8), wasm_v128_load(w + 8));
    const v128_t d = op(wasm_v128_load(x + 12), wasm_v128_load(w + 12));
    wasm_v128_store(y, a);
    wasm_v128_store(y + 4, b);
    wasm_v128_store(y + 8, c);
    wasm_v128_store(y + 12, d);
  }
  for (; n >= 4; n -= 4, x += 4, w += 4, y += 4) wasm_v128_store(y, op(wasm_v128_load(x), wasm_v128_load(w)));
}

// Softmax of `groups` groups of four rows in passes over the block: the row
// maxima (their per-vector broadcasts stored in the scratch block), one flat
// exp pass (into p, or into the scratch block where p overlaps z), the sums
// and divisions, the scaling. Writing the exponentials to p measured 1.10-1.13x
// faster than scratch and a scaling pass from it into p. Within a pass the groups are
// independent, so the out-of-order core overlaps one group's reductions with
// the next group's work (a group at a time, max, exp, sum, division and scale
// form one long chain: measured 7 % slower). Storing the broadcasts of 1/sum
// too, for a flat scaling pass, measured 3 % slower.
[[gnu::always_inline]] inline unsigned softmax_flat_block(const FlatRows g, std::size_t cols, std::size_t groups,
                                                          const float* z, float* p) {
  // pmax is one instruction where f32x4.max (NaN-propagating) is several. A
  // NaN or infinite logit shows up in the sum instead: it makes some z - m NaN
  // (NaN - m, inf - inf, -inf - -inf); such a group is left unscaled, for the
  // caller's per-row path, which reads z: z must be intact, hence the scratch
  // block where p overlaps it.
  const auto max = [](v128_t a, v128_t b) { return wasm_f32x4_pmax(a, b); };
  const auto add = [](v128_t a, v128_t b) { return wasm_f32x4_add(a, b); };
  const std::size_t stride = 4 * cols;
  alignas(16) float e[kSoftmaxRows4Block * 4 * kSoftmaxRows4MaxCols];
  v128_t m[kSoftmaxRows4Block];
  for (std::size_t b = 0; b < groups; ++b) {
    m[b] = rows_total(g, z + b * stride, max);
    float* eb = e + b * stride;
    for_each_vector(g, m[b], [&](std::size_t i, v128_t mb) { wasm_v128_store(eb + 4 * i, mb); });
  }
  // e^(z - m) <= 1 by exp_neg (one power of two; 0 below -87.68, where the
  // true value is below FLT_MIN, so -inf gives 0).
  const std::size_t len = groups * stride;
  const auto at = [](const float* q) { return reinterpret_cast<std::uintptr_t>(q); };
  float* const x = at(p) >= at(z + len) || at(z) >= at(p + len) ? p : e;
  map2_f32x4(len, z, e, x, [](v128_t v, v128_t mb) { return exp_neg_f32x4_rr2_p6(wasm_f32x4_sub(v, mb)); });
  unsigned bad = 0;
  for (std::size_t b = 0; b < groups; ++b) {
    const float* eb = x + b * stride;
    // sum >= 1 in every lane where it is finite: the largest term is exp(0).
    const v128_t sum = rows_total(g, eb, add);
    bad |= unsigned{!wasm_i32x4_all_true(wasm_f32x4_eq(wasm_f32x4_sub(sum, sum), wasm_f32x4_splat(0.0f)))} << b;
    m[b] = wasm_f32x4_div(wasm_f32x4_splat(1.0f), sum);
  }
  for (std::size_t b = 0; b < groups; ++b) {
    if (bad >> b & 1) continue;
    const float* eb = x + b * stride;
    float* pb = p + b * stride;
    for_each_vector(g, m[b], [&](std::size_t i, v128_t ib) {
      wasm_v128_store(pb + 4 * i, wasm_f32x4_mul(wasm_v128_load(eb + 4 * i), ib));
    });
  }
  return bad;
}

// The transposed kernel, for odd widths: one group of four rows.
bool softmax_rows4_transposed(std::size_t cols, const float* z, float* p) {
  // Transpose into block[j] = (z[0][j], z[1][j], z[2][j], z[3][j]): four
  // columns at a time in registers, the last cols % 4 one by one.
  alignas(16) float block[kSoftmaxRows4MaxCols * 4];
  const std::size_t full = cols & ~std::size_t{3};
  for (std::size_t j = 0; j < full; j += 4) {
    v128_t a = wasm_v128_load(z + j), b = wasm_v128_load(z + cols + j);
    v128_t c = wasm_v128_load(z + 2 * cols + j), d = wasm_v128_load(z + 3 * cols + j);
    transpose4(a, b, c, d);
    wasm_v128_store(block + 4 * j, a);
    wasm_v128_store(block + 4 * j + 4, b);
    wasm_v128_store(block + 4 * j + 8, c);
    wasm_v128_store(block + 4 * j + 12, d);
  }
  for (std::size_t j = full; j < cols; ++j) {
    for (std::size_t r = 0; r < 4; ++r) block[4 * j + r] = z[r * cols + j];
  }
  // f32x4.max propagates NaN, so a NaN row shows up as a NaN maximum.
  v128_t m = wasm_f32x4_splat(-INFINITY);
  for (std::size_t j = 0; j < cols; ++j) m = wasm_f32x4_max(m, wasm_v128_load(block + 4 * j));
  // m - m is 0 exactly when m is finite (inf - inf and NaN give NaN).
  if (!wasm_i32x4_all_true(wasm_f32x4_eq(wasm_f32x4_sub(m, m), wasm_f32x4_splat(0.0f)))) return false;
  v128_t sum = wasm_f32x4_splat(0.0f);
  for (std::size_t j = 0; j < cols; ++j) {
    const v128_t e = exp_f32x4_rr2_p6(wasm_f32x4_sub(wasm_v128_load(block + 4 * j), m));
    wasm_v128_store(block + 4 * j, e);
    sum = wasm_f32x4_add(sum, e);
  }
  // sum >= 1 in every lane: the largest term is exp(0).
  const v128_t inv = wasm_f32x4_div(wasm_f32x4_splat(1.0f), sum);
  // Scale and transpose back, four columns at a time.
  for (std::size_t j = 0; j < full; j += 4) {
    v128_t a = wasm_f32x4_mul(wasm_v128_load(block + 4 * j), inv);
    v128_t b = wasm_f32x4_mul(wasm_v128_load(block + 4 * j + 4), inv);
    v128_t c = wasm_f32x4_mul(wasm_v128_load(block + 4 * j + 8), inv);
    v128_t d = wasm_f32x4_mul(wasm_v128_load(block + 4 * j + 12), inv);
    transpose4(a, b, c, d);
    wasm_v128_store(p + j, a);
    wasm_v128_store(p + cols + j, b);
    wasm_v128_store(p + 2 * cols + j, c);
    wasm_v128_store(p + 3 * cols + j, d);
  }
  for (std::size_t j = full; j < cols; ++j) {
    wasm_v128_store(block + 4 * j, wasm_f32x4_mul(wasm_v128_load(block + 4 * j), inv));
    for (std::size_t r = 0; r < 4; ++r) p[r * cols + j] = block[4 * j + r];
  }
  return true;
}

}  // namespace

unsigned softmax_rows4_f32_wasmsimd_rr2_p6(std::size_t cols, std::size_t groups, const float* z, float* p) {
  // Ten columns (the digits head) with the width known to the compiler.
  if (cols == 10) return softmax_flat_block({2, true}, 10, groups, z, p);
  if (cols >= 4 && cols % 2 == 0) return softmax_flat_block({cols / 4, cols % 4 == 2}, cols, groups, z, p);
  unsigned bad = 0;
  for (std::size_t b = 0; b < groups; ++b) {
    bad |= unsigned{!softmax_rows4_transposed(cols, z + 4 * b * cols, p + 4 * b * cols)} << b;
  }
  return bad;
}
#endif

}  // namespace nnplay::kernels
