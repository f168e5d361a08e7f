#include "dense_small.hpp"

#include <cmath>

#include "act_f32x4.hpp"
#include "gemm_small.hpp"
#include "kernels.hpp"

namespace nnplay::kernels {

bool fused_activation(Activation a, FusedAct* out) {
  switch (a) {
    case Activation::kLinear: *out = FusedAct::kLinear; return true;
    case Activation::kRelu: *out = FusedAct::kRelu; return true;
    case Activation::kTanh: *out = FusedAct::kTanh; return true;
    case Activation::kSigmoid: *out = FusedAct::kSigmoid; return true;
    default: return false;
  }
}

namespace {

Activation activation_of(FusedAct a) {
  switch (a) {
    case FusedAct::kRelu: return Activation::kRelu;
    case FusedAct::kTanh: return Activation::kTanh;
    case FusedAct::kSigmoid: return Activation::kSigmoid;
    case FusedAct::kLinear: break;
  }
  return Activation::kLinear;
}

// f'(z) from z and a = f(z); NaN stays NaN (as the derivative kernels give it).
float derivative(FusedAct act, float z, float a) {
  switch (act) {
    case FusedAct::kLinear: return z == z ? 1.0f : z;
    case FusedAct::kRelu: return z > 0.0f ? 1.0f : (std::isnan(z) ? z : 0.0f);
    case FusedAct::kTanh: return 1.0f - a * a;
    case FusedAct::kSigmoid: return a * (1.0f - a);
  }
  return 1.0f;
}

}  // namespace

void dense_act_f32_scalar(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w,
                          const float* b, FusedAct act, float* z, float* a, float* d) {
  gemm_bias_f32_scalar(m, k, n, x, w, b, z);
  kernels_for(activation_of(act)).forward_scalar(m * n, z, a, KernelArgs{});
  if (d != nullptr)
    for (std::size_t i = 0; i < m * n; ++i) d[i] = derivative(act, z[i], a[i]);
}

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

void dense_out1_f32_scalar(std::size_t m, std::size_t k, const float* x, const float* w, const float* b, float* z) {
  gemm_bias_f32_scalar(m, k, 1, x, w, b, z);
}

#if NNPLAY_SIMD
namespace {

struct Linear {
  static v128_t f(v128_t z) { return z; }
  static v128_t d(v128_t z, v128_t) { return wasm_v128_bitselect(z, wasm_f32x4_splat(1.0f), wasm_f32x4_ne(z, z)); }
};
struct Relu {
  static v128_t f(v128_t z) { return relu_f32x4(z); }
  static v128_t d(v128_t z, v128_t) { return relu_deriv_f32x4(z); }
};
struct Tanh {
  static v128_t f(v128_t z) { return tanh_f32x4(z); }
  static v128_t d(v128_t, v128_t a) { return wasm_f32x4_sub(wasm_f32x4_splat(1.0f), wasm_f32x4_mul(a, a)); }
};
struct Sigmoid {
  static v128_t f(v128_t z) { return sigmoid_f32x4(z); }
  static v128_t d(v128_t, v128_t a) { return wasm_f32x4_mul(a, wasm_f32x4_sub(wasm_f32x4_splat(1.0f), a)); }
};

// R rows from row r: R·V accumulators, each weight row loaded once for all R
// (4 independent chains through the product and the activation).
template <int V, int R, class Act>
inline void act_rows(std::size_t r, std::size_t k, const float* x, const float* w, const v128_t* bias, float* z,
                     float* a, float* d) {
  constexpr std::size_t n = 4 * V;
  v128_t c[R][V];
  for (int q = 0; q < R; ++q)
    for (int v = 0; v < V; ++v) c[q][v] = bias[v];
  const float* xr = x + r * k;
  for (std::size_t p = 0; p < k; ++p) {
    v128_t wv[V];
    for (int v = 0; v < V; ++v) wv[v] = wasm_v128_load(w + p * n + 4 * v);
    for (int q = 0; q < R; ++q) {
      const v128_t s = wasm_f32x4_splat(xr[q * k + p]);
      for (int v = 0; v < V; ++v) c[q][v] = wasm_f32x4_add(c[q][v], wasm_f32x4_mul(s, wv[v]));
    }
  }
  for (int q = 0; q < R; ++q) {
    for (int v = 0; v < V; ++v) {
      const std::size_t at = (r + q) * n + 4 * v;
      const v128_t av = Act::f(c[q][v]);
      wasm_v128_store(z + at, c[q][v]);
      wasm_v128_store(a + at, av);
      if (d != nullptr) wasm_v128_store(d + at, Act::d(c[q][v], av));
    }
  }
}

template <int V, class Act>
void act_layer(std::size_t m, std::size_t k, const float* x, const float* w, const float* b, float* z, float* a,
               float* d) {
  constexpr int R = 4 / V;
  v128_t bias[V];
  for (int v = 0; v < V; ++v) bias[v] = wasm_v128_load(b + 4 * v);
  std::size_t r = 0;
  for (; r + R <= m; r += R) act_rows<V, R, Act>(r, k, x, w, bias, z, a, d);
  for (; r < m; ++r) act_rows<V, 1, Act>(r, k, x, w, bias, z, a, d);
}

template <int V>
void act_dispatch(std::size_t m, std::size_t k, const float* x, const float* w, const float* b, FusedAct act,
                  float* z, float* a, float* d) {
  switch (act) {
    case FusedAct::kLinear: return act_layer<V, Linear>(m, k, x, w, b, z, a, d);
    case FusedAct::kRelu: return act_layer<V, Relu>(m, k, x, w, b, z, a, d);
    case FusedAct::kTanh: return act_layer<V, Tanh>(m, k, x, w, b, z, a, d);
    case FusedAct::kSigmoid: return act_layer<V, Sigmoid>(m, k, x, w, b, z, a, d);
  }
}

// gw rows p..p+P-1 (V vectors each) and, with P = 0 rows, nothing: Σ_r x[r][p]·gz[r], r ascending.
template <int V, int P>
inline void weight_rows(std::size_t m, std::size_t k, std::size_t p, const float* x, const float* gz, float* gw) {
  constexpr std::size_t n = 4 * V;
  v128_t c[P][V];
  for (int i = 0; i < P; ++i)
    for (int v = 0; v < V; ++v) c[i][v] = wasm_f32x4_splat(0.0f);
  for (std::size_t r = 0; r < m; ++r) {
    v128_t g[V];
    for (int v = 0; v < V; ++v) g[v] = wasm_v128_load(gz + r * n + 4 * v);
    for (int i = 0; i < P; ++i) {
      const v128_t s = wasm_f32x4_splat(x[r * k + p + i]);
      for (int v = 0; v < V; ++v) c[i][v] = wasm_f32x4_add(c[i][v], wasm_f32x4_mul(s, g[v]));
    }
  }
  for (int i = 0; i < P; ++i)
    for (int v = 0; v < V; ++v) wasm_v128_store(gw + (p + i) * n + 4 * v, c[i][v]);
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
  constexpr int R = 4 / U;
  std::size_t r = 0;
  for (; r + R <= m; r += R) input_rows<U, R>(r, n, gz, wt, d_prev, gx);
  for (; r < m; ++r) input_rows<U, 1>(r, n, gz, wt, d_prev, gx);
}

template <int V>
void weight_layer(std::size_t m, std::size_t k, const float* x, const float* gz, float* gw, float* gb) {
  constexpr std::size_t n = 4 * V;
  v128_t s[V];
  for (int v = 0; v < V; ++v) s[v] = wasm_f32x4_splat(0.0f);
  for (std::size_t r = 0; r < m; ++r)
    for (int v = 0; v < V; ++v) s[v] = wasm_f32x4_add(s[v], wasm_v128_load(gz + r * n + 4 * v));
  for (int v = 0; v < V; ++v) wasm_v128_store(gb + 4 * v, s[v]);
  constexpr int P = V == 1 ? 4 : 2;  // 4 accumulators
  std::size_t p = 0;
  for (; p + P <= k; p += P) weight_rows<V, P>(m, k, p, x, gz, gw);
  for (; p < k; ++p) weight_rows<V, 1>(m, k, p, x, gz, gw);
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

// Four rows' dot products with w, from c (lanes = rows r..r+3 of x, k apart).
inline v128_t dot_rows4(std::size_t k, const float* x, const float* w, v128_t c) {
  std::size_t t = 0;
  for (; t + 4 <= k; t += 4) {
    const v128_t r0 = wasm_v128_load(x + t), r1 = wasm_v128_load(x + k + t);
    const v128_t r2 = wasm_v128_load(x + 2 * k + t), r3 = wasm_v128_load(x + 3 * k + t);
    const v128_t a0 = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5), a1 = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7);
    const v128_t a2 = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5), a3 = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);
    c = wasm_f32x4_add(c, wasm_f32x4_mul(wasm_i32x4_shuffle(a0, a2, 0, 1, 4, 5), wasm_f32x4_splat(w[t])));
    c = wasm_f32x4_add(c, wasm_f32x4_mul(wasm_i32x4_shuffle(a0, a2, 2, 3, 6, 7), wasm_f32x4_splat(w[t + 1])));
    c = wasm_f32x4_add(c, wasm_f32x4_mul(wasm_i32x4_shuffle(a1, a3, 0, 1, 4, 5), wasm_f32x4_splat(w[t + 2])));
    c = wasm_f32x4_add(c, wasm_f32x4_mul(wasm_i32x4_shuffle(a1, a3, 2, 3, 6, 7), wasm_f32x4_splat(w[t + 3])));
  }
  for (; t < k; ++t) {
    const v128_t col = wasm_f32x4_make(x[t], x[k + t], x[2 * k + t], x[3 * k + t]);
    c = wasm_f32x4_add(c, wasm_f32x4_mul(col, wasm_f32x4_splat(w[t])));
  }
  return c;
}

}  // namespace

