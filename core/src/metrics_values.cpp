#include "nnplay/metrics_values.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "number_format.hpp"

namespace nnplay {
namespace {

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// 5^0 .. 5^27 (5^27 < 2^63).
constexpr auto kPow5 = [] {
  std::array<std::uint64_t, 28> p{};
  p[0] = 1;
  for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 5;
  return p;
}();

bool pow5(int k, std::uint64_t* out) {
  if (k >= static_cast<int>(kPow5.size())) return false;
  *out = kPow5[static_cast<std::size_t>(k)];
  return true;
}

// m·2^e·10^k = A / B exactly, with A = m·5^k·2^s, s = e + k (negative
// powers in B). Its floor and its nearest integer (ties to even, as printf
// rounds); false when A or B would not fit 64 bits.
bool scaled(std::uint64_t m, int e, int k, std::uint64_t* floor, std::uint64_t* nearest) {
  const int s = e + k;
  std::uint64_t a = m, b = 1, p5;
  if (!pow5(k < 0 ? -k : k, &p5)) return false;
  if (__builtin_mul_overflow(k >= 0 ? a : b, p5, k >= 0 ? &a : &b)) return false;
  const int shift = s < 0 ? -s : s;
  if (shift > 62) return false;
  std::uint64_t& x = s >= 0 ? a : b;
  if (x > (~std::uint64_t{0} >> shift)) return false;
  x <<= shift;
  // b is a power of two unless k < 0: a shift then, not a division.
  const bool two = k >= 0;
  const std::uint64_t q = two ? a >> (s < 0 ? -s : 0) : a / b, r = two ? a & (b - 1) : a % b;
  *floor = q;
  *nearest = q + (r > b - r || (r == b - r && (q & 1)));
  return true;
}

// shortest_float(f) read back as a double, by number_format.cpp's search
// (the fewest digits whose nearest decimal narrows back to f) on exact
// integers instead of text; false when out of that arithmetic's range.
bool shortest_float_value(float f, double* out) {
  std::uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  const int biased = static_cast<int>((bits >> 23) & 0xff);
  if (biased == 0) return false;  // zero and subnormals: the text path
  const std::uint64_t m = (bits & 0x7fffffu) | 0x800000u;
  const int e = biased - 150;  // |f| = m·2^e
  const float a = std::fabs(f);
  // The decimal exponent floor(log10 |f|): from the binary one (log10 2 ≈
  // 0.30103), made exact by the first digit.
  int ex = static_cast<int>(std::floor((e + 23) * 0.30102999566398120));
  std::uint64_t lead, unused;
  for (int tries = 0;; ++tries) {
    if (tries == 4 || !scaled(m, e, -ex, &lead, &unused)) return false;
    if (lead >= 10) ++ex;
    else if (lead < 1) --ex;
    else break;
  }
  const auto value = [&](int digits, double* v) {
    const int k = digits - 1 - ex;
    std::uint64_t fl, n;
    if (k > 22 || k < -22 || !scaled(m, e, k, &fl, &n)) return false;
    // n < 2^53 and 10^|k| exact: one correctly rounded operation, as strtod.
    *v = k >= 0 ? static_cast<double>(n) / kPow10[k] : static_cast<double>(n) * kPow10[-k];
    return true;
  };
  double v;
  int lo = 1, hi = 9;
  while (lo < hi) {
    const int mid = (lo + hi) / 2;
    if (!value(mid, &v)) return false;
    if (static_cast<float>(v) == a) hi = mid; else lo = mid + 1;
  }
  if (!value(lo, &v)) return false;
  *out = f < 0 ? -v : v;
  return true;
}

}  // namespace

double json_number_value(double d) {
  if (!std::isfinite(d)) return NAN;
  const float f = static_cast<float>(d);
  if (static_cast<double>(f) != d) return d;  // shortest_double reads back exactly
  // A whole float below 2^24 is its own shortest decimal (any shorter one is
  // a multiple of 10 at least 1 away, where the float spacing is at most 1).
  if (std::fabs(d) < 16777216.0 && std::floor(d) == d) return d;
  double v;
  return shortest_float_value(f, &v) ? v : std::strtod(shortest_float(f).c_str(), nullptr);
}

std::size_t metrics_values_size(const Trainer& t) {
  const std::size_t layers = t.network().layers().size();
  return kMetricsValuesHeader + layers * kMetricsLayerValues + (layers - 1) * (2 + kHistogramBins);
}

MetricsValues::MetricsValues(const Trainer& t) : values_(metrics_values_size(t)), inputs_(values_.size(), NAN) {}

const std::vector<double>& MetricsValues::fill(const Trainer& t) {
  double* out = values_.data();
  double* seen = inputs_.data();
  std::size_t i = 0;
  // Most values change only at evaluations: convert only those that changed
  // (NaN never equals itself, so a NaN input is converted each time: cheap).
  const auto put = [&](double x) {
    if (!(x == seen[i])) out[i] = json_number_value(x), seen[i] = x;
    ++i;
  };
  const StepMetrics& m = t.metrics();
  const std::vector<Histogram>& hs = t.histograms();
  const std::size_t layers = m.layers.size();
  out[i++] = double(layers);
  out[i++] = double(layers - 1);
  out[i++] = double(kHistogramBins);
  out[i++] = double(m.step);  // metrics_json writes it as an integer, not through json_number
  for (double x : {m.epoch, double(m.learning_rate), double(m.batch_loss), double(m.train_loss),
                   double(m.test_loss), double(m.train_accuracy), double(m.test_accuracy), double(m.grad_norm),
                   double(m.grad_norm_clipped)})
    put(x);
  out[i++] = t.divergence().diverged ? 1.0 : 0.0;
  for (const LayerMetrics& l : m.layers) {
    for (float x : {l.grad_w_norm, l.grad_b_norm, l.update_ratio, l.dead_fraction, l.saturated_fraction,
                    l.activation_mean, l.activation_std, l.alpha})
      put(double(x));
  }
  for (std::size_t h = 0; h + 1 < layers; ++h) {
    // Every trainer has evaluated once when created; zeros guard the layout regardless.
    const Histogram* g = h < hs.size() && hs[h].counts.size() == std::size_t(kHistogramBins) ? &hs[h] : nullptr;
    put(g ? g->below : 0);
    put(g ? g->above : 0);
    for (int b = 0; b < kHistogramBins; ++b) put(g ? g->counts[std::size_t(b)] : 0);
  }
  return values_;
}

}  // namespace nnplay
