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
using KernelNt = void (*)(std::size_t, std::size_t, std::size_t, const float*, const float*, float*, const float*);
using KernelSums = void (*)(std::size_t, std::size_t, const float*, float*);
using KernelBias = void (*)(std::size_t, std::size_t, std::size_t, const float*, const float*, const float*, float*);

TEST_CASE("gemm_small: forward, weight and input products agree with double precision") {
  struct Variant {
    const char* name;
    KernelBias bias;
    Kernel3 tn;
    KernelNt nt;
    KernelSums sums, transpose;
  };
  std::vector<Variant> variants = {{"scalar", kernels::gemm_bias_f32_scalar, kernels::gemm_tn_f32_scalar,
                                    kernels::gemm_nt_f32_scalar, kernels::column_sums_f32_scalar,
                                    kernels::transpose_f32_scalar}};
#if NNPLAY_SIMD
  variants.push_back({"wasmsimd", kernels::gemm_bias_f32_wasmsimd, kernels::gemm_tn_f32_wasmsimd,
                      kernels::gemm_nt_f32_wasmsimd, kernels::column_sums_f32_wasmsimd,
                      kernels::transpose_f32_wasmsimd});
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
          // g_b = Σ_rows G: a float sum of m terms
          Vec gb(n);
          v.sums(m, n, g.data(), gb.data());
          want.assign(n, 0.0), mag.assign(n, 0.0);
          for (std::size_t j = 0; j < n; ++j)
            for (std::size_t i = 0; i < m; ++i) want[j] += g[i * n + j], mag[j] += std::fabs(g[i * n + j]);
          check_close(gb, want, mag, m);
          // Wᵀ: every element moved, none changed
          Vec wt(n * k);
          v.transpose(k, n, w.data(), wt.data());
          int misplaced = 0;
          for (std::size_t p = 0; p < k; ++p)
            for (std::size_t j = 0; j < n; ++j) misplaced += wt[j * k + p] == w[p * n + j] ? 0 : 1;
          CHECK(misplaced == 0);
          // G_X = G·Wᵀ
          Vec gx(m * k);
          v.nt(m, k, n, g.data(), wt.data(), gx.data(), nullptr);
          want.assign(m * k, 0.0), mag.assign(m * k, 0.0);
          for (std::size_t i = 0; i < m; ++i)
            for (std::size_t p = 0; p < k; ++p)
              for (std::size_t j = 0; j < n; ++j) {
                want[i * k + p] += double(g[i * n + j]) * w[p * n + j];
                mag[i * k + p] += std::fabs(g[i * n + j] * w[p * n + j]);
              }
          check_close(gx, want, mag, n);
          // G_X ∘ d: each output multiplied once as it is stored, so exactly gx[i]·d[i].
          const Vec d = random_vec(m * k, state);
          Vec gxd(m * k);
          v.nt(m, k, n, g.data(), wt.data(), gxd.data(), d.data());
          int differ = 0;
          for (std::size_t i = 0; i < m * k; ++i) differ += gxd[i] == gx[i] * d[i] ? 0 : 1;
          CHECK(differ == 0);
        }
      }
    }
  }
}

#if NNPLAY_SIMD
// Every output is the same sum in the same order as the reference (the
// vector blocks and the padded tail of the last n % 4 columns alike).
TEST_CASE("gemm_small: the SIMD products equal the scalar reference bit for bit") {
  std::uint32_t state = 5;
  for (std::size_t m : {3, 10, 64}) {
    for (std::size_t k : {2, 8, 64}) {
      for (std::size_t n : {1, 3, 6, 64, 67}) {
        CAPTURE(m);
        CAPTURE(k);
        CAPTURE(n);
        const Vec x = random_vec(m * k, state), w = random_vec(k * n, state), b = random_vec(n, state);
        const Vec g = random_vec(m * n, state), d = random_vec(m * k, state);
        Vec wt(n * k);
        kernels::transpose_f32_scalar(k, n, w.data(), wt.data());
        Vec z0(m * n), z1(m * n), gw0(k * n), gw1(k * n), gx0(m * k), gx1(m * k);
        kernels::gemm_bias_f32_scalar(m, k, n, x.data(), w.data(), b.data(), z0.data());
        kernels::gemm_bias_f32_wasmsimd(m, k, n, x.data(), w.data(), b.data(), z1.data());
        kernels::gemm_tn_f32_scalar(m, k, n, x.data(), g.data(), gw0.data());
        kernels::gemm_tn_f32_wasmsimd(m, k, n, x.data(), g.data(), gw1.data());
        kernels::gemm_nt_f32_scalar(m, k, n, g.data(), wt.data(), gx0.data(), d.data());
        kernels::gemm_nt_f32_wasmsimd(m, k, n, g.data(), wt.data(), gx1.data(), d.data());
        CHECK(z0 == z1);
        CHECK(gw0 == gw1);
        CHECK(gx0 == gx1);
      }
    }
  }
}
#endif

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
