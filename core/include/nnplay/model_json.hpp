// Export a trained model (config, weights, step) as JSON and import it back:
//   { "format": "nnplay-model", "version": 1, "step": 1200,
//     "config": { …the trainer config (config_json.hpp)… },
//     "layers": [ { "inputs": 2, "units": 4, "pieces": 1, "w": [… inputs × units·pieces, row-major …],
//                   "b": [… units·pieces …], "alpha": 0.25 }, … ] }
// A strict format: every field above is required and no other is allowed;
// "step" is an integer in [0, 2^53); the config is checked as createTrainer
// checks it (export writes the resolved head, never "auto", so other data
// meets the refusal that head gets); each layer's inputs, units and pieces
// must be the config's, w and b have exactly their sizes in finite floats,
// and alpha is the learned PReLU slope or 0. Any mismatch is an error that
// names the field and the value, and nothing is created.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "nnplay/trainer.hpp"

namespace nnplay {

std::string export_model(const Trainer& t);
// `data` as for Trainer::create (needed for digits, iris and custom sets).
Status import_model(std::string_view json, const Dataset* data, std::unique_ptr<Trainer>* out);

}  // namespace nnplay
