// Predictions, decision grids and the confusion matrix.
#include <algorithm>
#include <cmath>

#include "nnplay/config_json.hpp"
#include "nnplay/head.hpp"
#include "nnplay/trainer.hpp"

namespace nnplay {

std::size_t Trainer::predict_width() const {
  std::size_t width = static_cast<std::size_t>(std::max<Eigen::Index>(train_x_.cols(), train_.inputs));
  for (const DenseLayer& l : net_.layers()) width += static_cast<std::size_t>(l.units) * l.pieces;
  return width;
}

Status Trainer::predict(const std::vector<float>& points, std::vector<float>* out) {
  const int inputs = train_.inputs;
  if (points.empty() || points.size() % static_cast<std::size_t>(inputs) != 0) {
    return Status::invalid("predict: points must hold a multiple of " + std::to_string(inputs) +
                           " values (one row per point), got " + std::to_string(points.size()));
  }
  const std::size_t rows = points.size() / static_cast<std::size_t>(inputs);
  if (rows > kMaxPredictValues / predict_width()) {
    return Status::out_of_range("predict: at most " + std::to_string(kMaxPredictValues / predict_width()) +
                                " points per call for this network (" + std::to_string(predict_width()) +
                                " values each), got " + std::to_string(rows));
  }
  Dataset d;
  d.inputs = inputs;
  d.classes = train_.classes;
  d.x = points;
  d.y.assign(points.size() / static_cast<std::size_t>(inputs), 0.0f);
  Matrix x;
  make_features(d, &x);
  Matrix p;
  head_forward(head_, net_.forward(x, false, 0.0f, rng_), &p);
  out->assign(p.data(), p.data() + p.size());
  return {};
}

Status Trainer::grid(int res, float x0, float x1, float y0, float y1, int layer, int neuron,
                     std::vector<float>* out) {
  if (train_.inputs != 2) return Status::failed_precondition("grid: needs 2-D data, this set has " + std::to_string(train_.inputs) + " inputs");
  if (res < 2 || res > kMaxGridResolution) {
    return Status::out_of_range("grid: resolution must be in [2, " + std::to_string(kMaxGridResolution) + "], got " + std::to_string(res));
  }
  if (!(std::isfinite(x0) && std::isfinite(x1) && std::isfinite(y0) && std::isfinite(y1)) || !(x0 < x1) || !(y0 < y1)) {
    return Status::out_of_range("grid: bounds must be finite with x0 < x1 and y0 < y1, got [" + format_number(x0) + ", " +
                                format_number(x1) + "] × [" + format_number(y0) + ", " + format_number(y1) + "]");
  }
  const int hidden = static_cast<int>(net_.layers().size()) - 1;
  if (layer < -1 || layer >= hidden) {
    return Status::out_of_range("grid: layer must be -1 (output) or a hidden layer in [0, " + std::to_string(hidden - 1) + "], got " + std::to_string(layer));
  }
  if (layer >= 0 && (neuron < 0 || neuron >= net_.layers()[static_cast<std::size_t>(layer)].units)) {
    return Status::out_of_range("grid: neuron must be in [0, " + std::to_string(net_.layers()[static_cast<std::size_t>(layer)].units - 1) +
                                "], got " + std::to_string(neuron));
  }
  std::vector<float> points(static_cast<std::size_t>(res) * res * 2);
  for (int j = 0; j < res; ++j) {
    for (int i = 0; i < res; ++i) {
      const std::size_t k = (static_cast<std::size_t>(j) * res + i) * 2;
      points[k] = x0 + (x1 - x0) * i / (res - 1);
      points[k + 1] = y0 + (y1 - y0) * j / (res - 1);
    }
  }
  if (Status s = predict(points, out); !s.ok()) return s;
  if (layer >= 0) {  // the forward pass of predict left the layer's outputs in its cache
    const Matrix& a = net_.layers()[static_cast<std::size_t>(layer)].a;
    out->resize(static_cast<std::size_t>(a.rows()));
    for (Eigen::Index r = 0; r < a.rows(); ++r) (*out)[static_cast<std::size_t>(r)] = a(r, neuron);
  }
  return {};
}

bool Trainer::has_confusion() const { return head_predicts_classes(head_, train_.classes); }

Status Trainer::confusion(std::vector<int>* out) const {
  const int k = train_.classes;
  if (!has_confusion()) {
    // A regression head's class index is -1: there is no cell to count in.
    return Status::failed_precondition(
        std::string("confusion: head \"") + head_name(head_) + "\" on " +
        (train_.regression() ? std::string("a regression data set") : std::to_string(k) + " classes") +
        " predicts values, not classes; a confusion matrix needs sigmoid_bce or tanh_mse on 2 classes, or softmax_ce");
  }
  out->assign(static_cast<std::size_t>(k) * k, 0);
  Network net = net_;  // a copy keeps confusion() const and the caches of the trainer intact
  Rng rng(0);
  Matrix p;
  head_forward(head_, net.forward(test_x_, false, 0.0f, rng), &p);
  for (int r = 0; r < test_.size(); ++r) {
    const int truth = static_cast<int>(test_.y[static_cast<std::size_t>(r)]);
    (*out)[static_cast<std::size_t>(truth) * k + head_predict_class(head_, p, r)] += 1;
  }
  return {};
}

}  // namespace nnplay
