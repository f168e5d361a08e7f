// The trainer runs mini-batch training entirely inside the core: step(n) does
// n steps without returning to the caller, records metrics into a bounded
// history, stops at the first NaN/inf (loss, gradient or weight) with a
// Divergence report, and keeps recent finite snapshots for rewind().
#pragma once
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "nnplay/config.hpp"
#include "nnplay/dataset.hpp"
#include "nnplay/metrics.hpp"
#include "nnplay/network.hpp"
#include "nnplay/optimizer.hpp"
#include "nnplay/status.hpp"

namespace nnplay {

inline constexpr std::size_t kHistoryCapacity = 20000;
inline constexpr int kSnapshotEvery = 25;   // steps between rewind points
inline constexpr std::size_t kSnapshotCount = 4;
inline constexpr int kMaxGridResolution = 200;

class Trainer {
 public:
  // Builds the data (generated from the config, or `data` for digits, iris and
  // custom sets), the network and the optimiser. Nothing is created on error.
  static Status create(const TrainerConfig& cfg, const Dataset* data, std::unique_ptr<Trainer>* out);
  // blocks_ points into the network's own matrices: a copy would share them.
  Trainer(const Trainer&) = delete;
  Trainer& operator=(const Trainer&) = delete;

  // Runs up to n steps (1..100000); returns early, without error, when training diverges.
  Status step(int n);
  const StepMetrics& metrics() const { return current_; }
  const std::deque<StepMetrics>& history() const { return history_; }
  const Divergence& divergence() const { return divergence_; }
  const std::vector<Histogram>& histograms() const { return histograms_; }  // per hidden layer
  // Recomputes the evaluation metrics now (they are otherwise refreshed every
  // train.evalEvery steps).
  void refresh_metrics() { evaluate(); }
  // Changes what does not change the network's shape: every TrainConfig field.
  Status set_train_config(const TrainConfig& t);
  // Back to the last finite snapshot; clears the divergence.
  Status rewind();
  // Model import: continue counting from `step` (history restarts there).
  void set_step(long long step);
  // Fresh weights and optimiser state from `seed` (data unchanged).
  void reset(std::uint32_t seed);
  // Sets one weight (input >= 0: from that input of the layer) or the bias
  // (input = -1) of `unit` in `layer` (0 = first hidden layer), and refreshes
  // the metrics. Maxout layers (several pieces per unit) are refused.
  Status set_parameter(int layer, int unit, int input, float value);

  // Outputs of the head (probabilities or values) for raw input points
  // (rows × data inputs, before feature expansion): rows × outputs.
  Status predict(const std::vector<float>& points, std::vector<float>* out);
  // The output (neuron = -1: P(class 1) or the value; softmax: the argmax class
  // and its probability are in out and out2) or one hidden neuron's activation
  // over a res×res grid of 2-D inputs on [x0,x1]×[y0,y1], row-major from y0.
  Status grid(int res, float x0, float x1, float y0, float y1, int layer, int neuron,
              std::vector<float>* out);
  // Confusion matrix on the test set (classes × classes, row = true class).
  Status confusion(std::vector<int>* out) const;

  const TrainerConfig& config() const { return cfg_; }
  const Network& network() const { return net_; }
  Network& mutable_network() { return net_; }
  const Dataset& train_data() const { return train_; }
  const Dataset& test_data() const { return test_; }
  Head head() const { return head_; }

 private:
  Trainer() = default;
  bool one_step();  // false when it diverged
  void evaluate();
  void evaluate_layers();
  void snapshot();
  void diverge(const char* quantity, int layer, float largest_weight, float largest_gradient);
  void fill_batch(int size);
  void make_features(const Dataset& d, Matrix* x) const;

  TrainerConfig cfg_;
  Dataset train_, test_;
  Matrix train_x_, test_x_;  // feature-expanded inputs
  Head head_ = Head::kSigmoidBce;
  Network net_;
  Optimizer opt_{TrainConfig{}};
  Rng rng_;
  std::vector<int> order_;  // shuffled sample order of the current epoch
  std::size_t cursor_ = 0;
  Matrix batch_x_;
  std::vector<float> batch_y_;
  Matrix probs_, grad_logits_;
  std::vector<Matrix> prev_w_;  // weights before the update, for the update ratio
  std::vector<ParamBlock> blocks_;  // the network's parameter blocks
  long long step_ = 0;
  long long samples_seen_ = 0;
  StepMetrics current_;
  std::deque<StepMetrics> history_;
  std::vector<Histogram> histograms_;
  Divergence divergence_;
  struct Snapshot {
    std::vector<Matrix> w;
    std::vector<RowVector> b;
    std::vector<float> alpha;
    Optimizer::State opt;
    Rng rng;                  // with the epoch order and cursor, so that training
    std::vector<int> order;   // on after a rewind takes the same batches again
    std::size_t cursor;
    long long step, samples;
    StepMetrics metrics;
  };
  std::deque<Snapshot> snapshots_;
};

}  // namespace nnplay
