// Each vector primitive of core/src/kernels/vmath.hpp against a double
// reference over the bit-pattern sweep of tests/sweep.hpp, asserting the bound
// stated in vmath.hpp's header and printing the measured maximum (run with -s).
// Errors are counted in ulps of the reference; below FLT_MIN that is the
// subnormal spacing 2^-149, so one bound covers normal and subnormal results.
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstring>

#include <doctest/doctest.h>

#include "kernels/map.hpp"
#include "kernels/vmath.hpp"
#include "sweep.hpp"

#if NNPLAY_SIMD
namespace nnplay {
namespace {

using testing::Error;

// Inputs outside [lo, hi] are replaced by NaN on both sides, so they only
// check that NaN stays NaN.
struct Domain {
  double lo = -INFINITY, hi = INFINITY;
  bool contains(double x) const { return x >= lo && x <= hi; }
};

template <class VecOp>
testing::SweepStats sweep_op(VecOp op, double (*ref)(double), Domain d, double bound) {
  const auto run = [&](std::size_t n, const float* x, float* y) {
    kernels::map_f32x4(n, x, y, op);
    for (std::size_t i = 0; i < n; ++i)
      if (!d.contains(x[i])) y[i] = NAN;
  };
  const auto oracle = [&](double x) { return d.contains(x) ? ref(x) : NAN; };
  const auto judge = [bound](const Error& e, double) { return !e.kind_mismatch && e.ulps <= bound; };
  return testing::sweep(run, oracle, judge);
}

void report(const char* name, const testing::SweepStats& st, double bound) {
  std::printf("  %-30s max %.2f ulp at x=%.9g (bound %.1f, %zu points)\n", name, st.max_ulps,
              static_cast<double>(st.worst_x), bound, st.checked);
  char where[160];
  std::snprintf(where, sizeof where, "first failure at x=%.9g (%a) got %.9g want %.17g",
                static_cast<double>(st.first_failure), static_cast<double>(st.first_failure),
                static_cast<double>(st.first_failure_got), st.first_failure_want);
  INFO(name, ": ", where);
  CHECK(st.failures == 0);
}

double ref_exp(double x) { return std::exp(x); }
double ref_expm1(double x) { return std::expm1(x); }
double ref_log1p(double x) { return std::log1p(x); }
double ref_x_exp(double x) { return x * std::exp(x); }
double ref_5_exp(double x) { return 5.0 * std::exp(x); }
// hi = x, lo = x·2^-13 (exact in float): e^(hi + lo), with hi + lo exact in double.
double ref_exp_hilo(double x) { return std::exp(x + std::ldexp(x, -13)); }

TEST_CASE("vmath primitives meet their stated bounds on a sweep of all floats") {
  std::printf("vmath primitives vs double reference (stride 2^%u+1 bit patterns):\n",
              testing::sweep_log2());
  SUBCASE("exp") {
    const auto op = [](v128_t x) { return kernels::exp_f32x4_rr2_p6(x); };
    report("exp_f32x4_rr2_p6", sweep_op(op, ref_exp, {}, 1.1), 1.1);
  }
  SUBCASE("exp with a low part") {
    const auto op = [](v128_t x) {
      return kernels::exp_f32x4_rr2_p6(x, wasm_f32x4_mul(x, wasm_f32x4_splat(0x1p-13f)));
    };
    report("exp_f32x4_rr2_p6(hi, lo)", sweep_op(op, ref_exp_hilo, {}, 1.5), 1.5);
  }
  SUBCASE("exp_neg with a low part on [-87.2, 0] (normal results)") {
    const auto op = [](v128_t x) {
      return kernels::exp_neg_f32x4_rr2_p6(x, wasm_f32x4_mul(x, wasm_f32x4_splat(0x1p-13f)));
    };
    report("exp_neg_f32x4_rr2_p6(hi, lo)", sweep_op(op, ref_exp_hilo, {-87.2, 0.0}, 1.5), 1.5);
  }
  SUBCASE("mul_exp: x·e^x and 5·e^x") {
    // x·e^x for x in [-150, 0], the unclamped split as swish uses it: t = x there.
    const auto op_x = [](v128_t x) {
      return kernels::mul_exp_f32x4(x, kernels::exp_split_nc_f32x4_rr2_p6(x));
    };
    report("mul_exp_f32x4(x, split_nc(x))", sweep_op(op_x, ref_x_exp, {-150.0, 0.0}, 1.5), 1.5);
    const auto op_5 = [](v128_t x) {
      return kernels::mul_exp_f32x4(wasm_f32x4_splat(5.0f), kernels::exp_split_f32x4_rr2_p6(x));
    };
    report("mul_exp_f32x4(5, split(x))", sweep_op(op_5, ref_5_exp, {}, 1.5), 1.5);
  }
  SUBCASE("expm1") {
    const auto op = [](v128_t x) { return kernels::expm1_f32x4_rr2_p6(x); };
    report("expm1_f32x4_rr2_p6", sweep_op(op, ref_expm1, {-INFINITY, 88.0}, 2.0), 2.0);
  }
  SUBCASE("expm1 for x <= 0") {
    const auto op = [](v128_t x) { return kernels::expm1_neg_f32x4_rr1_p6(x); };
    report("expm1_neg_f32x4_rr1_p6", sweep_op(op, ref_expm1, {-INFINITY, 0.0}, 2.0), 2.0);
  }
  SUBCASE("exp_neg on [-87.3, 0] (normal results)") {
    const auto op = [](v128_t x) { return kernels::exp_neg_f32x4_rr2_p6(x); };
    report("exp_neg_f32x4_rr2_p6", sweep_op(op, ref_exp, {-87.3, 0.0}, 1.1), 1.1);
  }
  SUBCASE("the negated reduction equals the reduction of -x, bit for bit") {
    // exp_reduced<true>(x) promises the roundings of exp_reduced<false>(-x);
    // sigmoid's error analysis rests on it. Every 2^k+1-th float in [-87.5, 87.5].
    std::size_t checked = 0, differ = 0;
    for (std::uint64_t b = 0; b < (std::uint64_t{1} << 32); b += (std::uint64_t{1} << testing::sweep_log2()) + 1) {
      float x;
      const auto bits = static_cast<std::uint32_t>(b);
      std::memcpy(&x, &bits, sizeof x);
      if (!(std::fabs(x) <= 87.5f)) continue;
      const auto neg = kernels::exp_reduced_f32x4_rr2_p6<true>(wasm_f32x4_splat(x));
      const auto pos = kernels::exp_reduced_f32x4_rr2_p6<false>(wasm_f32x4_splat(-x));
      ++checked;
      differ += !wasm_i32x4_all_true(wasm_i32x4_eq(neg.p, pos.p)) || !wasm_i32x4_all_true(wasm_i32x4_eq(neg.nb, pos.nb));
    }
    INFO(checked, " points");
    CHECK(checked > 1000);
    CHECK(differ == 0);
  }
  SUBCASE("exp_split_nc and exp_f32x4 on [-150, 89]") {
    const auto op = [](v128_t x) { return kernels::exp_f32x4(kernels::exp_split_nc_f32x4_rr2_p6(x)); };
    report("exp_f32x4(exp_split_nc(x))", sweep_op(op, ref_exp, {-150.0, 89.0}, 1.1), 1.1);
  }
  SUBCASE("log1p") {
    const auto op = [](v128_t x) { return kernels::log1p_f32x4(x); };
    report("log1p_f32x4", sweep_op(op, ref_log1p, {-0.25, 1.0}, 1.0), 1.0);
  }
}

}  // namespace
}  // namespace nnplay
#endif  // NNPLAY_SIMD
