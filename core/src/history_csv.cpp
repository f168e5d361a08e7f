#include "nnplay/history_csv.hpp"

#include <cmath>

#include "number_format.hpp"

namespace nnplay {
namespace {

// Finite values as the JSON writer spells them (shortest round trip), so a
// CSV cell reads back to the very float the trainer recorded.
void put(std::string& out, double v) {
  if (std::isnan(v)) out += ",NaN";
  else if (std::isinf(v)) out += v > 0 ? ",inf" : ",-inf";
  else out += ',' + json_number(v);
}

}  // namespace

std::string history_csv(const Trainer& t, long long from_step) {
  std::string out = "step,epoch,learning_rate,batch_loss,train_loss,test_loss,train_accuracy,test_accuracy,"
                    "grad_norm,grad_norm_clipped";
  const std::size_t layers = t.network().layers().size();
  for (std::size_t i = 1; i <= layers; ++i) {
    const std::string p = ",L" + std::to_string(i) + "_";
    out += p + "grad_w_norm" + p + "grad_b_norm" + p + "update_ratio" + p + "dead" + p + "saturated" + p +
           "act_mean" + p + "act_std" + p + "alpha";
  }
  out += '\n';
  for (const StepMetrics& m : t.history()) {
    if (m.step < from_step) continue;
    out += std::to_string(m.step);
    for (double v : {m.epoch, double(m.learning_rate), double(m.batch_loss), double(m.train_loss),
                     double(m.test_loss), double(m.train_accuracy), double(m.test_accuracy), double(m.grad_norm),
                     double(m.grad_norm_clipped)})
      put(out, v);
    for (const LayerMetrics& l : m.layers)
      for (double v : {l.grad_w_norm, l.grad_b_norm, l.update_ratio, l.dead_fraction, l.saturated_fraction,
                       l.activation_mean, l.activation_std, l.alpha})
        put(out, v);
    out += '\n';
  }
  return out;
}

}  // namespace nnplay
