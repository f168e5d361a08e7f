// The trainer's evaluation metrics and its divergence report.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kernels/kernels.hpp"
#include "nnplay/activation_info.hpp"
#include "nnplay/head.hpp"
#include "nnplay/trainer.hpp"

namespace nnplay {
namespace {

struct LossAccuracy {
  float loss, accuracy;
};

}  // namespace

// p: the head's outputs, a buffer kept per split (its size then never changes).
static LossAccuracy loss_accuracy(Network& net, Head head, const Matrix& x, const Dataset& d, Rng& rng, Matrix* p) {
  if (d.size() == 0) return {NAN, NAN};
  const Matrix& logits = net.forward(x, false, 0.0f, rng);
  head_forward(head, logits, p);
  const double loss = head_loss(head, d.classes, logits, *p, d.y.data());
  if (d.regression()) return {static_cast<float>(loss), NAN};
  int correct = 0;
  for (int r = 0; r < d.size(); ++r) correct += head_predict_class(head, *p, r) == static_cast<int>(d.y[static_cast<std::size_t>(r)]);
  return {static_cast<float>(loss), static_cast<float>(correct) / d.size()};
}

// An evaluation allocates nothing once its buffers have their sizes (the
// first one, or the first after a change of the data), and reads each
// hidden layer's values in one row-major pass.
void Trainer::evaluate() {
  const LossAccuracy test = loss_accuracy(net_, head_, test_x_, test_, rng_, &eval_probs_[0]);
  const LossAccuracy train = loss_accuracy(net_, head_, train_x_, train_, rng_, &eval_probs_[1]);
  current_.train_loss = train.loss;
  current_.train_accuracy = train.accuracy;
  current_.test_loss = test.loss;
  current_.test_accuracy = test.accuracy;
  // Row-major: the first kDiagnosticSamples rows are a prefix of the data.
  if (train_x_.rows() > kDiagnosticSamples) net_.forward(train_x_.data(), kDiagnosticSamples, false, 0.0f, rng_);
  // The caches now hold the (sub)set's forward pass: read the hidden layers.
  evaluate_layers();
}

namespace {

// Counts z into h (kHistogramBins bins over ±kHistogramRange, below, above).
void count_bins(const float* z, std::size_t n, Histogram* h) {
  // One multiplication per value: the bin width is 2·range / bins.
  constexpr float kPerBin = kHistogramBins / (2 * kHistogramRange);
  int* counts = h->counts.data();
  for (std::size_t i = 0; i < n; ++i) {
    const float v = z[i];
    if (!(v >= -kHistogramRange)) h->below += v < -kHistogramRange;  // NaN (a diverged network) has no bin
    else if (v >= kHistogramRange) ++h->above;
    // min(): z just below the range's end can round up to the bin count itself (found by fuzz_trainer).
    else ++counts[std::min(kHistogramBins - 1, static_cast<int>((v + kHistogramRange) * kPerBin))];
  }
}

}  // namespace

void Trainer::evaluate_layers() {
  std::vector<DenseLayer>& layers = net_.layers();
  histograms_.resize(layers.size() - 1);
  for (std::size_t li = 0; li + 1 < layers.size(); ++li) {
    const DenseLayer& l = layers[li];
    LayerMetrics& m = current_.layers[li];
    Histogram& h = histograms_[li];
    h.counts.assign(kHistogramBins, 0);  // no allocation once it has its size
    h.below = h.above = 0;
    count_bins(l.z.data(), static_cast<std::size_t>(l.z.size()), &h);
    const double n = static_cast<double>(l.a.size());
    const double mean = l.a.sum() / n;
    m.activation_mean = static_cast<float>(mean);
    m.activation_std = static_cast<float>(std::sqrt(std::fmax(0.0, l.a.squaredNorm() / n - mean * mean)));
    if (l.pieces > 1) {  // maxout is piecewise linear with slope 1 on the winner: never dead
      m.dead_fraction = m.saturated_fraction = 0.0f;
      continue;
    }
    // Dead: f'(z) = 0 on every sample (a ReLU whose input is <= 0 everywhere).
    // Saturated: mean |f'(z)| below a fixed fraction of the largest slope.
    const Eigen::Index rows = l.z.rows(), units = l.z.cols();
    eval_deriv_.resize(rows, units);
    // tanh and sigmoid: f' from the outputs already computed (1 − a², a(1 − a)),
    // as backprop takes it; the 5 % threshold does not need the exact kernel's
    // last ulp, and this saves a pass of exponentials.
    if (l.activation == Activation::kTanh) {
      eval_deriv_.array() = 1.0f - l.a.array().square();
    } else if (l.activation == Activation::kSigmoid) {
      eval_deriv_.array() = l.a.array() * (1.0f - l.a.array());
    } else {
      const kernels::KernelSet& k = kernels::kernels_for(l.activation);
      kernels::KernelArgs args;
      args.alpha = l.activation == Activation::kRrelu ? 0.5f * (l.params.lower + l.params.upper) : l.params.alpha;
      (NNPLAY_SIMD ? k.derivative_simd : k.derivative_scalar)(static_cast<std::size_t>(l.z.size()), l.z.data(), eval_deriv_.data(), args);
    }
    // Per unit, max and sum of |f'| along the rows (row by row: contiguous).
    unit_max_.assign(static_cast<std::size_t>(units), 0.0f);
    unit_sum_.assign(static_cast<std::size_t>(units), 0.0f);
    for (Eigen::Index r = 0; r < rows; ++r) {
      const float* d = eval_deriv_.data() + r * units;
      for (Eigen::Index u = 0; u < units; ++u) {
        const float a = std::fabs(d[u]);
        float& mx = unit_max_[std::size_t(u)];
        if (!(a <= mx)) mx = a;  // NaN sticks: a unit with NaN f' is not dead
        unit_sum_[std::size_t(u)] += a;
      }
    }
    const float threshold = kSaturationFraction * activation_info(l.activation).derivative_max;
    int dead = 0, saturated = 0;
    for (std::size_t u = 0; u < unit_max_.size(); ++u) {
      dead += unit_max_[u] == 0.0f;
      saturated += unit_sum_[u] / static_cast<float>(rows) < threshold;
    }
    m.dead_fraction = static_cast<float>(dead) / static_cast<float>(l.units);
    m.saturated_fraction = static_cast<float>(saturated) / static_cast<float>(l.units);
  }
}

void Trainer::diverge(const char* quantity, int layer, float largest_weight, float largest_gradient) {
  Divergence& d = divergence_;
  d.diverged = true;
  d.step = step_;
  d.quantity = quantity;
  d.layer = layer;
  d.largest_weight = largest_weight;
  d.largest_gradient = largest_gradient;
  d.largest_finite_gradient = last_finite_gradient_;
  const float lr = cfg_.train.learning_rate;
  std::string advice;
  if (cfg_.init == Init::kLargeNormal && step_ < 50) {
    d.cause = "initial_scale";
    advice = "the initial weights are large (σ = " + format_number(cfg_.init_sigma) +
             "); use Xavier or He initialisation, or clip gradients (clipnorm = 1.0)";
  } else if (lr >= 0.5f) {
    d.cause = "learning_rate";
    advice = "the learning rate " + format_number(lr) +
             " is too large; lower it (for example to 0.03) or clip gradients (clipnorm = 1.0)";
  } else {
    d.cause = "exploding_gradients";
    advice = "the gradients exploded; clip them (clipnorm = 1.0 or clipvalue = 0.5), add L2, "
             "lower the learning rate or use fewer layers";
  }
  char numbers[160];
  std::snprintf(numbers, sizeof numbers, "the largest |weight| was %.3g and the largest |gradient| %.3g",
                static_cast<double>(largest_weight), static_cast<double>(d.largest_finite_gradient));
  const std::string where = layer >= 0 ? " in layer " + std::to_string(layer + 1) : "";
  d.message = "Training diverged at step " + std::to_string(d.step) + ": the " + quantity + where +
              " became NaN or infinite. Just before, " + numbers + ". Likely cause: " + advice + ".";
}

}  // namespace nnplay
