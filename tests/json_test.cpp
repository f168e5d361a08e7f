// The JSON parser: every value kind, escapes and surrogates, number forms,
// every error path with its line and column, and the limits on hostile input.
#include "nnplay/json.hpp"

#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace nnplay {
namespace {

JsonValue parse_ok(const std::string& text) {
  JsonValue v;
  const Status s = parse_json(text, &v);
  INFO("input: ", text);
  REQUIRE_MESSAGE(s.ok(), s.message());
  return v;
}

double number_of(const std::string& text) { return parse_ok(text).as_number(); }
std::string string_of(const std::string& text) { return parse_ok(text).as_string(); }

struct ErrorCase {
  const char* input;
  const char* message;
};

TEST_CASE("json: parses every value kind") {
  SUBCASE("literals") {
    CHECK(parse_ok("null").is_null());
    CHECK(parse_ok("true").is_bool());
    CHECK(parse_ok("true").as_bool());
    CHECK_FALSE(parse_ok("false").as_bool());
  }
  SUBCASE("a scalar at the top level, with whitespace around it") {
    CHECK(number_of(" \t\r\n 42 \n") == 42.0);
    CHECK(string_of("\"hi\"") == "hi");
  }
  SUBCASE("arrays of numbers are packed") {
    const JsonValue v = parse_ok("[1, -2.5, 3e2]");
    REQUIRE(v.is_array());
    CHECK(v.is_number_array());
    CHECK(v.size() == 3);
    CHECK(v.items().empty());
    REQUIRE(v.numbers().size() == 3);
    CHECK(v.numbers()[0] == 1.0);
    CHECK(v.numbers()[1] == -2.5);
    CHECK(v.numbers()[2] == 300.0);
  }
  SUBCASE("the empty array is an empty number array") {
    const JsonValue v = parse_ok("[ ]");
    CHECK(v.is_array());
    CHECK(v.is_number_array());
    CHECK(v.size() == 0);
  }
  SUBCASE("a mixed array keeps every element in order as items") {
    const JsonValue v = parse_ok("[1, 2, \"three\", [4], {\"five\": 5}, null]");
    CHECK_FALSE(v.is_number_array());
    CHECK(v.numbers().empty());
    REQUIRE(v.items().size() == 6);
    CHECK(v.size() == 6);
    CHECK(v.items()[0].as_number() == 1.0);
    CHECK(v.items()[1].as_number() == 2.0);
    CHECK(v.items()[2].as_string() == "three");
    CHECK(v.items()[3].numbers()[0] == 4.0);
    CHECK(v.items()[4].find("five")->as_number() == 5.0);
    CHECK(v.items()[5].is_null());
  }
  SUBCASE("a large number array") {
    std::string text = "[";
    for (int i = 0; i < 10000; ++i) text += (i ? "," : "") + std::to_string(i) + ".5";
    const JsonValue v = parse_ok(text + "]");
    REQUIRE(v.numbers().size() == 10000);
    CHECK(v.numbers()[9999] == 9999.5);
  }
  SUBCASE("objects keep key order and find members") {
    const JsonValue v = parse_ok("{\"b\": 1, \"a\": {\"c\": [true]}, \"\": \"empty key\"}");
    REQUIRE(v.is_object());
    REQUIRE(v.members().size() == 3);
    CHECK(v.size() == 3);
    CHECK(v.members()[0].key == "b");
    CHECK(v.members()[1].key == "a");
    CHECK(v.members()[2].key == "");
    CHECK(v.find("a")->find("c")->items()[0].as_bool());
    CHECK(v.find("a")->find("c")->size() == 1);
    CHECK(v.find("")->as_string() == "empty key");
    CHECK(v.find("missing") == nullptr);
    CHECK(parse_ok("{}").members().empty());
    CHECK(parse_ok("[1]").find("a") == nullptr);
  }
  SUBCASE("a UTF-8 byte order mark is skipped") {
    CHECK(number_of("\xEF\xBB\xBF" "7") == 7.0);
  }
  SUBCASE("accessors of another type give neutral values") {
    const JsonValue v = parse_ok("\"s\"");
    CHECK(v.as_number() == 0.0);
    CHECK_FALSE(v.as_bool());
    CHECK(v.size() == 0);
    CHECK(parse_ok("1").as_string().empty());
  }
}

TEST_CASE("json: numbers") {
  SUBCASE("integers, fractions and exponents") {
    CHECK(number_of("0") == 0.0);
    CHECK(number_of("-7") == -7.0);
    CHECK(number_of("0.1") == 0.1);
    CHECK(number_of("-2.25e3") == -2250.0);
    CHECK(number_of("1E2") == 100.0);
    CHECK(number_of("1e+2") == 100.0);
    CHECK(number_of("1e-2") == 0.01);
    CHECK(number_of("1e007") == 1e7);
  }
  SUBCASE("-0 keeps its sign") {
    const double z = number_of("-0");
    CHECK(z == 0.0);
    CHECK(std::signbit(z));
    CHECK(std::signbit(number_of("-0.0e5")));
  }
  SUBCASE("the extremes of a double") {
    CHECK(number_of("1.7976931348623157e308") == DBL_MAX);
    CHECK(number_of("4.9406564584124654e-324") == std::ldexp(1.0, -1074));
    CHECK(number_of("1e-400") == 0.0);  // underflow rounds to zero, as strtod does
    CHECK(number_of("123456789012345678901234567890") == 1.2345678901234568e29);
  }
  SUBCASE("a number longer than the small buffer") {
    const std::string digits(100, '3');
    CHECK(number_of("0." + digits) == doctest::Approx(1.0 / 3.0).epsilon(1e-15));
  }
  SUBCASE("is_integer") {
    CHECK(parse_ok("3").is_integer());
    CHECK(parse_ok("1e2").is_integer());
    CHECK(parse_ok("-0").is_integer());
    CHECK_FALSE(parse_ok("2.5").is_integer());
    CHECK_FALSE(parse_ok("\"3\"").is_integer());
  }
}

TEST_CASE("json: strings and escapes") {
  SUBCASE("the two-character escapes") {
    CHECK(string_of(R"("\" \\ \/ \b \f \n \r \t")") == "\" \\ / \b \f \n \r \t");
  }
  SUBCASE("\\u escapes become UTF-8") {
    CHECK(string_of(R"("\u0041")") == "A");
    CHECK(string_of(R"("\u00e9")") == "\xC3\xA9");      // é
    CHECK(string_of(R"("\u20AC")") == "\xE2\x82\xAC");  // €
    CHECK(string_of(R"("\uFFFF")") == "\xEF\xBF\xBF");
  }
  SUBCASE("\\u0000 is kept inside the string") {
    const std::string s = string_of(R"("a\u0000b")");
    CHECK(s.size() == 3);
    CHECK(s[1] == '\0');
  }
  SUBCASE("surrogate pairs") {
    CHECK(string_of(R"("\uD83D\uDE00")") == "\xF0\x9F\x98\x80");  // U+1F600
    CHECK(string_of(R"("\ud800\udc00")") == "\xF0\x90\x80\x80");  // U+10000
    CHECK(string_of(R"("\uDBFF\uDFFF")") == "\xF4\x8F\xBF\xBF");  // U+10FFFF
  }
  SUBCASE("raw UTF-8 passes through") {
    CHECK(string_of("\"\xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80\"") ==
          "\xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80");
  }
}

TEST_CASE("json: errors name the line, the column and what was expected") {
  const ErrorCase cases[] = {
      {"", "line 1, column 1: expected a value but found end of input"},
      {"  \n  ", "line 2, column 3: expected a value but found end of input"},
      {"{\"a\": 1,\n  \"b\": 2]", "line 2, column 9: expected ',' or '}' but found ']'"},
      {"[1,\r\n2,\r\n]", "line 3, column 1: expected a value but found ']'"},
      {"[1 2]", "line 1, column 4: expected ',' or ']' but found '2'"},
      {"[1,]", "line 1, column 4: expected a value but found ']'"},
      {"[1", "line 1, column 3: expected ',' or ']' but found end of input"},
      {"[\"a\" 1]", "line 1, column 6: expected ',' or ']' but found '1'"},
      {"{1: 2}", "line 1, column 2: expected a string key but found '1'"},
      {"{\"a\" 1}", "line 1, column 6: expected ':' but found '1'"},
      {"{\"a\": 1,}", "line 1, column 9: expected a string key but found '}'"},
      {"{\"a\": }", "line 1, column 7: expected a value but found '}'"},
      {"{\"a\": 1", "line 1, column 8: expected ',' or '}' but found end of input"},
      {"tru", "line 1, column 1: expected a value but found 'tru'"},
      {"True", "line 1, column 1: expected a value but found 'True'"},
      {"NaN", "line 1, column 1: expected a value but found 'NaN'"},
      {"[Infinity]", "line 1, column 2: expected a value but found 'Infinity'"},
      {"+1", "line 1, column 1: expected a value but found '+1'"},
      {".5", "line 1, column 1: expected a value but found '.5'"},
      {"'a'", "line 1, column 1: expected a value but found '''"},
      {"01", "line 1, column 1: a number must not have leading zeros"},
      {"-", "line 1, column 2: expected a digit but found end of input"},
      {"-a", "line 1, column 2: expected a digit but found 'a'"},
      {"1.", "line 1, column 3: expected a digit after '.' but found end of input"},
      {"1.e5", "line 1, column 3: expected a digit after '.' but found 'e5'"},
      {"1e", "line 1, column 3: expected a digit in the exponent but found end of input"},
      {"1e+", "line 1, column 4: expected a digit in the exponent but found end of input"},
      {"\"abc", "line 1, column 5: expected '\"' to close the string but found end of input"},
      {"\"a\tb\"", "line 1, column 3: control character U+0009 must be escaped in a string"},
      {"\"a\nb\"", "line 1, column 3: control character U+000A must be escaped in a string"},
      {"\"\\x\"", "line 1, column 3: expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) but found 'x'"},
      {"\"\\u12G4\"", "line 1, column 6: expected 4 hex digits after \\u but found 'G4'"},
      {"\"\\u12\"", "line 1, column 6: expected 4 hex digits after \\u but found '\"'"},
      {"\"\\uDE00\"", "line 1, column 2: unpaired low surrogate \\uDE00"},
      {"\"\\uD83D\"", "line 1, column 2: high surrogate \\uD83D is not followed by a low surrogate"},
      {"\"\\uD83Dx\"", "line 1, column 2: high surrogate \\uD83D is not followed by a low surrogate"},
      {"\"\\uD83D\\u0041\"", "line 1, column 2: high surrogate \\uD83D is not followed by a low surrogate"},
      {"\"\\uD83D\\uZ\"", "line 1, column 10: expected 4 hex digits after \\u but found 'Z'"},
      {"\"\xC3\x28\"", "line 1, column 2: invalid UTF-8 byte 0xC3 in a string"},
      {"\"\xC0\xAF\"", "line 1, column 2: invalid UTF-8 byte 0xC0 in a string"},          // overlong
      {"\"\xE0\x80\xAF\"", "line 1, column 2: invalid UTF-8 byte 0xE0 in a string"},      // overlong
      {"\"\xED\xA0\x80\"", "line 1, column 2: invalid UTF-8 byte 0xED in a string"},      // surrogate
      {"\"\xF4\x90\x80\x80\"", "line 1, column 2: invalid UTF-8 byte 0xF4 in a string"},  // > U+10FFFF
      {"\"\x80\"", "line 1, column 2: invalid UTF-8 byte 0x80 in a string"},
      {"\"\xE2\x82\"", "line 1, column 2: invalid UTF-8 byte 0xE2 in a string"},  // truncated
      {"[\"\xC3\xA9\" x]", "line 1, column 6: expected ',' or ']' but found 'x'"},  // é is one column
      {"\xC3\xA9", "line 1, column 1: expected a value but found '\xC3\xA9'"},
      {"\xFF", "line 1, column 1: expected a value but found byte 0xFF"},
      {"\x01", "line 1, column 1: expected a value but found control character U+0001"},
      {"{} x", "line 1, column 4: expected end of input but found 'x'"},
      {"1 2", "line 1, column 3: expected end of input but found '2'"},
      {"[][]", "line 1, column 3: expected end of input but found '['"},
      {"null,", "line 1, column 5: expected end of input but found ','"},
      {"{\"a\": 1, \"b\": 2, \"a\": 3}", "line 1, column 18: duplicate key \"a\""},
      {"{\"a\": 1, \"\\u0061\": 2}", "line 1, column 10: duplicate key \"a\""},
  };
  for (const ErrorCase& c : cases) {
    SUBCASE(c.input) {
      JsonValue v = parse_ok("\"untouched\"");
      const Status s = parse_json(c.input, &v);
      CHECK_FALSE(s.ok());
      CHECK(s.code() == StatusCode::kInvalidArgument);
      CHECK(s.message() == c.message);
      CHECK(v.as_string() == "untouched");
    }
  }
}

TEST_CASE("json: a number too large for a double is out of range") {
  JsonValue v;
  const Status s = parse_json("[1, -1e999]", &v);
  CHECK(s.code() == StatusCode::kOutOfRange);
  CHECK(s.message() == "line 1, column 5: number -1e999 is too large");
  const Status big = parse_json("1" + std::string(400, '0'), &v);
  CHECK(big.message() == "line 1, column 1: number 1" + std::string(31, '0') + "... is too large");
}

TEST_CASE("json: limits against hostile input") {
  const auto nested = [](int depth, const char* open, const char* close) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += open;
    s += '1';
    for (int i = 0; i < depth; ++i) s += close;
    return s;
  };
  JsonValue v;
  SUBCASE("64 levels of nesting are allowed") {
    CHECK(parse_json(nested(64, "[", "]"), &v).ok());
    CHECK(parse_json(nested(64, "{\"a\":", "}"), &v).ok());
  }
  SUBCASE("65 levels of arrays are not") {
    const Status s = parse_json(nested(65, "[", "]"), &v);
    CHECK(s.code() == StatusCode::kOutOfRange);
    CHECK(s.message() == "line 1, column 65: nesting deeper than 64 levels");
  }
  SUBCASE("nor of objects, nor 100000 levels") {
    const Status s = parse_json(nested(65, "{\"a\":", "}"), &v);
    CHECK(s.message() == "line 1, column 321: nesting deeper than 64 levels");
    CHECK(parse_json(nested(100000, "[", "]"), &v).code() == StatusCode::kOutOfRange);
  }
  SUBCASE("16 MB of text are allowed, one byte more is not") {
    std::string text(kJsonMaxBytes - 1, ' ');
    text += '0';
    CHECK(parse_json(text, &v).ok());
    text += ' ';
    const Status s = parse_json(text, &v);
    CHECK(s.code() == StatusCode::kOutOfRange);
    CHECK(s.message() == "JSON text is 16777217 bytes; the limit is 16777216");
  }
}

TEST_CASE("json: describe_json and json_type_name for messages") {
  CHECK(describe_json(parse_ok("3")) == "3");
  CHECK(describe_json(parse_ok("4294967296")) == "4294967296");
  CHECK(describe_json(parse_ok("-0.25")) == "-0.25");
  CHECK(describe_json(parse_ok("1e300")) == "1e+300");
  CHECK(describe_json(parse_ok("true")) == "true");
  CHECK(describe_json(parse_ok("null")) == "null");
  CHECK(describe_json(parse_ok("\"a\\\"b\"")) == "\"a\\\"b\"");
  CHECK(describe_json(parse_ok("[]")) == "an array");
  CHECK(describe_json(parse_ok("{}")) == "an object");
  CHECK(describe_json(parse_ok("\"" + std::string(50, 'x') + "\"")) ==
        "\"" + std::string(40, 'x') + "\"...");
  CHECK(json_type_name(JsonType::kBool) == std::string("a boolean"));
  CHECK(json_type_name(JsonType::kNumber) == std::string("a number"));
}

}  // namespace
}  // namespace nnplay
