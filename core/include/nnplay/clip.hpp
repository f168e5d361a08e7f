// Gradient clipping, as in Keras' clipvalue and global_clipnorm: by value,
// each component to [-v, v]; by norm, all gradients scaled together so that
// their global L2 norm is at most c (direction kept).
#pragma once
#include <vector>

#include "nnplay/network.hpp"

namespace nnplay {

double global_gradient_norm(const std::vector<ParamBlock>& blocks);
void clip_by_value(const std::vector<ParamBlock>& blocks, float limit);
// Returns the norm after clipping.
double clip_by_global_norm(const std::vector<ParamBlock>& blocks, float max_norm);

}  // namespace nnplay
