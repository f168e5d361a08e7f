// Gradient-descent optimisers over the network's parameter blocks, and the
// learning-rate schedules. The optimisers, their update rules and their
// hyperparameters are listed in nnplay/optimizers.def. Hyperparameters may
// change between steps; the moment estimates are kept.
#pragma once
#include <vector>

#include "nnplay/config.hpp"
#include "nnplay/network.hpp"

namespace nnplay {

// η at 0-based step `step` under the config's schedule.
float scheduled_learning_rate(const TrainConfig& cfg, long long step);

class Optimizer {
 public:
  explicit Optimizer(const TrainConfig& cfg) : cfg_(cfg) {}
  void set_config(const TrainConfig& cfg) { cfg_ = cfg; }
  // Applies one update with rate lr to every block. The block list must keep
  // its order and sizes from call to call. The pass that updates a value also
  // reads what the divergence check needs, so no second pass is made.
  struct Result {
    float largest = 0.0f;  // largest |value| before the update
    bool finite = true;    // every value after the update is finite
  };
  Result step(const std::vector<ParamBlock>& blocks, float lr);
  // Plain SGD only (fuses_statistics()): step() that, in the same pass, sums
  // each block's squared gradients (in double: squares[k]) and takes its
  // largest |g| (largest[k]), as a separate pass would, and leaves every
  // value from before the update in `old` (the blocks back to back), so that
  // undo() can take back an update whose gradient was not finite. Returns
  // whether every value after the update is finite (Result::finite); the
  // largest |value| before the update is only needed by a divergence report,
  // and saved_largest(old) reads it then.
  bool fuses_statistics() const { return cfg_.optimizer == OptimizerKind::kSgd; }
  bool step_with_statistics(const std::vector<ParamBlock>& blocks, float lr, float* old, double* squares,
                            float* largest);
  // The largest |value| (NaN skipped) of the `count` values step_with_statistics() saved in `old`.
  static float saved_largest(const float* old, std::size_t count);
  // Restores the values step_with_statistics() saved and its step count.
  void undo(const std::vector<ParamBlock>& blocks, const float* old);
  void reset();

  // The state, for snapshots (rewind) and model export.
  struct State {
    long long t = 0;
    std::vector<std::vector<float>> m, v;
  };
  const State& state() const { return state_; }
  void set_state(const State& s) { state_ = s; }

 private:
  void size_state(std::size_t blocks);  // one (possibly empty) m and v per block
  TrainConfig cfg_;
  State state_;
};

}  // namespace nnplay
