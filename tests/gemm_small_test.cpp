// The dense layer's three products (kernels/gemm_small.hpp), scalar reference
// and SIMD variant, against a double-precision product on shapes that cover
// full vectors, remainders and a single output column.
#include "kernels/gemm_small.hpp"

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <vector>

#include <doctest/doctest.h>

#include "nnplay/simd.hpp"

namespace nnplay {
namespace {

using Vec = std::vector<float>;

Vec random_vec(std::size_t n, std::uint32_t& state) {
  Vec v(n);
  for (float& x : v) x = float((state = state * 1664525u + 1013904223u) >> 8) / 8388608.0f - 1.0f;  // [-1, 1)
  return v;
}

// |got - want| <= count · 2^-23 · Σ|terms|: the usual bound for a float sum of
// `count` products, each rounding once more than the one before.
void check_close(const Vec& got, const std::vector<double>& want, const std::vector<double>& magnitude, std::size_t count) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CHECK(std::fabs(got[i] - want[i]) <= double(count + 1) * FLT_EPSILON * magnitude[i]);
  }
}

using Kernel3 = void (*)(std::size_t, std::size_t, std::size_t, const float*, const float*, float*);
using KernelBias = void (*)(std::size_t, std::size_t, std::size_t, const float*, const float*, const float*, float*);

TEST_CASE("gemm_small: forward, weight and input products agree with double precision") {
  struct Variant {
    const char* name;
    KernelBias bias;
    Kernel3 tn, nt;
  };
  std::vector<Variant> variants = {
      {"scalar", kernels::gemm_bias_f32_scalar, kernels::gemm_tn_f32_scalar, kernels::gemm_nt_f32_scalar}};
#if NNPLAY_SIMD
  variants.push_back({"wasmsimd", kernels::gemm_bias_f32_wasmsimd, kernels::gemm_tn_f32_wasmsimd,
                      kernels::gemm_nt_f32_wasmsimd});
#endif
  std::uint32_t state = 99;
  for (const Variant& v : variants) {
    for (std::size_t m : {1, 3, 10, 32}) {
      for (std::size_t k : {1, 2, 7, 8, 64}) {
        for (std::size_t n : {1, 3, 4, 8, 10, 33}) {
          CAPTURE(v.name);
          CAPTURE(m);
          CAPTURE(k);
          CAPTURE(n);
          const Vec x = random_vec(m * k, state), w = random_vec(k * n, state), b = random_vec(n, state);
          const Vec g = random_vec(m * n, state);
          // Z = X·W + b
          Vec z(m * n);
          v.bias(m, k, n, x.data(), w.data(), b.data(), z.data());
          std::vector<double> want(m * n), mag(m * n);
          for (std::size_t i = 0; i < m; ++i)
            for (std::size_t j = 0; j < n; ++j) {
              double s = b[j], a = std::fabs(b[j]);
              for (std::size_t p = 0; p < k; ++p) s += double(x[i * k + p]) * w[p * n + j], a += std::fabs(x[i * k + p] * w[p * n + j]);
              want[i * n + j] = s, mag[i * n + j] = a;
            }
          check_close(z, want, mag, k + 1);
          // G_W = Xᵀ·G
          Vec gw(k * n);
          v.tn(m, k, n, x.data(), g.data(), gw.data());
          want.assign(k * n, 0.0), mag.assign(k * n, 0.0);
          for (std::size_t p = 0; p < k; ++p)
            for (std::size_t j = 0; j < n; ++j)
              for (std::size_t i = 0; i < m; ++i) {
                want[p * n + j] += double(x[i * k + p]) * g[i * n + j];
                mag[p * n + j] += std::fabs(x[i * k + p] * g[i * n + j]);
              }
          check_close(gw, want, mag, m);
          // G_X = G·Wᵀ
          Vec gx(m * k), wt(n * k);
          for (std::size_t p = 0; p < k; ++p)
            for (std::size_t j = 0; j < n; ++j) wt[j * k + p] = w[p * n + j];
          v.nt(m, k, n, g.data(), wt.data(), gx.data());
          want.assign(m * k, 0.0), mag.assign(m * k, 0.0);
          for (std::size_t i = 0; i < m; ++i)
            for (std::size_t p = 0; p < k; ++p)
              for (std::size_t j = 0; j < n; ++j) {
                want[i * k + p] += double(g[i * n + j]) * w[p * n + j];
                mag[i * k + p] += std::fabs(g[i * n + j] * w[p * n + j]);
              }
          check_close(gx, want, mag, n);
        }
      }
    }
  }
}

TEST_CASE("gemm_small: IEEE values pass through as in the plain sums") {
  // A NaN weight poisons exactly the outputs that use it; an infinite input the same.
  const Vec x = {1, 2}, w = {NAN, 1, 0, 1}, b = {0, 0};  // k = 2, n = 2
  Vec z(2);
  kernels::gemm_bias_f32(1, 2, 2, x.data(), w.data(), b.data(), z.data());
  CHECK(std::isnan(z[0]));
  CHECK(z[1] == 3.0f);
  const Vec xi = {INFINITY, 0};
  kernels::gemm_bias_f32(1, 2, 2, xi.data(), Vec{1, 1, 1, 1}.data(), b.data(), z.data());
  CHECK(z[0] == INFINITY);
  CHECK(z[1] == INFINITY);
}

}  // namespace
}  // namespace nnplay
