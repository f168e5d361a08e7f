// TrainerConfig <-> JSON. The JSON form is what engine.createTrainer takes and
// what the README documents field by field:
//   { "data": { "kind": "circle", "samples": 500, "noise": 0, "trainFraction": 0.5,
//               "classes": 3, "seed": 1, "features": ["x1", "x2"] },
//     "hidden": [ { "units": 4, "activation": "tanh", "alpha": 0.01, "lower": 0.125,
//                   "upper": 0.333, "maxout": 0 } ],
//     "head": "auto", "init": "xavier_uniform", "initSigma": 3, "biasInit": 0,
//     "train": { "optimizer": "sgd", "learningRate": 0.03, "momentum": 0.9, "nesterov": false,
//                "rho": 0.9, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-7, "schedule": "constant",
//                "decaySteps": 1000, "decayRate": 0.5, "batchSize": 10, "shuffle": true, "l1": 0, "l2": 0,
//                "clipNorm": 0, "clipValue": 0, "dropout": 0, "evalEvery": 1 },
//     "seed": 1 }
// Every field is optional (defaults from config.hpp); unknown fields, wrong
// types and out-of-range values are errors that name the field path and the
// value ("train.learningRate must be in (0, 10], got -1"), and leave *out untouched.
#pragma once
#include <string>
#include <string_view>

#include "nnplay/config.hpp"
#include "nnplay/status.hpp"

namespace nnplay {

class JsonValue;  // json.hpp

Status parse_trainer_config(std::string_view json, TrainerConfig* out);
// The same from an already parsed value (a model file embeds its config).
Status parse_trainer_config(const JsonValue& json, TrainerConfig* out);
// Partial updates: the fields of one "train" (or "data") object, in the same
// JSON form, parsed over *inout (absent fields keep their values). Errors name
// the field path and the value as above; *inout is untouched on error.
Status apply_train_config_json(std::string_view json, TrainConfig* inout);
Status apply_data_config_json(std::string_view json, DataConfig* inout);
// Range checks only (parse_trainer_config calls it); for configs built in C++.
Status validate_config(const TrainerConfig& cfg);
// The full config as JSON, every field written: parse(to_json(c)) == c.
std::string trainer_config_json(const TrainerConfig& cfg);

// Names used in JSON: "auto", "sigmoid_bce", "softmax_ce", "linear_mse", "tanh_mse";
// "uniform", "xavier_uniform", "xavier_normal", "he_uniform", "he_normal", "zero",
// "large_normal"; the optimisers of nnplay/optimizers.def; "constant", "step", "cosine";
// features "x1", "x2", "x1_squared", "x2_squared", "x1_x2", "sin_x1", "sin_x2".
const char* head_name(Head h);
const char* init_name(Init i);
const char* optimizer_name(OptimizerKind o);
const char* schedule_name(Schedule s);

}  // namespace nnplay
