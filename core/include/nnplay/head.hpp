// Output heads: the output layer's activation fused with its loss, so the
// gradient at the logits is the simple, stable p - y.
//   sigmoid_bce: p = σ(z), loss = -[y log p + (1-y) log(1-p)] from the logit
//   softmax_ce:  p = softmax(z), loss = -log p_y via log-sum-exp
//   linear_mse:  p = z, loss = ½ Σ (p - y)²
//   tanh_mse:    p = tanh z, loss = ½ Σ (p - y)² (TensorFlow Playground's choice;
//                class labels map to -1/+1 and the decision threshold is 0)
// Losses are means over the batch.
#pragma once
#include "nnplay/config.hpp"
#include "nnplay/tensor.hpp"

namespace nnplay {

// The head "auto" resolves to: regression → linear_mse, 2 classes →
// sigmoid_bce, more → softmax_ce.
Head resolve_head(Head h, int classes);
// Output units: 1 except softmax_ce, which has one per class.
int head_outputs(Head h, int classes);

// p = head(z), row by row.
void head_forward(Head h, const Matrix& z, Matrix* p);
// Mean loss over the rows for labels/targets y (one per row), given z and p = head(z).
double head_loss(Head h, int classes, const Matrix& z, const Matrix& p, const float* y);
// dL/dz for the mean loss: (p - target) / rows (tanh_mse also multiplies by 1 - p²).
void head_gradient(Head h, int classes, const Matrix& p, const float* y, Matrix* dz);
// head_loss and head_gradient in one call, with the same results; for the
// squared-error heads one pass over the rows (a training step's head).
double head_loss_gradient(Head h, int classes, const Matrix& z, const Matrix& p, const float* y, Matrix* dz);
// Whether the head turns outputs into one of `classes` classes: sigmoid_bce
// and tanh_mse on two classes, softmax_ce on any count. Only then is there a
// predicted class (and a confusion matrix); linear_mse, and tanh_mse on more
// than two labels, predict values.
bool head_predicts_classes(Head h, int classes);
// The predicted class of row r (classification heads), or -1 for regression.
int head_predict_class(Head h, const Matrix& p, int r);
// The target value the head compares with for label y (tanh_mse maps 0/1 to -1/+1).
float head_target(Head h, float y, int classes);

}  // namespace nnplay
