// Eigen types for the network: a batch is a row-major matrix with one sample
// per row, so a layer is Z = X·W + b with W stored inputs × outputs.
#pragma once
#include <Eigen/Core>

namespace nnplay {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowVector = Eigen::Matrix<float, 1, Eigen::Dynamic>;
using MatrixMap = Eigen::Map<Matrix>;
using ConstMatrixMap = Eigen::Map<const Matrix>;

}  // namespace nnplay
