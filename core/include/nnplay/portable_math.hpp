// Math that gives the same bits natively (glibc) and in wasm (musl): glibc
// and musl may differ in the last bit of std::sin or std::log, and the same
// seed must give the same data and weights on both. These use only +, -, *, /
// and floor/frexp/fmod/sqrt, which are exact or correctly rounded everywhere, in
// double; callers round to float. Accuracy (~1e-16 relative) is far beyond
// what float data needs.
#pragma once
#include <cmath>
#include <cstdint>
#include <limits>

namespace nnplay {

constexpr double kPi = 3.14159265358979323846;

// Up to this |x| portable_sin_cos is sin and cos to ~1e-16 (absolute).
constexpr double kPortableTrigExact = 1e6;

// sin and cos of x, defined for every double:
//  * |x| <= kPortableTrigExact: sin x and cos x within ~1e-16. Range reduction
//    by π/2 in two parts (Cody–Waite): kPio2Hi has 33 significant bits, so
//    k·kPio2Hi is exact for |k| < 2^20; then Taylor series on |r| <= π/4
//    (truncation < 1e-18).
//  * larger finite |x|: the same function of std::fmod(x, 2·kPi), which is
//    exact (so identical everywhere) but not sin x: the double 2·kPi is off
//    from 2π by ~2.4e-16, a phase error of ~|x|·4e-17 radians. A bounded,
//    reproducible value in [-1, 1]; such inputs carry no usable phase anyway.
//  * ±inf and NaN: NaN for both, as std::sin and std::cos give.
inline void portable_sin_cos(double x, double* s, double* c) {
  constexpr double kPio2Hi = 1.57079632673412561417e+00;
  constexpr double kPio2Lo = 6.07710050650619224932e-11;
  if (!std::isfinite(x)) {
    *s = *c = std::numeric_limits<double>::quiet_NaN();
    return;
  }
  // Keeps k small: the quadrant cast below is then always defined.
  if (std::fabs(x) > kPortableTrigExact) x = std::fmod(x, 2.0 * kPi);
  const double k = std::floor(x * (2.0 / kPi) + 0.5);
  const double r = (x - k * kPio2Hi) - k * kPio2Lo;
  const double r2 = r * r;
  // sin r = r(1 - r²/3! + r⁴/5! - … - r¹⁶/17!), cos r = 1 - r²/2! + … + r¹⁸/18!
  double ps = -1.0 / 355687428096000.0;  // -1/17!
  ps = ps * r2 + 1.0 / 1307674368000.0;
  ps = ps * r2 - 1.0 / 6227020800.0;
  ps = ps * r2 + 1.0 / 39916800.0;
  ps = ps * r2 - 1.0 / 362880.0;
  ps = ps * r2 + 1.0 / 5040.0;
  ps = ps * r2 - 1.0 / 120.0;
  ps = ps * r2 + 1.0 / 6.0;
  const double sr = r - r * r2 * ps;
  double pc = 1.0 / 6402373705728000.0;  // 1/18!
  pc = pc * r2 - 1.0 / 20922789888000.0;
  pc = pc * r2 + 1.0 / 87178291200.0;
  pc = pc * r2 - 1.0 / 479001600.0;
  pc = pc * r2 + 1.0 / 3628800.0;
  pc = pc * r2 - 1.0 / 40320.0;
  pc = pc * r2 + 1.0 / 720.0;
  pc = pc * r2 - 1.0 / 24.0;
  pc = pc * r2 + 0.5;
  const double cr = 1.0 - r2 * pc;
  // Quadrant: x = kπ/2 + r.
  const auto q = static_cast<std::int64_t>(k) & 3;
  switch (q) {
    case 0: *s = sr; *c = cr; break;
    case 1: *s = cr; *c = -sr; break;
    case 2: *s = -sr; *c = -cr; break;
    default: *s = -cr; *c = sr; break;
  }
}

inline double portable_sin(double x) {
  double s, c;
  portable_sin_cos(x, &s, &c);
  return s;
}

// ln x for finite x > 0: x = m·2^e with m in [√½, √2), ln m = 2·atanh(t),
// t = (m-1)/(m+1), |t| <= 0.172; series to t²¹ (truncation < 1e-18).
inline double portable_log(double x) {
  int e = 0;
  double m = std::frexp(x, &e);
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    --e;
  }
  const double t = (m - 1.0) / (m + 1.0);
  const double t2 = t * t;
  double p = 1.0 / 21.0;
  for (int n = 19; n >= 1; n -= 2) p = p * t2 + 1.0 / n;
  constexpr double kLn2 = 0.69314718055994530942;
  return e * kLn2 + 2.0 * t * p;
}


}  // namespace nnplay
