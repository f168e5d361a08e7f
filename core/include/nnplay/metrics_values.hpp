// The trainer's metrics as numbers in one array of doubles, for the bindings'
// Trainer.metrics() (web/src/engine/metrics.ts readMetrics is the one
// reader): the same values as metrics_json (trainer_view.hpp) read by a JSON
// parser, without writing and parsing the text (~40 small-net steps). Layout:
//   [0] layers L, [1] histograms H (= L - 1), [2] bins per histogram;
//   [3..12] step, epoch, learning rate, batch loss, train loss, test loss,
//           train accuracy, test accuracy, grad norm, clipped grad norm
//           (the history's column order, history_series);
//   [13] diverged (0 or 1);
//   then L × 8 layer values (grad_w_norm, grad_b_norm, update_ratio, dead,
//   saturated, act_mean, act_std, alpha: the history's per-layer order);
//   then H × (below, above, bins counts).
// The divergence report (text) stays in metrics_json.
#pragma once
#include <cstddef>
#include <vector>

#include "nnplay/trainer.hpp"

namespace nnplay {

inline constexpr std::size_t kMetricsValuesHeader = 14;
inline constexpr std::size_t kMetricsLayerValues = 8;

// The layout's length for t: fixed for the trainer's life (its shape is).
std::size_t metrics_values_size(const Trainer& t);

// The values of one trainer, in a buffer sized once (so that it never moves:
// a JS view of it stays valid until the wasm memory grows).
class MetricsValues {
 public:
  explicit MetricsValues(const Trainer& t);
  // Refills the buffer from t (the trainer it was made for) and returns it.
  const std::vector<double>& fill(const Trainer& t);

 private:
  std::vector<double> values_;
  std::vector<double> inputs_;  // what each value was converted from, to skip unchanged ones
};

// What a JSON parser reads from json_number(d) (number_format.hpp): NaN for
// null (d not finite), the double nearest the shortest decimal of a float
// (0.03 for 0.03f, not 0.0299999993), d itself for other doubles. Exact
// integer arithmetic for the usual magnitudes, snprintf/strtod otherwise.
double json_number_value(double d);

}  // namespace nnplay
