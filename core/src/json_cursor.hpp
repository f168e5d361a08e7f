// The lexical layer of the JSON parser (json.cpp): a position in the text,
// error messages with line and column, and the string and number tokens.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "nnplay/status.hpp"

namespace nnplay::json_detail {

struct Cursor {
  std::string_view text;
  std::size_t pos = 0;

  char peek() const { return pos < text.size() ? text[pos] : '\0'; }
  void skip_ws();
  // "line 3, column 14: <what>"; columns count characters from 1.
  Status error_at(std::size_t at, const std::string& what) const;
  // "expected <what> but found <whatever is at pos>".
  Status expected(const std::string& what) const;
  // The token at `at` for a message: 'tru', ']', 'é', end of input, byte 0xFF.
  std::string found(std::size_t at) const;
};

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// At the opening '"': reads the string, decoding escapes, into UTF-8.
Status read_string(Cursor* c, std::string* out);
// At '-' or a digit: reads one RFC 8259 number; overflow is an error.
Status read_number(Cursor* c, double* out);

}  // namespace nnplay::json_detail
