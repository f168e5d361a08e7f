// Private helpers of the dataset sources: the CSV plumbing shared by the three
// parsers. Their math is portable_math.hpp, so a seed gives the same bytes
// natively and in wasm.
#pragma once
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "nnplay/portable_math.hpp"
#include "nnplay/rng.hpp"

namespace nnplay {
namespace detail {

using nnplay::kPi;
using nnplay::portable_log;
using nnplay::portable_sin;
using nnplay::portable_sin_cos;
inline double normal(Rng& rng) { return rng.normal(); }

// Uniform in [lo, hi), in double so scaling adds no float rounding.
inline double uniform(Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }

// Lines of a text: '\n' ends a line, one '\r' before it is dropped; a final
// newline does not start an extra line. Line numbers are 1-based.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}
  bool next(std::string_view* line) {
    if (pos_ >= text_.size()) return false;
    std::size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view l = text_.substr(pos_, end - pos_);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    pos_ = end + 1;
    ++number_;
    *line = l;
    return true;
  }
  int number() const { return number_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int number_ = 0;
};

bool is_blank(std::string_view s);
std::string_view trim(std::string_view s);
// Splits on ','; stops at max_fields + 1 fields so a huge line costs nothing,
// and returns the number found (capped at max_fields + 1).
int split_fields(std::string_view line, std::string_view* fields, int max_fields);

enum class NumberResult { kOk, kEmpty, kNotNumber, kNotFinite };
// A plain decimal number ([+-]digits[.digits][e[+-]digits]); "nan", "inf",
// hex and values beyond float's range are kNotFinite or kNotNumber.
NumberResult parse_number(std::string_view s, double* value);
// The field quoted for an error message, cut to 24 characters.
std::string quote_field(std::string_view s);
std::string line_prefix(const char* what, int line);

}  // namespace detail
}  // namespace nnplay
