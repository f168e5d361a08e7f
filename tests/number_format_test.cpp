// The one number formatter (core/src/number_format.hpp): every float of a
// sweep of bit patterns reads back exactly, and one digit fewer would not.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "number_format.hpp"
#include "sweep.hpp"

namespace nnplay {
namespace {

// Trailing zeros of a whole number ("1500000") are not significant.
int significant_digits(std::string s) {
  const auto e = s.find_first_of("eE");
  if (e == std::string::npos && s.find('.') == std::string::npos) {
    while (s.size() > 1 && s.back() == '0') s.pop_back();
  }
  int n = 0;
  bool leading = true;
  for (char c : s.substr(0, e)) {
    if (c < '0' || c > '9') continue;
    if (leading && c == '0') continue;
    leading = false;
    ++n;
  }
  return n == 0 ? 1 : n;
}

}  // namespace

TEST_CASE("shortest_float round-trips every float of the sweep, with no digit to spare") {
  std::uint64_t checked = 0;
  testing::for_each_swept_float([&](float f) {
    if (!std::isfinite(f)) return;
    const std::string s = shortest_float(f);
    const float back = static_cast<float>(std::strtod(s.c_str(), nullptr));
    REQUIRE_MESSAGE(std::memcmp(&back, &f, sizeof f) == 0, s);  // also keeps -0
    const int n = significant_digits(s);
    if (n > 1) {
      char fewer[64];
      std::snprintf(fewer, sizeof fewer, "%.*g", n - 1, static_cast<double>(f));
      REQUIRE_MESSAGE(static_cast<float>(std::strtod(fewer, nullptr)) != f, s << " vs " << fewer);
    }
    ++checked;
  });
  CHECK(checked > 1000);
}

TEST_CASE("json_number: floats as typed, doubles exactly, no NaN") {
  CHECK(json_number(0.03f) == "0.03");        // %.9g would print 0.0299999993
  CHECK(json_number(1e-7f) == "1e-07");
  CHECK(json_number(0.9f) == "0.9");
  CHECK(json_number(-0.0) == "-0");
  CHECK(json_number(50) == "50");             // %.1g would print 5e+01
  CHECK(json_number(1500000) == "1500000");
  CHECK(json_number(1e20f) == "1e+20");
  CHECK(json_number(4294967295.0) == "4294967295");   // a seed: not a float, %.9g gives 4.2949673e+09
  CHECK(json_number(9007199254740991.0) == "9007199254740991");
  CHECK(json_number(0.1) == "0.1");
  CHECK(json_number(NAN) == "null");
  CHECK(json_number(-INFINITY) == "null");
  // Doubles that are not floats read back exactly.
  for (double d : {0.1, 1.0 / 3.0, 2.0 / 3.0, 1e300, 5e-324, 123456789.123}) {
    CHECK(std::strtod(shortest_double(d).c_str(), nullptr) == d);
  }
}

}  // namespace nnplay
