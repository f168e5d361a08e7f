// Embind declarations: one binding per core entry point, no math. Every
// fallible call returns its result or an Error value (never a C++ throw, see
// js_convert.hpp); engine.ts is the only caller and turns Errors into throws.
// The module's shape is declared by hand in nnplay.d.ts, and a test checks the
// two agree.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "dataset_bindings.hpp"
#include "f32_buffer.hpp"
#include "js_convert.hpp"
#include "nnplay/activation.hpp"
#include "nnplay/activation_info.hpp"
#include "nnplay/config_schema.hpp"
#include "nnplay/softmax.hpp"
#include "trainer_bindings.hpp"

using emscripten::val;
using nnplay::Activation;
using nnplay::ActivationParams;
using nnplay::Status;
using nnplay_js::F32Buffer;
using nnplay_js::read_f32;
using nnplay_js::result_or_error;
using nnplay_js::to_error;
using nnplay_js::undefined_or_error;

namespace {

using ActivationFn = Status (*)(Activation, const ActivationParams&, nnplay::Span<const float>,
                                nnplay::Span<float>);
using SoftmaxFn = Status (*)(nnplay::Span<const float>, float, nnplay::Span<float>);
using UnaryFn = Status (*)(nnplay::Span<const float>, nnplay::Span<float>);

std::string version() { return NNPLAY_VERSION; }

val activation_names() {
  val names = val::array();
  for (int i = 0; i < nnplay::kActivationCount; ++i)
    names.call<void>("push", std::string(nnplay::activation_name(static_cast<Activation>(i))));
  return names;
}

val activation_info_json(const std::string& name) {
  Activation a;
  if (Status s = nnplay::parse_activation(name, &a); !s.ok()) return to_error(s);
  return val(nnplay::activation_info_json(a));
}

val default_params(const std::string& name) {
  Activation a;
  if (Status s = nnplay::parse_activation(name, &a); !s.ok()) return to_error(s);
  return val(nnplay::default_params(a));
}

template <ActivationFn Fn>
val apply_activation(const std::string& name, const ActivationParams& p, const val& x) {
  Activation a;
  if (Status s = nnplay::parse_activation(name, &a); !s.ok()) return to_error(s);
  std::vector<float> in;
  if (val error = read_f32(x, "x", &in); !error.isUndefined()) return error;
  std::vector<float> out(in.size());
  return result_or_error(Fn(a, p, in, out), out);
}

template <ActivationFn Fn>
val apply_activation_into(const std::string& name, const ActivationParams& p, const F32Buffer& in,
                          F32Buffer& out) {
  Activation a;
  if (Status s = nnplay::parse_activation(name, &a); !s.ok()) return to_error(s);
  return undefined_or_error(Fn(a, p, in.span(), out.span()));
}

template <SoftmaxFn Fn>
val apply_softmax(const val& z, float temperature) {
  std::vector<float> in;
  if (val error = read_f32(z, "z", &in); !error.isUndefined()) return error;
  std::vector<float> out(in.size());
  return result_or_error(Fn(in, temperature, out), out);
}

template <UnaryFn Fn>
val apply_unary(const val& z) {
  std::vector<float> in;
  if (val error = read_f32(z, "z", &in); !error.isUndefined()) return error;
  std::vector<float> out(in.size());
  return result_or_error(Fn(in, out), out);
}

val softmax_jacobian(const val& z, float temperature) {
  std::vector<float> in;
  if (val error = read_f32(z, "z", &in); !error.isUndefined()) return error;
  // Only allocate n×n when the core will accept n; otherwise it reports n.
  const std::size_t n = in.size() <= nnplay::kMaxJacobianSize ? in.size() : 0;
  std::vector<float> jacobian(n * n);
  return result_or_error(nnplay::softmax_jacobian(in, temperature, jacobian), jacobian);
}

val cross_entropy(const val& z, int target) {
  std::vector<float> in;
  if (val error = read_f32(z, "z", &in); !error.isUndefined()) return error;
  std::vector<float> grad(in.size());
  float loss = 0.0f;
  if (Status s = nnplay::cross_entropy(in, target, &loss, grad); !s.ok()) return to_error(s);
  val result = val::object();
  result.set("loss", loss);
  result.set("grad", nnplay_js::copy_out(grad));
  return result;
}

val softmax_rows_into(int rows, int cols, const F32Buffer& in, F32Buffer& out) {
  if (rows < 0 || cols < 0) {
    return nnplay_js::make_error("softmaxRows: rows and cols must be >= 0, got rows " +
                                     std::to_string(rows) + " and cols " + std::to_string(cols),
                                 "invalid_argument");
  }
  return undefined_or_error(nnplay::softmax_rows(static_cast<std::size_t>(rows),
                                                 static_cast<std::size_t>(cols), in.span(),
                                                 out.span()));
}

}  // namespace

EMSCRIPTEN_BINDINGS(nnplay) {
  namespace em = emscripten;
  em::value_object<ActivationParams>("ActivationParams")
      .field("alpha", &ActivationParams::alpha)
      .field("lower", &ActivationParams::lower)
      .field("upper", &ActivationParams::upper)
      .field("training", &ActivationParams::training)
      .field("seed", &ActivationParams::seed);

  em::function("version", &version);
  em::function("activationNames", &activation_names);
  em::function("activationInfoJson", &activation_info_json);
  em::function("configSchemaJson", &nnplay::config_schema_json);
  em::function("defaultParams", &default_params);
  em::function("forward", &apply_activation<nnplay::activation_forward>);
  em::function("derivative", &apply_activation<nnplay::activation_derivative>);

  em::function("softmax", &apply_softmax<nnplay::softmax>);
  em::function("logSoftmax", &apply_softmax<nnplay::log_softmax>);
  em::function("softmaxNaive", &apply_unary<nnplay::softmax_naive>);
  em::function("percentages", &apply_unary<nnplay::percentages>);
  em::function("softmaxJacobian", &softmax_jacobian);
  em::function("crossEntropy", &cross_entropy);

  // Benchmark helper: buffers that stay in wasm memory, and calls that write
  // into them. Names are a contract with bench/.
  em::class_<F32Buffer>("F32Buffer")
      .constructor<int>()
      .function("size", &F32Buffer::size)
      .function("view", &F32Buffer::view);
  em::function("forwardInto", &apply_activation_into<nnplay::activation_forward>);
  em::function("derivativeInto", &apply_activation_into<nnplay::activation_derivative>);
  em::function("softmaxRowsInto", &softmax_rows_into);

  // Training and data: long-lived handles, see the two headers.
  nnplay_js::bind_dataset();
  nnplay_js::bind_trainer();
}
