#include "nnplay/softmax.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "kernels/softmax_exp.hpp"
#include "kernels/softmax_rows.hpp"
#include "nnplay/simd.hpp"

namespace nnplay {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

Status check_logits(const char* fn, Span<const float> z, std::size_t out_size, std::size_t want) {
  if (z.empty()) return Status::invalid(std::string(fn) + ": z is empty; give at least one logit");
  if (out_size != want) {
    return Status::invalid(std::string(fn) + ": output has " + std::to_string(out_size) +
                           " elements, expected " + std::to_string(want));
  }
  return {};
}

Status check_temperature(const char* fn, float t) {
  if (t > 0.0f && t <= FLT_MAX) return {};
  return Status::out_of_range(std::string(fn) + ": temperature must be > 0 and finite, got " +
                              format_number(t));
}

// Handles the cases where z - max(z) is not finite: a NaN anywhere, +inf
// logits (they share the mass), or all -inf (undefined). Returns true when it
// has written p.
bool softmax_special(Span<const float> z, float m, bool any_nan, Span<float> p) {
  if (any_nan || m == -INFINITY) {
    for (float& v : p) v = kNaN;
    return true;
  }
  if (m == INFINITY) {
    std::size_t k = 0;
    for (float v : z) k += v == INFINITY;
    for (std::size_t i = 0; i < z.size(); ++i) p[i] = z[i] == INFINITY ? 1.0f / float(k) : 0.0f;
    return true;
  }
  return false;
}

float max_of(Span<const float> z, bool* any_nan) {
  float m = -INFINITY;
  *any_nan = false;
  for (float v : z) {
    *any_nan |= std::isnan(v);
    m = v > m ? v : m;
  }
  return m;
}

// p = exp((z - m) / T) / Σ, with (z - m) / T computed first so that a small T
// cannot overflow: every scaled logit is <= 0.
void softmax_row(Span<const float> z, float t, Span<float> p) {
  bool any_nan;
  const float m = max_of(z, &any_nan);
  if (softmax_special(z, m, any_nan, p)) return;
  float sum;
  if (t == 1.0f) {
    sum = kernels::softmax_exp_f32(z.size(), z.data(), m, p.data());
  } else {
    for (std::size_t i = 0; i < z.size(); ++i) p[i] = (z[i] - m) / t;
    sum = kernels::softmax_exp_f32(z.size(), p.data(), 0.0f, p.data());
  }
  const float inv = 1.0f / sum;  // sum >= 1: the largest term is exp(0)
  for (float& v : p) v *= inv;
}

}  // namespace

Status softmax(Span<const float> z, float temperature, Span<float> p) {
  if (Status s = check_logits("softmax", z, p.size(), z.size()); !s.ok()) return s;
  if (Status s = check_temperature("softmax", temperature); !s.ok()) return s;
  softmax_row(z, temperature, p);
  return {};
}

Status softmax_rows(std::size_t rows, std::size_t cols, Span<const float> z, Span<float> p) {
  if (cols == 0) return Status::invalid("softmax_rows: cols is 0; give at least one logit per row");
  if (z.size() != rows * cols || p.size() != rows * cols) {
    return Status::invalid("softmax_rows: rows × cols = " + std::to_string(rows * cols) +
                           " but z has " + std::to_string(z.size()) + " and p has " +
                           std::to_string(p.size()) + " elements");
  }
  std::size_t r = 0;
#if NNPLAY_SIMD
  // Four rows per lane group, up to kSoftmaxRows4Block groups per call; a group
  // with a NaN or infinite row falls through to the per-row path, row by row.
  if (cols <= kernels::kSoftmaxRows4MaxCols) {
    while (r + 4 <= rows) {
      const std::size_t groups = std::min(kernels::kSoftmaxRows4Block, (rows - r) / 4);
      const unsigned bad = kernels::softmax_rows4_f32_wasmsimd_rr2_p6(cols, groups, z.data() + r * cols, p.data() + r * cols);
      // Usually no group is special: testing bad first skips the row loop (a
      // loop of 4·groups tests after every call measured 12 % of the time for
      // rows of ten).
      for (std::size_t k = r; bad != 0 && k < r + 4 * groups; ++k) {
        if (bad >> ((k - r) / 4) & 1) {
          softmax_row(Span<const float>(z.data() + k * cols, cols), 1.0f, Span<float>(p.data() + k * cols, cols));
        }
      }
      r += 4 * groups;
    }
  }
#endif
  for (; r < rows; ++r) {
    softmax_row(Span<const float>(z.data() + r * cols, cols), 1.0f,
                Span<float>(p.data() + r * cols, cols));
  }
  return {};
}

