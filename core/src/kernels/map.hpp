// Drives a four-lane operation over n floats. The main loop handles sixteen
// floats per iteration (four independent vectors keep more of the pipeline
// busy: the kernels are long dependency chains), then eight; kernels with
// many live temporaries (gelu's double-precision part) ask for two vectors
// per iteration, as four would spill registers (measured: 20 % slower), or
// two such pairs per iteration (kGroups = 2): the first pair is stored before
// the second is loaded, so V8, which keeps loads and stores in program order,
// computes one pair at a time (the registers of two vectors) while the loop's
// bookkeeping and interrupt check are paid once per sixteen floats. The
// last 1-3 floats are put into the lanes of a vector whose other lanes are
// zero and taken out lane by lane (a zero-padded copy was two memcpy calls in
// wasm; the lane load/store intrinsics made clang 14 hang compiling tanh.cpp),
// so nothing past x[n-1] is read and nothing past y[n-1] is written. In-place
// calls are fine: every block is loaded before it is stored.
#pragma once
#include <cstddef>

#include "nnplay/simd.hpp"

#if NNPLAY_SIMD
namespace nnplay::kernels {

template <int kVectors = 4, int kGroups = 1, class VecOp>
inline void map_f32x4(std::size_t n, const float* x, float* y, VecOp op) {
  static_assert(kVectors == 2 || kVectors == 4, "two or four vectors per iteration");
  static_assert(kGroups == 1 || (kVectors == 2 && kGroups == 2), "two groups only of two vectors");
  for (; kVectors * kGroups == 4 && n >= 16; n -= 16, x += 16, y += 16) {
    if constexpr (kGroups == 2) {
      const auto pair = [&](int g) {
        const v128_t a = op(wasm_v128_load(x + g));
        const v128_t b = op(wasm_v128_load(x + g + 4));
        wasm_v128_store(y + g, a);
        wasm_v128_store(y + g + 4, b);
      };
      pair(0);
      pair(8);
      continue;
    }
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
    const v128_t v = op(wasm_f32x4_make(x[0], n > 1 ? x[1] : 0.0f, n > 2 ? x[2] : 0.0f, 0.0f));
    y[0] = wasm_f32x4_extract_lane(v, 0);
    if (n > 1) y[1] = wasm_f32x4_extract_lane(v, 1);
    if (n > 2) y[2] = wasm_f32x4_extract_lane(v, 2);
  }
}

}  // namespace nnplay::kernels
#endif  // NNPLAY_SIMD
