// Native side of the training benchmark (bench/training.mjs drives it).
//
//   nnplay_bench_training setup CONFIG.json OUT.json
//     Creates a Trainer from CONFIG.json and writes what every contender
//     starts from: {"train":{"n","inputs","classes","x":[…],"y":[…]},
//     "model":<export_model JSON>}. x, y are the training set in the order
//     the trainer visits it (train.shuffle false: batch k holds samples
//     (k·batch + r) mod n), the model holds the initial weights.
//
//   nnplay_bench_training run MODEL.json CHECK_STEPS TARGET_MS REPS WARMUP GRID_REPS OUT_MODEL.json
//     Imports MODEL.json (exact initial weights), runs CHECK_STEPS steps
//     and writes the weights then reached to OUT_MODEL.json (the harness
//     compares them with the other contenders). STEPS is then chosen so that
//     one step(STEPS) call takes about TARGET_MS of CPU time (from the check
//     run's pace). Then it times WARMUP + REPS calls of step(STEPS) and, for
//     2-D inputs, GRID_REPS calls (after up to 5 untimed ones) of
//     grid(100, -6, 6, -6, 6, -1, -1) (the output over a 100 × 100 grid), and
//     prints one JSON line:
//       {"steps":…,"reps":…,"median_ns":…,"min_ns":…,"median_wall_ns":…,
//        "grid_median_ns":…,"grid_min_ns":…,"diverged":false}
//     Times are this thread's CPU time (CLOCK_THREAD_CPUTIME_ID: time spent
//     descheduled on a shared machine does not count) per call; wall time beside.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "nnplay/config_json.hpp"
#include "nnplay/model_json.hpp"
#include "nnplay/trainer.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return 1e9 * static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec);
}

double median_of(std::vector<double> t) {
  std::sort(t.begin(), t.end());
  const std::size_t m = t.size() / 2;
  return t.size() % 2 ? t[m] : 0.5 * (t[m - 1] + t[m]);
}

bool read_text(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::stringstream s;
  s << f.rdbuf();
  *out = s.str();
  return true;
}

bool write_text(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  return static_cast<bool>(f);
}

int fail(const std::string& message) {
  std::fprintf(stderr, "nnplay_bench_training: %s\n", message.c_str());
  return 1;
}

void append_floats(std::string* s, const std::vector<float>& v) {
  char buf[32];
  *s += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%s%.9g", i ? "," : "", static_cast<double>(v[i]));
    *s += buf;
  }
  *s += ']';
}

int setup(const std::string& config_path, const std::string& out_path) {
  std::string text;
  if (!read_text(config_path, &text)) return fail("cannot read " + config_path);
  nnplay::TrainerConfig cfg;
  if (nnplay::Status s = nnplay::parse_trainer_config(text, &cfg); !s.ok()) return fail(s.message());
  std::unique_ptr<nnplay::Trainer> t;
  if (nnplay::Status s = nnplay::Trainer::create(cfg, nullptr, &t); !s.ok()) return fail(s.message());
  const nnplay::Dataset& d = t->train_data();
  std::string json = "{\"train\":{\"n\":" + std::to_string(d.size()) + ",\"inputs\":" + std::to_string(d.inputs) +
                     ",\"classes\":" + std::to_string(d.classes) + ",\"x\":";
  append_floats(&json, d.x);
  json += ",\"y\":";
  append_floats(&json, d.y);
  json += "},\"model\":" + nnplay::export_model(*t) + "}\n";
  return write_text(out_path, json) ? 0 : fail("cannot write " + out_path);
}

int run(char** argv) {
  const std::string model_path = argv[0];
  const int check_steps = std::atoi(argv[1]);
  const double target_ms = std::atof(argv[2]);
  const int reps = std::max(1, std::atoi(argv[3]));
  const int warmup = std::max(0, std::atoi(argv[4]));
  const int grid_reps = std::max(0, std::atoi(argv[5]));
  const std::string out_model = argv[6];
  if (check_steps < 1 || !(target_ms > 0)) return fail("CHECK_STEPS and TARGET_MS must be > 0");

  std::string text;
  if (!read_text(model_path, &text)) return fail("cannot read " + model_path);
  std::unique_ptr<nnplay::Trainer> t;
  if (nnplay::Status s = nnplay::import_model(text, nullptr, &t); !s.ok()) return fail(s.message());

  const double check0 = thread_cpu_ns();
  for (int done = 0; done < check_steps;) {  // step() takes at most 100000 per call
    const int n = std::min(check_steps - done, 100000);
    if (nnplay::Status s = t->step(n); !s.ok()) return fail(s.message());
    done += n;
  }
  const double ns_per_step = (thread_cpu_ns() - check0) / check_steps;
  const int steps = static_cast<int>(std::clamp(target_ms * 1e6 / ns_per_step, 1.0, 100000.0));
  if (!write_text(out_model, nnplay::export_model(*t))) return fail("cannot write " + out_model);

  std::vector<double> cpu, wall;
  for (int r = -warmup; r < reps; ++r) {
    const double c0 = thread_cpu_ns();
    const auto t0 = Clock::now();
    const nnplay::Status s = t->step(steps);
    const auto t1 = Clock::now();
    const double c1 = thread_cpu_ns();
    if (!s.ok()) return fail(s.message());
    if (r < 0) continue;
    cpu.push_back(c1 - c0);
    wall.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
  }

  std::vector<double> grid;
  std::vector<float> out;
  if (t->train_data().inputs == 2) {
    for (int r = -std::min(grid_reps, 5); r < grid_reps; ++r) {
      const double c0 = thread_cpu_ns();
      const nnplay::Status s = t->grid(100, -6.0f, 6.0f, -6.0f, 6.0f, -1, -1, &out);
      const double c1 = thread_cpu_ns();
      if (!s.ok()) return fail(s.message());
      if (r >= 0) grid.push_back(c1 - c0);
    }
  }
  std::printf("{\"steps\":%d,\"reps\":%d,\"median_ns\":%.0f,\"min_ns\":%.0f,\"median_wall_ns\":%.0f", steps, reps,
              median_of(cpu), *std::min_element(cpu.begin(), cpu.end()), median_of(wall));
  if (!grid.empty()) {
    std::printf(",\"grid_median_ns\":%.0f,\"grid_min_ns\":%.0f", median_of(grid),
                *std::min_element(grid.begin(), grid.end()));
  }
  std::printf(",\"diverged\":%s}\n", t->divergence().diverged ? "true" : "false");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "setup" && argc == 4) return setup(argv[2], argv[3]);
  if (mode == "run" && argc == 9) return run(argv + 2);
  std::fprintf(stderr,
               "usage: %s setup CONFIG.json OUT.json\n"
               "       %s run MODEL.json CHECK_STEPS TARGET_MS REPS WARMUP GRID_REPS OUT_MODEL.json\n",
               argv[0], argv[0]);
  return 2;
}