Status log_softmax(Span<const float> z, float temperature, Span<float> log_p) {
  if (Status s = check_logits("log_softmax", z, log_p.size(), z.size()); !s.ok()) return s;
  if (Status s = check_temperature("log_softmax", temperature); !s.ok()) return s;
  bool any_nan;
  const float m = max_of(z, &any_nan);
  if (any_nan || std::isinf(m)) {
    // Limits: +inf logits share log(1/k), the others -inf; NaN stays NaN.
    std::vector<float> p(z.size());
    softmax_special(z, m, any_nan, p);
    for (std::size_t i = 0; i < z.size(); ++i) log_p[i] = std::log(p[i]);
    return {};
  }
  std::vector<float> e(z.size());
  for (std::size_t i = 0; i < z.size(); ++i) log_p[i] = (z[i] - m) / temperature;
  const float sum = kernels::softmax_exp_f32(z.size(), log_p.data(), 0.0f, e.data());
  const float log_sum = std::log(sum);  // sum in [1, n]: no overflow, no log(0)
  for (float& v : log_p) v -= log_sum;
  return {};
}

Status softmax_naive(Span<const float> z, Span<float> p) {
  if (Status s = check_logits("softmax_naive", z, p.size(), z.size()); !s.ok()) return s;
  // Deliberately unguarded float arithmetic: this is the overflow lesson.
  float sum = 0.0f;
  for (std::size_t i = 0; i < z.size(); ++i) {
    p[i] = std::exp(z[i]);
    sum += p[i];
  }
  for (float& v : p) v = v / sum;
  return {};
}

Status percentages(Span<const float> z, Span<float> out) {
  if (Status s = check_logits("percentages", z, out.size(), z.size()); !s.ok()) return s;
  double sum = 0.0;
  for (float v : z) sum += v;
  if (!(sum > 0.0) || std::isinf(sum)) {
    return Status::out_of_range("percentages: z / Σz needs a positive, finite sum, but Σz = " +
                                format_number(sum) +
                                "; softmax has no such restriction");
  }
  for (std::size_t i = 0; i < z.size(); ++i) out[i] = static_cast<float>(z[i] / sum);
  return {};
}

Status softmax_jacobian(Span<const float> z, float temperature, Span<float> jacobian) {
  if (z.size() > kMaxJacobianSize) {
    return Status::out_of_range("softmax_jacobian: z has " + std::to_string(z.size()) +
                                " logits; the Jacobian is built for at most " +
                                std::to_string(kMaxJacobianSize));
  }
  if (Status s = check_logits("softmax_jacobian", z, jacobian.size(), z.size() * z.size()); !s.ok()) return s;
  if (Status s = check_temperature("softmax_jacobian", temperature); !s.ok()) return s;
  const std::size_t n = z.size();
  std::vector<float> p(n);
  softmax_row(z, temperature, p);
  // d p_i / d z_j = p_i (δij - p_j) / T.
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      jacobian[i * n + j] = p[i] * ((i == j ? 1.0f : 0.0f) - p[j]) / temperature;
  return {};
}

Status cross_entropy(Span<const float> z, int target, float* loss, Span<float> grad_z) {
  if (Status s = check_logits("cross_entropy", z, grad_z.size(), z.size()); !s.ok()) return s;
  if (target < 0 || static_cast<std::size_t>(target) >= z.size()) {
    return Status::out_of_range("cross_entropy: target must be a class index in [0, " +
                                std::to_string(z.size() - 1) + "], got " + std::to_string(target));
  }
  std::vector<float> log_p(z.size());
  log_softmax(z, 1.0f, log_p);  // validated above
  *loss = -log_p[static_cast<std::size_t>(target)];
  for (std::size_t i = 0; i < z.size(); ++i) grad_z[i] = std::exp(log_p[i]);
  grad_z[static_cast<std::size_t>(target)] -= 1.0f;
  return {};
}

}  // namespace nnplay
