#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "json_cursor.hpp"

namespace nnplay::json_detail {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string hex(unsigned v, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*X", digits, v);
  return buf;
}

// The length of the well-formed UTF-8 sequence at s, or 0 (Unicode table 3-7:
// no overlong forms, no encoded surrogates, nothing above U+10FFFF).
std::size_t utf8_length(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const auto cont = [&](std::size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return i < s.size() && b(i) >= lo && b(i) <= hi;
  };
  if (s.empty()) return 0;
  const unsigned c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

void append_utf8(std::uint32_t cp, std::string* out) {
  const auto put = [&](std::uint32_t byte) { *out += static_cast<char>(byte); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6));
    put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18));
    put(0x80 | ((cp >> 12) & 0x3F));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  }
}

Status hex4(Cursor* c, std::uint32_t* cp) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    const int h = hex_value(c->peek());
    if (h < 0) return c->expected("4 hex digits after \\u");
    v = v * 16 + static_cast<std::uint32_t>(h);
    ++c->pos;
  }
  *cp = v;
  return {};
}

Status escape(Cursor* c, std::string* out) {
  const std::size_t start = c->pos++;  // at the backslash
  const char e = c->peek();
  const char* simple = "\"\\/bfnrt";
  const char* decoded = "\"\\/\b\f\n\r\t";
  for (int i = 0; simple[i]; ++i) {
    if (e == simple[i]) {
      *out += decoded[i];
      ++c->pos;
      return {};
    }
  }
  if (e != 'u') return c->expected("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
  ++c->pos;
  std::uint32_t cp = 0;
  if (Status s = hex4(c, &cp); !s.ok()) return s;
  if (cp >= 0xDC00 && cp <= 0xDFFF) return c->error_at(start, "unpaired low surrogate \\u" + hex(cp, 4));
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    // The pair's second half must follow at once, as another \u escape.
    std::uint32_t low = 0;
    const bool escaped = c->text.substr(c->pos, 2) == "\\u";
    if (escaped) {
      c->pos += 2;
      if (Status s = hex4(c, &low); !s.ok()) return s;
    }
    if (low < 0xDC00 || low > 0xDFFF) {
      return c->error_at(start, "high surrogate \\u" + hex(cp, 4) + " is not followed by a low surrogate");
    }
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
  }
  append_utf8(cp, out);
  return {};
}

}  // namespace

void Cursor::skip_ws() {
  while (pos < text.size()) {
    const char c = text[pos];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    ++pos;
  }
}

// Line and column are counted only on error, so parsing never tracks them.
Status Cursor::error_at(std::size_t at, const std::string& what) const {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++column;
    }
  }
  return Status::invalid("line " + std::to_string(line) + ", column " + std::to_string(column) +
                         ": " + what);
}

std::string Cursor::found(std::size_t at) const {
  if (at >= text.size()) return "end of input";
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x20 || c == 0x7F) return "control character U+" + hex(c, 4);
  if (c >= 0x80) {
    const std::size_t n = utf8_length(text.substr(at));
    return n ? "'" + std::string(text.substr(at, n)) + "'" : "byte 0x" + hex(c, 2);
  }
  // A bare word is shown whole ('tru', 'NaN') so the message reads naturally.
  const auto word = [](char w) {
    return is_digit(w) || (w >= 'a' && w <= 'z') || (w >= 'A' && w <= 'Z') || w == '_' ||
           w == '+' || w == '-' || w == '.';
  };
  std::size_t end = at;
  while (end < text.size() && end - at < 16 && word(text[end])) ++end;
  return "'" + std::string(text.substr(at, std::max<std::size_t>(end - at, 1))) + "'";
}

Status Cursor::expected(const std::string& what) const {
  return error_at(pos, "expected " + what + " but found " + found(pos));
}

Status read_string(Cursor* c, std::string* out) {
  const std::string_view text = c->text;
  ++c->pos;  // the opening quote
  for (;;) {
    // Copy runs of plain characters at once; stop at anything needing a look.
    const std::size_t run = c->pos;
    while (c->pos < text.size()) {
      const auto b = static_cast<unsigned char>(text[c->pos]);
      if (b == '"' || b == '\\' || b < 0x20 || b >= 0x80) break;
      ++c->pos;
    }
    out->append(text.data() + run, c->pos - run);
    if (c->pos >= text.size()) return c->expected("'\"' to close the string");
    const auto b = static_cast<unsigned char>(text[c->pos]);
    if (b == '"') {
      ++c->pos;
      return {};
    }
    if (b == '\\') {
      if (Status s = escape(c, out); !s.ok()) return s;
    } else if (b < 0x20) {
      return c->error_at(c->pos, "control character U+" + hex(b, 4) + " must be escaped in a string");
    } else {
      const std::size_t n = utf8_length(text.substr(c->pos));
      if (n == 0) return c->error_at(c->pos, "invalid UTF-8 byte 0x" + hex(b, 2) + " in a string");
      out->append(text.data() + c->pos, n);
      c->pos += n;
    }
  }
}

Status read_number(Cursor* c, double* out) {
  const std::size_t start = c->pos;
  const auto digits = [&] {
    while (is_digit(c->peek())) ++c->pos;
  };
  if (c->peek() == '-') ++c->pos;
  if (c->peek() == '0') {
    ++c->pos;
    if (is_digit(c->peek())) return c->error_at(c->pos - 1, "a number must not have leading zeros");
  } else if (is_digit(c->peek())) {
    digits();
  } else {
    return c->expected("a digit");
  }
  if (c->peek() == '.') {
    ++c->pos;
    if (!is_digit(c->peek())) return c->expected("a digit after '.'");
    digits();
  }
  if (c->peek() == 'e' || c->peek() == 'E') {
    ++c->pos;
    if (c->peek() == '+' || c->peek() == '-') ++c->pos;
    if (!is_digit(c->peek())) return c->expected("a digit in the exponent");
    digits();
  }
  // strtod wants a terminated string. The grammar is already checked, so only
  // the "C" locale's '.' matters, and the core never calls setlocale.
  const std::string_view token = c->text.substr(start, c->pos - start);
  char small[64];
  std::string big;
  const char* p = small;
  if (token.size() < sizeof small) {
    std::copy(token.begin(), token.end(), small);
    small[token.size()] = '\0';
  } else {
    big.assign(token);
    p = big.c_str();
  }
  const double v = std::strtod(p, nullptr);
  if (!std::isfinite(v)) {
    const std::string shown = token.size() > 32 ? std::string(token.substr(0, 32)) + "..." : std::string(token);
    return Status::out_of_range(c->error_at(start, "number " + shown + " is too large").message());
  }
  *out = v;
  return {};
}

}  // namespace nnplay::json_detail
