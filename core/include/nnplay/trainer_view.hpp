// Read-only views of a trainer in the shapes the page needs, so the bindings
// stay one call per function:
//   metrics_json   the latest StepMetrics, the divergence report and the
//                  pre-activation histograms, as one small JSON object
//   history_series one column of the history as floats (for uPlot's columnar data)
//   network_json   weights, biases and each unit's activation for one input,
//                  for drawing the network diagram
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "nnplay/trainer.hpp"

namespace nnplay {

std::string metrics_json(const Trainer& t);

// Column names: "step", "epoch", "learning_rate", "batch_loss", "train_loss",
// "test_loss", "train_accuracy", "test_accuracy", "grad_norm",
// "grad_norm_clipped", and per layer i (1-based) "L<i>.grad_w_norm",
// "L<i>.grad_b_norm", "L<i>.update_ratio", "L<i>.dead", "L<i>.saturated",
// "L<i>.act_mean", "L<i>.act_std", "L<i>.alpha". Rows with step >= from_step.
Status history_series(const Trainer& t, std::string_view column, long long from_step, std::vector<float>* out);

// `input` is one raw sample (data inputs, before feature expansion).
Status network_json(Trainer& t, const std::vector<float>& input, std::string* out);

}  // namespace nnplay
