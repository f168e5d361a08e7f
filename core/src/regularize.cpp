#include "nnplay/regularize.hpp"

#include <cmath>

namespace nnplay {

double weight_penalty(const std::vector<ParamBlock>& blocks, float l1, float l2) {
  double p = 0.0;
  for (const ParamBlock& b : blocks) {
    if (b.kind != ParamBlock::kWeight) continue;
    for (int i = 0; i < b.size; ++i) p += l1 * std::fabs(b.value[i]) + 0.5 * l2 * b.value[i] * b.value[i];
  }
  return p;
}

void add_penalty_gradient(const std::vector<ParamBlock>& blocks, float l1, float l2) {
  if (l1 == 0.0f && l2 == 0.0f) return;
  for (const ParamBlock& b : blocks) {
    if (b.kind != ParamBlock::kWeight) continue;
    for (int i = 0; i < b.size; ++i) {
      const float w = b.value[i];
      // sign(0) = 0: the subgradient that leaves exact zeros in place.
      b.grad[i] += l1 * static_cast<float>((w > 0.0f) - (w < 0.0f)) + l2 * w;
    }
  }
}

}  // namespace nnplay
