// nnplay_train's --steps: decimal digits in range, or an error quoting the text.
#include "../cli/cli_args.hpp"

#include <doctest/doctest.h>

namespace {

TEST_CASE("cli: --steps accepts only a whole decimal integer in range") {
  long long steps = -7;
  std::string error;
  CHECK(nnplay_cli::parse_int_arg("--steps", "2000", 1, 10000000, &steps, &error));
  CHECK(steps == 2000);
  CHECK(nnplay_cli::parse_int_arg("--steps", "10000000", 1, 10000000, &steps, &error));
  CHECK(steps == 10000000);
  for (const char* bad : {"5abc", "2.9", "1e99", "", " 5", "+5", "-1", "0", "10000001", "0x10",
                          "99999999999999999999999"}) {
    CAPTURE(bad);
    steps = -7;
    CHECK_FALSE(nnplay_cli::parse_int_arg("--steps", bad, 1, 10000000, &steps, &error));
    CHECK(steps == -7);  // untouched
    CHECK(error == std::string("--steps must be an integer in [1, 10000000], got \"") + bad + "\"");
  }
}

}  // namespace
