#include "nnplay/head.hpp"

#include <cmath>

#include "kernels/act_f32x4.hpp"
#include "kernels/kernels.hpp"
#include "kernels/map.hpp"
#include "nnplay/activation.hpp"
#include "nnplay/softmax.hpp"

namespace nnplay {

Head resolve_head(Head h, int classes) {
  if (h != Head::kAuto) return h;
  if (classes == 0) return Head::kLinearMse;
  return classes == 2 ? Head::kSigmoidBce : Head::kSoftmaxCe;
}

int head_outputs(Head h, int classes) { return h == Head::kSoftmaxCe ? classes : 1; }

float head_target(Head h, float y, int classes) {
  if (h == Head::kTanhMse && classes == 2) return y > 0.5f ? 1.0f : -1.0f;
  return y;
}

namespace {

// The output activation's kernel, called directly: its sizes match and it has
// no parameters, so activation_forward's checks would only cost time per step.
// tanh (the tanh_mse head) in SIMD builds: its kernel's four-lane function mapped here, inlined
// (the same values as the kernel table's call, without the indirect call).
void output_activation(Activation a, std::size_t n, const float* z, float* p) {
#if NNPLAY_SIMD
  if (a == Activation::kTanh) return kernels::map_f32x4(n, z, p, kernels::tanh_f32x4);
#endif
  const kernels::KernelSet& k = kernels::kernels_for(a);
  (NNPLAY_SIMD ? k.forward_simd : k.forward_scalar)(n, z, p, kernels::KernelArgs{});
}

}  // namespace

void head_forward(Head h, const Matrix& z, Matrix* p) {
  if (p->rows() != z.rows() || p->cols() != z.cols()) p->resize(z.rows(), z.cols());  // a call even when equal
  const auto n = static_cast<std::size_t>(z.size());
  switch (h) {
    case Head::kSigmoidBce: output_activation(Activation::kSigmoid, n, z.data(), p->data()); break;
    case Head::kTanhMse: output_activation(Activation::kTanh, n, z.data(), p->data()); break;
    case Head::kSoftmaxCe:
      softmax_rows(static_cast<std::size_t>(z.rows()), static_cast<std::size_t>(z.cols()),
                   Span<const float>(z.data(), n), Span<float>(p->data(), n));
      break;
    case Head::kLinearMse:
    case Head::kAuto: *p = z; break;
  }
}

double head_loss(Head h, int classes, const Matrix& z, const Matrix& p, const float* y) {
  const Eigen::Index rows = z.rows();
  if (rows == 0) return 0.0;
  double total = 0.0;
  if (h == Head::kLinearMse || h == Head::kTanhMse) {
    // The squared error, the most common head of small nets, without the per-row dispatch below.
    for (Eigen::Index r = 0; r < rows; ++r) {
      const double d = double(p(r, 0)) - head_target(h, y[r], classes);
      total += 0.5 * d * d;
    }
    return total / double(rows);
  }
  for (Eigen::Index r = 0; r < rows; ++r) {
    switch (h) {
      case Head::kSigmoidBce: {
        // From the logit: max(z,0) - z·y + log(1 + e^-|z|) never takes log(0).
        const double zz = z(r, 0), yy = y[r];
        total += std::fmax(zz, 0.0) - zz * yy + std::log1p(std::exp(-std::fabs(zz)));
        break;
      }
      case Head::kSoftmaxCe: {
        double m = -INFINITY;
        for (Eigen::Index c = 0; c < z.cols(); ++c) m = std::fmax(m, z(r, c));
        double s = 0.0;
        for (Eigen::Index c = 0; c < z.cols(); ++c) s += std::exp(double(z(r, c)) - m);
        total += m + std::log(s) - z(r, static_cast<Eigen::Index>(y[r]));
        break;
      }
      case Head::kLinearMse:
      case Head::kTanhMse:
      case Head::kAuto: {
        const double d = double(p(r, 0)) - head_target(h, y[r], classes);
        total += 0.5 * d * d;
        break;
      }
    }
  }
  return total / double(rows);
}

void head_gradient(Head h, int classes, const Matrix& p, const float* y, Matrix* dz) {
  const float inv = 1.0f / static_cast<float>(p.rows());
  if (h == Head::kSoftmaxCe) {
    *dz = p;
    for (Eigen::Index r = 0; r < p.rows(); ++r) (*dz)(r, static_cast<Eigen::Index>(y[r])) -= 1.0f;
    *dz *= inv;
    return;
  }
  // One output: the same operations per row as above, in one pass.
  dz->resize(p.rows(), 1);
  for (Eigen::Index r = 0; r < p.rows(); ++r) {
    float g = p(r, 0) - head_target(h, y[r], classes);
    if (h == Head::kTanhMse) g *= 1.0f - p(r, 0) * p(r, 0);
    (*dz)(r, 0) = g * inv;
  }
}

double head_loss_gradient(Head h, int classes, const Matrix& z, const Matrix& p, const float* y, Matrix* dz) {
  if ((h != Head::kLinearMse && h != Head::kTanhMse) || z.rows() == 0) {
    const double loss = head_loss(h, classes, z, p, y);
    head_gradient(h, classes, p, y, dz);
    return loss;
  }
  // head_loss's and head_gradient's operations per row, in one loop.
  const Eigen::Index rows = p.rows();
  if (dz->rows() != rows || dz->cols() != 1) dz->resize(rows, 1);
  const float inv = 1.0f / static_cast<float>(rows);
  const bool tanh = h == Head::kTanhMse;
  const bool signs = tanh && classes == 2;  // head_target: labels 0/1 → -1/+1
  const float* pr = p.data();
  float* g = dz->data();
  double total = 0.0;
  for (Eigen::Index r = 0; r < rows; ++r) {
    const float t = signs ? (y[r] > 0.5f ? 1.0f : -1.0f) : y[r];
    const double d = double(pr[r]) - t;
    total += 0.5 * d * d;
    float e = pr[r] - t;
    if (tanh) e *= 1.0f - pr[r] * pr[r];
    g[r] = e * inv;
  }
  return total / double(rows);
}

bool head_predicts_classes(Head h, int classes) {
  switch (h) {
    case Head::kSigmoidBce:
    case Head::kTanhMse: return classes == 2;
    case Head::kSoftmaxCe: return classes >= 2;
    case Head::kLinearMse:
    case Head::kAuto: return false;
  }
  return false;
}

int head_predict_class(Head h, const Matrix& p, int r) {
  switch (h) {
    case Head::kSigmoidBce: return p(r, 0) > 0.5f ? 1 : 0;
    case Head::kTanhMse: return p(r, 0) > 0.0f ? 1 : 0;
    case Head::kSoftmaxCe: {
      Eigen::Index best;
      p.row(r).maxCoeff(&best);
      return static_cast<int>(best);
    }
    case Head::kLinearMse:
    case Head::kAuto: return -1;
  }
  return -1;
}

}  // namespace nnplay
