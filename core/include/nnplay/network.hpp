// A multi-layer perceptron: input → hidden layers (any activation, or maxout)
// → an output layer whose activation belongs to the head (head.hpp).
// forward() caches what backward() needs; backward() fills the gradients of
// every parameter block; the optimizer and the trainer work on those blocks.
#pragma once
#include <vector>

#include "nnplay/config.hpp"
#include "nnplay/rng.hpp"
#include "nnplay/tensor.hpp"

namespace nnplay {

struct DenseLayer {
  int inputs = 0;
  int units = 0;
  int pieces = 1;  // > 1: maxout over that many linear pieces per unit
  Activation activation = Activation::kLinear;
  ActivationParams params;  // prelu: params.alpha is the learned slope (one per layer)
  bool output = false;      // the output layer: its activation is the head's

  Matrix w;  // inputs × units·pieces (maxout: column u·pieces + p)
  RowVector b;
  Matrix grad_w;
  RowVector grad_b;
  float grad_alpha = 0.0f;

  // What a forward pass leaves for backward() and the diagnostics.
  struct Pass {
    Matrix z;      // pre-activations
    Matrix a;      // outputs (after dropout when training)
    Matrix deriv;  // f'(z) per output, or the RReLU slopes drawn
    Matrix mask;   // dropout: 0 or 1/(1-rate); empty when dropout is off
    std::vector<int> argmax;  // maxout: the winning piece of each output
  };
  // The last evaluation pass (training = false: full sets, predictions,
  // grids), which the diagnostics and the views read ...
  Matrix z, a, deriv, mask;
  std::vector<int> argmax;
  // ... and the last training pass, kept apart so that an evaluation or a grid
  // between two steps does not resize (reallocate) what the next step uses.
  Pass train;

  // Scratch of the backward pass, per layer so that their shapes (and storage)
  // stay the same from step to step: a training step does not allocate.
  Matrix grad_z;  // dL/dz
  Matrix grad_a;  // dL/da
  Matrix w_t;     // w transposed

  bool learns_alpha() const { return activation == Activation::kPrelu && pieces == 1 && !output; }
};

// One parameter array and its gradient, as the optimizer sees them.
struct ParamBlock {
  enum Kind { kWeight, kBias, kAlpha };
  float* value;
  float* grad;
  int size;
  int layer;
  Kind kind;
};

class Network {
 public:
  Network() = default;
  Network(int inputs, const std::vector<LayerConfig>& hidden, int outputs);

  void init(Init scheme, float sigma, float bias, Rng& rng);
  // Logits of the output layer for the batch x (rows × inputs). Training draws
  // dropout masks and RReLU slopes from rng; evaluation uses neither.
  const Matrix& forward(const Matrix& x, bool training, float dropout, Rng& rng) {
    return forward(x.data(), x.rows(), training, dropout, rng);
  }
  // The same for rows × inputs floats, row-major, at x (the trainer passes a
  // run of its training set without copying it).
  const Matrix& forward(const float* x, Eigen::Index rows, bool training, float dropout, Rng& rng);
  // Gradients of every block for dL/dlogits = grad_logits (same rows as the last training forward).
  void backward(const Matrix& x, const Matrix& grad_logits) {
    output_gradient() = grad_logits;
    backward(x.data());
  }
  // The same with dL/dlogits already written into output_gradient() (sized
  // rows × outputs) and the forward pass's input at x.
  void backward(const float* x);
  Matrix& output_gradient() { return layers_.back().grad_z; }

  std::vector<DenseLayer>& layers() { return layers_; }
  const std::vector<DenseLayer>& layers() const { return layers_; }
  int inputs() const { return inputs_; }
  std::vector<ParamBlock> parameters();
  int parameter_count() const;

 private:
  struct PassRef {  // the evaluation fields or the training Pass of a layer
    Matrix &z, &a, &deriv, &mask;
    std::vector<int>& argmax;
  };
  static PassRef pass(DenseLayer& l, bool training);
  static void forward_hidden(DenseLayer& l, PassRef c, bool training, float dropout, Rng& rng);
  int inputs_ = 0;
  std::vector<DenseLayer> layers_;
};

}  // namespace nnplay
