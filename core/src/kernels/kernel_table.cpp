// Maps each activation to its kernel set, in nnplay/activations.def's order.
#include "kernels.hpp"

namespace nnplay::kernels {
namespace {

const KernelSet* const kTable[kActivationCount] = {
#define NNPLAY_ACTIVATION(id, name, kernels, ...) &kernels,
#include "nnplay/activations.def"
#undef NNPLAY_ACTIVATION
};

}  // namespace

// Callers pass parsed activations, so the index is always in range.
const KernelSet& kernels_for(Activation a) { return *kTable[static_cast<int>(a)]; }

}  // namespace nnplay::kernels
