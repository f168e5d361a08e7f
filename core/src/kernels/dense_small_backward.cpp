// The fused small layer's backward (dense_small.hpp): G_W = Xᵀ·G_Z,
// g_b = Σ_rows G_Z and G_Zprev = (G_Z·Wᵀ) ∘ d_prev in one call.
#include "dense_small.hpp"
#include "gemm_small.hpp"

namespace nnplay::kernels {

void dense_backward_f32_scalar(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* gz,
                               const float* w, float* gw, float* gb, const float* d_prev, float* gx) {
  gemm_tn_f32_scalar(m, k, n, x, gz, gw);
  for (std::size_t j = 0; j < n; ++j) {
    float s = 0.0f;
    for (std::size_t r = 0; r < m; ++r) s += gz[r * n + j];
    gb[j] = s;
  }
  if (gx == nullptr) return;
  for (std::size_t r = 0; r < m; ++r) {
    for (std::size_t q = 0; q < k; ++q) {
      float s = 0.0f;
      for (std::size_t j = 0; j < n; ++j) s += gz[r * n + j] * w[q * n + j];
      gx[r * k + q] = s * d_prev[r * k + q];
    }
  }
}

#if NNPLAY_SIMD
namespace {

// gw rows p..p+P-1 (V vectors each): Σ_r x[r][p]·gz[r], r ascending; with
// gb, also g_b = Σ_r gz[r] in the same pass over the rows (the same order).
template <int V, int P>
inline void weight_rows(std::size_t m, std::size_t k, std::size_t p, const float* x, const float* gz, float* gw,
                        float* gb) {
  constexpr std::size_t n = 4 * V;
  v128_t c[P][V], sum[V];
  for (int v = 0; v < V; ++v) sum[v] = wasm_f32x4_splat(0.0f);
  for (int i = 0; i < P; ++i)
    for (int v = 0; v < V; ++v) c[i][v] = wasm_f32x4_splat(0.0f);
  for (std::size_t r = 0; r < m; ++r) {
    v128_t g[V];
    for (int v = 0; v < V; ++v) g[v] = wasm_v128_load(gz + r * n + 4 * v);
    if (gb != nullptr)
      for (int v = 0; v < V; ++v) sum[v] = wasm_f32x4_add(sum[v], g[v]);
    for (int i = 0; i < P; ++i) {
      const v128_t s = wasm_f32x4_splat(x[r * k + p + i]);
      for (int v = 0; v < V; ++v) c[i][v] = wasm_f32x4_add(c[i][v], wasm_f32x4_mul(s, g[v]));
    }
  }
  for (int i = 0; i < P; ++i)
    for (int v = 0; v < V; ++v) wasm_v128_store(gw + (p + i) * n + 4 * v, c[i][v]);
  if (gb != nullptr)
    for (int v = 0; v < V; ++v) wasm_v128_store(gb + 4 * v, sum[v]);
}

// gx rows r..r+R-1 (U = k/4 vectors each): (Σ_j gz[r][j]·wt[j]) ∘ d_prev, j ascending.
template <int U, int R>
inline void input_rows(std::size_t r, std::size_t n, const float* gz, const float* wt, const float* d_prev,
                       float* gx) {
  constexpr std::size_t k = 4 * U;
  v128_t c[R][U];
  for (int q = 0; q < R; ++q)
    for (int u = 0; u < U; ++u) c[q][u] = wasm_f32x4_splat(0.0f);
  for (std::size_t j = 0; j < n; ++j) {
    v128_t wv[U];
    for (int u = 0; u < U; ++u) wv[u] = wasm_v128_load(wt + j * k + 4 * u);
    for (int q = 0; q < R; ++q) {
      const v128_t s = wasm_f32x4_splat(gz[(r + q) * n + j]);
      for (int u = 0; u < U; ++u) c[q][u] = wasm_f32x4_add(c[q][u], wasm_f32x4_mul(s, wv[u]));
    }
  }
  for (int q = 0; q < R; ++q)
    for (int u = 0; u < U; ++u) {
      const std::size_t at = (r + q) * k + 4 * u;
      wasm_v128_store(gx + at, wasm_f32x4_mul(c[q][u], wasm_v128_load(d_prev + at)));
    }
}

template <int U>
void input_layer(std::size_t m, std::size_t n, const float* gz, const float* wt, const float* d_prev, float* gx) {
  constexpr int R = 8 / U;  // 8 accumulators
  std::size_t r = 0;
  for (; r + R <= m; r += R) input_rows<U, R>(r, n, gz, wt, d_prev, gx);
  if (R > 2 && r + R / 2 <= m) input_rows<U, R / 2>(r, n, gz, wt, d_prev, gx), r += R / 2;
  for (; r < m; ++r) input_rows<U, 1>(r, n, gz, wt, d_prev, gx);
}

template <int V>
void weight_layer(std::size_t m, std::size_t k, const float* x, const float* gz, float* gw, float* gb) {
  // 8 accumulators (and V for g_b, which the first call sums beside its rows).
  constexpr int P = 8 / V;
  std::size_t p = 0;
  for (; p + P <= k; p += P) weight_rows<V, P>(m, k, p, x, gz, gw, p == 0 ? gb : nullptr);
  for (; p + 2 <= k; p += 2) weight_rows<V, 2>(m, k, p, x, gz, gw, p == 0 ? gb : nullptr);
  for (; p < k; ++p) weight_rows<V, 1>(m, k, p, x, gz, gw, p == 0 ? gb : nullptr);
}

// One output unit: gw = Σ_r gz[r]·x[r] along k (U vectors), g_b = Σ_r gz[r].
template <int U>
void weight_column(std::size_t m, const float* x, const float* gz, float* gw, float* gb) {
  constexpr std::size_t k = 4 * U;
  v128_t c[U];
  for (int u = 0; u < U; ++u) c[u] = wasm_f32x4_splat(0.0f);
  float s = 0.0f;
  for (std::size_t r = 0; r < m; ++r) {
    const v128_t g = wasm_f32x4_splat(gz[r]);
    for (int u = 0; u < U; ++u) c[u] = wasm_f32x4_add(c[u], wasm_f32x4_mul(wasm_v128_load(x + r * k + 4 * u), g));
    s += gz[r];
  }
  for (int u = 0; u < U; ++u) wasm_v128_store(gw + 4 * u, c[u]);
  gb[0] = s;
}

}  // namespace

void dense_backward_f32(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* gz, const float* w,
                        float* gw, float* gb, const float* d_prev, float* gx) {
  if (n == 1) {
    if (k == 8) weight_column<2>(m, x, gz, gw, gb);
    else weight_column<1>(m, x, gz, gw, gb);
  } else if (n == 8) {
    weight_layer<2>(m, k, x, gz, gw, gb);
  } else {
    weight_layer<1>(m, k, x, gz, gw, gb);
  }
  if (gx == nullptr) return;
  alignas(16) float wt[64];  // Wᵀ, n × k ≤ 8 × 8; for n = 1 it is W itself
  const float* rows = w;
  if (n > 1) {  // k and n are 4 or 8 here: whole 4×4 blocks, inline
    for (std::size_t q = 0; q < k; q += 4)
      for (std::size_t j = 0; j < n; j += 4) transpose_block4_f32(k, n, w + q * n + j, wt + j * k + q);
    rows = wt;
  }
  if (k == 8) input_layer<2>(m, n, gz, rows, d_prev, gx);
  else input_layer<1>(m, n, gz, rows, d_prev, gx);
}
#else
void dense_backward_f32(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* gz, const float* w,
                        float* gw, float* gb, const float* d_prev, float* gx) {
  dense_backward_f32_scalar(m, k, n, x, gz, w, gw, gb, d_prev, gx);
}
#endif

}  // namespace nnplay::kernels
