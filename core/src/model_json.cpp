#include "nnplay/model_json.hpp"

#include <cmath>

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
  w.key("step").value(static_cast<double>(t.metrics().step));
  w.key("config").raw(trainer_config_json(t.config()));
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

Status import_model(std::string_view json, const Dataset* data, std::unique_ptr<Trainer>* out) {
  JsonValue root;
  if (Status s = parse_json(json, &root); !s.ok()) return Status::invalid("model: " + s.message());
  const JsonValue* format = root.find("format");
  if (format == nullptr || !format->is_string() || format->as_string() != "nnplay-model") {
    return Status::invalid("model: \"format\" must be \"nnplay-model\"; is this an nnplay model file?");
  }
  const JsonValue* version = root.find("version");
  if (version == nullptr || !version->is_number() || version->as_number() != 1.0) {
    return Status::invalid("model: \"version\" must be 1, got " + (version ? describe_json(*version) : std::string("nothing")));
  }
  const JsonValue* config = root.find("config");
  if (config == nullptr) return Status::invalid("model: \"config\" is missing");
  TrainerConfig cfg;
  if (Status s = parse_trainer_config(*config, &cfg); !s.ok()) return Status::invalid("model: config: " + s.message());
  std::unique_ptr<Trainer> t;
  if (Status s = Trainer::create(cfg, data, &t); !s.ok()) return s;
  const JsonValue* layers = root.find("layers");
  std::vector<DenseLayer>& net = t->mutable_network().layers();
  if (layers == nullptr || !layers->is_array() || layers->items().size() != net.size()) {
    return Status::invalid("model: \"layers\" must be an array of " + std::to_string(net.size()) +
                           " layers, as the config describes");
  }
  for (std::size_t i = 0; i < net.size(); ++i) {
    const JsonValue& lj = layers->items()[i];
    const std::string path = "layers[" + std::to_string(i) + "]";
    if (Status s = read_numbers(lj.find("w"), path + ".w", net[i].w.size(), net[i].w.data()); !s.ok()) return s;
    if (Status s = read_numbers(lj.find("b"), path + ".b", net[i].b.size(), net[i].b.data()); !s.ok()) return s;
    if (net[i].learns_alpha()) {
      const JsonValue* a = lj.find("alpha");
      if (a == nullptr || !a->is_number() || !std::isfinite(a->as_number())) {
        return Status::invalid("model: " + path + ".alpha must be a finite number");
      }
      net[i].params.alpha = static_cast<float>(a->as_number());
    }
  }
  t->refresh_metrics();
  const JsonValue* step = root.find("step");
  if (step != nullptr && step->is_integer() && step->as_number() >= 0) t->set_step(static_cast<long long>(step->as_number()));
  *out = std::move(t);
  return {};
}

}  // namespace nnplay
