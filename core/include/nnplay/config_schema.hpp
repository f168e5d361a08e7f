// The trainer config's schema, published the way activation metadata is
// (activation_info.hpp): every field with its type, valid range, default and
// option names, and the input features with their names. The page derives its
// limits, option lists and validation from it instead of keeping a copy.
#pragma once
#include <string>

namespace nnplay {

// {"fields":[{"path":"train.momentum","type":"number","min":0,"max":1,
//   "minOpen":false,"maxOpen":true,"default":0.9}, …],
//  "features":[{"name":"x1_squared","tex":"x_1^2"}, …],
//  "dataKinds":[{"name":"sine","generated":true,"inputs":1,"regression":true}, …,
//               {"name":"digits","generated":false}, …], "maxHiddenLayers":8}
// Types: "number", "integer", "boolean", "name" (one of "options"), "names"
// (a non-empty set of "options", no duplicates), "layers" (hidden[]).
// "hidden[].alpha|lower|upper" have "type":"activationParam": their ranges
// and defaults are the activation's own (activation_info_json). An optimiser's
// hyperparameter ("train.beta1") has "usedBy": the optimisers whose update
// reads it (nnplay/optimizers.def).
std::string config_schema_json();

}  // namespace nnplay