void dense_out1_f32(std::size_t m, std::size_t k, const float* x, const float* w, const float* b, float* z) {
  const v128_t bias = wasm_f32x4_splat(b[0]);
  std::size_t r = 0;
  for (; r + 8 <= m; r += 8) {  // two independent chains
    const v128_t c0 = dot_rows4(k, x + r * k, w, bias), c1 = dot_rows4(k, x + (r + 4) * k, w, bias);
    wasm_v128_store(z + r, c0), wasm_v128_store(z + r + 4, c1);
  }
  if (r + 4 <= m) wasm_v128_store(z + r, dot_rows4(k, x + r * k, w, bias)), r += 4;
  if (r < m) dense_out1_f32_scalar(m - r, k, x + r * k, w, b, z + r);
}

void dense_act_f32(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w, const float* b,
                   FusedAct act, float* z, float* a, float* d) {
  if (n == 8) return act_dispatch<2>(m, k, x, w, b, act, z, a, d);
  act_dispatch<1>(m, k, x, w, b, act, z, a, d);
}

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
void dense_out1_f32(std::size_t m, std::size_t k, const float* x, const float* w, const float* b, float* z) {
  dense_out1_f32_scalar(m, k, x, w, b, z);
}

void dense_act_f32(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w, const float* b,
                   FusedAct act, float* z, float* a, float* d) {
  dense_act_f32_scalar(m, k, n, x, w, b, act, z, a, d);
}

void dense_backward_f32(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* gz, const float* w,
                        float* gw, float* gb, const float* d_prev, float* gx) {
  dense_backward_f32_scalar(m, k, n, x, gz, w, gw, gb, d_prev, gx);
}
#endif

}  // namespace nnplay::kernels
