#include "nnplay/network.hpp"

#include <cmath>

#include "kernels/dense_small.hpp"
#include "kernels/gemm_small.hpp"
#include "kernels/kernels.hpp"

namespace nnplay {
namespace {

kernels::UnaryKernel pick(const kernels::KernelSet& k, bool derivative) {
  if (derivative) return NNPLAY_SIMD ? k.derivative_simd : k.derivative_scalar;
  return NNPLAY_SIMD ? k.forward_simd : k.forward_scalar;
}

// resize() is a call even when the shape is unchanged (every step): skip it then.
void fit(Matrix& m, Eigen::Index rows, Eigen::Index cols) {
  if (m.rows() != rows || m.cols() != cols) m.resize(rows, cols);
}

kernels::KernelArgs kernel_args(const DenseLayer& l) {
  kernels::KernelArgs args;
  args.alpha = l.activation == Activation::kRrelu ? 0.5f * (l.params.lower + l.params.upper) : l.params.alpha;
  return args;
}

}  // namespace

Network::Network(int inputs, const std::vector<LayerConfig>& hidden, int outputs) : inputs_(inputs) {
  int fan_in = inputs;
  for (const LayerConfig& c : hidden) {
    DenseLayer l;
    l.inputs = fan_in;
    l.units = c.units;
    l.pieces = c.maxout_pieces > 1 ? c.maxout_pieces : 1;
    l.activation = l.pieces > 1 ? Activation::kLinear : c.activation;
    l.params = c.params;
    layers_.push_back(l);
    fan_in = c.units;
  }
  DenseLayer out;
  out.inputs = fan_in;
  out.units = outputs;
  out.output = true;
  layers_.push_back(out);
  for (DenseLayer& l : layers_) {
    l.w.setZero(l.inputs, l.units * l.pieces);
    l.b.setZero(l.units * l.pieces);
    l.grad_w.setZero(l.inputs, l.units * l.pieces);
    l.grad_b.setZero(l.units * l.pieces);
  }
}

void Network::init(Init scheme, float sigma, float bias, Rng& rng) {
  for (DenseLayer& l : layers_) {
    const float fan_in = static_cast<float>(l.inputs);
    const float fan_out = static_cast<float>(l.units * l.pieces);
    for (Eigen::Index i = 0; i < l.w.size(); ++i) {
      float v = 0.0f;
      switch (scheme) {
        case Init::kUniform: v = rng.uniform(-0.5f, 0.5f); break;
        case Init::kXavierUniform: {
          const float limit = std::sqrt(6.0f / (fan_in + fan_out));
          v = rng.uniform(-limit, limit);
          break;
        }
        case Init::kXavierNormal: v = std::sqrt(2.0f / (fan_in + fan_out)) * static_cast<float>(rng.normal()); break;
        case Init::kHeUniform: {
          const float limit = std::sqrt(6.0f / fan_in);
          v = rng.uniform(-limit, limit);
          break;
        }
        case Init::kHeNormal: v = std::sqrt(2.0f / fan_in) * static_cast<float>(rng.normal()); break;
        case Init::kZero: v = 0.0f; break;
        case Init::kLargeNormal: v = sigma * static_cast<float>(rng.normal()); break;
      }
      l.w.data()[i] = v;
    }
    // The bias init is the hidden layers' knob (a negative one kills ReLUs);
    // the output layer starts unbiased.
    l.b.setConstant(l.output ? 0.0f : bias);
  }
}

Network::PassRef Network::pass(DenseLayer& l, bool training) {
  if (training) return {l.train.z, l.train.a, l.train.deriv, l.train.mask, l.train.argmax};
  return {l.z, l.a, l.deriv, l.mask, l.argmax};
}

void Network::forward_hidden(DenseLayer& l, PassRef c, bool training, float dropout, Rng& rng) {
  const Eigen::Index rows = c.z.rows();
  if (l.pieces > 1) {
    c.a.resize(rows, l.units);
    c.argmax.resize(static_cast<std::size_t>(rows * l.units));
    for (Eigen::Index r = 0; r < rows; ++r) {
      for (int u = 0; u < l.units; ++u) {
        int best = 0;
        for (int p = 1; p < l.pieces; ++p)
          if (c.z(r, u * l.pieces + p) > c.z(r, u * l.pieces + best)) best = p;
        c.argmax[static_cast<std::size_t>(r * l.units + u)] = best;
        c.a(r, u) = c.z(r, u * l.pieces + best);
      }
    }
  } else {
    c.a.resize(rows, l.units);
    c.deriv.resize(rows, l.units);
    const auto n = static_cast<std::size_t>(c.z.size());
    if (training && l.activation == Activation::kRrelu) {
      // A fresh slope per element and step; the derivative is that slope.
      for (std::size_t i = 0; i < n; ++i) {
        const float z = c.z.data()[i];
        const float s = rng.uniform(l.params.lower, l.params.upper);
        c.a.data()[i] = z > 0.0f ? z : s * z;
        c.deriv.data()[i] = z > 0.0f ? 1.0f : s;
      }
    } else {
      const kernels::KernelSet& k = kernels::kernels_for(l.activation);
      const kernels::KernelArgs args = kernel_args(l);
      pick(k, false)(n, c.z.data(), c.a.data(), args);
      if (training) {
        // Backprop only needs f' to training precision: tanh and sigmoid take it
        // from the output already computed (1 - a², a(1 - a)), saving a pass of
        // exponentials. The exact kernels serve the diagnostics and the page.
        if (l.activation == Activation::kTanh) c.deriv.array() = 1.0f - c.a.array().square();
        else if (l.activation == Activation::kSigmoid) c.deriv.array() = c.a.array() * (1.0f - c.a.array());
        else pick(k, true)(n, c.z.data(), c.deriv.data(), args);
      }
    }
  }
  if (training && dropout > 0.0f) {
    // Inverted dropout: survivors are scaled by 1/(1-rate) so evaluation needs no change.
    const float keep = 1.0f - dropout, scale = 1.0f / keep;
    c.mask.resize(rows, l.units);
    for (Eigen::Index i = 0; i < c.mask.size(); ++i) c.mask.data()[i] = rng.uniform() < keep ? scale : 0.0f;
    c.a.array() *= c.mask.array();
  } else {
    c.mask.resize(0, 0);
  }
}

const Matrix& Network::forward(const float* x, Eigen::Index rows, bool training, float dropout, Rng& rng) {
  const float* input = x;
  for (DenseLayer& l : layers_) {
    const PassRef c = pass(l, training);
    fit(c.z, rows, l.w.cols());
    kernels::FusedAct act;
    if (!l.output && l.pieces == 1 && kernels::fused_width(l.units) && kernels::fused_activation(l.activation, &act) &&
        !(training && dropout > 0.0f)) {
      // A narrow layer: product, activation and f' row by row in registers.
      fit(c.a, rows, l.units);
      fit(c.deriv, rows, l.units);
      fit(c.mask, 0, 0);
      kernels::dense_act_f32(std::size_t(rows), std::size_t(l.inputs), std::size_t(l.units), input, l.w.data(),
                             l.b.data(), act, c.z.data(), c.a.data(), training ? c.deriv.data() : nullptr);
      input = c.a.data();
      continue;
    }
    if (l.output && l.w.cols() == 1) {
      // One output unit (every head but softmax): a dot product per row.
      kernels::dense_out1_f32(std::size_t(rows), std::size_t(l.inputs), input, l.w.data(), l.b.data(), c.z.data());
      return c.z;
    }
    kernels::gemm_bias_f32(std::size_t(rows), std::size_t(l.w.rows()), std::size_t(l.w.cols()), input, l.w.data(),
                           l.b.data(), c.z.data());
    if (l.output) return c.z;
    forward_hidden(l, c, training, dropout, rng);
    input = c.a.data();
  }
  return layers_.back().z;  // unreachable: the last layer is the output
}

void Network::backward(const float* x) {
  for (std::size_t i = layers_.size(); i-- > 0;) {
    DenseLayer& l = layers_[i];
    const float* input = i == 0 ? x : layers_[i - 1].train.a.data();
    const Matrix& grad_z = l.grad_z;
    DenseLayer* below = i == 0 ? nullptr : &layers_[i - 1];
    const bool plain_below = below == nullptr || (below->pieces == 1 && below->train.mask.size() == 0 &&
                                                  !below->learns_alpha());
    if (plain_below && kernels::fused_backward_fits(l.inputs, int(l.w.cols()), below != nullptr)) {
      // Both products and the bias sum in one call, G_Z·Wᵀ multiplied by the
      // layer below's f' as it is stored.
      if (below != nullptr) fit(below->grad_z, grad_z.rows(), l.inputs);
      kernels::dense_backward_f32(std::size_t(grad_z.rows()), std::size_t(l.inputs), std::size_t(l.w.cols()),
                                  input, grad_z.data(), l.w.data(), l.grad_w.data(), l.grad_b.data(),
                                  below ? below->train.deriv.data() : nullptr, below ? below->grad_z.data() : nullptr);
      if (below == nullptr) break;
      continue;
    }
    kernels::gemm_tn_f32(std::size_t(grad_z.rows()), std::size_t(l.w.rows()), std::size_t(l.w.cols()), input,
                         grad_z.data(), l.grad_w.data());
    kernels::column_sums_f32(std::size_t(grad_z.rows()), std::size_t(grad_z.cols()), grad_z.data(), l.grad_b.data());
    if (i == 0) break;
    DenseLayer& prev = layers_[i - 1];
    const DenseLayer::Pass& pp = prev.train;
    l.w_t.resize(l.w.cols(), l.w.rows());
    kernels::transpose_f32(std::size_t(l.w.rows()), std::size_t(l.w.cols()), l.w.data(), l.w_t.data());
    if (plain_below) {
      // dL/d(prev.z) = (dL/dz · Wᵀ) ∘ f'(prev.z), the product's outputs multiplied as they are stored.
      prev.grad_z.resize(grad_z.rows(), l.w.rows());
      kernels::gemm_nt_f32(std::size_t(grad_z.rows()), std::size_t(l.w.rows()), std::size_t(l.w.cols()),
                           grad_z.data(), l.w_t.data(), prev.grad_z.data(), pp.deriv.data());
      continue;
    }
    Matrix& grad_a = prev.grad_a;  // dL/d(prev.a) = dL/dz · Wᵀ
    grad_a.resize(grad_z.rows(), l.w.rows());
    kernels::gemm_nt_f32(std::size_t(grad_z.rows()), std::size_t(l.w.rows()), std::size_t(l.w.cols()), grad_z.data(),
                         l.w_t.data(), grad_a.data());
    if (pp.mask.size() != 0) grad_a.array() *= pp.mask.array();
    if (prev.pieces > 1) {
      prev.grad_z.setZero(grad_a.rows(), prev.units * prev.pieces);
      for (Eigen::Index r = 0; r < grad_a.rows(); ++r)
        for (int u = 0; u < prev.units; ++u)
          prev.grad_z(r, u * prev.pieces + pp.argmax[static_cast<std::size_t>(r * prev.units + u)]) = grad_a(r, u);
    } else {
      if (prev.learns_alpha()) {
        // ∂f/∂α = min(0, z): the learned slope sees only non-positive inputs.
        prev.grad_alpha = (grad_a.array() * pp.z.array().min(0.0f)).sum();
      }
      prev.grad_z.resize(grad_a.rows(), grad_a.cols());
      prev.grad_z.array() = grad_a.array() * pp.deriv.array();
    }
  }
}

std::vector<ParamBlock> Network::parameters() {
  std::vector<ParamBlock> blocks;
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    DenseLayer& l = layers_[i];
    const int li = static_cast<int>(i);
    blocks.push_back({l.w.data(), l.grad_w.data(), static_cast<int>(l.w.size()), li, ParamBlock::kWeight});
    blocks.push_back({l.b.data(), l.grad_b.data(), static_cast<int>(l.b.size()), li, ParamBlock::kBias});
    if (l.learns_alpha()) blocks.push_back({&l.params.alpha, &l.grad_alpha, 1, li, ParamBlock::kAlpha});
  }
  return blocks;
}

int Network::parameter_count() const {
  int n = 0;
  for (const DenseLayer& l : layers_) n += static_cast<int>(l.w.size() + l.b.size()) + (l.learns_alpha() ? 1 : 0);
  return n;
}

}  // namespace nnplay
