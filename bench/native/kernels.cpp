// Native timings of the elementwise kernels and of row softmax, for the kernel
// benchmark (bench/kernels.mjs merges what this prints).
//
//   nnplay_bench_kernels INPUT.bin OUTDIR REPS WARMUP [KERNEL OP]...
//
// INPUT.bin holds little-endian float32 values (the harness writes the shared
// seeded input). For each KERNEL OP pair (OP is forward, derivative; softmax
// takes only forward, over rows of 10) it times the SIMD kernel (the wasm SIMD
// source compiled through SIMDe) and the scalar reference, interleaved rep by
// rep, and prints one JSON line per variant:
//   {"kernel":..,"op":..,"contender":"native-simd"|"native-scalar","impl":..,
//    "n":..,"reps":..,"median_ns":..,"min_ns":..,"median_wall_ns":..,"output":..}
// The output of the last rep is written to OUTDIR so the harness can compare
// it with the other contenders. Timing: one call on preallocated buffers,
// measured twice: the thread's CPU time (CLOCK_THREAD_CPUTIME_ID: median_ns,
// min_ns; time spent descheduled by other jobs on a shared machine does not
// count) and steady_clock wall time (median_wall_ns).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "kernels/kernels.hpp"
#include "nnplay/activation.hpp"
#include "nnplay/softmax.hpp"

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
constexpr std::size_t kSoftmaxCols = 10;

struct Variant {
  const char* contender;
  std::string impl;
  // Runs the variant once over x into y; false if it reported an error.
  bool (*run)(const void* ctx, const std::vector<float>& x, std::vector<float>& y);
  const void* ctx;
};

struct KernelCtx {
  nnplay::kernels::UnaryKernel fn;
  nnplay::kernels::KernelArgs args;
};

bool run_kernel(const void* ctx, const std::vector<float>& x, std::vector<float>& y) {
  const auto* k = static_cast<const KernelCtx*>(ctx);
  k->fn(x.size(), x.data(), y.data(), k->args);
  return true;
}

bool run_softmax(const void*, const std::vector<float>& x, std::vector<float>& y) {
  const std::size_t rows = x.size() / kSoftmaxCols;
  const std::size_t n = rows * kSoftmaxCols;
  return nnplay::softmax_rows(rows, kSoftmaxCols, nnplay::Span<const float>(x.data(), n),
                              nnplay::Span<float>(y.data(), n))
      .ok();
}

std::vector<float> read_input(const char* path) {
  std::vector<float> x;
  std::FILE* f = std::fopen(path, "rb");
  if (!f) return x;
  std::fseek(f, 0, SEEK_END);
  const long bytes = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  x.resize(static_cast<std::size_t>(bytes) / sizeof(float));
  const std::size_t got = std::fread(x.data(), sizeof(float), x.size(), f);
  std::fclose(f);
  x.resize(got);
  return x;
}

bool write_output(const std::string& path, const float* y, std::size_t n) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  const bool ok = std::fwrite(y, sizeof(float), n, f) == n;
  return std::fclose(f) == 0 && ok;
}

// Times all variants round-robin (one call of each per rep) after `warmup`
// untimed rounds, then prints a JSON line per variant.
void time_variants(const std::string& kernel, const std::string& op, std::vector<Variant>& vars,
                   const std::vector<float>& x, std::size_t n_elems, int reps, int warmup,
                   const std::string& outdir) {
  std::vector<std::vector<float>> ys(vars.size(), std::vector<float>(x.size()));
  std::vector<std::vector<double>> cpu(vars.size()), wall(vars.size());
  std::vector<bool> failed(vars.size(), false);
  for (int r = -warmup; r < reps; ++r) {
    for (std::size_t v = 0; v < vars.size(); ++v) {
      if (failed[v]) continue;
      const double c0 = thread_cpu_ns();
      const auto t0 = Clock::now();
      const bool ok = vars[v].run(vars[v].ctx, x, ys[v]);
      const auto t1 = Clock::now();
      const double c1 = thread_cpu_ns();
      if (!ok) failed[v] = true;
      if (r < 0) continue;
      cpu[v].push_back(c1 - c0);
      wall[v].push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
    }
  }
  for (std::size_t v = 0; v < vars.size(); ++v) {
    const std::string head = "{\"kernel\":\"" + kernel + "\",\"op\":\"" + op + "\",\"contender\":\"" +
                             vars[v].contender + "\",\"impl\":\"" + vars[v].impl + "\"";
    if (failed[v]) {
      std::printf("%s,\"error\":\"the call reported an error\"}\n", head.c_str());
      continue;
    }
    const std::string out = outdir + "/" + kernel + "-" + op + "-" + vars[v].contender + ".f32";
    const bool wrote = write_output(out, ys[v].data(), n_elems);
    std::printf(
        "%s,\"n\":%zu,\"reps\":%d,\"median_ns\":%.0f,\"min_ns\":%.0f,\"median_wall_ns\":%.0f,"
        "\"output\":\"%s\"}\n",
        head.c_str(), n_elems, reps, median_of(cpu[v]), *std::min_element(cpu[v].begin(), cpu[v].end()),
        median_of(wall[v]), wrote ? out.c_str() : "");
  }
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5 || (argc - 5) % 2 != 0) {
    std::fprintf(stderr, "usage: %s INPUT.bin OUTDIR REPS WARMUP [KERNEL OP]...\n", argv[0]);
    return 2;
  }
  const std::vector<float> x = read_input(argv[1]);
  const std::string outdir = argv[2];
  const int reps = std::max(1, std::atoi(argv[3]));
  const int warmup = std::max(0, std::atoi(argv[4]));
  if (x.empty()) {
    std::fprintf(stderr, "cannot read input floats from %s\n", argv[1]);
    return 1;
  }
  int status = 0;
  for (int i = 5; i + 1 < argc; i += 2) {
    const std::string kernel = argv[i];
    const std::string op = argv[i + 1];
    std::vector<Variant> vars;
    KernelCtx simd{}, scalar{};
    std::size_t n_elems = x.size();
    if (kernel == "softmax" && op == "forward") {
      n_elems = x.size() / kSoftmaxCols * kSoftmaxCols;
      vars.push_back({"native-simd", "nnplay::softmax_rows (softmax_exp_f32)", run_softmax, nullptr});
    } else {
      nnplay::Activation a;
      if (!nnplay::parse_activation(kernel, &a).ok() || (op != "forward" && op != "derivative")) {
        std::fprintf(stderr, "unknown kernel/op: %s %s\n", kernel.c_str(), op.c_str());
        status = 1;
        continue;
      }
      const auto& ks = nnplay::kernels::kernels_for(a);
      const bool fwd = op == "forward";
      nnplay::kernels::KernelArgs args;
      args.alpha = kernel == "elu" ? 1.0f : 0.0f;  // the same parameters the wasm contenders get
      simd = {fwd ? ks.forward_simd : ks.derivative_simd, args};
      scalar = {fwd ? ks.forward_scalar : ks.derivative_scalar, args};
      const char* simd_name = fwd ? ks.forward_simd_name : ks.derivative_simd_name;
      if (simd.fn) vars.push_back({"native-simd", simd_name ? simd_name : "?", run_kernel, &simd});
      vars.push_back({"native-scalar", "kernels_for(" + kernel + ")." + op + "_scalar", run_kernel, &scalar});
    }
    time_variants(kernel, op, vars, x, n_elems, reps, warmup, outdir);
  }
  return status;
}
