// Shared by the config parser, validator and writer: one table of valid ranges
// and names, so that parse_trainer_config and validate_config cannot disagree.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "nnplay/config.hpp"
#include "nnplay/status.hpp"

namespace nnplay::config_detail {

struct Range {
  double lo, hi;
  bool lo_open, hi_open;
  bool integer;
};

inline constexpr Range kSamples{10, 5000, false, false, true};
inline constexpr Range kNoise{0, 0.5, false, false, false};
inline constexpr Range kTrainFraction{0.1, 0.9, false, false, false};
inline constexpr Range kClasses{3, 5, false, false, true};
inline constexpr Range kSeed{0, 4294967295.0, false, false, true};
inline constexpr Range kUnits{1, 256, false, false, true};
inline constexpr Range kMaxout{2, 5, false, false, true};  // or 0: a plain layer
inline constexpr Range kLearningRate{0, 10, true, false, false};
inline constexpr Range kDecaySteps{1, 1e6, false, false, true};
inline constexpr Range kDecayRate{0, 1, true, false, false};
inline constexpr Range kBatchSize{1, 5000, false, false, true};
inline constexpr Range kPenalty{0, 1, false, false, false};  // l1, l2
inline constexpr Range kClip{0, 1000, false, false, false};  // 0 = off
inline constexpr Range kDropout{0, 0.9, false, false, false};
inline constexpr Range kEvalEvery{0, 10000, false, false, true};  // 0: the trainer picks (trainer.hpp)
inline constexpr Range kInitSigma{0, 100, true, false, false};
inline constexpr Range kBiasInit{-10, 10, false, false, false};
inline constexpr int kMaxHiddenLayers = 8;

#define NNPLAY_ENUM_NAME(id, name) name,
inline constexpr const char* kHeadNames[] = {NNPLAY_HEADS(NNPLAY_ENUM_NAME)};
inline constexpr const char* kInitNames[] = {NNPLAY_INITS(NNPLAY_ENUM_NAME)};
inline constexpr const char* kScheduleNames[] = {NNPLAY_SCHEDULES(NNPLAY_ENUM_NAME)};
#undef NNPLAY_ENUM_NAME
// From nnplay/optimizers.def: the names in enum order, what each update
// reads, and a range per numeric hyperparameter (optimizer_range::momentum …).
inline constexpr const char* kOptimizerNames[] = {
#define NNPLAY_OPTIMIZER(id, name, params) name,
#include "nnplay/optimizers.def"
};
inline constexpr const char* kOptimizerParams[] = {
#define NNPLAY_OPTIMIZER(id, name, params) params,
#include "nnplay/optimizers.def"
};
inline constexpr const char* kOptimizerParamKeys[] = {
#define NNPLAY_OPTIMIZER_NUMBER(field, json, def, lo, hi, lo_open, hi_open) json,
#define NNPLAY_OPTIMIZER_FLAG(field, json, def) json,
#include "nnplay/optimizers.def"
};
static_assert(sizeof kOptimizerNames / sizeof kOptimizerNames[0] == kOptimizerCount);

// The next space-separated token of `params` from i; i moves past it.
constexpr std::string_view next_token(const char* params, std::size_t& i) {
  while (params[i] == ' ') ++i;
  const std::size_t start = i;
  while (params[i] != '\0' && params[i] != ' ') ++i;
  return std::string_view(params + start, i - start);
}

// Whether an optimiser's "params" (optimizers.def) lists `key`.
constexpr bool reads_param(const char* params, std::string_view key) {
  for (std::size_t i = 0; params[i] != '\0';) {
    if (next_token(params, i) == key) return true;
  }
  return false;
}

// Every token of every optimiser's "params" is a hyperparameter's key, so a
// typo in optimizers.def stops the build instead of dropping a "usedBy".
constexpr bool optimizer_params_known() {
  for (const char* params : kOptimizerParams) {
    for (std::size_t i = 0; params[i] != '\0';) {
      const std::string_view t = next_token(params, i);
      bool known = t.empty();
      for (const char* key : kOptimizerParamKeys) known = known || t == key;
      if (!known) return false;
    }
  }
  return true;
}
static_assert(optimizer_params_known(), "nnplay/optimizers.def: an optimiser reads an unknown hyperparameter");
namespace optimizer_range {
#define NNPLAY_OPTIMIZER_NUMBER(field, json, def, lo, hi, lo_open, hi_open) \
  inline constexpr Range field{lo, hi, lo_open, hi_open, false};
#include "nnplay/optimizers.def"
}  // namespace optimizer_range
// In bit order of Feature (kX1 = bit 0 ...).
inline constexpr const char* kFeatureNames[] = {"x1",     "x2",     "x1_squared", "x2_squared",
                                                "x1_x2", "sin_x1", "sin_x2"};
// The same features as TeX, for the page's labels (published by config_schema_json).
inline constexpr const char* kFeatureTex[] = {"x_1",     "x_2",      "x_1^2", "x_2^2",
                                              "x_1 x_2", "\\sin x_1", "\\sin x_2"};
inline constexpr int kFeatureCount = 7;
static_assert(sizeof kFeatureNames / sizeof kFeatureNames[0] == kFeatureCount &&
              sizeof kFeatureTex / sizeof kFeatureTex[0] == kFeatureCount);
inline constexpr int kDatasetKindCount = static_cast<int>(DatasetKind::kCustom) + 1;

// The length of a name list, so no caller writes it by hand.
template <std::size_t N>
constexpr int count_of(const char* const (&)[N]) { return static_cast<int>(N); }

// NaN is never in range.
bool in_range(double v, const Range& r);
// "train.learningRate must be in (0, 10], got -1";
// "hidden[1].units must be an integer in [1, 256], got 0". `shown` is the value as text.
Status range_error(std::string_view path, const Range& r, const std::string& shown);
// "hidden[1].maxout must be 0 or an integer in [2, 5], got 1", from kMaxout.
Status maxout_error(const std::string& path, const std::string& shown);
// "hidden must have at most 8 layers, got 9", from kMaxHiddenLayers.
Status layer_count_error(std::size_t count);
// The shortest decimal that reads back as exactly f ("0.03" for 0.03f), so
// messages and JSON show what the user typed; NaN and inf as format_number.
std::string format_float(float f);
// "sgd, momentum, rmsprop, adam"
std::string name_list(const char* const* names, int count);
// An object key for messages: bare when an identifier, else quoted, escaped
// and cut at 64 bytes.
std::string printable_key(const std::string& key);
// Names owned by other headers, gathered in enum order.
std::vector<const char*> dataset_kind_names();
std::vector<const char*> activation_names();

}  // namespace nnplay::config_detail
