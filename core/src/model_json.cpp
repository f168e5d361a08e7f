#include "nnplay/model_json.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>

#include "config_detail.hpp"
#include "json_writer.hpp"
#include "nnplay/config_json.hpp"
#include "nnplay/json.hpp"

namespace nnplay {
namespace {

void write_numbers(JsonWriter& w, const float* v, Eigen::Index n) {
  w.begin_array();
  for (Eigen::Index i = 0; i < n; ++i) w.value(static_cast<double>(v[i]));
  w.end_array();
}

Status read_numbers(const JsonValue* v, const std::string& path, Eigen::Index want, float* out) {
  if (v == nullptr || !v->is_number_array()) return Status::invalid("model: " + path + " must be an array of numbers");
  if (static_cast<Eigen::Index>(v->numbers().size()) != want) {
    return Status::invalid("model: " + path + " has " + std::to_string(v->numbers().size()) +
                           " numbers, the config's network needs " + std::to_string(want));
  }
  for (Eigen::Index i = 0; i < want; ++i) {
    const double d = v->numbers()[static_cast<std::size_t>(i)];
    if (!std::isfinite(d) || std::fabs(d) > 3.4e38) {
      return Status::invalid("model: " + path + "[" + std::to_string(i) + "] is " + format_number(d) + ", not a finite float");
    }
    out[i] = static_cast<float>(d);
  }
  return {};
}

}  // namespace

std::string export_model(const Trainer& t) {
  JsonWriter w;
  w.begin_object();
  w.key("format").value("nnplay-model");
  w.key("version").value(1.0);
  w.key("step").integer(t.metrics().step);
  // The resolved head, not "auto": a classification model then meets a
  // regression data set with the refusal createTrainer gives that head.
  TrainerConfig cfg = t.config();
  cfg.head = t.head();
  w.key("config").raw(trainer_config_json(cfg));
  w.key("layers").begin_array();
  for (const DenseLayer& l : t.network().layers()) {
    w.begin_object();
    w.key("inputs").value(double(l.inputs)).key("units").value(double(l.units)).key("pieces").value(double(l.pieces));
    w.key("w");
    write_numbers(w, l.w.data(), l.w.size());
    w.key("b");
    write_numbers(w, l.b.data(), l.b.size());
    w.key("alpha").value(static_cast<double>(l.learns_alpha() ? l.params.alpha : 0.0f));
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.str();
}

namespace {

constexpr double kMaxStep = 9007199254740992.0;  // 2^53: every step below is an exact double

// Only the listed keys, each present, so a file is either complete or refused.
Status check_keys(const JsonValue& obj, const std::string& path, std::initializer_list<const char*> keys) {
  for (const JsonMember& m : obj.members()) {
    bool found = false;
    for (const char* k : keys) found = found || m.key == k;
    if (!found) return Status::invalid("model: unknown field " + path + config_detail::printable_key(m.key));
  }
  for (const char* k : keys) {
    if (obj.find(k) == nullptr) return Status::invalid("model: \"" + path + k + "\" is missing");
  }
  return {};
}

// The shortest decimal that reads back as exactly d: describe_json's 9
// digits would show 2^53 as 9.00719925e+15, which looks in range.
std::string exact_number(double d) {
  char buf[32];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  return buf;
}

Status read_step(const JsonValue& v, long long* out) {
  if (!v.is_number() || !v.is_integer() || !(v.as_number() >= 0 && v.as_number() < kMaxStep)) {
    return Status::invalid("model: \"step\" must be an integer in [0, 2^53), got " +
                           (v.is_number() ? exact_number(v.as_number()) : describe_json(v)));
  }
  *out = static_cast<long long>(v.as_number());  // exact: in range and integral
  return {};
}

// A shape field ("inputs", "units", "pieces") must be the config's value.
Status check_shape(const JsonValue& lj, const std::string& path, const char* key, int want) {
  const JsonValue& v = *lj.find(key);
  if (v.is_number() && v.as_number() == want) return {};
  return Status::invalid("model: " + path + "." + key + " is " + describe_json(v) + ", but the config's network has " +
                         std::to_string(want));
}

Status read_layer(const JsonValue& lj, const std::string& path, DenseLayer* l) {
  if (!lj.is_object()) return Status::invalid("model: " + path + " must be an object, got " + describe_json(lj));
  if (Status s = check_keys(lj, path + ".", {"inputs", "units", "pieces", "w", "b", "alpha"}); !s.ok()) return s;
  if (Status s = check_shape(lj, path, "inputs", l->inputs); !s.ok()) return s;
  if (Status s = check_shape(lj, path, "units", l->units); !s.ok()) return s;
  if (Status s = check_shape(lj, path, "pieces", l->pieces); !s.ok()) return s;
  if (Status s = read_numbers(lj.find("w"), path + ".w", l->w.size(), l->w.data()); !s.ok()) return s;
  if (Status s = read_numbers(lj.find("b"), path + ".b", l->b.size(), l->b.data()); !s.ok()) return s;
  const JsonValue& a = *lj.find("alpha");
  if (!a.is_number() || !std::isfinite(a.as_number()) || std::fabs(a.as_number()) > 3.4e38) {
    return Status::invalid("model: " + path + ".alpha must be a finite float, got " + describe_json(a));
  }
  if (l->learns_alpha()) {
    l->params.alpha = static_cast<float>(a.as_number());
  } else if (a.as_number() != 0.0) {
    // export writes 0 for every layer without a learned PReLU slope
    return Status::invalid("model: " + path + ".alpha is " + describe_json(a) +
                           ", but this layer learns no alpha (only a PReLU hidden layer does); write 0");
  }
  return {};
}

}  // namespace

Status import_model(std::string_view json, const Dataset* data, std::unique_ptr<Trainer>* out) {
  JsonValue root;
  if (Status s = parse_json(json, &root); !s.ok()) return Status::invalid("model: " + s.message());
  if (!root.is_object()) return Status::invalid("model: must be an object, got " + describe_json(root));
  const JsonValue* format = root.find("format");
  if (format == nullptr || !format->is_string() || format->as_string() != "nnplay-model") {
    return Status::invalid("model: \"format\" must be \"nnplay-model\"; is this an nnplay model file?");
  }
  const JsonValue* version = root.find("version");
  if (version == nullptr || !version->is_number() || version->as_number() != 1.0) {
    return Status::invalid("model: \"version\" must be 1, got " + (version ? describe_json(*version) : std::string("nothing")));
  }
  if (Status s = check_keys(root, "", {"format", "version", "step", "config", "layers"}); !s.ok()) return s;
  long long step = 0;
  if (Status s = read_step(*root.find("step"), &step); !s.ok()) return s;
  TrainerConfig cfg;
  if (Status s = parse_trainer_config(*root.find("config"), &cfg); !s.ok()) return Status::invalid("model: config: " + s.message());
  std::unique_ptr<Trainer> t;
  if (Status s = Trainer::create(cfg, data, &t); !s.ok()) return s;
  const JsonValue& layers = *root.find("layers");
  std::vector<DenseLayer>& net = t->mutable_network().layers();
  if (!layers.is_array() || layers.is_number_array() || layers.items().size() != net.size()) {
    return Status::invalid("model: \"layers\" must be an array of " + std::to_string(net.size()) +
                           " layers, as the config describes, got " + describe_json(layers));
  }
  for (std::size_t i = 0; i < net.size(); ++i) {
    if (Status s = read_layer(layers.items()[i], "layers[" + std::to_string(i) + "]", &net[i]); !s.ok()) return s;
  }
  t->refresh_metrics();
  t->set_step(step);
  *out = std::move(t);
  return {};
}

}  // namespace nnplay
