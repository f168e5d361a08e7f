// Maps each activation to its kernel set.
#include "kernels.hpp"

namespace nnplay::kernels {

const KernelSet& kernels_for(Activation a) {
  switch (a) {
    case Activation::kLinear: return kLinearKernels;
    case Activation::kSigmoid: return kSigmoidKernels;
    case Activation::kTanh: return kTanhKernels;
    case Activation::kRelu: return kReluKernels;
    case Activation::kLeakyRelu:
    case Activation::kRrelu:
    case Activation::kPrelu: return kLeakyReluKernels;
    case Activation::kElu: return kEluKernels;
    case Activation::kSelu: return kSeluKernels;
    case Activation::kGelu: return kGeluKernels;
    case Activation::kGeluTanh: return kGeluTanhKernels;
    case Activation::kSwish: return kSwishKernels;
    case Activation::kSoftplus: return kSoftplusKernels;
    case Activation::kMish: return kMishKernels;
  }
  return kLinearKernels;  // unreachable: callers pass parsed activations
}

}  // namespace nnplay::kernels
