// Runs a kernel over a sweep of float bit patterns plus hand-picked special
// values and compares every result with a double-precision oracle.
#pragma once
#include <cfloat>
#include <cstdint>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <vector>

#include "ulp.hpp"

namespace nnplay::testing {

// log2 of the sweep stride: NNPLAY_SWEEP_LOG2 (default 10) → the stride is
// 2^k + 1, odd so that low mantissa bits vary too; k = 10 visits ~4.2M floats.
inline unsigned sweep_log2() {
  const char* s = std::getenv("NNPLAY_SWEEP_LOG2");
  const int k = s ? std::atoi(s) : 10;
  return static_cast<unsigned>(k < 4 ? 4 : k > 24 ? 24 : k);
}

// ±0, ±inf, NaN, the float extremes, and the points where kernels switch
// formulas or saturate (with their neighbours).
inline std::vector<float> special_inputs() {
  std::vector<float> v = {0.0f, -0.0f, std::numeric_limits<float>::infinity(),
                          -std::numeric_limits<float>::infinity(),
                          std::numeric_limits<float>::quiet_NaN(), FLT_MIN, -FLT_MIN, FLT_MAX,
                          -FLT_MAX, FLT_TRUE_MIN, -FLT_TRUE_MIN, 1e-20f, -1e-20f};
  const float cut[] = {0.25f, 0.5f,  0.625f, 0.75f, 1.0f,  1.25f, 2.0f,  3.0f,   5.0f,
                       5.8f,  8.0f,  9.0f,   9.01f, 10.0f, 13.0f, 13.2f, 14.0f,  15.0f,
                       17.4f, 18.0f, 20.0f,  30.0f, 40.0f, 87.0f, 87.3f, 88.7f, 88.73f,
                       89.0f, 103.0f, 104.0f, 105.0f, 200.0f, 1e6f,  1e20f};
  for (float c : cut) {
    for (float s : {c, -c}) {
      v.push_back(s);
      v.push_back(std::nextafter(s, 0.0f));
      v.push_back(std::nextafter(s, 2.0f * s));
    }
  }
  return v;
}

// Calls f(x) for every float of the sweep (bit patterns 0, stride, 2·stride, …,
// stride = 2^sweep_log2() + 1), NaNs included; returns how many.
template <class F>
std::uint64_t for_each_swept_float(F&& f) {
  const std::uint32_t stride = (1u << sweep_log2()) + 1;
  std::uint64_t n = 0;
  for (std::uint64_t bits = 0; bits <= 0xffffffffull; bits += stride, ++n) {
    const auto b = static_cast<std::uint32_t>(bits);
    float x;
    std::memcpy(&x, &b, sizeof x);
    f(x);
  }
  return n;
}

struct SweepStats {
  double max_ulps = 0.0;  // over normal results
  float worst_x = 0.0f;
  // Over normal results whose error exceeds 2^-24 absolute: the points where a
  // derivative's ulp bound is the one that matters (near a root the relative
  // error of any float formula is unbounded, and the absolute bound applies).
  double max_ulps_beyond_abs = 0.0;
  double max_abs = 0.0;  // over finite results
  std::size_t checked = 0;
  std::size_t failures = 0;
  float first_failure = 0.0f;
  float first_failure_got = 0.0f;
  double first_failure_want = 0.0;
};

using BatchKernel = std::function<void(std::size_t, const float*, float*)>;
using Oracle = std::function<double(double)>;
// Decides whether one result is acceptable and how many ulps it counts for.
using Judge = std::function<bool(const Error&, double want)>;

inline void check_batch(const std::vector<float>& xs, const BatchKernel& kernel,
                        const Oracle& oracle, const Judge& judge, SweepStats& st) {
  std::vector<float> ys(xs.size());
  kernel(xs.size(), xs.data(), ys.data());
  for (std::size_t i = 0; i < xs.size(); ++i) {
    // At ±inf the oracle is evaluated at ±1e300, which gives the limit (and
    // rounds to ±inf as a float) where the formula would form inf·0.
    const double x = std::isinf(xs[i]) ? std::copysign(1e300, xs[i]) : xs[i];
    const double want = oracle(x);
    const Error e = compare(ys[i], want);
    ++st.checked;
    if (!judge(e, want)) {
      if (st.failures++ == 0) {
        st.first_failure = xs[i];
        st.first_failure_got = ys[i];
        st.first_failure_want = want;
      }
    }
    if (e.kind_mismatch) continue;
    st.max_abs = std::max(st.max_abs, e.abs);
    if (!is_normal_result(want)) continue;
    if (e.ulps > st.max_ulps) {
      st.max_ulps = e.ulps;
      st.worst_x = xs[i];
    }
    if (e.abs > 0x1p-24) st.max_ulps_beyond_abs = std::max(st.max_ulps_beyond_abs, e.ulps);
  }
}

inline SweepStats sweep(const BatchKernel& kernel, const Oracle& oracle, const Judge& judge) {
  SweepStats st;
  check_batch(special_inputs(), kernel, oracle, judge, st);
  const std::uint64_t stride = (1ull << sweep_log2()) + 1;
  std::vector<float> xs;
  xs.reserve(1 << 16);
  for (std::uint64_t bits = 0; bits < (1ull << 32); bits += stride) {
    xs.push_back(float_from_bits(static_cast<std::uint32_t>(bits)));
    if (xs.size() == xs.capacity()) {
      check_batch(xs, kernel, oracle, judge, st);
      xs.clear();
    }
  }
  check_batch(xs, kernel, oracle, judge, st);
  return st;
}

// The bounds: forward <= 4 ulp where the true result is a normal
// float (subnormal results: within FLT_MIN absolute); derivatives <= 8 ulp or
// within 2^-24 absolute.
inline bool forward_ok(const Error& e, double want) {
  if (e.kind_mismatch) return false;
  if (is_normal_result(want)) return e.ulps <= 4.0;
  return e.abs <= FLT_MIN;
}
inline bool derivative_ok(const Error& e, double) {
  return !e.kind_mismatch && (e.ulps <= 8.0 || e.abs <= 0x1p-24);
}

}  // namespace nnplay::testing
