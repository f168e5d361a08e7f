// Shared by the trainer tests: build a trainer or fail the test with the
// core's own message.
#pragma once
#include <memory>

#include <doctest/doctest.h>

#include "nnplay/trainer.hpp"

namespace nnplay::trainer_test {

inline std::unique_ptr<Trainer> make(const TrainerConfig& cfg, const Dataset* data = nullptr) {
  std::unique_ptr<Trainer> t;
  const Status s = Trainer::create(cfg, data, &t);
  INFO(s.message());
  REQUIRE(s.ok());
  return t;
}

}  // namespace nnplay::trainer_test
