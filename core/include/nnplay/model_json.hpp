// Export a trained model (config, weights, step) as JSON and import it back:
//   { "format": "nnplay-model", "version": 1, "step": 1200,
//     "config": { …the trainer config (config_json.hpp)… },
//     "layers": [ { "inputs": 2, "units": 4, "pieces": 1, "w": [… inputs × units·pieces, row-major …],
//                   "b": [… units·pieces …], "alpha": 0.25 }, … ] }
// Import validates the format, the config, and every layer's shape against
// the config; any mismatch is an error that names it, and nothing is created.
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
