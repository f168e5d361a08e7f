// Config parsing: parse_trainer_config on any bytes; an accepted config is
// valid, writes back to JSON that parses to the same text, and takes partial
// "train" and "data" updates from the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "nnplay/config_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  nnplay::TrainerConfig cfg;
  if (nnplay::parse_trainer_config(text, &cfg).ok()) {
    if (!nnplay::validate_config(cfg).ok()) __builtin_trap();
    const std::string json = nnplay::trainer_config_json(cfg);
    nnplay::TrainerConfig again;
    if (!nnplay::parse_trainer_config(json, &again).ok()) __builtin_trap();
    if (nnplay::trainer_config_json(again) != json) __builtin_trap();  // the written form is a fixed point
  }
  // A refused partial update changes nothing.
  const std::string base = nnplay::trainer_config_json(nnplay::TrainerConfig{});
  nnplay::TrainerConfig partial;
  if (!nnplay::apply_train_config_json(text, &partial.train).ok() && nnplay::trainer_config_json(partial) != base) {
    __builtin_trap();
  }
  partial = nnplay::TrainerConfig{};
  if (!nnplay::apply_data_config_json(text, &partial.data).ok() && nnplay::trainer_config_json(partial) != base) {
    __builtin_trap();
  }
  return 0;
}
