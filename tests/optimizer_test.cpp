// Optimisers: one step worked out by hand, and convergence on a quadratic.
#include "nnplay/optimizer.hpp"

#include <cmath>
#include <string>

#include <doctest/doctest.h>

#include "nnplay/clip.hpp"
#include "nnplay/config_json.hpp"
#include "nnplay/config_schema.hpp"
#include "nnplay/json.hpp"
#include "nnplay/regularize.hpp"

namespace nnplay {
namespace {

struct Param {
  float w[2];
  float g[2];
  std::vector<ParamBlock> blocks() { return {ParamBlock{w, g, 2, 0, ParamBlock::kWeight}}; }
};

TrainConfig with(OptimizerKind k) {
  TrainConfig c;
  c.optimizer = k;
  return c;
}

TEST_CASE("one step of each optimiser, by hand") {
  // w = (1, -2), g = (0.5, -0.25), η = 0.1. Tolerance: float rounding of a few ops, 1e-6.
  const auto run = [](TrainConfig c, int steps) {
    Param p{{1.0f, -2.0f}, {0.5f, -0.25f}};
    Optimizer opt(c);
    for (int i = 0; i < steps; ++i) opt.step(p.blocks(), 0.1f);
    return p;
  };
  SUBCASE("sgd: w - ηg") {
    const Param p = run(with(OptimizerKind::kSgd), 1);
    CHECK(p.w[0] == doctest::Approx(0.95).epsilon(1e-6));
    CHECK(p.w[1] == doctest::Approx(-1.975).epsilon(1e-6));
  }
  SUBCASE("momentum: v1 = -ηg; v2 = μv1 - ηg") {
    const Param p = run(with(OptimizerKind::kMomentum), 2);
    // w2 = 1 - 0.05 + (0.9·-0.05 - 0.05) = 0.855
    CHECK(p.w[0] == doctest::Approx(0.855).epsilon(1e-6));
  }
  SUBCASE("nesterov: w += μv - ηg") {
    TrainConfig c = with(OptimizerKind::kMomentum);
    c.nesterov = true;
    const Param p = run(c, 1);
    // v = -0.05; w = 1 + 0.9·-0.05 - 0.05 = 0.905
    CHECK(p.w[0] == doctest::Approx(0.905).epsilon(1e-6));
  }
  SUBCASE("rmsprop: s = (1-ρ)g², w -= ηg/(√s+ε)") {
    const Param p = run(with(OptimizerKind::kRmsprop), 1);
    // s = 0.1·0.25 = 0.025; step = 0.1·0.5/(0.158113883 + 1e-7) = 0.316227566
    CHECK(p.w[0] == doctest::Approx(1.0 - 0.316227566).epsilon(1e-6));
  }
  SUBCASE("adam: the first step is η·sign(g) (bias correction)") {
    const Param p = run(with(OptimizerKind::kAdam), 1);
    // m̂ = g, v̂ = g²: step = η g/(|g| + ε) = 0.1·0.5/(0.5 + 1e-7)
    CHECK(p.w[0] == doctest::Approx(1.0 - 0.1 * 0.5 / (0.5 + 1e-7)).epsilon(1e-6));
    CHECK(p.w[1] == doctest::Approx(-2.0 + 0.1 * 0.25 / (0.25 + 1e-7)).epsilon(1e-6));
  }
  SUBCASE("adagrad: s = Σg², w -= ηg/(√s+ε); a constant gradient steps η/√t, whatever its size") {
    const Param p = run(with(OptimizerKind::kAdagrad), 2);
    // s1 = g²: step η = 0.1; s2 = 2g²: step 0.1/√2 = 0.0707107 (ε = 1e-7 moves these by < 1e-7).
    CHECK(p.w[0] == doctest::Approx(1.0 - 0.1 - 0.0707107).epsilon(1e-6));
    CHECK(p.w[1] == doctest::Approx(-2.0 + 0.1 + 0.0707107).epsilon(1e-6));
    // The 100th step is 0.1/√100 = 0.01. Tolerance 1e-4 relative (1e-6): the step is the
    // difference of two floats near 1, each within about 1e-7.
    const Param a = run(with(OptimizerKind::kAdagrad), 99), b = run(with(OptimizerKind::kAdagrad), 100);
    CHECK(a.w[0] - b.w[0] == doctest::Approx(0.01).epsilon(1e-4));
    CHECK(b.w[1] - a.w[1] == doctest::Approx(0.01).epsilon(1e-4));
  }
}

TEST_CASE("the registry's optimisers, by hand") {
  std::string names;
  for (int k = 0; k < kOptimizerCount; ++k) names += std::string(optimizer_name(OptimizerKind(k))) + " ";
  CHECK(names == "sgd momentum rmsprop adam adagrad ");
}

TEST_CASE("each optimiser reads exactly the hyperparameters the schema says (usedBy)") {
  // Per hyperparameter: change it (a number to its range's midpoint, a flag to
  // its opposite), take three steps from the same start, and see whether any
  // weight moved differently. It must iff the schema lists the optimiser.
  JsonValue schema;
  REQUIRE(parse_json(config_schema_json(), &schema).ok());
  int params = 0;
  for (const JsonValue& f : schema.find("fields")->items()) {
    const JsonValue* used = f.find("usedBy");
    if (!used) continue;
    ++params;
    const std::string path = f.find("path")->as_string();
    const std::string key = path.substr(std::string("train.").size());
    std::string changed;
    if (f.find("type")->as_string() == "boolean") {
      changed = f.find("default")->as_bool() ? "false" : "true";
    } else {
      const double mid = (f.find("min")->as_number() + f.find("max")->as_number()) / 2;
      REQUIRE(mid != f.find("default")->as_number());
      changed = std::to_string(mid);
    }
    for (int k = 0; k < kOptimizerCount; ++k) {
      const std::string name = optimizer_name(OptimizerKind(k));
      CAPTURE(path);
      CAPTURE(name);
      TrainConfig base = with(OptimizerKind(k)), other = base;
      REQUIRE(apply_train_config_json("{\"" + key + "\": " + changed + "}", &other).ok());
      Param a{{1.0f, -2.0f}, {0.5f, -0.25f}}, b = a;
      Optimizer oa(base), ob(other);
      for (int i = 0; i < 3; ++i) {
        oa.step(a.blocks(), 0.1f);
        ob.step(b.blocks(), 0.1f);
      }
      bool listed = false;
      for (const JsonValue& u : used->items()) listed = listed || u.as_string() == name;
      CHECK((a.w[0] != b.w[0] || a.w[1] != b.w[1]) == listed);
    }
  }
  CHECK(params == 6);  // momentum, nesterov, rho, beta1, beta2, epsilon
}

TEST_CASE("every optimiser converges on a quadratic") {
  // f(w) = ½ (a w0² + b w1²) with a = 1, b = 10; minimum at 0.
  for (int kind = 0; kind < kOptimizerCount; ++kind) {
    const OptimizerKind k = OptimizerKind(kind);
    CAPTURE(optimizer_name(k));
    Param p{{3.0f, -2.0f}, {0, 0}};
    Optimizer opt(with(k));
    for (int i = 0; i < 3000; ++i) {
      p.g[0] = p.w[0];
      p.g[1] = 10.0f * p.w[1];
      // Adagrad's steps shrink like 1/√t, so it starts larger.
      const float lr = k == OptimizerKind::kSgd || k == OptimizerKind::kMomentum ? 0.05f
                       : k == OptimizerKind::kAdagrad                            ? 0.5f
                                                                                  : 0.01f;
      opt.step(p.blocks(), lr);
    }
    // Adam/RMSProp hover within about η of the minimum; the others converge geometrically.
    CHECK(std::fabs(p.w[0]) < 0.02f);
    CHECK(std::fabs(p.w[1]) < 0.02f);
  }
}

TEST_CASE("schedules") {
  TrainConfig c;
  c.learning_rate = 0.8f;
  c.decay_steps = 10;
  c.decay_rate = 0.5f;
  c.schedule = Schedule::kStep;
  CHECK(scheduled_learning_rate(c, 9) == 0.8f);
  CHECK(scheduled_learning_rate(c, 10) == 0.4f);
  CHECK(scheduled_learning_rate(c, 25) == 0.2f);
  c.schedule = Schedule::kCosine;
  CHECK(scheduled_learning_rate(c, 0) == 0.8f);
  CHECK(scheduled_learning_rate(c, 5) == doctest::Approx(0.4).epsilon(1e-6));
  CHECK(scheduled_learning_rate(c, 10) == 0.8f);  // warm restart
}

TEST_CASE("clipping and penalties") {
  Param p{{3.0f, -4.0f}, {3.0f, -4.0f}};
  CHECK(global_gradient_norm(p.blocks()) == doctest::Approx(5.0).epsilon(1e-7));
  CHECK(clip_by_global_norm(p.blocks(), 1.0f) == doctest::Approx(1.0).epsilon(1e-6));
  CHECK(p.g[0] == doctest::Approx(0.6).epsilon(1e-6));  // direction kept
  CHECK(p.g[1] == doctest::Approx(-0.8).epsilon(1e-6));
  Param q{{0, 0}, {2.0f, -0.1f}};
  clip_by_value(q.blocks(), 0.5f);
  CHECK(q.g[0] == 0.5f);
  CHECK(q.g[1] == -0.1f);
  Param r{{2.0f, -1.0f}, {0, 0}};
  CHECK(weight_penalty(r.blocks(), 0.1f, 0.2f) == doctest::Approx(0.1 * 3 + 0.1 * 5).epsilon(1e-6));
  add_penalty_gradient(r.blocks(), 0.1f, 0.2f);
  CHECK(r.g[0] == doctest::Approx(0.1 + 0.4).epsilon(1e-6));
  CHECK(r.g[1] == doctest::Approx(-0.1 - 0.2).epsilon(1e-6));
}

}  // namespace
}  // namespace nnplay
