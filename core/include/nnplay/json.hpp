// A strict RFC 8259 JSON parser into a small DOM, for configs now and model
// import later. Errors are values naming the line, the column and what was
// expected; limits on size and nesting keep hostile input cheap to reject.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nnplay/span.hpp"
#include "nnplay/status.hpp"

namespace nnplay {

inline constexpr std::size_t kJsonMaxBytes = std::size_t{16} << 20;  // 16 MB
inline constexpr int kJsonMaxDepth = 64;  // nested arrays and objects

enum class JsonType { kNull, kBool, kNumber, kString, kArray, kObject };

struct JsonMember;

class JsonValue {
 public:
  JsonValue() = default;  // null

  JsonType type() const { return type_; }
  bool is_null() const { return type_ == JsonType::kNull; }
  bool is_bool() const { return type_ == JsonType::kBool; }
  bool is_number() const { return type_ == JsonType::kNumber; }
  bool is_string() const { return type_ == JsonType::kString; }
  bool is_array() const { return type_ == JsonType::kArray; }
  bool is_object() const { return type_ == JsonType::kObject; }
  // A number with no fractional part ("3", "-0", "1e2").
  bool is_integer() const;

  // The scalar, or false / 0 / "" for another type.
  bool as_bool() const { return bool_; }
  double as_number() const { return number_; }
  const std::string& as_string() const { return string_; }

  // Elements of an array or members of an object; 0 for scalars.
  std::size_t size() const;
  // An array stores its elements one of two ways. When every element is a
  // number (weights, and also the empty array) they are packed as doubles,
  // 8 bytes each, in numbers(); otherwise they are JsonValues in items().
  bool is_number_array() const { return is_array() && items_.empty(); }
  Span<const double> numbers() const { return numbers_; }
  const std::vector<JsonValue>& items() const { return items_; }
  // Object members in document order; keys are unique.
  const std::vector<JsonMember>& members() const { return members_; }
  // The member's value, or nullptr when absent (or this is not an object).
  const JsonValue* find(std::string_view key) const;

 private:
  friend class JsonParser;
  JsonType type_ = JsonType::kNull;
  bool bool_ = false;
  double number_ = 0.0;
  std::string string_;
  std::vector<double> numbers_;
  std::vector<JsonValue> items_;
  std::vector<JsonMember> members_;
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

// Parses one JSON text (any value at the top level, an optional UTF-8 byte
// order mark skipped). On error *out is untouched and the message reads
// "line 3, column 14: expected ',' or '}' but found ']'"; columns count
// characters from 1. Numbers are doubles; one that overflows is an error.
Status parse_json(std::string_view text, JsonValue* out);

// "a number", "a string", "an array", ... for error messages.
const char* json_type_name(JsonType t);
// A short rendering of a value for error messages: 3, true, null, "adamw"
// (long strings cut), an array, an object.
std::string describe_json(const JsonValue& v);

}  // namespace nnplay
