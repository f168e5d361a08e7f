#include "gemm_small.hpp"

#include "nnplay/simd.hpp"

namespace nnplay::kernels {

void gemm_bias_f32_scalar(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w,
                          const float* b, float* z) {
  for (std::size_t i = 0; i < m; ++i) {
    float* zi = z + i * n;
    for (std::size_t j = 0; j < n; ++j) zi[j] = b[j];
    for (std::size_t p = 0; p < k; ++p) {
      const float xp = x[i * k + p];
      const float* wp = w + p * n;
      for (std::size_t j = 0; j < n; ++j) zi[j] += xp * wp[j];
    }
  }
}

void gemm_tn_f32_scalar(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* g, float* gw) {
  for (std::size_t p = 0; p < k; ++p) {
    float* row = gw + p * n;
    for (std::size_t j = 0; j < n; ++j) row[j] = 0.0f;
    for (std::size_t i = 0; i < m; ++i) {
      const float xp = x[i * k + p];
      const float* gi = g + i * n;
      for (std::size_t j = 0; j < n; ++j) row[j] += xp * gi[j];
    }
  }
}

void gemm_nt_f32_scalar(std::size_t m, std::size_t k, std::size_t n, const float* g, const float* wt, float* gx,
                        const float* d) {
  for (std::size_t i = 0; i < m; ++i) {
    float* out = gx + i * k;
    for (std::size_t p = 0; p < k; ++p) out[p] = 0.0f;
    for (std::size_t j = 0; j < n; ++j) {
      const float gj = g[i * n + j];
      const float* row = wt + j * k;
      for (std::size_t p = 0; p < k; ++p) out[p] += gj * row[p];
    }
    if (d != nullptr)
      for (std::size_t p = 0; p < k; ++p) out[p] *= d[i * k + p];
  }
}

void column_sums_f32_scalar(std::size_t m, std::size_t n, const float* g, float* out) {
  for (std::size_t j = 0; j < n; ++j) {
    float s = 0.0f;
    for (std::size_t r = 0; r < m; ++r) s += g[r * n + j];
    out[j] = s;
  }
}

void transpose_f32_scalar(std::size_t k, std::size_t n, const float* w, float* wt) {
  for (std::size_t q = 0; q < k; ++q)
    for (std::size_t j = 0; j < n; ++j) wt[j * k + q] = w[q * n + j];
}

#if NNPLAY_SIMD
// All three products have one form: for outputs r < rows_out,
//   out[r·os + j] = init[j] + Σ_t a[r·ars + t·as] · rows[t·n + j],  t < count, j < n
// (init may be null: 0). Columns are taken in blocks of V vectors, and R
// outputs at a time share each load of `rows`: R·V independent accumulators
// keep the multiply and add units busy (one chain per register is bound by
// the add latency), while every output is still the same sum in the same
// order as the reference. Blocks: 16 columns × 2 outputs, then 8 × 4, then
// 4 × 4, then the last n % 4 columns one by one; leftover outputs go two at a
// time, then one by one.
struct Product {
  std::size_t rows_out, count, n;
  const float* a;
  std::size_t ars, as;  // a's stride between outputs and between terms
  const float* rows;
  const float* init;
  float* out;
  std::size_t os;
  const float* scale = nullptr;  // when set, each output is multiplied by scale[r·os + j] as it is stored
};

template <int V, int R>
static void block(const Product& p, std::size_t j, std::size_t r) {
  v128_t c[R][V];
  for (int q = 0; q < R; ++q)
    for (int v = 0; v < V; ++v) c[q][v] = p.init ? wasm_v128_load(p.init + j + 4 * v) : wasm_f32x4_splat(0.0f);
  const float* a = p.a + r * p.ars;
  for (std::size_t t = 0; t < p.count; ++t) {
    const float* w = p.rows + t * p.n + j;
    v128_t wv[V];
    for (int v = 0; v < V; ++v) wv[v] = wasm_v128_load(w + 4 * v);
    for (int q = 0; q < R; ++q) {
      const v128_t s = wasm_f32x4_splat(a[q * p.ars + t * p.as]);
      for (int v = 0; v < V; ++v) c[q][v] = wasm_f32x4_add(c[q][v], wasm_f32x4_mul(s, wv[v]));
    }
  }
  for (int q = 0; q < R; ++q)
    for (int v = 0; v < V; ++v) {
      const std::size_t at = (r + q) * p.os + j + 4 * v;
      wasm_v128_store(p.out + at, p.scale ? wasm_f32x4_mul(c[q][v], wasm_v128_load(p.scale + at)) : c[q][v]);
    }
}

template <int V, int R>
static void columns(const Product& p, std::size_t j) {
  std::size_t r = 0;
  for (; r + R <= p.rows_out; r += R) block<V, R>(p, j, r);
  if constexpr (R > 2) {  // two left over (10 = 4 + 4 + 2 rows): still two chains per load
    if (r + 2 <= p.rows_out) block<V, 2>(p, j, r), r += 2;
  }
  for (; r < p.rows_out; ++r) block<V, 1>(p, j, r);
}

// The last n % 4 columns as one vector: they are copied into a block four
// wide (zeros beyond), multiplied there, and copied back. Each lane is still
// its output's sum in the reference order. False when the block would not fit.
static bool padded_tail(const Product& p, std::size_t j) {
  constexpr std::size_t kMax = 128;  // rows of the copied operands (2 KB of stack each)
  const std::size_t w = p.n - j;
  if (p.count > kMax || p.rows_out > kMax) return false;
  alignas(16) float rows[kMax * 4], out[kMax * 4], init[4] = {0.0f, 0.0f, 0.0f, 0.0f};
  for (std::size_t t = 0; t < p.count; ++t)
    for (std::size_t c = 0; c < 4; ++c) rows[t * 4 + c] = c < w ? p.rows[t * p.n + j + c] : 0.0f;
  for (std::size_t c = 0; c < w && p.init; ++c) init[c] = p.init[j + c];
  const Product q{p.rows_out, p.count, 4, p.a, p.ars, p.as, rows, p.init ? init : nullptr, out, 4};
  columns<1, 4>(q, 0);
  for (std::size_t r = 0; r < p.rows_out; ++r)
    for (std::size_t c = 0; c < w; ++c) {
      const std::size_t at = r * p.os + j + c;
      p.out[at] = p.scale ? out[r * 4 + c] * p.scale[at] : out[r * 4 + c];
    }
  return true;
}

static void product(const Product& p) {
  std::size_t j = 0;
  for (; j + 16 <= p.n; j += 16) columns<4, 2>(p, j);
  if (j + 8 <= p.n) columns<2, 4>(p, j), j += 8;
  if (j + 4 <= p.n) columns<1, 4>(p, j), j += 4;
  if (j < p.n && p.count >= 8 && padded_tail(p, j)) return;  // short sums stay scalar: the copies would cost more
  for (; j < p.n; ++j) {
    for (std::size_t r = 0; r < p.rows_out; ++r) {
      const float* a = p.a + r * p.ars;
      float c = p.init ? p.init[j] : 0.0f;
      for (std::size_t t = 0; t < p.count; ++t) c += a[t * p.as] * p.rows[t * p.n + j];
      p.out[r * p.os + j] = p.scale ? c * p.scale[r * p.os + j] : c;
    }
  }
}

void gemm_bias_f32_wasmsimd(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w,
                            const float* b, float* z) {
  product({m, k, n, x, k, 1, w, b, z, n});
}

void gemm_tn_f32_wasmsimd(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* g, float* gw) {
  // One output column (a single output unit): G_Wᵀ = G_Zᵀ·X is one row of k,
  // the same sums in the same order, vectorised along k instead of scalar.
  if (n == 1) return product({1, m, k, g, 0, 1, x, nullptr, gw, k});
  product({k, m, n, x, 1, k, g, nullptr, gw, n});
}

void gemm_nt_f32_wasmsimd(std::size_t m, std::size_t k, std::size_t n, const float* g, const float* wt, float* gx,
                          const float* d) {
  // With W transposed (n×k) the product is G·Wᵀ = Σ_j g[i][j] · wt row j: the
  // same row-at-a-time form as the forward product, vectorised along k.
  product({m, n, k, g, n, 1, wt, nullptr, gx, k, d});
}

void column_sums_f32_wasmsimd(std::size_t m, std::size_t n, const float* g, float* out) {
  std::size_t j = 0;
  for (; j + 8 <= n; j += 8) {
    v128_t s0 = wasm_f32x4_splat(0.0f), s1 = s0;
    for (std::size_t r = 0; r < m; ++r) {
      s0 = wasm_f32x4_add(s0, wasm_v128_load(g + r * n + j));
      s1 = wasm_f32x4_add(s1, wasm_v128_load(g + r * n + j + 4));
    }
    wasm_v128_store(out + j, s0), wasm_v128_store(out + j + 4, s1);
  }
  for (; j + 4 <= n; j += 4) {
    v128_t s = wasm_f32x4_splat(0.0f);
    for (std::size_t r = 0; r < m; ++r) s = wasm_f32x4_add(s, wasm_v128_load(g + r * n + j));
    wasm_v128_store(out + j, s);
  }
  for (; j < n; ++j) {
    float s = 0.0f;
    for (std::size_t r = 0; r < m; ++r) s += g[r * n + j];
    out[j] = s;
  }
}

void transpose_f32_wasmsimd(std::size_t k, std::size_t n, const float* w, float* wt) {
  const std::size_t k4 = k & ~std::size_t{3}, n4 = n & ~std::size_t{3};
  for (std::size_t q = 0; q < k4; q += 4)
    for (std::size_t j = 0; j < n4; j += 4) transpose_block4_f32(k, n, w + q * n + j, wt + j * k + q);
  // The edges that are not whole 4×4 blocks, element by element.
  for (std::size_t q = 0; q < k; ++q)
    for (std::size_t j = q < k4 ? n4 : 0; j < n; ++j) wt[j * k + q] = w[q * n + j];
}
#endif

void gemm_bias_f32(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w, const float* b,
                   float* z) {
#if NNPLAY_SIMD
  gemm_bias_f32_wasmsimd(m, k, n, x, w, b, z);
#else
  gemm_bias_f32_scalar(m, k, n, x, w, b, z);
#endif
}

void gemm_tn_f32(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* g, float* gw) {
#if NNPLAY_SIMD
  gemm_tn_f32_wasmsimd(m, k, n, x, g, gw);
#else
  gemm_tn_f32_scalar(m, k, n, x, g, gw);
#endif
}

void gemm_nt_f32(std::size_t m, std::size_t k, std::size_t n, const float* g, const float* wt, float* gx,
                 const float* d) {
#if NNPLAY_SIMD
  gemm_nt_f32_wasmsimd(m, k, n, g, wt, gx, d);
#else
  gemm_nt_f32_scalar(m, k, n, g, wt, gx, d);
#endif
}

void column_sums_f32(std::size_t m, std::size_t n, const float* g, float* out) {
#if NNPLAY_SIMD
  column_sums_f32_wasmsimd(m, n, g, out);
#else
  column_sums_f32_scalar(m, n, g, out);
#endif
}

void transpose_f32(std::size_t k, std::size_t n, const float* w, float* wt) {
#if NNPLAY_SIMD
  transpose_f32_wasmsimd(k, n, w, wt);
#else
  transpose_f32_scalar(k, n, w, wt);
#endif
}

}  // namespace nnplay::kernels
