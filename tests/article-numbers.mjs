// The article's softmax([2, 3, 5]), which the package, the CMake consumer and
// the Node loading tests compare with. Tolerance: 4 ulp of float32 at 0.84
// (4 · 2⁻²⁴ ≈ 2.4e-7, the core's bound for its kernels) plus the 5e-8 the
// article's rounding of 0.1141952 to seven decimals may hide.
export const ARTICLE_SOFTMAX_2_3_5 = [0.04201007, 0.1141952, 0.84379473];
export const ARTICLE_TOLERANCE = 3e-7;
