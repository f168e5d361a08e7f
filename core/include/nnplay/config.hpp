// The trainer's configuration: plain data, with defaults matching the README's
// config table. parse_config (config_json.hpp) fills it from JSON and
// validate_config checks every field, naming the field and the value.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "nnplay/activation.hpp"

namespace nnplay {

enum class DatasetKind {
  kCircle, kXor, kGauss, kSpiral, kMoons, kSpiralK, kSine, kPlane, kGaussRegression,
  kDigits, kIris, kCustom,
};
// Each list is X(Id, "name") in enum order: the enum here and the JSON names
// (config_detail.hpp) come from the one list, so they cannot drift apart.
#define NNPLAY_HEADS(X) \
  X(Auto, "auto") X(SigmoidBce, "sigmoid_bce") X(SoftmaxCe, "softmax_ce") X(LinearMse, "linear_mse") X(TanhMse, "tanh_mse")
#define NNPLAY_INITS(X)                                                                                        \
  X(Uniform, "uniform") X(XavierUniform, "xavier_uniform") X(XavierNormal, "xavier_normal") X(HeUniform, "he_uniform") \
  X(HeNormal, "he_normal") X(Zero, "zero") X(LargeNormal, "large_normal")
#define NNPLAY_SCHEDULES(X) X(Constant, "constant") X(Step, "step") X(Cosine, "cosine")
#define NNPLAY_ENUM_VALUE(id, name) k##id,
enum class Head { NNPLAY_HEADS(NNPLAY_ENUM_VALUE) };
enum class Init { NNPLAY_INITS(NNPLAY_ENUM_VALUE) };
enum class Schedule { NNPLAY_SCHEDULES(NNPLAY_ENUM_VALUE) };
#undef NNPLAY_ENUM_VALUE
// k<Id> for each entry of nnplay/optimizers.def, in its order.
enum class OptimizerKind {
#define NNPLAY_OPTIMIZER(id, name, params) k##id,
#include "nnplay/optimizers.def"
};
inline constexpr int kOptimizerCount = 0
#define NNPLAY_OPTIMIZER(id, name, params) + 1
#include "nnplay/optimizers.def"
    ;

// Input features for 2-D data, as in TensorFlow Playground.
enum Feature : unsigned {
  kX1 = 1u << 0, kX2 = 1u << 1, kX1Squared = 1u << 2, kX2Squared = 1u << 3,
  kX1X2 = 1u << 4, kSinX1 = 1u << 5, kSinX2 = 1u << 6,
};
inline constexpr unsigned kDefaultFeatures = kX1 | kX2;

struct DataConfig {
  DatasetKind kind = DatasetKind::kCircle;
  int samples = 500;         // generated sets: 10..5000
  float noise = 0.0f;        // generated sets: 0..0.5 (fraction of the data's scale)
  float train_fraction = 0.5f;  // 0.1..0.9
  int classes = 3;           // k-class spiral: 3..5
  std::uint32_t seed = 1;
  unsigned features = kDefaultFeatures;  // 2-D sets only
};

struct LayerConfig {
  int units = 4;                 // 1..256
  Activation activation = Activation::kTanh;
  ActivationParams params;       // activation parameters (prelu: initial alpha)
  int maxout_pieces = 0;         // 0: plain layer; 2..5: maxout, activation unused
};

struct TrainConfig {
  OptimizerKind optimizer = OptimizerKind::kSgd;
  float learning_rate = 0.03f;   // (0, 10]
  // The optimisers' hyperparameters (momentum, nesterov, rho, beta1, beta2,
  // epsilon): their defaults, ranges and users are in nnplay/optimizers.def.
#define NNPLAY_OPTIMIZER_NUMBER(field, key, def, lo, hi, lo_open, hi_open) float field = def;
#define NNPLAY_OPTIMIZER_FLAG(field, key, def) bool field = def;
#include "nnplay/optimizers.def"
  Schedule schedule = Schedule::kConstant;
  // step: × decay_rate every decay_steps; cosine: from the rate down to 0 over
  // decay_steps, then again from the top (warm restarts).
  int decay_steps = 1000;        // 1..1e6
  float decay_rate = 0.5f;
  int batch_size = 10;           // 1..number of training samples (larger = full batch)
  bool shuffle = true;           // reshuffle every epoch; false: batches in data order
  float l1 = 0.0f, l2 = 0.0f;    // penalties on weights (not biases): λ|w|, λ/2 w²
  float clip_norm = 0.0f;        // 0 = off; global L2 norm of all gradients
  float clip_value = 0.0f;       // 0 = off; each gradient component to [-v, v]
  float dropout = 0.0f;          // hidden layers, training only: [0, 0.9]
  // Evaluation metrics every k steps: 1..10000, or 0 (the default): an
  // interval the trainer picks so that evaluation costs about 10 % of the
  // training time (Trainer::evaluation_interval).
  int eval_every = 0;
};

struct TrainerConfig {
  DataConfig data;
  std::vector<LayerConfig> hidden = {LayerConfig{}, LayerConfig{2}};  // 0..8 layers
  Head head = Head::kAuto;
  Init init = Init::kXavierUniform;
  float init_sigma = 3.0f;       // large normal: σ
  float bias_init = 0.0f;
  TrainConfig train;
  std::uint32_t seed = 1;        // weights, batches, dropout, RReLU
};

}  // namespace nnplay
