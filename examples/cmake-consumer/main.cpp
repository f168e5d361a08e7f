// Uses the installed nnplay core: softmax([2, 3, 5]) and a short XOR run.
// Prints one JSON line for tests/cmake/consumer.test.mjs; exit status 1 on a
// core error.
#include <cstdio>
#include <memory>
#include <vector>

#include <nnplay/config_json.hpp>
#include <nnplay/softmax.hpp>
#include <nnplay/trainer.hpp>

namespace {

int fail(const nnplay::Status& s) {
  std::fprintf(stderr, "nnplay_consumer: %s\n", s.message().c_str());
  return 1;
}

}  // namespace

int main() {
  const std::vector<float> z = {2.0f, 3.0f, 5.0f};
  std::vector<float> p(z.size());
  if (auto s = nnplay::softmax(z, 1.0f, p); !s.ok()) return fail(s);

  nnplay::TrainerConfig cfg;
  const char* json = R"({"data":{"kind":"xor","samples":200,"seed":1},
    "hidden":[{"units":8,"activation":"tanh"}],
    "train":{"optimizer":"adam","learningRate":0.03,"batchSize":16},"seed":1})";
  if (auto s = nnplay::parse_trainer_config(json, &cfg); !s.ok()) return fail(s);
  std::unique_ptr<nnplay::Trainer> trainer;
  if (auto s = nnplay::Trainer::create(cfg, nullptr, &trainer); !s.ok()) return fail(s);
  if (auto s = trainer->step(1500); !s.ok()) return fail(s);

  std::printf("{\"version\":\"%s\",\"softmax\":[%.9g,%.9g,%.9g],\"testAccuracy\":%.9g}\n", NNPLAY_VERSION,
              p[0], p[1], p[2], trainer->metrics().test_accuracy);
  return 0;
}
