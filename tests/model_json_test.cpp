// Model export and import: a round trip predicts identically; bad files are
// rejected by name and create nothing.
#include "nnplay/model_json.hpp"

#include <string>

#include <doctest/doctest.h>

namespace nnplay {
namespace {

std::unique_ptr<Trainer> trained() {
  TrainerConfig c;
  c.data.kind = DatasetKind::kMoons;
  c.data.samples = 100;
  c.hidden = {LayerConfig{5, Activation::kPrelu, default_params(Activation::kPrelu), 0},
              LayerConfig{3, Activation::kLinear, {}, 3}};
  c.train.optimizer = OptimizerKind::kAdam;
  std::unique_ptr<Trainer> t;
  REQUIRE(Trainer::create(c, nullptr, &t).ok());
  REQUIRE(t->step(50).ok());
  return t;
}

TEST_CASE("export then import reproduces the model exactly") {
  auto t = trained();
  const std::string json = export_model(*t);
  std::unique_ptr<Trainer> back;
  const Status s = import_model(json, nullptr, &back);
  INFO(s.message());
  REQUIRE(s.ok());
  CHECK(back->metrics().step == 50);
  const std::vector<float> points = {0.5f, -1.0f, 2.0f, 0.25f, -3.0f, 3.0f};
  std::vector<float> a, b;
  REQUIRE(t->predict(points, &a).ok());
  REQUIRE(back->predict(points, &b).ok());
  CHECK(a == b);  // weights are written with 9 significant digits: floats round-trip exactly
  CHECK(back->network().layers()[0].params.alpha == t->network().layers()[0].params.alpha);
  CHECK(export_model(*back).find("\"step\":50") != std::string::npos);
}

TEST_CASE("bad model files are rejected by name") {
  auto t = trained();
  std::string json = export_model(*t);
  std::unique_ptr<Trainer> out;
  CHECK(import_model("{", nullptr, &out).message().find("line 1") != std::string::npos);
  CHECK(import_model(R"({"format":"keras"})", nullptr, &out).message().find("nnplay-model") != std::string::npos);
  CHECK(import_model(R"({"format":"nnplay-model","version":2})", nullptr, &out).message().find("got 2") != std::string::npos);
  std::string shorter = json;
  const std::size_t w = shorter.find("\"w\":[") + 5;
  shorter.erase(w, shorter.find(',', w) - w + 1);  // drop the first weight
  CHECK(import_model(shorter, nullptr, &out).message().find("layers[0].w has") != std::string::npos);
  std::string nan = json;
  nan.replace(w, nan.find(',', w) - w, "1e39");  // the first weight overflows a float
  CHECK(import_model(nan, nullptr, &out).message().find("not a finite float") != std::string::npos);
  std::string bad_config = json;
  bad_config.replace(bad_config.find("\"units\":5"), 9, "\"units\":0");
  CHECK(import_model(bad_config, nullptr, &out).message().find("hidden[0].units") != std::string::npos);
  CHECK(out == nullptr);
}

}  // namespace
}  // namespace nnplay
