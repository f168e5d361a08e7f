// Every kernel, scalar and SIMD, forward and derivative, against the double
// oracle over a bit-pattern sweep of all floats. Prints the measured maximum
// ulp error per kernel (run the test binary with -s to see the table).
#include <cstdio>

#include <doctest/doctest.h>

#include "kernels/kernels.hpp"
#include "nnplay/activation.hpp"
#include "oracle.hpp"
#include "sweep.hpp"

namespace nnplay {
namespace {

using kernels::KernelArgs;
using kernels::UnaryKernel;

struct Case {
  Activation a;
  ActivationParams p;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (int i = 0; i < kActivationCount; ++i) {
    const auto a = static_cast<Activation>(i);
    out.push_back({a, default_params(a)});
  }
  // The article's figure uses leaky α = 0.2 and ELU α = 2.0.
  ActivationParams leaky = default_params(Activation::kLeakyRelu);
  leaky.alpha = 0.2f;
  out.push_back({Activation::kLeakyRelu, leaky});
  ActivationParams elu = default_params(Activation::kElu);
  elu.alpha = 2.0f;
  out.push_back({Activation::kElu, elu});
  return out;
}

KernelArgs args_for(const Case& c) {
  KernelArgs k;
  k.alpha = c.a == Activation::kRrelu ? 0.5f * (c.p.lower + c.p.upper) : c.p.alpha;
  return k;
}

void check_kernel(const Case& c, UnaryKernel kernel, const char* variant, bool derivative) {
  if (kernel == nullptr) return;
  const KernelArgs args = args_for(c);
  const auto run = [&](std::size_t n, const float* x, float* y) { kernel(n, x, y, args); };
  const auto oracle = [&](double x) {
    return derivative ? oracle::derivative(c.a, c.p, x) : oracle::forward(c.a, c.p, x);
  };
  const testing::SweepStats st =
      testing::sweep(run, oracle, derivative ? testing::derivative_ok : testing::forward_ok);
  if (derivative) {
    std::printf("  %-10s a=%-8g %-10s %-6s max %5.2f ulp where |error| > 2^-24; max abs error %.2g (%zu points)\n",
                activation_name(c.a), static_cast<double>(args.alpha), "derivative", variant,
                st.max_ulps_beyond_abs, st.max_abs, st.checked);
  } else {
    std::printf("  %-10s a=%-8g %-10s %-6s max %5.2f ulp at x=%.9g (%zu points)\n", activation_name(c.a),
                static_cast<double>(args.alpha), "forward", variant, st.max_ulps, static_cast<double>(st.worst_x),
                st.checked);
  }
  char where[160];
  std::snprintf(where, sizeof where, "first failure at x=%.9g (%a) got %.9g want %.17g",
                static_cast<double>(st.first_failure), static_cast<double>(st.first_failure),
                static_cast<double>(st.first_failure_got), st.first_failure_want);
  INFO(activation_name(c.a), " ", variant, derivative ? " derivative" : " forward",
       " alpha=", args.alpha, ": ", where);
  CHECK(st.failures == 0);
}

TEST_CASE("every activation kernel meets its error bound on a sweep of all floats") {
  std::printf("Activation kernels vs double oracle (stride 2^%u+1 bit patterns):\n",
              testing::sweep_log2());
  for (const Case& c : cases()) {
    const kernels::KernelSet& k = kernels::kernels_for(c.a);
    check_kernel(c, k.forward_scalar, "scalar", false);
    check_kernel(c, k.forward_simd, "simd", false);
    check_kernel(c, k.derivative_scalar, "scalar", true);
    check_kernel(c, k.derivative_simd, "simd", true);
  }
}

}  // namespace
}  // namespace nnplay
