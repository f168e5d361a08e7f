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

void gemm_nt_f32_scalar(std::size_t m, std::size_t k, std::size_t n, const float* g, const float* wt, float* gx) {
  for (std::size_t i = 0; i < m; ++i) {
    float* out = gx + i * k;
    for (std::size_t p = 0; p < k; ++p) out[p] = 0.0f;
    for (std::size_t j = 0; j < n; ++j) {
      const float gj = g[i * n + j];
      const float* row = wt + j * k;
      for (std::size_t p = 0; p < k; ++p) out[p] += gj * row[p];
    }
  }
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
    for (int v = 0; v < V; ++v) wasm_v128_store(p.out + (r + q) * p.os + j + 4 * v, c[q][v]);
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

static void product(const Product& p) {
  std::size_t j = 0;
  for (; j + 16 <= p.n; j += 16) columns<4, 2>(p, j);
  if (j + 8 <= p.n) columns<2, 4>(p, j), j += 8;
  if (j + 4 <= p.n) columns<1, 4>(p, j), j += 4;
  for (; j < p.n; ++j) {
    for (std::size_t r = 0; r < p.rows_out; ++r) {
      const float* a = p.a + r * p.ars;
      float c = p.init ? p.init[j] : 0.0f;
      for (std::size_t t = 0; t < p.count; ++t) c += a[t * p.as] * p.rows[t * p.n + j];
      p.out[r * p.os + j] = c;
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

void gemm_nt_f32_wasmsimd(std::size_t m, std::size_t k, std::size_t n, const float* g, const float* wt, float* gx) {
  // With W transposed (n×k) the product is G·Wᵀ = Σ_j g[i][j] · wt row j: the
  // same row-at-a-time form as the forward product, vectorised along k.
  product({m, n, k, g, n, 1, wt, nullptr, gx, k});
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

void gemm_nt_f32(std::size_t m, std::size_t k, std::size_t n, const float* g, const float* wt, float* gx) {
#if NNPLAY_SIMD
  gemm_nt_f32_wasmsimd(m, k, n, g, wt, gx);
#else
  gemm_nt_f32_scalar(m, k, n, g, wt, gx);
#endif
}

}  // namespace nnplay::kernels
