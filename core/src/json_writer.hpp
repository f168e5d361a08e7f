// A small JSON writer for the data the core hands to the bindings (metadata
// now, model export later). Numbers are written by json_number
// (number_format.hpp): shortest round trip, null when not finite.
#pragma once
#include <string>
#include <string_view>

namespace nnplay {

class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  // 9 significant digits: every float round-trips, but not every double.
  JsonWriter& value(double d);
  // Counts (steps) exactly: value(double) would write 2^53 - 1 as 9.00719925e+15.
  JsonWriter& integer(long long i);
  JsonWriter& value(bool b);
  // Inserts an already serialised JSON value (a nested document).
  JsonWriter& raw(std::string_view json);
  const std::string& str() const { return out_; }

 private:
  JsonWriter& open(char c);
  JsonWriter& close(char c);
  void separate();
  void write_string(std::string_view s);
  std::string out_;
  bool need_comma_ = false;
};

}  // namespace nnplay
