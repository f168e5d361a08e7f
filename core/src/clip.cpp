#include "nnplay/clip.hpp"

#include <algorithm>
#include <cmath>

namespace nnplay {

double global_gradient_norm(const std::vector<ParamBlock>& blocks) {
  double sum = 0.0;
  for (const ParamBlock& b : blocks)
    for (int i = 0; i < b.size; ++i) sum += double(b.grad[i]) * b.grad[i];
  return std::sqrt(sum);
}

void clip_by_value(const std::vector<ParamBlock>& blocks, float limit) {
  for (const ParamBlock& b : blocks)
    for (int i = 0; i < b.size; ++i) b.grad[i] = std::clamp(b.grad[i], -limit, limit);
}

double clip_by_global_norm(const std::vector<ParamBlock>& blocks, float max_norm) {
  const double norm = global_gradient_norm(blocks);
  if (!(norm > max_norm)) return norm;  // also leaves NaN alone: divergence reports it
  const auto scale = static_cast<float>(max_norm / norm);
  for (const ParamBlock& b : blocks)
    for (int i = 0; i < b.size; ++i) b.grad[i] *= scale;
  return global_gradient_norm(blocks);
}

}  // namespace nnplay
