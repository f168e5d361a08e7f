#include "nnplay/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "json_cursor.hpp"
#include "json_writer.hpp"

namespace nnplay {

using json_detail::Cursor;
using json_detail::is_digit;

// Recursive descent over the tokens of json_lex.cpp. Depth is bounded by
// kJsonMaxDepth, so the native stack is too.
class JsonParser {
 public:
  explicit JsonParser(std::string_view text) { c_.text = text; }

  Status parse(JsonValue* out) {
    if (Status s = value(out, 0); !s.ok()) return s;
    c_.skip_ws();
    if (c_.pos < c_.text.size()) return c_.expected("end of input");
    return {};
  }

 private:
  // Consumes ch if it is next.
  bool eat(char ch) {
    if (c_.peek() != ch) return false;
    ++c_.pos;
    return true;
  }

  Status value(JsonValue* out, int depth) {
    c_.skip_ws();
    const char ch = c_.peek();
    if (ch == '{') return object(out, depth);
    if (ch == '[') return array(out, depth);
    if (ch == '"') {
      out->type_ = JsonType::kString;
      return json_detail::read_string(&c_, &out->string_);
    }
    if (ch == '-' || is_digit(ch)) {
      out->type_ = JsonType::kNumber;
      return json_detail::read_number(&c_, &out->number_);
    }
    for (std::string_view word : {"true", "false", "null"}) {
      if (c_.text.substr(c_.pos, word.size()) == word) {
        c_.pos += word.size();
        out->type_ = word[0] == 'n' ? JsonType::kNull : JsonType::kBool;
        out->bool_ = word[0] == 't';
        return {};
      }
    }
    return c_.expected("a value");
  }

  Status enter(int depth) const {
    if (depth < kJsonMaxDepth) return {};
    const std::string what = "nesting deeper than " + std::to_string(kJsonMaxDepth) + " levels";
    return Status::out_of_range(c_.error_at(c_.pos, what).message());
  }

  Status array(JsonValue* out, int depth) {
    if (Status s = enter(depth); !s.ok()) return s;
    ++c_.pos;
    out->type_ = JsonType::kArray;
    c_.skip_ws();
    if (eat(']')) return {};
    for (;;) {
      c_.skip_ws();
      const char ch = c_.peek();
      if (out->items_.empty() && (ch == '-' || is_digit(ch))) {
        double v = 0.0;  // the packed fast path: no JsonValue per weight
        if (Status s = json_detail::read_number(&c_, &v); !s.ok()) return s;
        out->numbers_.push_back(v);
      } else {
        JsonValue v;
        if (Status s = value(&v, depth + 1); !s.ok()) return s;
        if (out->items_.empty()) unpack(out);
        out->items_.push_back(std::move(v));
      }
      c_.skip_ws();
      if (eat(']')) return {};
      if (!eat(',')) return c_.expected("',' or ']'");
    }
  }

  // The first element that is not a number turns a packed array into JsonValues.
  static void unpack(JsonValue* array) {
    array->items_.reserve(array->numbers_.size() + 1);
    for (double d : array->numbers_) {
      JsonValue n;
      n.type_ = JsonType::kNumber;
      n.number_ = d;
      array->items_.push_back(std::move(n));
    }
    array->numbers_ = {};
  }

  Status object(JsonValue* out, int depth) {
    if (Status s = enter(depth); !s.ok()) return s;
    ++c_.pos;
    out->type_ = JsonType::kObject;
    std::vector<std::size_t> key_pos;
    c_.skip_ws();
    if (eat('}')) return {};
    for (;;) {
      c_.skip_ws();
      if (c_.peek() != '"') return c_.expected("a string key");
      key_pos.push_back(c_.pos);
      JsonMember m;
      if (Status s = json_detail::read_string(&c_, &m.key); !s.ok()) return s;
      c_.skip_ws();
      if (!eat(':')) return c_.expected("':'");
      if (Status s = value(&m.value, depth + 1); !s.ok()) return s;
      out->members_.push_back(std::move(m));
      c_.skip_ws();
      if (eat('}')) return check_unique(*out, key_pos);
      if (!eat(',')) return c_.expected("',' or '}'");
    }
  }

  // Sorting once keeps a hostile object with a million keys O(n log n).
  Status check_unique(const JsonValue& obj, const std::vector<std::size_t>& key_pos) const {
    const auto& m = obj.members_;
    std::vector<std::size_t> order(m.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return m[a].key != m[b].key ? m[a].key < m[b].key : a < b;
    });
    std::size_t dup = m.size();  // the first repeat in the text
    for (std::size_t i = 1; i < order.size(); ++i) {
      if (m[order[i]].key == m[order[i - 1]].key) dup = std::min(dup, order[i]);
    }
    if (dup == m.size()) return {};
    return c_.error_at(key_pos[dup], "duplicate key " + JsonWriter().value(m[dup].key).str());
  }

  Cursor c_;
};

bool JsonValue::is_integer() const {
  return is_number() && std::isfinite(number_) && std::floor(number_) == number_;
}

std::size_t JsonValue::size() const {
  if (is_object()) return members_.size();
  if (is_array()) return items_.empty() ? numbers_.size() : items_.size();
  return 0;
}

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const JsonMember& m : members_) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

Status parse_json(std::string_view text, JsonValue* out) {
  if (text.size() > kJsonMaxBytes) {
    return Status::out_of_range("JSON text is " + std::to_string(text.size()) +
                                " bytes; the limit is " + std::to_string(kJsonMaxBytes));
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  JsonValue v;
  if (Status s = JsonParser(text).parse(&v); !s.ok()) return s;
  *out = std::move(v);
  return {};
}

const char* json_type_name(JsonType t) {
  switch (t) {
    case JsonType::kNull: return "null";
    case JsonType::kBool: return "a boolean";
    case JsonType::kNumber: return "a number";
    case JsonType::kString: return "a string";
    case JsonType::kArray: return "an array";
    case JsonType::kObject: return "an object";
  }
  return "?";
}

std::string describe_json(const JsonValue& v) {
  switch (v.type()) {
    case JsonType::kBool: return v.as_bool() ? "true" : "false";
    case JsonType::kNumber:
      if (v.is_integer() && std::fabs(v.as_number()) < 1e15) {  // seeds: every digit
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", v.as_number());
        return buf;
      }
      return format_number(v.as_number());
    case JsonType::kString: {
      std::string_view s = v.as_string();
      if (s.size() <= 40) return JsonWriter().value(s).str();
      std::size_t cut = 40;  // on a character boundary
      while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
      return JsonWriter().value(s.substr(0, cut)).str() + "...";
    }
    default: return json_type_name(v.type());
  }
}

}  // namespace nnplay
