// Conversions at the JS boundary: statuses into returned Error values and bulk
// float data copied in and out. Nothing here may throw into JavaScript: an
// escaping C++ exception leaks wasm stack (docs/TOOLCHAIN.md §2), so every failure
// is a returned Error that engine.ts turns into a throw.
#pragma once
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "nnplay/status.hpp"

namespace nnplay_js {

using emscripten::val;

inline const char* code_name(nnplay::StatusCode c) {
  switch (c) {
    case nnplay::StatusCode::kOk: return "ok";
    case nnplay::StatusCode::kInvalidArgument: return "invalid_argument";
    case nnplay::StatusCode::kOutOfRange: return "out_of_range";
    case nnplay::StatusCode::kFailedPrecondition: return "failed_precondition";
  }
  return "unknown";
}

inline val make_error(const std::string& message, const char* code) {
  val e = val::global("Error").new_(message);
  e.set("code", std::string(code));
  return e;
}

inline val to_error(const nnplay::Status& s) { return make_error(s.message(), code_name(s.code())); }

// The most values one array argument may hold: 2^24 floats, 64 MB. A call
// copies its input into wasm memory and allocates an output as large (or
// larger), and the module's memory grows to 2 GB at most; an allocation past
// that aborts the whole module, so sizes are refused before any copy.
inline constexpr double kMaxArrayLength = 16777216.0;

// Copies a Float32Array into `out` and returns undefined, or returns an Error.
// Anything but a Float32Array is refused before convertJSArrayToNumberVector,
// which would read `.length` of a non-array from inside wasm and could throw.
inline val read_f32(const val& v, const char* arg, std::vector<float>* out) {
  if (!v.instanceof(val::global("Float32Array"))) {
    return make_error(std::string(arg) + ": expected a Float32Array, got " +
                          v.typeOf().as<std::string>(),
                      "invalid_argument");
  }
  if (const double n = v["length"].as<double>(); n > kMaxArrayLength) {
    return make_error(std::string(arg) + ": at most 16777216 values (2^24) per call, got " +
                          std::to_string(static_cast<long long>(n)),
                      "out_of_range");
  }
  *out = emscripten::convertJSArrayToNumberVector<float>(v);
  return val::undefined();
}

// A fresh Float32Array owned by JS: views into wasm memory are detached when
// memory grows, so results are always copied out.
inline val copy_out(const std::vector<float>& v) {
  return val::global("Float32Array").new_(emscripten::typed_memory_view(v.size(), v.data()));
}

inline val copy_out(const std::vector<int>& v) {
  return val::global("Int32Array").new_(emscripten::typed_memory_view(v.size(), v.data()));
}

// A copy-out result, or the status as an Error.
inline val result_or_error(const nnplay::Status& s, const std::vector<float>& v) {
  return s.ok() ? copy_out(v) : to_error(s);
}

// undefined on success, for the *Into calls that write into a buffer.
inline val undefined_or_error(const nnplay::Status& s) {
  return s.ok() ? val::undefined() : to_error(s);
}

}  // namespace nnplay_js
