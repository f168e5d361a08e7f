#include "number_format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace nnplay {
namespace {

// More digits never undo a round trip (the nearest (n+1)-digit decimal is at
// least as close as the nearest n-digit one), so binary search the count.
template <class T>
std::string shortest(T v, int max_digits) {
  char buf[40];
  const auto reads_back = [&](int digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(v));
    return static_cast<T>(std::strtod(buf, nullptr)) == v;
  };
  int lo = 1, hi = max_digits;  // max_digits always round-trips
  while (lo < hi) {
    const int mid = (lo + hi) / 2;
    if (reads_back(mid)) hi = mid; else lo = mid + 1;
  }
  reads_back(lo);
  // %g writes 50 as "5e+01" at one digit: a whole number below 1e17 is
  // written out in full instead, with the same significant digits.
  const double shown = std::strtod(buf, nullptr);
  if (std::strchr(buf, 'e') && std::floor(shown) == shown && std::fabs(shown) < 1e17) {
    std::snprintf(buf, sizeof buf, "%.0f", shown);
  }
  return buf;
}

}  // namespace

std::string shortest_float(float f) { return shortest(f, 9); }
std::string shortest_double(double d) { return shortest(d, 17); }

std::string json_number(double d) {
  if (!std::isfinite(d)) return "null";
  const float f = static_cast<float>(d);
  return static_cast<double>(f) == d ? shortest_float(f) : shortest_double(d);
}

}  // namespace nnplay
