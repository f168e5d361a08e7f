// nnplay_train: trains from a JSON config without a browser and writes the
// history as CSV, for teachers who make figures and for checking that native
// and wasm runs agree.
//
//   nnplay_train CONFIG.json [--data FILE] [--steps N] [--out HISTORY.csv] [--model MODEL.json]
//
// --data is needed for data.kind "digits", "iris" or "custom": a CSV in that
// set's format (a .gz file is read through `gzip -dc`). The history goes to
// stdout without --out. Exit status: 0 trained, 1 bad input, 2 diverged.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "cli_args.hpp"
#include "nnplay/config_json.hpp"
#include "nnplay/history_csv.hpp"
#include "nnplay/model_json.hpp"
#include "nnplay/trainer.hpp"

namespace {

bool read_text(const std::string& path, std::string* out) {
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0) {
    const std::string cmd = "gzip -dc '" + path + "'";
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return false;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
    return pclose(p) == 0;
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::stringstream s;
  s << f.rdbuf();
  *out = s.str();
  return true;
}

int fail(const std::string& message) {
  std::cerr << "nnplay_train: " << message << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace nnplay;
  std::string config_path, data_path, out_path, model_path;
  long long steps = 1000;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--data" && has_value) data_path = argv[++i];
    else if (a == "--out" && has_value) out_path = argv[++i];
    else if (a == "--model" && has_value) model_path = argv[++i];
    else if (a == "--steps" && has_value) {
      std::string error;
      if (!nnplay_cli::parse_int_arg("--steps", argv[++i], 1, 10000000, &steps, &error)) return fail(error);
    }
    else if (a == "--help" || a == "-h") {
      std::cout << "usage: nnplay_train CONFIG.json [--data FILE] [--steps N] [--out HISTORY.csv] [--model MODEL.json]\n";
      return 0;
    } else if (config_path.empty() && a[0] != '-') config_path = a;
    else return fail("unknown argument \"" + a + "\" (see --help)");
  }
  if (config_path.empty()) return fail("no config file given (see --help)");

  std::string text;
  if (!read_text(config_path, &text)) return fail("cannot read " + config_path);
  TrainerConfig cfg;
  if (Status s = parse_trainer_config(text, &cfg); !s.ok()) return fail(config_path + ": " + s.message());

  Dataset data;
  if (!data_path.empty()) {
    std::string csv;
    if (!read_text(data_path, &csv)) return fail("cannot read " + data_path);
    Status s;
    switch (cfg.data.kind) {
      case DatasetKind::kDigits: s = parse_digits_csv(csv, &data); break;
      case DatasetKind::kIris: s = parse_iris_csv(csv, &data); break;
      case DatasetKind::kCustom: s = parse_custom_csv(csv, false, &data); break;
      default: return fail("--data is only for data.kind digits, iris or custom");
    }
    if (!s.ok()) return fail(data_path + ": " + s.message());
  }
  std::unique_ptr<Trainer> trainer;
  if (Status s = Trainer::create(cfg, data_path.empty() ? nullptr : &data, &trainer); !s.ok()) return fail(s.message());

  for (long long done = 0; done < steps && !trainer->divergence().diverged;) {
    const int chunk = static_cast<int>(std::min<long long>(steps - done, 100000));
    if (Status s = trainer->step(chunk); !s.ok()) return fail(s.message());
    done += chunk;
  }
  trainer->refresh_metrics();
  const std::string csv = history_csv(*trainer);
  if (out_path.empty()) {
    std::cout << csv;
  } else {
    std::ofstream(out_path) << csv;
  }
  if (!model_path.empty()) std::ofstream(model_path) << export_model(*trainer);
  const StepMetrics& m = trainer->metrics();
  std::fprintf(stderr, "step %lld: train loss %.6g, test loss %.6g, train accuracy %.4g, test accuracy %.4g\n",
               m.step, double(m.train_loss), double(m.test_loss), double(m.train_accuracy), double(m.test_accuracy));
  if (trainer->divergence().diverged) {
    std::cerr << trainer->divergence().message << "\n";
    return 2;
  }
  return 0;
}
