// Error of a float result against a double reference, in units in the last
// place of the reference rounded to float.
#pragma once
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace nnplay::testing {

inline float float_from_bits(std::uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

// ulp(w): the gap between adjacent floats at |w|, for |w| in the normal range.
inline double ulp_of(double want) {
  int e;
  std::frexp(std::fabs(want), &e);  // |want| = m·2^e, m in [0.5, 1)
  return std::ldexp(1.0, std::max(e - 24, -149));
}

// How a result compares with its reference. Special values must match exactly
// in kind (NaN for NaN, the same infinity); finite references give an error.
struct Error {
  bool kind_mismatch = false;
  double ulps = 0.0;
  double abs = 0.0;
};

inline Error compare(float got, double want) {
  Error e;
  if (std::isnan(want) || std::isnan(got)) {
    e.kind_mismatch = std::isnan(want) != std::isnan(got);
    return e;
  }
  const double rounded = static_cast<float>(want);  // what a perfect float kernel returns
  if (std::isinf(rounded) || std::isinf(got)) {
    e.kind_mismatch = static_cast<double>(got) != rounded;
    return e;
  }
  e.abs = std::fabs(static_cast<double>(got) - want);
  e.ulps = e.abs / ulp_of(want);
  return e;
}

// The forward bound only applies where the true result is a normal float.
inline bool is_normal_result(double want) {
  const double a = std::fabs(want);
  return a >= FLT_MIN && a <= FLT_MAX;
}

}  // namespace nnplay::testing
