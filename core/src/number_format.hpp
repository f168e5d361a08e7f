// The core's one number formatter for JSON and CSV: the shortest decimal that
// reads back to the same value. std::to_chars would do this, but emscripten
// 3.1.6's libc++ has no floating-point to_chars (docs/TOOLCHAIN.md), so it is
// written here on snprintf/strtod; tests/number_format_test.cpp checks the
// round trip and the shortness on a sweep of float bit patterns.
#pragma once
#include <string>

namespace nnplay {

// Finite f: the fewest significant digits (1..9) whose decimal, read as a
// double and narrowed to float, is exactly f ("0.03" for 0.03f).
std::string shortest_float(float f);
// Finite d: the fewest significant digits (1..17) that read back as exactly d.
std::string shortest_double(double d);
// A JSON number: shortest_float when d is exactly a float (everything the core
// computes is float), else shortest_double (seeds, step counts); "null" when
// not finite, as JSON has no NaN or infinity.
std::string json_number(double d);

}  // namespace nnplay
