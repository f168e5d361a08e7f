// Strict parsing of nnplay_train's numeric arguments: the whole text must be
// decimal digits, so "5abc", "2.9", "1e99", " 5" and "" are errors rather
// than atoll's silent 5, 2, 1, 5 and 0.
#pragma once
#include <string>

namespace nnplay_cli {

// Parses `text` as an integer in [lo, hi]; on error returns false and sets
// *error to "<name> must be an integer in [lo, hi], got \"text\"".
inline bool parse_int_arg(const std::string& name, const std::string& text, long long lo, long long hi,
                          long long* out, std::string* error) {
  long long v = 0;
  bool ok = !text.empty() && text.size() <= 18;  // 18 digits cannot overflow long long
  for (char c : text) {
    ok = ok && c >= '0' && c <= '9';
    if (ok) v = v * 10 + (c - '0');
  }
  if (ok && v >= lo && v <= hi) {
    *out = v;
    return true;
  }
  std::string shown = text.substr(0, 40);
  if (shown.size() < text.size()) shown += "…";
  *error = name + " must be an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got \"" + shown + "\"";
  return false;
}

}  // namespace nnplay_cli
