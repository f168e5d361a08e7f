// parse_json on any bytes: an error or a tree; describe_json on every value.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "nnplay/json.hpp"

namespace {

void walk(const nnplay::JsonValue& v, int depth) {
  (void)nnplay::describe_json(v);
  if (depth > nnplay::kJsonMaxDepth) __builtin_trap();  // the parser's own limit
  for (const nnplay::JsonValue& item : v.items()) walk(item, depth + 1);
  for (const nnplay::JsonMember& m : v.members()) {
    if (v.find(m.key) == nullptr) __builtin_trap();  // every member is found by its key
    walk(m.value, depth + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nnplay::JsonValue root;
  const nnplay::Status s = nnplay::parse_json(std::string_view(reinterpret_cast<const char*>(data), size), &root);
  if (s.ok()) walk(root, 0);
  else if (s.message().empty()) __builtin_trap();  // every error says why
  return 0;
}
