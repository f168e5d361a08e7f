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
// out[0..n) = init[0..n) + Σ_t a[t·a_stride] · rows[t·n .. t·n + n), t < count:
// the inner loop of the products. Sixteen columns stay in four registers
// across all t (one splat of a[t] feeds four multiply-adds), then eight in
// two, then four, then the last n % 4 one by one.
static void axpy_rows(std::size_t count, std::size_t n, const float* a, std::size_t a_stride, const float* rows,
                      const float* init, float* out) {
  const v128_t zero = wasm_f32x4_splat(0.0f);
  auto start = [&](std::size_t j) { return init ? wasm_v128_load(init + j) : zero; };
  std::size_t j = 0;
  for (; j + 16 <= n; j += 16) {
    v128_t c0 = start(j), c1 = start(j + 4), c2 = start(j + 8), c3 = start(j + 12);
    for (std::size_t t = 0; t < count; ++t) {
      const v128_t s = wasm_f32x4_splat(a[t * a_stride]);
      const float* r = rows + t * n + j;
      c0 = wasm_f32x4_add(c0, wasm_f32x4_mul(s, wasm_v128_load(r)));
      c1 = wasm_f32x4_add(c1, wasm_f32x4_mul(s, wasm_v128_load(r + 4)));
      c2 = wasm_f32x4_add(c2, wasm_f32x4_mul(s, wasm_v128_load(r + 8)));
      c3 = wasm_f32x4_add(c3, wasm_f32x4_mul(s, wasm_v128_load(r + 12)));
    }
    wasm_v128_store(out + j, c0);
    wasm_v128_store(out + j + 4, c1);
    wasm_v128_store(out + j + 8, c2);
    wasm_v128_store(out + j + 12, c3);
  }
  if (j + 8 <= n) {  // eight columns left (a hidden layer of 8): two registers, one splat per t
    v128_t c0 = start(j), c1 = start(j + 4);
    for (std::size_t t = 0; t < count; ++t) {
      const v128_t s = wasm_f32x4_splat(a[t * a_stride]);
      const float* r = rows + t * n + j;
      c0 = wasm_f32x4_add(c0, wasm_f32x4_mul(s, wasm_v128_load(r)));
      c1 = wasm_f32x4_add(c1, wasm_f32x4_mul(s, wasm_v128_load(r + 4)));
    }
    wasm_v128_store(out + j, c0);
    wasm_v128_store(out + j + 4, c1);
    j += 8;
  }
  for (; j + 4 <= n; j += 4) {
    v128_t c = start(j);
    for (std::size_t t = 0; t < count; ++t) {
      c = wasm_f32x4_add(c, wasm_f32x4_mul(wasm_f32x4_splat(a[t * a_stride]), wasm_v128_load(rows + t * n + j)));
    }
    wasm_v128_store(out + j, c);
  }
  for (; j < n; ++j) {
    float c = init ? init[j] : 0.0f;
    for (std::size_t t = 0; t < count; ++t) c += a[t * a_stride] * rows[t * n + j];
    out[j] = c;
  }
}

void gemm_bias_f32_wasmsimd(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* w,
                            const float* b, float* z) {
  for (std::size_t i = 0; i < m; ++i) axpy_rows(k, n, x + i * k, 1, w, b, z + i * n);
}

void gemm_tn_f32_wasmsimd(std::size_t m, std::size_t k, std::size_t n, const float* x, const float* g, float* gw) {
  for (std::size_t p = 0; p < k; ++p) axpy_rows(m, n, x + p, k, g, nullptr, gw + p * n);
}

void gemm_nt_f32_wasmsimd(std::size_t m, std::size_t k, std::size_t n, const float* g, const float* wt, float* gx) {
  // With W transposed (n×k) the product is G·Wᵀ = Σ_j g[i][j] · wt row j: the
  // same row-at-a-time form as the forward product, vectorised along k.
  for (std::size_t i = 0; i < m; ++i) axpy_rows(n, k, g + i * n, 1, wt, nullptr, gx + i * k);
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
