// A model file is a strict format (model_json.hpp): every field present and
// known, "step" an integer in [0, 2^53), every layer's shape the config's, and
// the data the refusals createTrainer gives. Each bad file is refused by name
// and creates nothing.
#include <string>

#include <doctest/doctest.h>

#include "nnplay/model_json.hpp"
#include "trainer_test_util.hpp"

namespace nnplay {
namespace {

TrainerConfig small_config() {
  TrainerConfig c;
  c.data.kind = DatasetKind::kXor;
  c.data.samples = 40;
  c.hidden = {LayerConfig{3, Activation::kTanh, {}, 0}};
  return c;
}

std::string exported(const TrainerConfig& c, const Dataset* data = nullptr) {
  auto t = trainer_test::make(c, data);
  REQUIRE(t->step(3).ok());
  return export_model(*t);
}

// `json` with the first `from` after position `after` replaced by `to`.
std::string edit(std::string json, const std::string& from, const std::string& to, std::size_t after = 0) {
  const std::size_t at = json.find(from, after);
  REQUIRE_MESSAGE(at != std::string::npos, from << " not in " << json);
  return json.replace(at, from.size(), to);
}

// The same within the "layers" array (the config before it has "units" too).
std::string edit_layer(const std::string& json, const std::string& from, const std::string& to, std::size_t skip = 0) {
  return edit(json, from, to, json.find("\"layers\"") + skip);
}

void expect_refused(const std::string& json, const std::string& needle, const Dataset* data = nullptr) {
  std::unique_ptr<Trainer> out;
  const Status s = import_model(json, data, &out);
  CAPTURE(needle);
  CAPTURE(s.message());
  CHECK_FALSE(s.ok());
  CHECK(s.message().find(needle) != std::string::npos);
  CHECK(out == nullptr);
}

TEST_CASE("model step: a whole number from 0 to 2^53 - 1, anything else is refused") {
  const std::string json = exported(small_config());
  for (const char* bad : {"-1", "1.5", "1e19", "1e300", "-1e300", "9007199254740992", "\"5\"", "null", "true"}) {
    expect_refused(edit(json, "\"step\":3", std::string("\"step\":") + bad),
                   std::string("\"step\" must be an integer in [0, 2^53), got "));
  }
  expect_refused(edit(json, "\"step\":3,", ""), "\"step\" is missing");
  for (const char* good : {"0", "9007199254740991", "1e3"}) {
    std::unique_ptr<Trainer> t;
    REQUIRE(import_model(edit(json, "\"step\":3", std::string("\"step\":") + good), nullptr, &t).ok());
    CHECK(t->metrics().step == static_cast<long long>(std::stod(good)));
  }
  std::unique_ptr<Trainer> t;
  REQUIRE(import_model(edit(json, "\"step\":3", "\"step\":9007199254740991"), nullptr, &t).ok());
  CHECK(export_model(*t).find("\"step\":9007199254740991,") != std::string::npos);  // written exactly
}

TEST_CASE("model layers: inputs, units and pieces must be the config's, also 0") {
  const std::string json = exported(small_config());  // layers: 2 → 3 → 1
  const std::size_t second = json.find("\"inputs\":3") - json.find("\"layers\"");
  expect_refused(edit_layer(json, "\"inputs\":2", "\"inputs\":5"), "layers[0].inputs is 5, but the config's network has 2");
  expect_refused(edit_layer(json, "\"inputs\":2", "\"inputs\":0"), "layers[0].inputs is 0");
  expect_refused(edit_layer(json, "\"units\":3", "\"units\":0"), "layers[0].units is 0, but the config's network has 3");
  expect_refused(edit_layer(json, "\"units\":1", "\"units\":4", second), "layers[1].units is 4");
  expect_refused(edit_layer(json, "\"pieces\":1", "\"pieces\":0"), "layers[0].pieces is 0");
  expect_refused(edit_layer(json, "\"pieces\":1", "\"pieces\":2"), "layers[0].pieces is 2");
  expect_refused(edit_layer(json, "\"pieces\":1", "\"pieces\":\"1\""), "layers[0].pieces is \"1\"");
  expect_refused(edit_layer(json, "\"pieces\":1,", ""), "\"layers[0].pieces\" is missing");
  expect_refused(edit_layer(json, "\"alpha\":0", "\"alpha\":0.5"), "layers[0].alpha is 0.5, but this layer learns no alpha");
  expect_refused(edit_layer(json, "\"layers\":[{", "\"layers\":[7,{"), "\"layers\" must be an array of 2 layers");
}

TEST_CASE("model: unknown fields are refused, at the top and in a layer") {
  const std::string json = exported(small_config());
  expect_refused(edit(json, "\"step\":3", "\"step\":3,\"steps\":4"), "unknown field steps");
  expect_refused(edit_layer(json, "\"pieces\":1", "\"pieces\":1,\"bias\":[]"), "unknown field layers[0].bias");
  expect_refused(edit(json, "\"config\":{", "\"config\":{\"extra\":1,"), "config: unknown field extra");
  expect_refused("[1]", "model: must be an object, got");
}

TEST_CASE("model: a classification model and a regression data set are refused as createTrainer refuses them") {
  Dataset classes, values;
  REQUIRE(parse_custom_csv("1,2,0\n2,1,1\n3,3,0\n0,1,1\n", false, &classes).ok());
  REQUIRE(parse_custom_csv("1,2,0.5\n2,1,1.5\n3,3,0.25\n0,1,-1\n", true, &values).ok());
  TrainerConfig c = small_config();
  c.data.kind = DatasetKind::kCustom;  // head "auto": sigmoid_bce on these classes
  const std::string json = exported(c, &classes);
  CHECK(json.find("\"head\":\"sigmoid_bce\"") != std::string::npos);  // the resolved head is written
  c.head = Head::kSigmoidBce;
  std::unique_ptr<Trainer> refused;
  const Status create = Trainer::create(c, &values, &refused);
  REQUIRE_FALSE(create.ok());
  std::unique_ptr<Trainer> out;
  const Status import = import_model(json, &values, &out);
  CHECK(import.message() == create.message());
  CHECK(out == nullptr);
}

TEST_CASE("features a data set cannot use are an error, in createTrainer and in import") {
  TrainerConfig c = small_config();
  c.data.features = kX1 | kX2 | kX1X2;
  const std::string json = exported(c);  // fine on 2-D xor
  Dataset iris;
  iris.inputs = 4;
  iris.classes = 3;
  iris.x = {0, 1, 2, 3, 1, 2, 3, 4, 2, 3, 4, 5, 3, 4, 5, 6};
  iris.y = {0, 1, 2, 0};
  c.data.kind = DatasetKind::kIris;
  c.hidden = {LayerConfig{3, Activation::kTanh, {}, 0}};
  std::unique_ptr<Trainer> t;
  const Status s = Trainer::create(c, &iris, &t);
  CHECK(s.message() == "data.features [\"x1\", \"x2\", \"x1_x2\"] needs 2-D inputs, but data.kind \"iris\" has 4 inputs, "
                       "used as they are; leave data.features out or give [\"x1\", \"x2\"]");
  CHECK(t == nullptr);
  expect_refused(edit(json, "\"kind\":\"xor\"", "\"kind\":\"iris\""), "data.features [\"x1\", \"x2\", \"x1_x2\"] needs 2-D", &iris);
  c.data.features = kDefaultFeatures;  // the default stays valid: the inputs as they are
  CHECK(Trainer::create(c, &iris, &t).ok());
}

}  // namespace
}  // namespace nnplay
