// What the trainer records. Step metrics come from the training batch and are
// recorded every step; evaluation metrics (full-set losses and accuracies, dead
// and saturated units, activation statistics, histograms) are recomputed every
// train.evalEvery steps and carried forward in between.
#pragma once
#include <string>
#include <vector>

namespace nnplay {

// Pre-activation histogram: fixed bins over [-kHistogramRange, kHistogramRange],
// plus the counts below and above.
inline constexpr int kHistogramBins = 40;
inline constexpr float kHistogramRange = 10.0f;
// A unit is saturated when the mean |f'(z)| over the evaluation set is below
// this fraction of the activation's largest slope (sigmoid: 0.05 · 0.25).
inline constexpr float kSaturationFraction = 0.05f;

struct LayerMetrics {
  float grad_w_norm = 0.0f;   // L2 norm of dL/dW (after clipping is not applied: raw)
  float grad_b_norm = 0.0f;
  float update_ratio = 0.0f;  // ||ΔW|| / ||W|| of this step's update
  float dead_fraction = 0.0f;       // ReLU-family units with z <= 0 on every evaluation sample
  float saturated_fraction = 0.0f;  // units whose mean |f'(z)| is below kSaturationFraction · max f'
  float activation_mean = 0.0f;     // of the layer's outputs over the evaluation set
  float activation_std = 0.0f;
  float alpha = 0.0f;               // PReLU's learned α (NaN for other layers)
};

// A history row's numbers apart from its layers, so that the history can
// copy a row every step without reallocating or calling memmove.
struct StepScalars {
  long long step = 0;  // steps completed
  double epoch = 0.0;  // samples seen / training-set size
  float learning_rate = 0.0f;
  float batch_loss = 0.0f;  // including the weight penalty
  float train_loss = 0.0f, test_loss = 0.0f;
  float train_accuracy = 0.0f, test_accuracy = 0.0f;  // NaN for regression
  float grad_norm = 0.0f;          // global norm before clipping
  float grad_norm_clipped = 0.0f;  // after clipping (= grad_norm when off)
};

struct StepMetrics : StepScalars {
  std::vector<LayerMetrics> layers;  // hidden layers then the output layer
};

struct Histogram {
  std::vector<int> counts;  // kHistogramBins
  int below = 0, above = 0;  // NaN pre-activations (a diverged network) are in none
};

// Why training stopped, in words a student can act on.
struct Divergence {
  bool diverged = false;
  long long step = 0;
  std::string quantity;  // "loss", "gradient", "weight"
  int layer = -1;        // 0-based, -1 when not tied to a layer
  float largest_weight = 0.0f;    // max |w| just before the step
  float largest_gradient = 0.0f;  // max |g| of the step (NaN or inf when the gradients diverged)
  float largest_finite_gradient = 0.0f;  // max |g| of the last step whose gradients were all finite
  std::string cause;     // "learning_rate", "initial_scale", "exploding_gradients"
  std::string message;   // the sentence for the banner (English)
};

}  // namespace nnplay
