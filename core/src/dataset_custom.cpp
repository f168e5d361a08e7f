// A user's CSV. Unlike the shipped files this one comes from spreadsheets and
// text editors, so the parser forgives what carries no meaning (\r\n, a byte
// order mark, blank lines, spaces around fields, a header line) and rejects,
// naming the 1-based line and column, everything that does.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "dataset_internal.hpp"
#include "nnplay/dataset.hpp"

namespace nnplay {
namespace {

using detail::NumberResult;
using detail::quote_field;

constexpr int kMaxRows = 10000;
constexpr int kMaxFeatures = 64;  // the widest shipped data, digits, has 64
constexpr int kMaxColumns = kMaxFeatures + 1;
constexpr int kMaxClasses = 10;

std::string at(int line) { return "line " + std::to_string(line) + ": "; }

// A header is a first line in which nothing reads as a number ("x1,x2,label").
// A line mixing numbers and words is a data row with a bad field, and reported.
bool looks_like_header(const std::string_view* fields, int n) {
  bool any_text = false;
  for (int j = 0; j < n; ++j) {
    double v;
    if (detail::parse_number(fields[j], &v) == NumberResult::kOk) return false;
    any_text = any_text || !fields[j].empty();
  }
  return any_text;
}

Status field_error(int line, int column, std::string_view field, NumberResult r) {
  const std::string where = at(line) + "column " + std::to_string(column);
  if (r == NumberResult::kEmpty) return Status::invalid(where + " is empty");
  if (r == NumberResult::kNotFinite) {
    return Status::invalid(where + " is " + quote_field(field) + ", not a finite number");
  }
  return Status::invalid(where + " is " + quote_field(field) + ", not a number");
}

}  // namespace

Status parse_custom_csv(std::string_view text, bool regression, Dataset* out) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte order mark
  detail::LineReader lines(text);
  std::string_view line, fields[kMaxColumns];
  Dataset d;
  int columns = 0, first_line = 0, header_line = 0;
  int max_label = 0;
  while (lines.next(&line)) {
    if (detail::is_blank(line)) continue;
    const int ln = lines.number();
    const int n = detail::split_fields(line, fields, kMaxColumns);
    if (n > kMaxColumns) {
      return Status::invalid(at(ln) + "more than " + std::to_string(kMaxColumns) + " columns; at most " +
                             std::to_string(kMaxFeatures) + " features and the label are allowed");
    }
    for (int j = 0; j < n; ++j) fields[j] = detail::trim(fields[j]);
    if (columns == 0) {
      if (n < 2) {
        return Status::invalid(at(ln) + "1 column; a row needs at least one feature and then " +
                               (regression ? "the target" : "the label"));
      }
      columns = n;
      first_line = ln;
      if (looks_like_header(fields, n)) {
        header_line = ln;
        continue;
      }
    } else if (n != columns) {
      return Status::invalid(at(ln) + std::to_string(n) + " columns, but line " + std::to_string(first_line) +
                             " has " + std::to_string(columns));
    }
    if (d.y.size() == kMaxRows) {
      return Status::invalid(at(ln) + "more than " + std::to_string(kMaxRows) + " data rows");
    }
    double v[kMaxColumns];
    for (int j = 0; j < n; ++j) {
      const NumberResult r = detail::parse_number(fields[j], &v[j]);
      if (r != NumberResult::kOk) return field_error(ln, j + 1, fields[j], r);
    }
    const double label = v[n - 1];
    if (!regression) {
      if (label != std::floor(label)) {
        return Status::invalid(at(ln) + "label " + quote_field(fields[n - 1]) + " is not an integer class 0.." +
                               std::to_string(kMaxClasses - 1));
      }
      if (label < 0 || label >= kMaxClasses) {
        return Status::invalid(at(ln) + "label " + quote_field(fields[n - 1]) + " is not a class 0.." +
                               std::to_string(kMaxClasses - 1));
      }
      max_label = std::max(max_label, static_cast<int>(label));
    }
    for (int j = 0; j + 1 < n; ++j) d.x.push_back(static_cast<float>(v[j]));
    // Through int for classes, so "-0" is stored as class 0, not -0.0f.
    d.y.push_back(regression ? static_cast<float>(label) : static_cast<float>(static_cast<int>(label)));
  }
  if (d.y.empty()) {
    if (header_line) {
      return Status::invalid(at(header_line) + "a header, but no data rows follow it");
    }
    return Status::invalid("the CSV has no data rows");
  }
  d.inputs = columns - 1;
  d.classes = regression ? 0 : std::max(2, max_label + 1);
  *out = std::move(d);
  return {};
}

}  // namespace nnplay
