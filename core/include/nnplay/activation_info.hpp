// What the page and the lessons say about each activation: names in both
// languages, TeX for f and f', parameters with defaults and slider ranges, and
// qualitative properties. The tests check every property against the kernels,
// so this table cannot drift from the arithmetic.
#pragma once
#include <string>

#include "nnplay/activation.hpp"

namespace nnplay {

struct ParamInfo {
  const char* name;  // "alpha", "lower", "upper"
  float default_value;
  float min;  // inclusive valid range, also the slider range
  float max;
  float step;
  const char* label_en;
  const char* label_zh;
};

enum class Saturation { kNone, kNegative, kPositive, kBoth };

struct ActivationInfo {
  Activation id;
  const char* name;
  const char* display_en;
  const char* display_zh;
  const char* tex_forward;
  const char* tex_derivative;
  int param_count;
  ParamInfo params[2];
  // The closure of the output range at default parameters; ±inf when unbounded.
  float range_min;
  float range_max;
  bool zero_centred;     // f(0) = 0 and f takes both signs
  Saturation saturates;  // the sides where f'(x) -> 0
  bool monotonic;
  bool smooth;  // continuously differentiable everywhere
  float derivative_at_zero;
  float derivative_max;  // sup of f' at default parameters
};

const ActivationInfo& activation_info(Activation a);
const char* saturation_name(Saturation s);  // "none", "negative", "positive", "both"
// The info as a JSON object, for the bindings.
std::string activation_info_json(Activation a);

}  // namespace nnplay
