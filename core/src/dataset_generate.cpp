// The generated data sets. Where TensorFlow Playground has the set
// (src/dataset.ts) the recipe is its own: the same ranges, the same way noise
// enters, label -1 mapped to 0. Every draw comes from one PCG32 stream, and the
// math is portable_* (dataset_internal.hpp), so a seed gives the same bytes
// natively and in wasm. A sample draws its noise even when noise is 0, so that
// moving the noise slider jitters the same points instead of new ones.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "dataset_internal.hpp"
#include "nnplay/dataset.hpp"

namespace nnplay {
namespace {

using detail::kPi;
using detail::normal;
using detail::portable_sin;
using detail::portable_sin_cos;
using detail::uniform;

constexpr int kKindCount = 12;
constexpr const char* kKindNames[kKindCount] = {
    "circle", "xor",   "gauss", "spiral",  "moons", "spiral_k", "sine", "plane",
    "gauss_regression", "digits", "iris", "custom"};
// A stream of its own, so data draws never coincide with weight-init draws
// made from the same seed.
constexpr std::uint64_t kDataStream = 0x64617461u;  // "data"

std::string name_list(int count) {
  std::string s;
  for (int i = 0; i < count; ++i) s += (i ? ", " : "") + std::string(kKindNames[i]);
  return s;
}
std::string kind_list() { return name_list(kKindCount); }
std::string generated_list() { return name_list(static_cast<int>(DatasetKind::kGaussRegression) + 1); }

struct Builder {
  Dataset d;
  void add(double x1, double x2, double label) {
    d.x.push_back(static_cast<float>(x1));
    d.x.push_back(static_cast<float>(x2));
    d.y.push_back(static_cast<float>(label));
  }
};

// Inner disc r < 2.5 (label 1) and ring 3.5 <= r < 5 (label 0); the label is
// read at the point moved by the noise, as TF does, so noise flips labels.
void circle(Rng& rng, int n, double noise, Builder* b) {
  constexpr double kRadius = 5.0;
  for (int i = 0; i < n; ++i) {
    const bool inner = i < (n + 1) / 2;
    const double r = inner ? uniform(rng, 0, kRadius * 0.5) : uniform(rng, kRadius * 0.7, kRadius);
    double s, c;
    portable_sin_cos(uniform(rng, 0, 2 * kPi), &s, &c);
    const double x1 = r * s, x2 = r * c;
    const double nx = uniform(rng, -kRadius, kRadius) * noise;
    const double ny = uniform(rng, -kRadius, kRadius) * noise;
    const double px = x1 + nx, py = x2 + ny;
    b->add(x1, x2, std::sqrt(px * px + py * py) < kRadius * 0.5 ? 1 : 0);
  }
}

// Uniform in [-5, 5]², pushed 0.3 away from the axes; label 1 where x1·x2 >= 0
// at the noisy point.
void xor_set(Rng& rng, int n, double noise, Builder* b) {
  constexpr double kPad = 0.3;
  for (int i = 0; i < n; ++i) {
    double x1 = uniform(rng, -5, 5);
    x1 += x1 > 0 ? kPad : -kPad;
    double x2 = uniform(rng, -5, 5);
    x2 += x2 > 0 ? kPad : -kPad;
    const double nx = uniform(rng, -5, 5) * noise;
    const double ny = uniform(rng, -5, 5) * noise;
    b->add(x1, x2, (x1 + nx) * (x2 + ny) >= 0 ? 1 : 0);
  }
}

// Blobs at (2, 2) (label 1) and (-2, -2) (label 0); the variance grows
// linearly from 0.5 at noise 0 to 4 at noise 0.5.
void gauss(Rng& rng, int n, double noise, Builder* b) {
  const double sd = std::sqrt(0.5 + 7.0 * noise);
  for (int i = 0; i < n; ++i) {
    const bool pos = i < (n + 1) / 2;
    const double c = pos ? 2.0 : -2.0;
    const double x1 = c + sd * normal(rng);
    const double x2 = c + sd * normal(rng);
    b->add(x1, x2, pos ? 1 : 0);
  }
}

// k interleaved arms (TF's spiral for k = 2: arm 0 there is label 1, here
// label 0, which is only a renaming). Arm j at step i of m: radius 5·i/m,
// angle 1.75 turns·i/m + 2πj/k, jittered by noise·U(-1, 1) per coordinate.
void spiral(Rng& rng, int n, int k, double noise, Builder* b) {
  for (int j = 0; j < k; ++j) {
    const int m = n / k + (j < n % k ? 1 : 0);
    for (int i = 0; i < m; ++i) {
      const double f = static_cast<double>(i) / m;
      double s, c;
      portable_sin_cos(1.75 * f * 2 * kPi + 2 * kPi * j / k, &s, &c);
      const double x1 = 5 * f * s + uniform(rng, -1, 1) * noise;
      const double x2 = 5 * f * c + uniform(rng, -1, 1) * noise;
      b->add(x1, x2, j);
    }
  }
}

// scikit-learn's make_moons: outer moon (cos t, sin t) label 0, inner moon
// (1 - cos t, 0.5 - sin t) label 1, t in [0, π]; mapped by 4·(x - (0.5, 0.25))
// onto [-6, 6] × [-3, 3]; gaussian jitter with sd 2·noise.
void moons(Rng& rng, int n, double noise, Builder* b) {
  for (int i = 0; i < n; ++i) {
    const bool outer = i < (n + 1) / 2;
    double s, c;
    portable_sin_cos(uniform(rng, 0, kPi), &s, &c);
    const double u = outer ? c : 1 - c;
    const double v = outer ? s : 0.5 - s;
    const double x1 = 4 * (u - 0.5) + 2 * noise * normal(rng);
    const double x2 = 4 * (v - 0.25) + 2 * noise * normal(rng);
    b->add(x1, x2, outer ? 0 : 1);
  }
}

// 1-D: x in [-6, 6), y = sin x + noise·U(-1, 1).
void sine(Rng& rng, int n, double noise, Builder* b) {
  b->d.inputs = 1;
  for (int i = 0; i < n; ++i) {
    const double x = uniform(rng, -6, 6);
    const double y = portable_sin(x) + uniform(rng, -1, 1) * noise;
    b->d.x.push_back(static_cast<float>(x));
    b->d.y.push_back(static_cast<float>(y));
  }
}

// TF's plane: target (x1 + x2)/10 at the point moved by noise·U(-6, 6)²;
// clamped to [-1, 1] (TF leaves it unclamped, reaching ±1.2 at the corners).
void plane(Rng& rng, int n, double noise, Builder* b) {
  for (int i = 0; i < n; ++i) {
    const double x1 = uniform(rng, -6, 6), x2 = uniform(rng, -6, 6);
    const double nx = uniform(rng, -6, 6) * noise, ny = uniform(rng, -6, 6) * noise;
    b->add(x1, x2, std::clamp((x1 + nx + x2 + ny) / 10.0, -1.0, 1.0));
  }
}

// TF's multi-gaussian regression: six signed bumps; each falls linearly from
// ±1 at its centre to 0 at distance 2; the target is the bump largest in
// magnitude (the first on a tie) at the noisy point.
void gauss_regression(Rng& rng, int n, double noise, Builder* b) {
  constexpr double kBumps[6][3] = {{-4, 2.5, 1},  {0, 2.5, -1}, {4, 2.5, 1},
                                   {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  for (int i = 0; i < n; ++i) {
    const double x1 = uniform(rng, -6, 6), x2 = uniform(rng, -6, 6);
    const double px = x1 + uniform(rng, -6, 6) * noise, py = x2 + uniform(rng, -6, 6) * noise;
    double target = 0;
    for (const auto& g : kBumps) {
      const double dist = std::sqrt((px - g[0]) * (px - g[0]) + (py - g[1]) * (py - g[1]));
      const double v = g[2] * std::clamp(1.0 - dist / 2.0, 0.0, 1.0);
      if (std::fabs(v) > std::fabs(target)) target = v;
    }
    b->add(x1, x2, target);
  }
}

bool is_generated(DatasetKind k) {
  return static_cast<int>(k) >= 0 && static_cast<int>(k) <= static_cast<int>(DatasetKind::kGaussRegression);
}

}  // namespace

const char* dataset_kind_name(DatasetKind k) {
  const int i = static_cast<int>(k);
  return i >= 0 && i < kKindCount ? kKindNames[i] : "unknown";
}

Status parse_dataset_kind(std::string_view name, DatasetKind* out) {
  for (int i = 0; i < kKindCount; ++i) {
    if (name == kKindNames[i]) {
      *out = static_cast<DatasetKind>(i);
      return {};
    }
  }
  return Status::invalid("data.kind: unknown name \"" + std::string(name.substr(0, 64)) +
                         "\"; valid names are " + kind_list());
}

Status generate_dataset(const DataConfig& cfg, Dataset* out) {
  if (!is_generated(cfg.kind)) {
    return Status::invalid(std::string("data.kind must be a generated kind (") + generated_list() +
                           "), got " + dataset_kind_name(cfg.kind) + "; digits, iris and custom data come from CSV");
  }
  if (cfg.samples < 10 || cfg.samples > 5000) {
    return Status::out_of_range("data.samples must be in [10, 5000], got " + std::to_string(cfg.samples));
  }
  if (!(cfg.noise >= 0.0f && cfg.noise <= 0.5f)) {  // also rejects NaN
    return Status::out_of_range("data.noise must be in [0, 0.5], got " + format_number(cfg.noise));
  }
  if (cfg.kind == DatasetKind::kSpiralK && (cfg.classes < 3 || cfg.classes > 5)) {
    return Status::out_of_range("data.classes must be in [3, 5] for spiral_k, got " +
                                std::to_string(cfg.classes));
  }

  Rng rng(cfg.seed, kDataStream);
  const int n = cfg.samples;
  const double noise = cfg.noise;
  Builder b;
  b.d.x.reserve(2 * static_cast<std::size_t>(n));
  b.d.y.reserve(n);
  switch (cfg.kind) {
    case DatasetKind::kCircle: circle(rng, n, noise, &b); break;
    case DatasetKind::kXor: xor_set(rng, n, noise, &b); break;
    case DatasetKind::kGauss: gauss(rng, n, noise, &b); break;
    case DatasetKind::kSpiral: spiral(rng, n, 2, noise, &b); break;
    case DatasetKind::kMoons: moons(rng, n, noise, &b); break;
    case DatasetKind::kSpiralK:
      spiral(rng, n, cfg.classes, noise, &b);
      b.d.classes = cfg.classes;
      break;
    case DatasetKind::kSine: sine(rng, n, noise, &b); b.d.classes = 0; break;
    case DatasetKind::kPlane: plane(rng, n, noise, &b); b.d.classes = 0; break;
    case DatasetKind::kGaussRegression: gauss_regression(rng, n, noise, &b); b.d.classes = 0; break;
    default: break;  // excluded by is_generated
  }
  *out = std::move(b.d);
  return {};
}

}  // namespace nnplay
