// The training history as CSV, one row per recorded step: what the CLI writes
// and what the page's "export history" downloads. Columns: step, epoch,
// learning_rate, batch_loss, train_loss, test_loss, train_accuracy,
// test_accuracy, grad_norm, grad_norm_clipped, then for each layer i (1-based,
// the output layer last) L<i>_grad_w_norm, L<i>_grad_b_norm, L<i>_update_ratio,
// L<i>_dead, L<i>_saturated, L<i>_act_mean, L<i>_act_std, L<i>_alpha.
// Non-finite values are written as NaN / inf / -inf.
#pragma once
#include <string>

#include "nnplay/trainer.hpp"

namespace nnplay {

std::string history_csv(const Trainer& t, long long from_step = 0);

}  // namespace nnplay
