#include "nnplay/trainer_view.hpp"

#include <algorithm>
#include <cmath>

#include "json_writer.hpp"
#include "nnplay/config_json.hpp"

namespace nnplay {
namespace {

constexpr const char* kLayerColumns[] = {"grad_w_norm", "grad_b_norm", "update_ratio", "dead",
                                         "saturated",   "act_mean",    "act_std",      "alpha"};

float layer_value(const LayerMetrics& l, int k) {
  switch (k) {
    case 0: return l.grad_w_norm;
    case 1: return l.grad_b_norm;
    case 2: return l.update_ratio;
    case 3: return l.dead_fraction;
    case 4: return l.saturated_fraction;
    case 5: return l.activation_mean;
    case 6: return l.activation_std;
    default: return l.alpha;
  }
}

void write_layer(JsonWriter& w, const LayerMetrics& l) {
  w.begin_object();
  for (int k = 0; k < 8; ++k) w.key(kLayerColumns[k]).value(static_cast<double>(layer_value(l, k)));
  w.end_object();
}

}  // namespace

std::string metrics_json(const Trainer& t) {
  const StepMetrics& m = t.metrics();
  JsonWriter w;
  w.begin_object();
  w.key("step").integer(m.step).key("epoch").value(m.epoch);
  w.key("learningRate").value(double(m.learning_rate)).key("batchLoss").value(double(m.batch_loss));
  w.key("trainLoss").value(double(m.train_loss)).key("testLoss").value(double(m.test_loss));
  w.key("trainAccuracy").value(double(m.train_accuracy)).key("testAccuracy").value(double(m.test_accuracy));
  w.key("gradNorm").value(double(m.grad_norm)).key("gradNormClipped").value(double(m.grad_norm_clipped));
  w.key("head").value(head_name(t.head()));
  w.key("layers").begin_array();
  for (const LayerMetrics& l : m.layers) write_layer(w, l);
  w.end_array();
  w.key("histograms").begin_array();
  for (const Histogram& h : t.histograms()) {
    w.begin_object().key("below").value(double(h.below)).key("above").value(double(h.above));
    w.key("counts").begin_array();
    for (int c : h.counts) w.value(double(c));
    w.end_array().end_object();
  }
  w.end_array();
  const Divergence& d = t.divergence();
  w.key("diverged").value(d.diverged);
  if (d.diverged) {
    w.key("divergence").begin_object();
    w.key("step").integer(d.step).key("quantity").value(d.quantity).key("layer").value(double(d.layer));
    w.key("largestWeight").value(double(d.largest_weight)).key("largestGradient").value(double(d.largest_gradient));
    w.key("largestFiniteGradient").value(double(d.largest_finite_gradient));
    w.key("cause").value(d.cause).key("message").value(d.message);
    w.end_object();
  }
  w.end_object();
  return w.str();
}

Status history_series(const Trainer& t, std::string_view column, long long from_step, std::vector<float>* out) {
  int field = -1, layer = -1, layer_field = -1;
  static constexpr const char* kTop[] = {"step", "epoch", "learning_rate", "batch_loss", "train_loss", "test_loss",
                                         "train_accuracy", "test_accuracy", "grad_norm", "grad_norm_clipped"};
  for (int i = 0; i < 10; ++i)
    if (column == kTop[i]) field = i;
  const int layers = static_cast<int>(t.network().layers().size());
  if (field < 0 && column.size() > 3 && column[0] == 'L') {
    const std::size_t dot = column.find('.');
    if (dot != std::string_view::npos) {
      int n = 0;
      for (std::size_t i = 1; i < dot && column[i] >= '0' && column[i] <= '9' && n < 1000; ++i) n = n * 10 + (column[i] - '0');
      for (int k = 0; k < 8; ++k)
        if (column.substr(dot + 1) == kLayerColumns[k]) layer_field = k;
      if (n >= 1 && n <= layers && layer_field >= 0) layer = n - 1;
    }
  }
  if (field < 0 && layer < 0) {
    return Status::invalid("history: unknown column \"" + std::string(column.substr(0, 64)) +
                           "\"; use step, epoch, learning_rate, batch_loss, train_loss, test_loss, train_accuracy, "
                           "test_accuracy, grad_norm, grad_norm_clipped or L<1.." + std::to_string(layers) +
                           ">.grad_w_norm (grad_b_norm, update_ratio, dead, saturated, act_mean, act_std, alpha)");
  }
  out->clear();
  // Steps increase along the history: start at the first row >= from_step, so
  // polling for new rows costs only the new rows.
  const auto& h = t.history();
  const auto first = std::lower_bound(h.begin(), h.end(), from_step,
                                      [](const StepMetrics& m, long long s) { return m.step < s; });
  for (auto it = first; it != h.end(); ++it) {
    const StepMetrics& m = *it;
    if (layer >= 0) {
      out->push_back(layer_value(m.layers[static_cast<std::size_t>(layer)], layer_field));
      continue;
    }
    const double v[] = {double(m.step), m.epoch, m.learning_rate, m.batch_loss, m.train_loss, m.test_loss,
                        m.train_accuracy, m.test_accuracy, m.grad_norm, m.grad_norm_clipped};
    out->push_back(static_cast<float>(v[field]));
  }
  return {};
}

Status network_json(Trainer& t, const std::vector<float>& input, std::string* out) {
  if (input.size() != static_cast<std::size_t>(t.train_data().inputs)) {
    return Status::invalid("network: input must be one sample of " + std::to_string(t.train_data().inputs) +
                           " values, got " + std::to_string(input.size()));
  }
  std::vector<float> probs;
  if (Status s = t.predict(input, &probs); !s.ok()) return s;
  // predict() ran the forward pass: each layer's cache holds this one sample.
  JsonWriter w;
  w.begin_object().key("layers").begin_array();
  for (const DenseLayer& l : t.network().layers()) {
    w.begin_object();
    w.key("inputs").value(double(l.inputs)).key("units").value(double(l.units)).key("pieces").value(double(l.pieces));
    w.key("activation").value(l.output ? head_name(t.head()) : l.pieces > 1 ? "maxout" : activation_name(l.activation));
    w.key("w").begin_array();
    for (Eigen::Index i = 0; i < l.w.size(); ++i) w.value(double(l.w.data()[i]));
    w.end_array().key("b").begin_array();
    for (Eigen::Index i = 0; i < l.b.size(); ++i) w.value(double(l.b.data()[i]));
    w.end_array().key("z").begin_array();
    for (Eigen::Index i = 0; i < l.z.cols(); ++i) w.value(double(l.z(0, i)));
    w.end_array().key("a").begin_array();
    const Eigen::Index units = l.output ? 0 : l.a.cols();
    for (Eigen::Index i = 0; i < units; ++i) w.value(double(l.a(0, i)));
    w.end_array();
    w.end_object();
  }
  w.end_array().key("output").begin_array();
  for (float p : probs) w.value(double(p));
  w.end_array().end_object();
  *out = w.str();
  return {};
}

}  // namespace nnplay
