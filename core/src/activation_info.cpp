// The metadata table. Numbers that are not obvious (GELU's minimum, Swish's
// largest slope …) were computed to 8 digits with mpmath; the tests recompute
// each one from the kernels.
#include "nnplay/activation_info.hpp"

#include <limits>

#include "json_writer.hpp"

namespace nnplay {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr ParamInfo kNoParam = {"", 0, 0, 0, 0, "", ""};
constexpr ParamInfo kLeakyAlpha = {"alpha", 0.01f, 0.0f, 1.0f, 0.01f, "negative slope α", "负半轴斜率 α"};
constexpr ParamInfo kPreluAlpha = {"alpha", 0.25f, 0.0f, 1.0f, 0.01f, "learned slope α (initial)", "可学习斜率 α（初值）"};
constexpr ParamInfo kEluAlpha = {"alpha", 1.0f, 0.0f, 5.0f, 0.1f, "negative scale α", "负半轴幅度 α"};
constexpr ParamInfo kRreluLower = {"lower", 0.125f, 0.0f, 1.0f, 0.01f, "lower slope l", "斜率下界 l"};
constexpr ParamInfo kRreluUpper = {"upper", 1.0f / 3.0f, 0.0f, 1.0f, 0.01f, "upper slope u", "斜率上界 u"};

using S = Saturation;
constexpr float kSeluLambda = 1.0507009873554805f;
constexpr float kSeluAlpha = 1.6732632423543772f;

const ActivationInfo kTable[kActivationCount] = {
    {Activation::kLinear, "linear", "Linear", "线性", R"(f(x)=x)", R"(f'(x)=1)", 0,
     {kNoParam, kNoParam}, -kInf, kInf, true, S::kNone, true, true, 1.0f, 1.0f},
    {Activation::kSigmoid, "sigmoid", "Sigmoid", "Sigmoid", R"(\sigma(x)=\frac{1}{1+e^{-x}})",
     R"(\sigma'(x)=\sigma(x)\,\bigl(1-\sigma(x)\bigr))", 0, {kNoParam, kNoParam}, 0.0f, 1.0f, false,
     S::kBoth, true, true, 0.25f, 0.25f},
    {Activation::kTanh, "tanh", "Tanh", "Tanh", R"(\tanh x=\frac{e^{x}-e^{-x}}{e^{x}+e^{-x}})",
     R"(\tanh' x=1-\tanh^{2}x)", 0, {kNoParam, kNoParam}, -1.0f, 1.0f, true, S::kBoth, true, true,
     1.0f, 1.0f},
    {Activation::kRelu, "relu", "ReLU", "ReLU", R"(f(x)=\max(0,x))",
     R"(f'(x)=\begin{cases}1 & x>0\\ 0 & x\le 0\end{cases})", 0, {kNoParam, kNoParam}, 0.0f, kInf,
     false, S::kNegative, true, false, 0.0f, 1.0f},
    {Activation::kLeakyRelu, "leaky_relu", "Leaky ReLU", "Leaky ReLU",
     R"(f(x)=\begin{cases}x & x>0\\ \alpha x & x\le 0\end{cases})",
     R"(f'(x)=\begin{cases}1 & x>0\\ \alpha & x\le 0\end{cases})", 1, {kLeakyAlpha, kNoParam}, -kInf,
     kInf, false, S::kNone, true, false, 0.01f, 1.0f},
    {Activation::kRrelu, "rrelu", "Randomized Leaky ReLU", "随机 Leaky ReLU（RReLU）",
     R"(f(x)=\begin{cases}x & x>0\\ a x & x\le 0\end{cases},\quad a\sim U(l,u)\ \text{(training)},\ a=\tfrac{l+u}{2}\ \text{(evaluation)})",
     R"(f'(x)=\begin{cases}1 & x>0\\ a & x\le 0\end{cases})", 2, {kRreluLower, kRreluUpper}, -kInf,
     kInf, false, S::kNone, true, false, (0.125f + 1.0f / 3.0f) / 2.0f, 1.0f},
    {Activation::kPrelu, "prelu", "PReLU", "PReLU（参数化 ReLU）",
     R"(f(x)=\begin{cases}x & x>0\\ \alpha x & x\le 0\end{cases},\quad \alpha\ \text{learned})",
     R"(f'(x)=\begin{cases}1 & x>0\\ \alpha & x\le 0\end{cases},\quad \frac{\partial f}{\partial\alpha}=\min(0,x))",
     1, {kPreluAlpha, kNoParam}, -kInf, kInf, false, S::kNone, true, false, 0.25f, 1.0f},
    {Activation::kElu, "elu", "ELU", "ELU",
     R"(f(x)=\begin{cases}x & x>0\\ \alpha\,(e^{x}-1) & x\le 0\end{cases})",
     R"(f'(x)=\begin{cases}1 & x>0\\ \alpha\,e^{x} & x\le 0\end{cases})", 1, {kEluAlpha, kNoParam},
     -1.0f, kInf, false, S::kNegative, true, true, 1.0f, 1.0f},
    {Activation::kSelu, "selu", "SELU", "SELU",
     R"(f(x)=\lambda\begin{cases}x & x>0\\ \alpha\,(e^{x}-1) & x\le 0\end{cases},\ \lambda\approx 1.0507,\ \alpha\approx 1.6733)",
     R"(f'(x)=\lambda\begin{cases}1 & x>0\\ \alpha\,e^{x} & x\le 0\end{cases})", 0,
     {kNoParam, kNoParam}, -kSeluLambda * kSeluAlpha, kInf, false, S::kNegative, true, false,
     kSeluLambda * kSeluAlpha, kSeluLambda * kSeluAlpha},
    {Activation::kGelu, "gelu", "GELU", "GELU",
     R"(f(x)=x\,\Phi(x)=\frac{x}{2}\Bigl(1+\operatorname{erf}\frac{x}{\sqrt{2}}\Bigr))",
     R"(f'(x)=\Phi(x)+x\,\varphi(x),\quad \varphi(x)=\frac{e^{-x^{2}/2}}{\sqrt{2\pi}})", 0,
     {kNoParam, kNoParam}, -0.16997121f, kInf, false, S::kNegative, false, true, 0.5f, 1.1289041f},
    {Activation::kGeluTanh, "gelu_tanh", "GELU (tanh approx.)", "GELU（tanh 近似）",
     R"(f(x)=\frac{x}{2}\Bigl(1+\tanh u\Bigr),\quad u=\sqrt{2/\pi}\,\bigl(x+0.044715\,x^{3}\bigr))",
     R"(f'(x)=\frac{1+\tanh u}{2}+\frac{x}{2}\bigl(1-\tanh^{2}u\bigr)\sqrt{2/\pi}\,\bigl(1+0.134145\,x^{2}\bigr))",
     0, {kNoParam, kNoParam}, -0.17004075f, kInf, false, S::kNegative, false, true, 0.5f,
     1.1289931f},
    {Activation::kSwish, "swish", "Swish (SiLU)", "Swish（SiLU）", R"(f(x)=x\,\sigma(x))",
     R"(f'(x)=\sigma(x)+x\,\sigma(x)\bigl(1-\sigma(x)\bigr))", 0, {kNoParam, kNoParam}, -0.27846454f,
     kInf, false, S::kNegative, false, true, 0.5f, 1.0998393f},
    {Activation::kSoftplus, "softplus", "Softplus", "Softplus", R"(f(x)=\ln\bigl(1+e^{x}\bigr))",
     R"(f'(x)=\sigma(x)=\frac{1}{1+e^{-x}})", 0, {kNoParam, kNoParam}, 0.0f, kInf, false,
     S::kNegative, true, true, 0.5f, 1.0f},
    {Activation::kMish, "mish", "Mish", "Mish",
     R"(f(x)=x\tanh\bigl(\operatorname{softplus}(x)\bigr))",
     R"(f'(x)=\tanh s+x\,\sigma(x)\bigl(1-\tanh^{2}s\bigr),\quad s=\ln(1+e^{x}))", 0,
     {kNoParam, kNoParam}, -0.30884341f, kInf, false, S::kNegative, false, true, 0.6f, 1.0884982f},
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
