// The trainer runs mini-batch training entirely inside the core: step(n) does
// n steps without returning to the caller, records metrics into a bounded
// history, stops at the first step that records a NaN/inf (batch or
// evaluation loss, gradient or weight) with a Divergence report for that
// step, and keeps recent finite snapshots for rewind(). A step allocates
// nothing once the history is full (tests/trainer_alloc_test.cpp).
#pragma once
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "nnplay/config.hpp"
#include "nnplay/dataset.hpp"
#include "nnplay/history.hpp"
#include "nnplay/metrics.hpp"
#include "nnplay/network.hpp"
#include "nnplay/optimizer.hpp"
#include "nnplay/status.hpp"

namespace nnplay {

inline constexpr std::size_t kHistoryCapacity = 20000;
inline constexpr int kSnapshotEvery = 25;   // steps between rewind points
inline constexpr std::size_t kSnapshotCount = 4;
inline constexpr int kMaxGridResolution = 200;
// predict() holds every layer's outputs for all points at once: points ×
// (features + every layer's units·pieces) floats may not exceed this (64 MB
// per copy), so that a huge call is an error instead of exhausting the heap.
inline constexpr std::size_t kMaxPredictValues = std::size_t{1} << 24;
inline constexpr int kAutoEvalRowsPerStep = 12;
// Evaluation forward passes use at most this many training samples for the
// per-layer diagnostics, so their cost stays bounded on large data.
inline constexpr int kDiagnosticSamples = 1000;

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
  const History& history() const { return history_; }
  const Divergence& divergence() const { return divergence_; }
  const std::vector<Histogram>& histograms() const { return histograms_; }  // per hidden layer
  // Recomputes the evaluation metrics now (they are otherwise refreshed every
  // evaluation_interval() steps).
  void refresh_metrics() { evaluate(); }
  // Steps between full-set evaluations: train.evalEvery, or for 0 (the
  // default) kAutoEvalRowsPerStep · (rows one evaluation reads) / batch rows.
  // A step reads its batch three times (the forward product and the two
  // backward ones) and an evaluation reads each row once or twice (forward,
  // then the layer statistics over the training rows), so evaluation then
  // costs about 5 % of the training time (bench/diagnostics.mjs and the
  // training benchmark's "defaults" rows measure it; README "What each
  // diagnostic costs").
  int evaluation_interval() const { return eval_interval_; }
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
  // (rows × data inputs, before feature expansion): rows × outputs. At most
  // kMaxPredictValues / predict_width() points per call.
  Status predict(const std::vector<float>& points, std::vector<float>* out);
  std::size_t predict_width() const;
  // The output (neuron = -1: P(class 1) or the value; softmax: the argmax class
  // and its probability are in out and out2) or one hidden neuron's activation
  // over a res×res grid of 2-D inputs on [x0,x1]×[y0,y1], row-major from y0.
  Status grid(int res, float x0, float x1, float y0, float y1, int layer, int neuron,
              std::vector<float>* out);
  // Confusion matrix on the test set (classes × classes, row = true class).
  // Only where the head predicts classes (has_confusion(), head.hpp's
  // head_predicts_classes); otherwise failed_precondition naming the head.
  Status confusion(std::vector<int>* out) const;
  bool has_confusion() const;

  const TrainerConfig& config() const { return cfg_; }
  const Network& network() const { return net_; }
  Network& mutable_network() { return net_; }
  const Dataset& train_data() const { return train_; }
  const Dataset& test_data() const { return test_; }
  Head head() const { return head_; }

 private:
  Trainer() = default;
  bool one_step();  // false when it diverged
  void record_step(int batch);
  bool evaluation_finite();
  void evaluate();
  void evaluate_layers();
  void snapshot();
  // Divergence at the step just recorded (step_).
  void diverge(const char* quantity, int layer, float largest_weight, float largest_gradient);
  void fill_batch(int size);
  void shuffle_order();
  void make_features(const Dataset& d, Matrix* x) const;

  TrainerConfig cfg_;
  Dataset train_, test_;
  Matrix train_x_, test_x_;  // feature-expanded inputs
  Head head_ = Head::kSigmoidBce;
  Network net_;
  Optimizer opt_{TrainConfig{}};
  Rng rng_;
  std::vector<int> order_;  // shuffled sample order of the current epoch
  // A number per contents of order_: each change takes a new one from
  // order_versions_ (rewind takes back the snapshot's with its contents), so
  // a snapshot copies order_ only when its own copy is of another number.
  unsigned long long order_version_ = 0, order_versions_ = 0;
  std::size_t cursor_ = 0;
  Matrix batch_x_;  // the batch, when it is not a run of the training set as stored
  std::vector<float> batch_y_;
  const float* batch_x_ptr_ = nullptr;  // the step's batch: batch_x_ or rows of train_x_
  const float* batch_y_ptr_ = nullptr;
  std::vector<float> old_values_;      // every parameter before the last fused update
  std::vector<double> block_squares_;  // per parameter block: Σ g² and max |g| of the step
  std::vector<float> block_largest_;
  Matrix probs_, grad_logits_;
  std::vector<Matrix> prev_w_;  // weights before the update, for the update ratio
  std::vector<ParamBlock> blocks_;  // the network's parameter blocks
  void set_evaluation_interval();
  int eval_interval_ = 1;
  long long step_ = 0;
  long long samples_seen_ = 0;
  StepMetrics current_;
  History history_{kHistoryCapacity};
  float last_finite_gradient_ = 0.0f;  // max |g| of the latest step with finite gradients
  std::vector<Histogram> histograms_;
  // Evaluation buffers: the head's outputs on the test and the train split,
  // f' of a layer, and its per-unit max and sum of |f'|.
  std::array<Matrix, 2> eval_probs_;
  Matrix eval_deriv_;
  std::vector<float> unit_max_, unit_sum_;
  Divergence divergence_;
  struct Snapshot {
    std::vector<Matrix> w;
    std::vector<RowVector> b;
    std::vector<float> alpha;
    Optimizer::State opt;
    Rng rng;                  // with the epoch order and cursor, so that training
    std::vector<int> order;   // on after a rewind takes the same batches again
    unsigned long long order_version = ~0ull;  // order_version_ of `order`
    std::size_t cursor = 0;
    long long step = 0, samples = 0;
    StepMetrics metrics;
  };
  // A ring of kSnapshotCount, reused in place so that taking one allocates nothing.
  std::array<Snapshot, kSnapshotCount> snapshots_;
  std::size_t snapshot_count_ = 0, snapshot_next_ = 0;
};

}  // namespace nnplay
