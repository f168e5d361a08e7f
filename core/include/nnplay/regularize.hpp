// L1 and L2 weight penalties. They apply to weights only (biases and PReLU's α
// are not penalised): penalty = λ1 Σ|w| + λ2/2 Σ w², gradient λ1 sign(w) + λ2 w.
#pragma once
#include <vector>

#include "nnplay/network.hpp"

namespace nnplay {

double weight_penalty(const std::vector<ParamBlock>& blocks, float l1, float l2);
void add_penalty_gradient(const std::vector<ParamBlock>& blocks, float l1, float l2);

}  // namespace nnplay
