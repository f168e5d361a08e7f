// Every learned parameter of a trainer's network as one flat array, in
// Network::parameters() order (per layer: the weights as stored, column-major,
// then the biases, then a learned PReLU alpha), so that another trainer of the
// same config can show this one's network: the page trains in a worker and
// draws from such a copy, loaded once per frame.
#pragma once
#include <vector>

#include "nnplay/status.hpp"
#include "nnplay/trainer.hpp"

namespace nnplay {

void copy_parameters(Trainer& t, std::vector<float>* out);

// Loads such an array (parameter_count() values, every one finite). The step
// and the metrics stay as they were (refresh_metrics() recomputes the
// evaluation). A bad array is named and changes nothing.
Status load_parameters(Trainer& t, const std::vector<float>& values);

}  // namespace nnplay
