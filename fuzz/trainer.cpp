// From a config to a trainer, then every method: step, metrics, history,
// predict, grid, network, confusion, set, rewind, reset, export and import.
// The input is the config JSON followed by 9 bytes of arguments (read from
// the end, FuzzedDataProvider's order); large networks are skipped to keep
// each run fast.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "fuzz_data.hpp"
#include "nnplay/config_json.hpp"
#include "nnplay/history_csv.hpp"
#include "nnplay/model_json.hpp"
#include "nnplay/trainer.hpp"
#include "nnplay/trainer_view.hpp"

namespace {

// Inputs a caller may pass: ordinary, huge, tiny, non-finite.
constexpr float kValues[] = {0.0f, 1.0f, -2.5f, 6.0f, 1e30f, -1e30f, 3.4e38f, 1e-40f,
                             std::numeric_limits<float>::infinity(), std::numeric_limits<float>::quiet_NaN(),
                             -0.0f, 1e6f, 123456.7f, -7.0f, 0.5f, 100.0f};

bool small_enough(const nnplay::TrainerConfig& c) {
  int units = 0;
  for (const nnplay::LayerConfig& l : c.hidden) units += l.units * (l.maxout_pieces > 1 ? l.maxout_pieces : 1);
  return c.data.samples <= 400 && units <= 64;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const int steps = in.ConsumeIntegralInRange(1, 40);
  const int rows = in.ConsumeIntegralInRange(0, 6);
  const int res = in.ConsumeIntegralInRange(1, 12);
  const int layer = in.ConsumeIntegralInRange(-2, 3);
  const int neuron = in.ConsumeIntegralInRange(-1, 4);
  const std::uint8_t pick = in.ConsumeIntegral<std::uint8_t>();
  const std::uint32_t seed = in.ConsumeIntegral<std::uint16_t>();
  const bool regression = in.ConsumeBool();
  const std::string text = in.ConsumeRemainingBytesAsString();

  nnplay::JsonValue root;
  if (!nnplay::parse_json(text, &root).ok()) return 0;
  nnplay::TrainerConfig cfg;
  if (!nnplay::parse_trainer_config(root, &cfg).ok() || !small_enough(cfg)) return 0;
  const nnplay::Dataset* d = nnplay_fuzz::data_for(nnplay_fuzz::kind_of(root), regression);
  std::unique_ptr<nnplay::Trainer> t;
  if (!nnplay::Trainer::create(cfg, d, &t).ok()) return 0;

  (void)t->step(steps);
  (void)nnplay::metrics_json(*t);
  (void)nnplay::history_csv(*t, pick);
  std::vector<float> series;
  (void)nnplay::history_series(*t, pick & 1 ? "train_loss" : "L1.grad_w_norm", 0, &series);

  const int inputs = t->train_data().inputs;
  std::vector<float> points(static_cast<std::size_t>(rows) * inputs);
  for (std::size_t i = 0; i < points.size(); ++i) points[i] = kValues[(pick + i * 5) % 16];
  std::vector<float> out;
  (void)t->predict(points, &out);
  const float lo = kValues[pick % 16], hi = kValues[(pick / 16) % 16];
  (void)t->grid(res, lo, hi, -hi, -lo, layer, neuron, &out);
  std::string net;
  (void)nnplay::network_json(*t, std::vector<float>(points.begin(), points.begin() + (rows > 0 ? inputs : 0)), &net);

  std::vector<int> matrix;
  const nnplay::Status c = t->confusion(&matrix);
  if (c.ok() != t->has_confusion()) __builtin_trap();
  if (c.ok()) {
    long long total = 0;
    for (int v : matrix) total += v;
    if (total != t->test_data().size()) __builtin_trap();  // every test sample counted once
  }

  nnplay::TrainConfig train = t->config().train;
  if (nnplay::apply_train_config_json(pick & 2 ? R"({"learningRate":10,"clipNorm":0})" : R"({"batchSize":1})", &train).ok()) {
    (void)t->set_train_config(train);
    (void)t->step(steps);
  }
  (void)t->rewind();
  const std::string model = nnplay::export_model(*t);
  std::unique_ptr<nnplay::Trainer> back;
  if (!nnplay::import_model(model, d, &back).ok()) __builtin_trap();  // an export always imports
  if (nnplay::export_model(*back) != model) __builtin_trap();
  t->reset(seed);
  (void)t->step(1);
  return 0;
}
