// The fused narrow dense layer (kernels/dense_small.hpp): the shipped
// variant against the unfused path it replaces (bit for bit: the same sums
// in the same order, the same activation kernel), the scalar reference
// against double precision, and the fused backward against its reference.
#include "kernels/dense_small.hpp"

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include <doctest/doctest.h>

#include "kernels/gemm_small.hpp"
#include "kernels/kernels.hpp"
#include "oracle.hpp"
#include "ulp.hpp"

namespace nnplay {
namespace {

using Vec = std::vector<float>;
using kernels::FusedAct;

Vec random_vec(std::size_t n, std::uint32_t& state, float scale) {
  Vec v(n);
  for (float& x : v) x = scale * (float((state = state * 1664525u + 1013904223u) >> 8) / 8388608.0f - 1.0f);
  return v;
}

// Equal as bit patterns, except that any NaN equals any NaN (the payload is not part of the contract).
bool same(float a, float b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  std::uint32_t p, q;
  std::memcpy(&p, &a, 4), std::memcpy(&q, &b, 4);
  return p == q;
}

void check_same(const Vec& got, const Vec& want) {
  REQUIRE(got.size() == want.size());
  int bad = 0;
  for (std::size_t i = 0; i < got.size(); ++i) bad += same(got[i], want[i]) ? 0 : 1;
  CHECK(bad == 0);
}

struct Case {
  Activation activation;
  FusedAct fused;
};
const Case kCases[] = {{Activation::kLinear, FusedAct::kLinear},
                       {Activation::kRelu, FusedAct::kRelu},
                       {Activation::kTanh, FusedAct::kTanh},
                       {Activation::kSigmoid, FusedAct::kSigmoid}};

// What Network::forward computed before the fusion: the shipped product, the
// shipped activation kernel, then f' as the training pass forms it.
void unfused(std::size_t m, std::size_t k, std::size_t n, const Vec& x, const Vec& w, const Vec& b, Activation act,
             Vec* z, Vec* a, Vec* d) {
  z->resize(m * n), a->resize(m * n), d->resize(m * n);
  kernels::gemm_bias_f32(m, k, n, x.data(), w.data(), b.data(), z->data());
  const kernels::KernelSet& ks = kernels::kernels_for(act);
  (NNPLAY_SIMD ? ks.forward_simd : ks.forward_scalar)(m * n, z->data(), a->data(), kernels::KernelArgs{});
  for (std::size_t i = 0; i < m * n; ++i) {
    const float av = (*a)[i];
    if (act == Activation::kTanh) (*d)[i] = 1.0f - av * av;
    else if (act == Activation::kSigmoid) (*d)[i] = av * (1.0f - av);
  }
  if (act == Activation::kLinear || act == Activation::kRelu)
    (NNPLAY_SIMD ? ks.derivative_simd : ks.derivative_scalar)(m * n, z->data(), d->data(), kernels::KernelArgs{});
}

TEST_CASE("dense_small: the fused layer equals the unfused product, kernel and f' bit for bit") {
  std::uint32_t state = 7;
  for (const Case& c : kCases) {
    for (std::size_t m : {1, 2, 3, 5, 10, 17}) {
      for (std::size_t k : {1, 2, 3, 8, 9}) {
        for (std::size_t n : {4, 8}) {
          CAPTURE(activation_name(c.activation));
          CAPTURE(m);
          CAPTURE(k);
          CAPTURE(n);
          Vec x = random_vec(m * k, state, 4.0f), w = random_vec(k * n, state, 1.5f), b = random_vec(n, state, 1.0f);
          // IEEE values on the way: a NaN, ±inf and a huge input reach the activation.
          if (m * k > 3) x[0] = NAN, x[1] = INFINITY, x[2] = -INFINITY, x[3] = 1e30f;
          Vec z0, a0, d0;
          unfused(m, k, n, x, w, b, c.activation, &z0, &a0, &d0);
          Vec z(m * n), a(m * n), d(m * n), a_eval(m * n);
          kernels::dense_act_f32(m, k, n, x.data(), w.data(), b.data(), c.fused, z.data(), a.data(), d.data());
          check_same(z, z0);
          check_same(a, a0);
          check_same(d, d0);
          // Evaluation (no f'): the same outputs.
          kernels::dense_act_f32(m, k, n, x.data(), w.data(), b.data(), c.fused, z.data(), a_eval.data(), nullptr);
          check_same(a_eval, a0);
        }
      }
    }
  }
}

TEST_CASE("dense_small: fused forward against double precision") {
  std::uint32_t state = 11;
  for (const Case& c : kCases) {
    for (std::size_t k : {2, 8}) {
      for (std::size_t n : {4, 8}) {
        const std::size_t m = 10;
        CAPTURE(activation_name(c.activation));
        CAPTURE(k);
        CAPTURE(n);
        const Vec x = random_vec(m * k, state, 3.0f), w = random_vec(k * n, state, 1.5f), b = random_vec(n, state, 1.0f);
        Vec z(m * n), a(m * n), d(m * n);
        kernels::dense_act_f32(m, k, n, x.data(), w.data(), b.data(), c.fused, z.data(), a.data(), d.data());
        for (std::size_t i = 0; i < m; ++i) {
          for (std::size_t j = 0; j < n; ++j) {
            double s = b[j], mag = std::fabs(b[j]);
            for (std::size_t p = 0; p < k; ++p) s += double(x[i * k + p]) * w[p * n + j], mag += std::fabs(double(x[i * k + p]) * w[p * n + j]);
            const std::size_t at = i * n + j;
            // A float sum of k + 1 terms, each product and add rounding once: (k + 1)·2^-23·Σ|terms|.
            CHECK(std::fabs(z[at] - s) <= double(k + 1) * FLT_EPSILON * mag);
            // f of the float z: the kernel's forward bound (4 ulp where the result is normal, README).
            const double want = oracle::forward(c.activation, default_params(c.activation), double(z[at]));
            if (testing::is_normal_result(want)) CHECK(testing::compare(a[at], want).ulps <= 4.0);
            else CHECK(std::fabs(a[at] - want) <= FLT_MIN);
            // f' from a: |Δa| <= 4 ulp <= 2^-22 (|a| <= 1 for tanh and sigmoid), so 1 - a² and
            // a(1 - a) move by at most 2·2^-22, plus two roundings of 2^-24: 2^-20 holds it with room.
            const double dwant = oracle::derivative(c.activation, default_params(c.activation), double(z[at]));
            CHECK(std::fabs(d[at] - dwant) <= 0x1p-20);
          }
        }
      }
    }
  }
}

TEST_CASE("dense_small: fused backward equals its reference and double precision") {
  std::uint32_t state = 23;
  struct Shape {
    std::size_t k, n;
    bool gx;
  };
  for (const Shape s : {Shape{2, 8, false}, Shape{2, 4, false}, Shape{8, 8, true}, Shape{4, 8, true}, Shape{8, 4, true},
                        Shape{8, 1, true}, Shape{4, 1, true}, Shape{3, 8, false}}) {
    for (std::size_t m : {1, 3, 10, 13}) {
      CAPTURE(s.k);
      CAPTURE(s.n);
      CAPTURE(m);
      REQUIRE(kernels::fused_backward_fits(int(s.k), int(s.n), s.gx));
      const Vec x = random_vec(m * s.k, state, 1.0f), gz = random_vec(m * s.n, state, 0.5f);
      const Vec w = random_vec(s.k * s.n, state, 1.0f), dp = random_vec(m * s.k, state, 1.0f);
      Vec gw(s.k * s.n), gb(s.n), gx(m * s.k), gw0(gw), gb0(gb), gx0(gx);
      float* gxp = s.gx ? gx.data() : nullptr;
      kernels::dense_backward_f32(m, s.k, s.n, x.data(), gz.data(), w.data(), gw.data(), gb.data(), dp.data(), gxp);
      kernels::dense_backward_f32_scalar(m, s.k, s.n, x.data(), gz.data(), w.data(), gw0.data(), gb0.data(), dp.data(),
                                         s.gx ? gx0.data() : nullptr);
      // The same sums in the same order as the reference.
      check_same(gw, gw0);
      check_same(gb, gb0);
      check_same(gx, gx0);
      // The reference against double: sums of m (G_W, g_b) or n (G_X) terms, then one more rounding for ∘ d.
      for (std::size_t p = 0; p < s.k; ++p)
        for (std::size_t j = 0; j < s.n; ++j) {
          double want = 0, mag = 0;
          for (std::size_t r = 0; r < m; ++r)
            want += double(x[r * s.k + p]) * gz[r * s.n + j], mag += std::fabs(double(x[r * s.k + p]) * gz[r * s.n + j]);
          CHECK(std::fabs(gw0[p * s.n + j] - want) <= double(m + 1) * FLT_EPSILON * mag);
        }
      for (std::size_t j = 0; j < s.n; ++j) {
        double want = 0, mag = 0;
        for (std::size_t r = 0; r < m; ++r) want += gz[r * s.n + j], mag += std::fabs(gz[r * s.n + j]);
        CHECK(std::fabs(gb0[j] - want) <= double(m + 1) * FLT_EPSILON * mag);
      }
      if (!s.gx) continue;
      for (std::size_t r = 0; r < m; ++r)
        for (std::size_t q = 0; q < s.k; ++q) {
          double sum = 0, mag = 0;
          for (std::size_t j = 0; j < s.n; ++j)
            sum += double(gz[r * s.n + j]) * w[q * s.n + j], mag += std::fabs(double(gz[r * s.n + j]) * w[q * s.n + j]);
          const double d = dp[r * s.k + q];
          CHECK(std::fabs(gx0[r * s.k + q] - sum * d) <= double(s.n + 2) * FLT_EPSILON * mag * std::fabs(d));
        }
    }
  }
}

TEST_CASE("dense_small: the one-unit output layer equals the product it replaces bit for bit") {
  std::uint32_t state = 11;
  for (std::size_t m : {1, 3, 4, 7, 8, 10, 13, 64}) {
    for (std::size_t k : {1, 2, 3, 4, 5, 8, 9, 16}) {
      CAPTURE(m);
      CAPTURE(k);
      const Vec x = random_vec(m * k, state, 2.0f), w = random_vec(k, state, 1.0f), b = random_vec(1, state, 1.0f);
      Vec z(m), z_gemm(m), z_ref(m);
      kernels::dense_out1_f32(m, k, x.data(), w.data(), b.data(), z.data());
      kernels::gemm_bias_f32(m, k, 1, x.data(), w.data(), b.data(), z_gemm.data());  // the path it replaces
      kernels::gemm_bias_f32_scalar(m, k, 1, x.data(), w.data(), b.data(), z_ref.data());
      check_same(z, z_gemm);
      check_same(z, z_ref);
    }
  }
}

}  // namespace
}  // namespace nnplay
