// TrainerConfig <-> JSON: defaults, exact round trips, and the fields landing
// in the struct. Error messages: config_json_errors_test.cpp.
#include "nnplay/config_json.hpp"

#include <random>
#include <string>

#include <doctest/doctest.h>

#include "config_test_util.hpp"
#include "nnplay/dataset.hpp"

namespace nnplay {

TrainerConfig config_test::full_config() {
  TrainerConfig c;
  c.data = {DatasetKind::kSpiralK, 777, 0.35f, 0.7f, 5, 4294967295u, 0x7Fu};
  LayerConfig rrelu{256, Activation::kRrelu, default_params(Activation::kRrelu), 0};
  rrelu.params.lower = 0.05f;
  rrelu.params.upper = 0.95f;
  LayerConfig leaky{3, Activation::kLeakyRelu, default_params(Activation::kLeakyRelu), 0};
  leaky.params.alpha = 0.2f;
  LayerConfig maxout{7, Activation::kLinear, default_params(Activation::kLinear), 5};
  c.hidden = {rrelu, leaky, maxout, LayerConfig{1, Activation::kElu, default_params(Activation::kElu), 2}};
  c.head = Head::kTanhMse;
  c.init = Init::kLargeNormal;
  c.init_sigma = 0.7f;
  c.bias_init = -2.5f;
  c.train = {OptimizerKind::kAdam, 0.0123f, 0.5f, true, 0.7f, 0.8f, 0.95f, 1e-8f, Schedule::kCosine,
             123456, 0.33f, 5000, false, 1e-4f, 0.3f, 5.5f, 1000.0f, 0.9f, 10000};
  c.seed = 3000000000u;
  return c;
}

namespace {

using namespace config_test;

TEST_CASE("config: defaults from an empty object") {
  SUBCASE("{} gives config.hpp's defaults") { CHECK(diff(parse_ok("{}"), TrainerConfig{}).empty()); }
  SUBCASE("empty sections too") {
    CHECK(diff(parse_ok(R"({"data": {}, "train": {}})"), TrainerConfig{}).empty());
  }
  SUBCASE("an empty layer is LayerConfig{}") {
    const TrainerConfig c = parse_ok(R"({"hidden": [{}]})");
    REQUIRE(c.hidden.size() == 1);
    CHECK(c.hidden[0].units == 4);
    CHECK(c.hidden[0].activation == Activation::kTanh);
    CHECK(c.hidden[0].maxout_pieces == 0);
  }
  SUBCASE("no hidden layers") { CHECK(parse_ok(R"({"hidden": []})").hidden.empty()); }
  SUBCASE("the defaults validate") { CHECK(validate_config(TrainerConfig{}).ok()); }
}

TEST_CASE("config: the documented example parses") {
  const TrainerConfig c = parse_ok(R"({
    "data": { "kind": "circle", "samples": 500, "noise": 0, "trainFraction": 0.5,
              "classes": 3, "seed": 1, "features": ["x1", "x2"] },
    "hidden": [ { "units": 4, "activation": "tanh", "alpha": 0.01, "lower": 0.125,
                  "upper": 0.333, "maxout": 0 } ],
    "head": "auto", "init": "xavier_uniform", "initSigma": 3, "biasInit": 0,
    "train": { "optimizer": "sgd", "learningRate": 0.03, "momentum": 0.9, "nesterov": false,
               "rho": 0.9, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-7, "schedule": "constant",
               "decaySteps": 1000, "decayRate": 0.5, "batchSize": 10, "l1": 0, "l2": 0,
               "clipNorm": 0, "clipValue": 0, "dropout": 0, "evalEvery": 0 },
    "seed": 1 })");
  TrainerConfig expected;
  expected.hidden = {LayerConfig{}};
  expected.hidden[0].params.alpha = 0.01f;
  expected.hidden[0].params.upper = 0.333f;
  CHECK(diff(c, expected) == "");
}

TEST_CASE("config: round trips through JSON exactly") {
  SUBCASE("the defaults") { CHECK(diff(parse_ok(trainer_config_json(TrainerConfig{})), TrainerConfig{}) == ""); }
  SUBCASE("every field away from its default") {
    const TrainerConfig c = full_config();
    REQUIRE(validate_config(c).ok());
    CHECK(diff(parse_ok(trainer_config_json(c)), c) == "");
  }
  SUBCASE("the JSON is stable and short") {
    const std::string json = trainer_config_json(full_config());
    CHECK(trainer_config_json(parse_ok(json)) == json);
    const std::string plain = trainer_config_json(TrainerConfig{});
    CHECK(plain.find("\"learningRate\":0.03,") != std::string::npos);
    CHECK(plain.find("\"epsilon\":1e-07,") != std::string::npos);
    CHECK(plain.find("\"features\":[\"x1\",\"x2\"]") != std::string::npos);
    CHECK(json.find("\"seed\":3000000000}") != std::string::npos);
  }
  SUBCASE("random floats in every range round-trip bit for bit") {
    std::mt19937 rng(12345);
    const auto pick = [&](float lo, float hi) { return std::uniform_real_distribution<float>(lo, hi)(rng); };
    for (int k = 0; k < 2000; ++k) {
      TrainerConfig c;
      c.data.noise = pick(0, 0.5f);
      c.data.train_fraction = pick(0.1f, 0.9f);
      c.init_sigma = pick(1e-6f, 100);
      c.bias_init = pick(-10, 10);
      c.train.learning_rate = pick(1e-7f, 10);
      c.train.beta2 = pick(0, 0.9999f);
      c.train.epsilon = pick(1e-12f, 1);
      c.train.l1 = pick(0, 1e-3f);
      c.train.clip_value = pick(0, 1000);
      c.hidden[0].params.alpha = pick(-1e30f, 1e30f);  // unread by tanh: any finite value
      c.seed = static_cast<std::uint32_t>(rng());
      REQUIRE(validate_config(c).ok());
      const TrainerConfig back = parse_ok(trainer_config_json(c));
      REQUIRE_MESSAGE(diff(back, c) == "", trainer_config_json(c));
    }
  }
}

TEST_CASE("config: fields parse into the struct") {
  SUBCASE("features become a bit mask") {
    CHECK(parse_ok(R"({"data": {"features": ["sin_x2", "x1"]}})").data.features == (kSinX2 | kX1));
    const TrainerConfig all = parse_ok(
        R"({"data": {"features": ["x1", "x2", "x1_squared", "x2_squared", "x1_x2", "sin_x1", "sin_x2"]}})");
    CHECK(all.data.features == 0x7Fu);
  }
  SUBCASE("every enum name parses to its value and back") {
    for (int k = 0; k <= int(Head::kTanhMse); ++k) {
      CHECK(parse_ok(wrap("head", std::string("\"") + head_name(Head(k)) + "\"")).head == Head(k));
    }
    for (int k = 0; k <= int(Init::kLargeNormal); ++k) {
      CHECK(parse_ok(wrap("init", std::string("\"") + init_name(Init(k)) + "\"")).init == Init(k));
    }
    for (int k = 0; k < kOptimizerCount; ++k) {
      const std::string j = wrap("train.optimizer", std::string("\"") + optimizer_name(OptimizerKind(k)) + "\"");
      CHECK(parse_ok(j).train.optimizer == OptimizerKind(k));
    }
    for (int k = 0; k <= int(Schedule::kCosine); ++k) {
      const std::string j = wrap("train.schedule", std::string("\"") + schedule_name(Schedule(k)) + "\"");
      CHECK(parse_ok(j).train.schedule == Schedule(k));
    }
    for (int k = 0; k <= int(DatasetKind::kCustom); ++k) {
      const std::string j = wrap("data.kind", std::string("\"") + dataset_kind_name(DatasetKind(k)) + "\"");
      CHECK(parse_ok(j).data.kind == DatasetKind(k));
    }
  }
  SUBCASE("a layer's parameters default to its activation's") {
    const TrainerConfig c = parse_ok(R"({"hidden": [{"activation": "prelu"}, {"activation": "rrelu"}]})");
    CHECK(c.hidden[0].params.alpha == 0.25f);
    CHECK(c.hidden[1].params.lower == default_params(Activation::kRrelu).lower);
    CHECK(c.hidden[1].params.upper == default_params(Activation::kRrelu).upper);
  }
  SUBCASE("given parameters override the defaults") {
    const TrainerConfig c = parse_ok(R"({"hidden": [{"alpha": 0.5, "activation": "elu", "maxout": 3}]})");
    CHECK(c.hidden[0].activation == Activation::kElu);
    CHECK(c.hidden[0].params.alpha == 0.5f);
    CHECK(c.hidden[0].maxout_pieces == 3);
  }
  SUBCASE("integers may be written with an exponent") {
    CHECK(parse_ok(wrap("train.decaySteps", "1e6")).train.decay_steps == 1000000);
    CHECK(parse_ok(wrap("seed", "4294967295")).seed == 4294967295u);
  }
}


}  // namespace
}  // namespace nnplay
