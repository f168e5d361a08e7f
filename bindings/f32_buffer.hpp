// A float buffer that lives in wasm memory, for the benchmark helper: it fills
// the input once through view() and then times forwardInto/derivativeInto/
// softmaxRowsInto without copying in either direction.
#pragma once
#include <emscripten/val.h>

#include <vector>

#include "nnplay/span.hpp"

namespace nnplay_js {

class F32Buffer {
 public:
  // A negative size gives an empty buffer rather than a huge unsigned one.
  explicit F32Buffer(int n) : data_(n > 0 ? static_cast<std::size_t>(n) : 0) {}

  int size() const { return static_cast<int>(data_.size()); }

  // Zero copy: a Float32Array over this buffer's wasm memory. It is INVALID
  // after the next call into wasm (any call may grow memory and detach it,
  // after which it reads as length 0); take a new view after each call.
  emscripten::val view() {
    return emscripten::val(emscripten::typed_memory_view(data_.size(), data_.data()));
  }

  nnplay::Span<float> span() { return {data_.data(), data_.size()}; }
  nnplay::Span<const float> span() const { return {data_.data(), data_.size()}; }

 private:
  std::vector<float> data_;
};

}  // namespace nnplay_js
