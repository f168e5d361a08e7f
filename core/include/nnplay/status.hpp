// Recoverable errors are values: a code and a message that names the parameter
// and the bad value. The wasm build has no C++ exception support, and an
// exception escaping into JavaScript leaks wasm stack (see docs/TOOLCHAIN.md §2).
#pragma once
#include <string>
#include <utility>

namespace nnplay {

enum class StatusCode { kOk = 0, kInvalidArgument, kOutOfRange, kFailedPrecondition };

class Status {
 public:
  Status() = default;
  static Status invalid(std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message));
  }
  static Status out_of_range(std::string message) {
    return Status(StatusCode::kOutOfRange, std::move(message));
  }
  static Status failed_precondition(std::string message) {
    return Status(StatusCode::kFailedPrecondition, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Formats a float for an error message the way a user typed it: "0.25",
// "NaN", "-inf", "1e+30".
std::string format_number(double value);

}  // namespace nnplay
