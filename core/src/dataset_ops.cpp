// Operations on a data set once it exists: the train/test split, editing
// points by hand, and TensorFlow Playground's input features.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "config_detail.hpp"
#include "dataset_internal.hpp"
#include "nnplay/dataset.hpp"

namespace nnplay {
namespace {

constexpr int kMaxSamples = 10000;  // as for a custom CSV
constexpr std::uint64_t kSplitStream = 0x73706c6974u;  // "split"
constexpr unsigned kAllFeatures = kX1 | kX2 | kX1Squared | kX2Squared | kX1X2 | kSinX1 | kSinX2;

// Uniform in [0, n) without modulo bias: reject the low 2^32 mod n values.
std::uint32_t bounded(Rng& rng, std::uint32_t n) {
  const std::uint32_t threshold = (0u - n) % n;
  for (;;) {
    const std::uint32_t r = rng.next_u32();
    if (r >= threshold) return r % n;
  }
}

Dataset empty_like(const Dataset& d) {
  Dataset e;
  e.inputs = d.inputs;
  e.classes = d.classes;
  e.class_names = d.class_names;
  return e;
}

void append_row(const Dataset& from, int i, Dataset* to) {
  const auto in = static_cast<std::size_t>(from.inputs);
  to->x.insert(to->x.end(), from.x.begin() + i * in, from.x.begin() + (i + 1) * in);
  to->y.push_back(from.y[i]);
}

}  // namespace

void split_dataset(const Dataset& all, float train_fraction, std::uint32_t rng_seed, Dataset* train,
                   Dataset* test) {
  const int n = all.size();
  // Fisher–Yates with our own bounded draw: std::shuffle's use of the
  // generator differs between standard libraries.
  std::vector<int> order(n);
  for (int i = 0; i < n; ++i) order[i] = i;
  Rng rng(rng_seed, kSplitStream);
  for (int i = n - 1; i > 0; --i) std::swap(order[i], order[bounded(rng, static_cast<std::uint32_t>(i) + 1)]);

  double f = train_fraction;
  if (!(f > 0)) f = 0;  // NaN too
  if (f > 1) f = 1;
  int n_train = static_cast<int>(std::floor(f * n + 0.5));
  if (n >= 2) n_train = std::min(std::max(n_train, 1), n - 1);

  // Built aside and moved last, so `all` may be one of the outputs.
  Dataset tr = empty_like(all), te = empty_like(all);
  for (int k = 0; k < n; ++k) append_row(all, order[k], k < n_train ? &tr : &te);
  *train = std::move(tr);
  *test = std::move(te);
}

Status add_point(Dataset* d, const std::vector<float>& x, float y) {
  if (d->inputs < 1) {
    return Status::failed_precondition("add_point: the data set has " + std::to_string(d->inputs) + " inputs");
  }
  if (static_cast<int>(x.size()) != d->inputs) {
    return Status::invalid("add_point: x has " + std::to_string(x.size()) + " values, but the data set has " +
                           std::to_string(d->inputs) + " inputs");
  }
  for (std::size_t j = 0; j < x.size(); ++j) {
    if (!std::isfinite(x[j])) {
      return Status::invalid("add_point: x[" + std::to_string(j) + "] is " + format_number(x[j]) +
                             "; inputs must be finite");
    }
  }
  if (d->regression()) {
    if (!std::isfinite(y)) return Status::invalid("add_point: target " + format_number(y) + " is not finite");
  } else if (!(y >= 0 && y < d->classes && y == std::floor(y))) {
    return Status::invalid("add_point: label " + format_number(y) + " is not a class of this data set (0.." +
                           std::to_string(d->classes - 1) + ")");
  }
  if (d->size() >= kMaxSamples) {
    return Status::failed_precondition("add_point: the data set already has " + std::to_string(d->size()) +
                                       " samples, the most allowed");
  }
  d->x.insert(d->x.end(), x.begin(), x.end());
  d->y.push_back(y == 0 ? 0.0f : y);  // no -0 labels
  return {};
}

Status remove_point(Dataset* d, int index) {
  const int n = d->size();
  if (index < 0 || index >= n) {
    if (n == 0) return Status::out_of_range("remove_point: index " + std::to_string(index) + ", but the data set is empty");
    return Status::out_of_range("remove_point: index " + std::to_string(index) + " is out of range; the data set has " +
                                std::to_string(n) + " samples (0.." + std::to_string(n - 1) + ")");
  }
  const auto in = static_cast<std::size_t>(d->inputs);
  d->x.erase(d->x.begin() + index * in, d->x.begin() + (index + 1) * in);
  d->y.erase(d->y.begin() + index);
  return {};
}

int feature_count(unsigned features) {
  int count = 0;
  for (unsigned bits = features & kAllFeatures; bits; bits &= bits - 1) ++count;
  return count;
}

void expand_features(const Dataset& d, unsigned features, std::vector<float>* out) {
  if (d.inputs != 2) {
    *out = d.x;
    return;
  }
  const int n = d.size();
  std::vector<float> e;
  e.reserve(static_cast<std::size_t>(n) * feature_count(features));
  for (int i = 0; i < n; ++i) {
    const double x1 = d.x[2 * static_cast<std::size_t>(i)], x2 = d.x[2 * static_cast<std::size_t>(i) + 1];
    // In double and through portable_sin: the same bytes natively and in wasm.
    if (features & kX1) e.push_back(static_cast<float>(x1));
    if (features & kX2) e.push_back(static_cast<float>(x2));
    if (features & kX1Squared) e.push_back(static_cast<float>(x1 * x1));
    if (features & kX2Squared) e.push_back(static_cast<float>(x2 * x2));
    if (features & kX1X2) e.push_back(static_cast<float>(x1 * x2));
    if (features & kSinX1) e.push_back(static_cast<float>(detail::portable_sin(x1)));
    if (features & kSinX2) e.push_back(static_cast<float>(detail::portable_sin(x2)));
  }
  *out = std::move(e);
}

Status feature_values(std::string_view feature, const std::vector<float>& points, std::vector<float>* out) {
  using config_detail::kFeatureCount;
  using config_detail::kFeatureNames;
  int bit = 0;
  while (bit < kFeatureCount && feature != kFeatureNames[bit]) ++bit;
  if (bit == kFeatureCount) {
    return Status::invalid("featureValues: unknown feature " + config_detail::printable_key(std::string(feature)) +
                           "; valid names are " + config_detail::name_list(kFeatureNames, kFeatureCount));
  }
  if (points.size() % 2 != 0) {
    return Status::invalid("featureValues: points must hold x, y pairs, got " + std::to_string(points.size()) +
                           " values");
  }
  Dataset d;
  d.x = points;
  expand_features(d, 1u << bit, out);
  return {};
}

}  // namespace nnplay
