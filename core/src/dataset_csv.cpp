// CSV plumbing shared by the parsers, and the two strict parsers of the shipped
// real data (data/README.md gives their formats). Strict: a deviation from the
// shipped format is an error naming the line, not something to guess around;
// only \r\n line ends and blank lines after the last row are tolerated.
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "dataset_internal.hpp"
#include "nnplay/dataset.hpp"

namespace nnplay {
namespace detail {

bool is_blank(std::string_view s) {
  for (char ch : s) {
    if (ch != ' ' && ch != '\t') return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int split_fields(std::string_view line, std::string_view* fields, int max_fields) {
  int n = 0;
  for (;;) {
    const std::size_t comma = line.find(',');
    if (n < max_fields) fields[n] = line.substr(0, comma);
    ++n;
    if (comma == std::string_view::npos || n > max_fields) return n;
    line.remove_prefix(comma + 1);
  }
}

namespace {
bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

bool names_non_finite(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  std::string lower;
  for (char ch : s.substr(0, 16)) lower += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  return lower == "nan" || lower == "inf" || lower == "infinity";
}
}  // namespace

NumberResult parse_number(std::string_view s, double* value) {
  if (s.empty()) return NumberResult::kEmpty;
  if (names_non_finite(s)) return NumberResult::kNotFinite;
  // Check the syntax first: strtod alone would also take "0x1p3", "inf" or a
  // prefix of "12abc".
  std::size_t i = 0;
  if (s[i] == '+' || s[i] == '-') ++i;
  std::size_t digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return NumberResult::kNotNumber;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return NumberResult::kNotNumber;
  }
  if (i != s.size()) return NumberResult::kNotNumber;
  // strtod is correctly rounded in glibc and musl alike, and "C" is the locale.
  char buf[64];
  std::string long_copy;
  const char* p = buf;
  if (s.size() < sizeof buf) {
    std::memcpy(buf, s.data(), s.size());
    buf[s.size()] = '\0';
  } else {
    long_copy.assign(s);
    p = long_copy.c_str();
  }
  const double v = std::strtod(p, nullptr);
  if (!(std::fabs(v) <= FLT_MAX)) return NumberResult::kNotFinite;  // a float would be ±inf
  *value = v;
  return NumberResult::kOk;
}

std::string quote_field(std::string_view s) {
  if (s.size() > 24) return "\"" + std::string(s.substr(0, 24)) + "…\"";
  return "\"" + std::string(s) + "\"";
}

std::string line_prefix(const char* what, int line) {
  return std::string(what) + ": line " + std::to_string(line) + ": ";
}

}  // namespace detail

namespace {

using detail::line_prefix;
using detail::LineReader;
using detail::quote_field;

// An unsigned decimal integer of at most 9 digits, nothing else.
bool parse_count(std::string_view s, int* out) {
  if (s.empty() || s.size() > 9) return false;
  int v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return false;
    v = v * 10 + (ch - '0');
  }
  *out = v;
  return true;
}

// After the last row only blank lines may follow.
Status check_tail(const char* what, LineReader* lines) {
  std::string_view line;
  while (lines->next(&line)) {
    if (!detail::is_blank(line)) {
      return Status::invalid(line_prefix(what, lines->number()) + "unexpected text after the last row");
    }
  }
  return {};
}

}  // namespace

Status parse_digits_csv(std::string_view text, Dataset* out) {
  constexpr int kPixels = 64, kFields = kPixels + 1;
  Dataset d;
  d.inputs = kPixels;
  d.classes = 10;
  for (int c = 0; c < 10; ++c) d.class_names.push_back(std::to_string(c));
  LineReader lines(text);
  std::string_view line, fields[kFields];
  while (lines.next(&line)) {
    if (line.empty()) break;  // the end of the rows; check_tail sees the rest
    const std::string at = line_prefix("digits", lines.number());
    const int n = detail::split_fields(line, fields, kFields);
    if (n != kFields) {
      return Status::invalid(at + (n > kFields ? std::string("more than 65") : std::to_string(n)) +
                             " fields, expected 65 (64 pixel counts and a label)");
    }
    for (int j = 0; j < kFields; ++j) {
      int v = 0;
      const int hi = j < kPixels ? 16 : 9;
      if (!parse_count(fields[j], &v) || v > hi) {
        return Status::invalid(at + "column " + std::to_string(j + 1) + " is " + quote_field(fields[j]) +
                               (j < kPixels ? ", not a pixel count 0..16" : ", not a label 0..9"));
      }
      if (j < kPixels) d.x.push_back(static_cast<float>(v) / 16.0f);
      else d.y.push_back(static_cast<float>(v));
    }
  }
  if (Status s = check_tail("digits", &lines); !s.ok()) return s;
  if (d.y.empty()) return Status::invalid("digits: the text has no rows");
  *out = std::move(d);
  return {};
}

Status parse_iris_csv(std::string_view text, Dataset* out) {
  constexpr int kMaxFields = 2 + 10;  // rows, features and up to 10 class names
  LineReader lines(text);
  std::string_view line, fields[kMaxFields];
  if (!lines.next(&line)) return Status::invalid("iris: the text is empty; expected a header line");
  const int hn = detail::split_fields(line, fields, kMaxFields);
  int rows = 0, features = 0;
  if (hn < 4 || hn > kMaxFields || !parse_count(fields[0], &rows) || !parse_count(fields[1], &features) ||
      rows < 1 || rows > 10000 || features < 1 || features > 64) {
    return Status::invalid(line_prefix("iris", 1) + "header must be \"<rows>,<features>,<2..10 class names>\", got " +
                           quote_field(line));
  }
  Dataset d;
  d.inputs = features;
  d.classes = hn - 2;
  for (int c = 0; c < d.classes; ++c) d.class_names.emplace_back(fields[2 + c]);

  std::vector<std::string_view> row(features + 2);
  for (int r = 0; r < rows; ++r) {
    if (!lines.next(&line) || line.empty()) {
      return Status::invalid("iris: the header promises " + std::to_string(rows) + " rows, found " +
                             std::to_string(r));
    }
    const std::string at = line_prefix("iris", lines.number());
    const int n = detail::split_fields(line, row.data(), features + 1);
    if (n != features + 1) {
      return Status::invalid(at + "expected " + std::to_string(features + 1) + " fields (" +
                             std::to_string(features) + " features and a label), got " +
                             (n > features + 1 ? "more" : std::to_string(n)));
    }
    for (int j = 0; j < features; ++j) {
      double v = 0;
      if (detail::parse_number(row[j], &v) != detail::NumberResult::kOk) {
        return Status::invalid(at + "column " + std::to_string(j + 1) + " is " + quote_field(row[j]) +
                               ", not a finite number");
      }
      d.x.push_back(static_cast<float>(v));
    }
    int label = 0;
    if (!parse_count(row[features], &label) || label >= d.classes) {
      return Status::invalid(at + "label " + quote_field(row[features]) + " is not a class 0.." +
                             std::to_string(d.classes - 1));
    }
    d.y.push_back(static_cast<float>(label));
  }
  if (Status s = check_tail("iris", &lines); !s.ok()) return s;

  // Standardise each feature (population sd, as scikit-learn's StandardScaler);
  // sums in double so 150 rows lose nothing. A constant column is only centred.
  for (int j = 0; j < features; ++j) {
    double sum = 0, sq = 0;
    for (int r = 0; r < rows; ++r) sum += d.x[static_cast<std::size_t>(r) * features + j];
    const double mean = sum / rows;
    for (int r = 0; r < rows; ++r) {
      const double dv = d.x[static_cast<std::size_t>(r) * features + j] - mean;
      sq += dv * dv;
    }
    const double sd = std::sqrt(sq / rows);
    const double scale = sd > 0 ? 1.0 / sd : 1.0;
    for (int r = 0; r < rows; ++r) {
      float& v = d.x[static_cast<std::size_t>(r) * features + j];
      v = static_cast<float>((v - mean) * scale);
    }
  }
  *out = std::move(d);
  return {};
}

}  // namespace nnplay
