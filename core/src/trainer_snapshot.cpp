// The trainer's rewind points: a ring of kSnapshotCount finite states, taken
// every kSnapshotEvery steps into storage that is reused, so that taking one
// allocates nothing once the ring is full.
#include "nnplay/trainer.hpp"

#include <algorithm>

namespace nnplay {

void Trainer::snapshot() {
  Snapshot& s = snapshots_[snapshot_next_];
  const std::vector<DenseLayer>& layers = net_.layers();
  // Assignments into the slot's own storage: same shapes, no allocation.
  s.w.resize(layers.size());
  s.b.resize(layers.size());
  s.alpha.resize(layers.size());
  for (std::size_t i = 0; i < layers.size(); ++i) {
    s.w[i] = layers[i].w;
    s.b[i] = layers[i].b;
    s.alpha[i] = layers[i].params.alpha;
  }
  s.opt = opt_.state();  // member-wise: the moment vectors keep their storage
  s.rng = rng_;
  if (s.order_version != order_version_) {  // the order changes once an epoch at most
    s.order = order_;
    s.order_version = order_version_;
  }
  s.cursor = cursor_;
  s.step = step_;
  s.samples = samples_seen_;
  s.metrics = current_;
  snapshot_next_ = (snapshot_next_ + 1) % kSnapshotCount;
  snapshot_count_ = std::min(snapshot_count_ + 1, kSnapshotCount);
}

Status Trainer::rewind() {
  if (snapshot_count_ == 0) return Status::failed_precondition("rewind: there is no snapshot yet");
  const Snapshot& s = snapshots_[(snapshot_next_ + kSnapshotCount - 1) % kSnapshotCount];
  std::vector<DenseLayer>& layers = net_.layers();
  for (std::size_t i = 0; i < layers.size(); ++i) {
    layers[i].w = s.w[i];
    layers[i].b = s.b[i];
    layers[i].params.alpha = s.alpha[i];
  }
  opt_.set_state(s.opt);
  rng_ = s.rng;
  order_ = s.order;
  order_version_ = s.order_version;
  cursor_ = s.cursor;
  step_ = s.step;
  samples_seen_ = s.samples;
  current_ = s.metrics;
  while (!history_.empty() && history_.back().step > step_) history_.pop_back();
  divergence_ = Divergence{};
  return {};
}

}  // namespace nnplay
