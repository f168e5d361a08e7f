// The published config schema agrees with the parser and the validator: at
// every published bound the parser accepts the value just inside and refuses
// the one just outside, naming the field; every option name is accepted and an
// unknown one refused; the published defaults are what an empty config gets.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "nnplay/config_json.hpp"
#include "nnplay/config_schema.hpp"
#include "nnplay/json.hpp"

namespace nnplay {
namespace {

JsonValue schema() {
  JsonValue v;
  REQUIRE(parse_json(config_schema_json(), &v).ok());
  return v;
}

// "train.momentum" + "0.5" → {"train":{"momentum":0.5}}; "hidden[].units" → {"hidden":[{"units":…}]}.
std::string config_with(const std::string& path, const std::string& value) {
  if (path.rfind("hidden[].", 0) == 0) return R"({"hidden":[{")" + path.substr(9) + "\":" + value + "}]}";
  const auto dot = path.find('.');
  if (dot == std::string::npos) return "{\"" + path + "\":" + value + "}";
  return "{\"" + path.substr(0, dot) + "\":{\"" + path.substr(dot + 1) + "\":" + value + "}}";
}

// How the parser reports the field: hidden[].units is hidden[0].units.
std::string shown_path(const std::string& path) {
  return path.rfind("hidden[].", 0) == 0 ? "hidden[0]." + path.substr(9) : path;
}

std::string number_text(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

Status parse(const std::string& json) {
  TrainerConfig cfg;
  return parse_trainer_config(json, &cfg);
}

void check_accepts(const std::string& path, double v) {
  const Status s = parse(config_with(path, number_text(v)));
  CHECK_MESSAGE(s.ok(), path << " = " << v << " should be valid: " << s.message());
}

void check_refuses(const std::string& path, double v) {
  const Status s = parse(config_with(path, number_text(v)));
  CHECK_MESSAGE(!s.ok(), path << " = " << v << " should be refused");
  CHECK_MESSAGE(s.message().find(shown_path(path)) != std::string::npos, s.message());
}

}  // namespace

TEST_CASE("config schema ranges are the parser's ranges, at every bound") {
  const JsonValue s = schema();
  int ranged = 0;
  for (const JsonValue& f : s.find("fields")->items()) {
    const std::string path = f.find("path")->as_string();
    const std::string type = f.find("type")->as_string();
    if (type != "number" && type != "integer") continue;
    ++ranged;
    const double lo = f.find("min")->as_number(), hi = f.find("max")->as_number();
    const bool lo_open = f.find("minOpen")->as_bool(), hi_open = f.find("maxOpen")->as_bool();
    // Clearly past the bound even after the parser narrows to float.
    const double step = type == "integer" ? 1.0 : 1e-3 * std::fmax(1.0, std::fabs(hi - lo));
    if (lo_open) {
      check_refuses(path, lo);
      check_accepts(path, lo + step);
    } else {
      check_accepts(path, lo);
      if (!(f.find("orZero") && lo - step == 0)) check_refuses(path, lo - step);
    }
    if (hi_open) {
      check_refuses(path, hi);
      check_accepts(path, hi - step);
    } else {
      check_accepts(path, hi);
      check_refuses(path, hi + step);
    }
    if (type == "integer") check_refuses(path, lo_open ? lo + 1.5 : lo + 0.5);
    if (f.find("orZero")) check_accepts(path, 0);
  }
  CHECK(ranged >= 25);  // every numeric field of the README's table
}

TEST_CASE("config schema option names are the parser's names") {
  const JsonValue s = schema();
  for (const JsonValue& f : s.find("fields")->items()) {
    const std::string path = f.find("path")->as_string();
    const std::string type = f.find("type")->as_string();
    if (type != "name" && type != "names") continue;
    std::string all;
    for (const JsonValue& o : f.find("options")->items()) {
      const std::string q = "\"" + o.as_string() + "\"";
      const Status ok = parse(config_with(path, type == "names" ? "[" + q + "]" : q));
      CHECK_MESSAGE(ok.ok(), path << " = " << q << ": " << ok.message());
      all += (all.empty() ? "" : ", ") + o.as_string();
    }
    const Status bad = parse(config_with(path, type == "names" ? "[\"nope\"]" : "\"nope\""));
    REQUIRE_FALSE(bad.ok());
    // The error lists exactly the published options, in order.
    const std::string tail = "; valid names are " + all;
    const std::string& m = bad.message();
    CHECK_MESSAGE((m.size() >= tail.size() && m.compare(m.size() - tail.size(), tail.size(), tail) == 0), m);
  }
}

TEST_CASE("config schema defaults are what an empty config gets") {
  const JsonValue s = schema();
  JsonValue empty;
  {
    TrainerConfig cfg;
    REQUIRE(parse_trainer_config("{}", &cfg).ok());
    REQUIRE(parse_json(trainer_config_json(cfg), &empty).ok());
  }
  int checked = 0;
  for (const JsonValue& f : s.find("fields")->items()) {
    const std::string path = f.find("path")->as_string();
    const JsonValue* def = f.find("default");
    const std::string type = f.find("type")->as_string();
    if (!def || type == "layers" || type == "names") continue;
    // The value in the empty config's JSON at that path (hidden[].x: its first layer).
    const JsonValue* v = &empty;
    std::string rest = path.rfind("hidden[].", 0) == 0 ? path.substr(9) : path;
    if (path.rfind("hidden[].", 0) == 0) v = &empty.find("hidden")->items()[0];
    for (auto dot = rest.find('.'); dot != std::string::npos; dot = rest.find('.')) {
      v = v->find(rest.substr(0, dot));
      rest = rest.substr(dot + 1);
    }
    v = v->find(rest);
    REQUIRE_MESSAGE(v != nullptr, path);
    if (def->is_number()) CHECK_MESSAGE(def->as_number() == v->as_number(), path);
    if (def->is_string()) CHECK_MESSAGE(def->as_string() == v->as_string(), path);
    if (def->is_bool()) CHECK_MESSAGE(def->as_bool() == v->as_bool(), path);
    ++checked;
  }
  CHECK(checked >= 30);
  // The README's defaults, spot-checked by hand (not read from the code under test).
  CHECK(config_schema_json().find(R"({"path":"train.momentum","type":"number","min":0,"max":1,"minOpen":false,"maxOpen":true,"usedBy":["momentum"],"default":0.9})") != std::string::npos);
  CHECK(config_schema_json().find(R"({"name":"sin_x1","tex":"\\sin x_1"})") != std::string::npos);
  // The data kinds as the README describes them, by hand.
  const std::string json = config_schema_json();
  CHECK(json.find(R"({"name":"circle","generated":true,"inputs":2,"regression":false})") != std::string::npos);
  CHECK(json.find(R"({"name":"sine","generated":true,"inputs":1,"regression":true})") != std::string::npos);
  CHECK(json.find(R"({"name":"plane","generated":true,"inputs":2,"regression":true})") != std::string::npos);
  CHECK(json.find(R"({"name":"digits","generated":false},{"name":"iris","generated":false},{"name":"custom","generated":false}])") != std::string::npos);
}

}  // namespace nnplay
