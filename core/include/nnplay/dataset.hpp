// Data sets: generated 2-D toys and 1-D/2-D regression sets from a seed, the
// real UCI digits and Iris from their CSV files, and custom data (points added
// by hand or a CSV import). All samples are rows of `inputs` floats.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nnplay/config.hpp"
#include "nnplay/status.hpp"

namespace nnplay {

struct Dataset {
  int inputs = 2;        // raw input dimension: 2 for the toys, 1 for sine, 64 digits, 4 iris
  int classes = 2;       // 0 for regression; 2 binary; k multi-class
  std::vector<float> x;  // size() × inputs, row-major
  std::vector<float> y;  // one value per sample: class index 0..classes-1, or the regression target
  std::vector<std::string> class_names;  // optional ("setosa", …); empty for the toys

  int size() const { return inputs > 0 ? static_cast<int>(x.size()) / inputs : 0; }
  bool regression() const { return classes == 0; }
};

// Names used in JSON configs and URLs: "circle", "xor", "gauss", "spiral", "moons",
// "spiral_k", "sine", "plane", "gauss_regression", "digits", "iris", "custom".
const char* dataset_kind_name(DatasetKind k);
Status parse_dataset_kind(std::string_view name, DatasetKind* out);

// The generated kinds (circle … gauss_regression), deterministic in cfg.seed.
// Conventions (as in TensorFlow Playground where it has the set): 2-D inputs in
// [-6, 6]², binary labels 0/1; noise scales the jitter; sine: x in [-6, 6],
// y = sin(x) + noise; plane and gauss_regression: targets in [-1, 1].
Status generate_dataset(const DataConfig& cfg, Dataset* out);

// The shipped real data, parsed from the files' own formats (data/README.md):
// digits: 1797 rows of 64 pixel counts 0..16 and a label 0..9, no header;
// iris: a header line "150,4,setosa,versicolor,virginica" then rows of 4 features and a label.
// Pixels are scaled to [0, 1]; iris features are standardised (mean 0, sd 1).
Status parse_digits_csv(std::string_view text, Dataset* out);
Status parse_iris_csv(std::string_view text, Dataset* out);

// A user's CSV: numeric feature columns and a last column with an integer class
// label (or, with regression = true, a numeric target). An optional header line
// of non-numeric names is skipped. Errors name the line and the problem
// ("line 7: column 3 is \"abc\", not a number"); *out is untouched on error.
Status parse_custom_csv(std::string_view text, bool regression, Dataset* out);

// Shuffles with rng_seed and splits: the first round(train_fraction · n) samples
// train, the rest test (each side keeps at least one sample when n >= 2).
void split_dataset(const Dataset& all, float train_fraction, std::uint32_t rng_seed,
                   Dataset* train, Dataset* test);

// Adds or removes one sample of a custom (or any) data set; errors name the bad value.
Status add_point(Dataset* d, const std::vector<float>& x, float y);
Status remove_point(Dataset* d, int index);

// Expands 2-D inputs into the chosen features (x1, x2, x1², x2², x1·x2, sin x1,
// sin x2, in that order); other data sets pass through unchanged.
int feature_count(unsigned features);
void expand_features(const Dataset& d, unsigned features, std::vector<float>* out);
// One feature (a data.features name) of raw 2-D points (x, y pairs), computed
// as expand_features computes it for training: one value per point. The page
// draws its input maps from this rather than keeping its own formulas. Errors
// name the unknown feature or the odd length; *out is untouched on error.
Status feature_values(std::string_view feature, const std::vector<float>& points, std::vector<float>* out);

}  // namespace nnplay
