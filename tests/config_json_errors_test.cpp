// TrainerConfig from JSON: an error naming the field path and the value for
// every range, type, name and unknown field, with *out left untouched.
#include <cmath>
#include <string>

#include <doctest/doctest.h>

#include "config_test_util.hpp"
#include "nnplay/config_json.hpp"

namespace nnplay {
namespace {

using namespace config_test;

// One field out of range: the message names its path, the range and the value.
struct RangeCase {
  const char* path;
  const char* value;
  const char* rule;  // the message after the path
};

TEST_CASE("config: every field's range error") {
  const RangeCase cases[] = {
      {"data.samples", "9", " must be an integer in [10, 5000], got 9"},
      {"data.samples", "5001", " must be an integer in [10, 5000], got 5001"},
      {"data.samples", "500.5", " must be an integer in [10, 5000], got 500.5"},
      {"data.noise", "-0.1", " must be in [0, 0.5], got -0.1"},
      {"data.noise", "0.6", " must be in [0, 0.5], got 0.6"},
      {"data.trainFraction", "0.05", " must be in [0.1, 0.9], got 0.05"},
      {"data.trainFraction", "0.95", " must be in [0.1, 0.9], got 0.95"},
      {"data.classes", "2", " must be an integer in [3, 5], got 2"},
      {"data.classes", "6", " must be an integer in [3, 5], got 6"},
      {"data.seed", "-1", " must be an integer in [0, 4294967295], got -1"},
      {"data.seed", "4294967296", " must be an integer in [0, 4294967295], got 4294967296"},
      {"hidden[0].units", "0", " must be an integer in [1, 256], got 0"},
      {"hidden[1].units", "257", " must be an integer in [1, 256], got 257"},
      {"hidden[1].units", "2.5", " must be an integer in [1, 256], got 2.5"},
      {"hidden[0].maxout", "1", " must be 0 or an integer in [2, 5], got 1"},
      {"hidden[0].maxout", "6", " must be 0 or an integer in [2, 5], got 6"},
      {"hidden[0].maxout", "2.5", " must be 0 or an integer in [2, 5], got 2.5"},
      {"hidden[0].maxout", "-2", " must be 0 or an integer in [2, 5], got -2"},
      {"initSigma", "0", " must be in (0, 100], got 0"},
      {"initSigma", "100.5", " must be in (0, 100], got 100.5"},
      {"biasInit", "-11", " must be in [-10, 10], got -11"},
      {"biasInit", "10.25", " must be in [-10, 10], got 10.25"},
      {"train.learningRate", "0", " must be in (0, 10], got 0"},
      {"train.learningRate", "-1", " must be in (0, 10], got -1"},
      {"train.learningRate", "11", " must be in (0, 10], got 11"},
      {"train.learningRate", "1e-50", " must be in (0, 10], got 1e-50"},  // 0 as a float
      {"train.momentum", "-0.1", " must be in [0, 1), got -0.1"},
      {"train.momentum", "1", " must be in [0, 1), got 1"},
      {"train.rho", "1", " must be in [0, 1), got 1"},
      {"train.rho", "-0.01", " must be in [0, 1), got -0.01"},
      {"train.beta1", "1", " must be in [0, 1), got 1"},
      {"train.beta2", "-0.5", " must be in [0, 1), got -0.5"},
      {"train.beta2", "0.99999999", " must be in [0, 1), got 0.99999999"},  // 1 as a float
      {"train.epsilon", "0", " must be in (0, 1], got 0"},
      {"train.epsilon", "2", " must be in (0, 1], got 2"},
      {"train.decaySteps", "0", " must be an integer in [1, 1000000], got 0"},
      {"train.decaySteps", "1000001", " must be an integer in [1, 1000000], got 1000001"},
      {"train.decayRate", "0", " must be in (0, 1], got 0"},
      {"train.decayRate", "1.5", " must be in (0, 1], got 1.5"},
      {"train.batchSize", "0", " must be an integer in [1, 5000], got 0"},
      {"train.batchSize", "5001", " must be an integer in [1, 5000], got 5001"},
      {"train.l1", "-0.1", " must be in [0, 1], got -0.1"},
      {"train.l2", "2", " must be in [0, 1], got 2"},
      {"train.clipNorm", "-1", " must be in [0, 1000], got -1"},
      {"train.clipValue", "1001", " must be in [0, 1000], got 1001"},
      {"train.dropout", "0.95", " must be in [0, 0.9], got 0.95"},
      {"train.dropout", "-0.1", " must be in [0, 0.9], got -0.1"},
      {"train.evalEvery", "-1", " must be an integer in [0, 10000], got -1"},
      {"train.evalEvery", "10001", " must be an integer in [0, 10000], got 10001"},
      {"train.evalEvery", "1e300", " must be an integer in [0, 10000], got 1e+300"},
      {"seed", "-1", " must be an integer in [0, 4294967295], got -1"},
      {"seed", "1.5", " must be an integer in [0, 4294967295], got 1.5"},
  };
  for (const RangeCase& rc : cases) {
    const std::string json = wrap(rc.path, rc.value);
    SUBCASE(json.c_str()) {
      TrainerConfig c = full_config();
      const Status s = parse_trainer_config(json, &c);
      CHECK(s.code() == StatusCode::kOutOfRange);
      CHECK(s.message() == std::string(rc.path) + rc.rule);
      CHECK(diff(c, full_config()) == "");
    }
  }
}

TEST_CASE("config: the ends of every range are accepted") {
  const char* const cases[][2] = {
      {"data.samples", "10"}, {"data.samples", "5000"}, {"data.noise", "0"}, {"data.noise", "0.5"},
      {"data.trainFraction", "0.1"}, {"data.trainFraction", "0.9"}, {"data.classes", "3"},
      {"data.classes", "5"}, {"data.seed", "0"}, {"data.seed", "4294967295"},
      {"hidden[0].units", "1"}, {"hidden[0].units", "256"}, {"hidden[0].maxout", "0"},
      {"hidden[0].maxout", "2"}, {"hidden[0].maxout", "5"}, {"initSigma", "100"},
      {"initSigma", "1e-30"}, {"biasInit", "-10"}, {"biasInit", "10"},
      {"train.learningRate", "10"}, {"train.learningRate", "1e-30"}, {"train.momentum", "0"},
      {"train.momentum", "0.9999"}, {"train.beta1", "0"}, {"train.rho", "0.99"}, {"train.epsilon", "1"},
      {"train.decaySteps", "1"}, {"train.decaySteps", "1000000"}, {"train.decayRate", "1"},
      {"train.batchSize", "1"}, {"train.batchSize", "5000"}, {"train.l1", "1"}, {"train.l2", "0"},
      {"train.clipNorm", "1000"}, {"train.clipValue", "0"}, {"train.dropout", "0.9"},
      {"train.evalEvery", "0"}, {"train.evalEvery", "1"}, {"train.evalEvery", "10000"}, {"seed", "0"}, {"seed", "-0"},
  };
  for (const auto& rc : cases) {
    const std::string json = wrap(rc[0], rc[1]);
    SUBCASE(json.c_str()) { parse_ok(json); }
  }
}

TEST_CASE("config: unknown fields, wrong types and bad names") {
  const ErrorCase cases[] = {
      {R"({"learningRate": 0.1})", "unknown field learningRate"},
      {R"({"train": {"learnRate": 0.1}})", "unknown field train.learnRate"},
      {R"({"data": {"size": 10}})", "unknown field data.size"},
      {R"({"hidden": [{}, {"unit": 3}]})", "unknown field hidden[1].unit"},
      {R"({"train": {"a b": 1}})", "unknown field train.\"a b\""},
      {"[]", "the config must be an object, got an array"},
      {"3", "the config must be an object, got 3"},
      {R"({"data": []})", "data must be an object, got an array"},
      {R"({"train": null})", "train must be an object, got null"},
      {R"({"hidden": {}})", "hidden must be an array of layers, got an object"},
      {R"({"hidden": [4]})", "hidden[0] must be an object, got 4"},
      {R"({"hidden": [{}, "relu"]})", "hidden[1] must be an object, got \"relu\""},
      {R"({"train": {"learningRate": "fast"}})", "train.learningRate must be a number, got \"fast\""},
      {R"({"data": {"samples": "500"}})", "data.samples must be an integer in [10, 5000], got \"500\""},
      {R"({"train": {"nesterov": 1}})", "train.nesterov must be true or false, got 1"},
      {R"({"head": 0})", "head must be a string, got 0"},
      {R"({"hidden": [{"alpha": true}]})", "hidden[0].alpha must be a number, got true"},
      {R"({"hidden": [{"alpha": 1e39}]})", "hidden[0].alpha must be a finite float, got 1e+39"},
      {R"({"hidden": [{"maxout": "2"}]})", "hidden[0].maxout must be 0 or an integer in [2, 5], got \"2\""},
      {R"({"data": {"features": "x1"}})", "data.features must be an array of feature names, got \"x1\""},
      {R"({"data": {"features": [1]}})", "data.features[0] must be a string, got 1"},
      {R"({"data": {"features": ["x1", {}]}})", "data.features[1] must be a string, got an object"},
      {R"({"data": {"features": []}})", "data.features must not be empty"},
      {R"({"data": {"features": ["x1", "x1"]}})", "data.features[1]: duplicate name \"x1\""},
      {R"({"data": {"features": ["x3"]}})",
       "data.features[0]: unknown name \"x3\"; valid names are x1, x2, x1_squared, x2_squared, x1_x2, "
       "sin_x1, sin_x2"},
      // train.optimizer's and hidden[].activation's messages list their registries
      // (optimizers.def, activations.def), which grow: config_schema_test.cpp checks
      // every name field's message against the published options.
      {R"({"train": {"schedule": "Step"}})",
       "train.schedule: unknown name \"Step\"; valid names are constant, step, cosine"},
      {R"({"head": "softmax"})",
       "head: unknown name \"softmax\"; valid names are auto, sigmoid_bce, softmax_ce, linear_mse, tanh_mse"},
      {R"({"init": "he"})",
       "init: unknown name \"he\"; valid names are uniform, xavier_uniform, xavier_normal, he_uniform, "
       "he_normal, zero, large_normal"},
      {R"({"data": {"kind": "circles"}})",
       "data.kind: unknown name \"circles\"; valid names are circle, xor, gauss, spiral, moons, spiral_k, "
       "sine, plane, gauss_regression, digits, iris, custom"},
      {"{\"seed\": 1,}", "line 1, column 12: expected a string key but found '}'"},
      {"", "line 1, column 1: expected a value but found end of input"},
      {R"({"seed": 1, "seed": 2})", "line 1, column 13: duplicate key \"seed\""},
  };
  check_errors(cases, sizeof cases / sizeof cases[0], StatusCode::kInvalidArgument);
}

TEST_CASE("config: per-layer activation parameters use the activation's ranges") {
  const ErrorCase cases[] = {
      {R"({"hidden": [{"activation": "leaky_relu", "alpha": 1.5}]})",
       "hidden[0].alpha must be in [0, 1] for leaky_relu, got 1.5"},
      {R"({"hidden": [{}, {"activation": "prelu", "alpha": -0.1}]})",
       "hidden[1].alpha must be in [0, 1] for prelu, got -0.1"},
      {R"({"hidden": [{"activation": "elu", "alpha": 5.5}]})", "hidden[0].alpha must be in [0, 5] for elu, got 5.5"},
      {R"({"hidden": [{"activation": "rrelu", "upper": 1.2}]})", "hidden[0].upper must be in [0, 1] for rrelu, got 1.2"},
      {R"({"hidden": [{"activation": "rrelu", "lower": 0.5, "upper": 0.2}]})",
       "hidden[0].lower must not exceed hidden[0].upper for rrelu, got 0.5 and 0.2"},
      {R"({"hidden": [{}, {}, {}, {}, {}, {}, {}, {}, {}]})", "hidden must have at most 8 layers, got 9"},
  };
  check_errors(cases, sizeof cases / sizeof cases[0], StatusCode::kOutOfRange);
  SUBCASE("a parameter the activation does not read is kept, unchecked") {
    CHECK(parse_ok(R"({"hidden": [{"activation": "relu", "alpha": 7}]})").hidden[0].params.alpha == 7.0f);
  }
  SUBCASE("elu takes alpha up to 5") {
    CHECK(parse_ok(R"({"hidden": [{"activation": "elu", "alpha": 5}]})").hidden[0].params.alpha == 5.0f);
  }
}

TEST_CASE("config: validate_config checks a struct built in C++") {
  const auto message = [](const TrainerConfig& c) { return validate_config(c).message(); };
  TrainerConfig c;
  SUBCASE("NaN is never in range") {
    c.train.learning_rate = NAN;
    CHECK(message(c) == "train.learningRate must be in (0, 10], got NaN");
  }
  SUBCASE("floats print as typed") {
    c.data.noise = 0.6f;
    CHECK(message(c) == "data.noise must be in [0, 0.5], got 0.6");
  }
  SUBCASE("integers") {
    c.train.batch_size = 0;
    CHECK(message(c) == "train.batchSize must be an integer in [1, 5000], got 0");
  }
  SUBCASE("enums outside their range") {
    c.train.schedule = static_cast<Schedule>(9);
    CHECK(message(c) == "train.schedule: unknown value 9; valid names are constant, step, cosine");
    c = TrainerConfig{};
    c.train.optimizer = static_cast<OptimizerKind>(kOptimizerCount);
    CHECK(message(c).rfind("train.optimizer: unknown value " + std::to_string(kOptimizerCount) +
                           "; valid names are sgd, momentum, rmsprop, adam", 0) == 0);
  }
  SUBCASE("features") {
    c.data.features = 0;
    CHECK(message(c) == "data.features must not be empty");
    c.data.features = kX1 | (1u << 7);
    CHECK(message(c).rfind("data.features has unknown feature bits 128", 0) == 0);
  }
  SUBCASE("too many layers") {
    c.hidden.resize(9);
    CHECK(message(c) == "hidden must have at most 8 layers, got 9");
  }
  SUBCASE("an unread parameter must still be finite, to be written as JSON") {
    c.hidden[1].params.upper = INFINITY;
    CHECK(message(c) == "hidden[1].upper must be a finite number, got inf");
  }
  SUBCASE("maxout") {
    c.hidden[0].maxout_pieces = 1;
    CHECK(message(c) == "hidden[0].maxout must be 0 or an integer in [2, 5], got 1");
  }
}

}  // namespace
}  // namespace nnplay
