// The fused small layer's forward (dense_small.hpp): z = x·W + b, a = f(z),
// f'(z) row by row, and the one-unit output layer's dot products.
#include <cmath>

#include "act_f32x4.hpp"
#include "dense_small.hpp"
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

// Every width and activation its own function, called through this table
// (rows: one or two vectors per row; columns: FusedAct's order). Called
// directly, all eight were inlined into their one caller, Network::forward:
// one 32 KB wasm function that a browser compiles whole with its optimizing
// tier once training runs (100+ ms of a core while the page starts). Through
// the table it compiles only the variant the network uses.
using ActLayer = void (*)(std::size_t, std::size_t, const float*, const float*, const float*, float*, float*, float*);
constexpr ActLayer kActLayers[2][4] = {
    {act_layer<1, Linear>, act_layer<1, Relu>, act_layer<1, Tanh>, act_layer<1, Sigmoid>},
    {act_layer<2, Linear>, act_layer<2, Relu>, act_layer<2, Tanh>, act_layer<2, Sigmoid>},
};

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
  for (; r < m; ++r) {  // the last 1-3 rows as the reference sums them, inline (a call costs more here)
    float s = b[0];
    for (std::size_t t = 0; t < k; ++t) s += x[r * k + t] * w[t];
    z[r] = s;
  }
}

void dense_act_f32(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w, const float* b,
                   FusedAct act, float* z, float* a, float* d) {
  kActLayers[n == 8 ? 1 : 0][static_cast<int>(act)](m, k, x, w, b, z, a, d);
}

#else
void dense_out1_f32(std::size_t m, std::size_t k, const float* x, const float* w, const float* b, float* z) {
  dense_out1_f32_scalar(m, k, x, w, b, z);
}

void dense_act_f32(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w, const float* b,
                   FusedAct act, float* z, float* a, float* d) {
  dense_act_f32_scalar(m, k, n, x, w, b, act, z, a, d);
}

#endif

}  // namespace nnplay::kernels
