// The metadata table, built from nnplay/activations.def. Numbers there that
// are not obvious (GELU's minimum, Swish's largest slope …) were computed to 8
// digits with mpmath; the tests recompute each one from the kernels.
#include "nnplay/activation_info.hpp"

#include <limits>

#include "json_writer.hpp"

namespace nnplay {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr ParamInfo kNoParam = {"", 0, 0, 0, 0, "", ""};
constexpr float kSeluLambda = 1.0507009873554805f;
constexpr float kSeluAlpha = 1.6732632423543772f;
using S = Saturation;

// Rows from nnplay/activations.def: {id, name, the entry's info...}.
const ActivationInfo kTable[kActivationCount] = {
#define NNPLAY_ACTIVATION(id, name, kernels, ...) {Activation::k##id, name, __VA_ARGS__},
#include "nnplay/activations.def"
#undef NNPLAY_ACTIVATION
};

}  // namespace

const ActivationInfo& activation_info(Activation a) { return kTable[static_cast<int>(a)]; }

const char* saturation_name(Saturation s) {
  switch (s) {
    case Saturation::kNone: return "none";
    case Saturation::kNegative: return "negative";
    case Saturation::kPositive: return "positive";
    case Saturation::kBoth: return "both";
  }
  return "none";
}

std::string activation_info_json(Activation a) {
  const ActivationInfo& info = activation_info(a);
  JsonWriter w;
  w.begin_object();
  w.key("name").value(info.name);
  w.key("display").begin_object().key("en").value(info.display_en).key("zh").value(info.display_zh).end_object();
  w.key("tex").begin_object().key("f").value(info.tex_forward).key("df").value(info.tex_derivative).end_object();
  w.key("params").begin_array();
  for (int i = 0; i < info.param_count; ++i) {
    const ParamInfo& p = info.params[i];
    w.begin_object();
    w.key("name").value(p.name).key("default").value(static_cast<double>(p.default_value));
    w.key("min").value(static_cast<double>(p.min)).key("max").value(static_cast<double>(p.max));
    w.key("step").value(static_cast<double>(p.step));
    w.key("label").begin_object().key("en").value(p.label_en).key("zh").value(p.label_zh).end_object();
    w.end_object();
  }
  w.end_array();
  w.key("properties").begin_object();
  w.key("rangeMin").value(static_cast<double>(info.range_min));
  w.key("rangeMax").value(static_cast<double>(info.range_max));
  w.key("zeroCentred").value(info.zero_centred);
  w.key("saturates").value(saturation_name(info.saturates));
  w.key("monotonic").value(info.monotonic);
  w.key("smooth").value(info.smooth);
  w.key("derivativeAtZero").value(static_cast<double>(info.derivative_at_zero));
  w.key("derivativeMax").value(static_cast<double>(info.derivative_max));
  w.end_object();
  w.end_object();
  return w.str();
}

}  // namespace nnplay
