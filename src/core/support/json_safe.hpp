#pragma once
// Reading JSON that comes from outside the code (an import file, the device's store, a share
// link, a deployment file, the content bundle): no deeper than a plan can be, and no key twice
// in one object (a file with two "crisis_plan" objects is ambiguous, not "the last one wins").
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cpa::core {

inline constexpr int kMaxJsonDepth = 32;  // a plan document is 6 levels deep

struct SafeJson {
  enum class Problem { none, not_json, too_deep, duplicate_key };
  nlohmann::json value;  // discarded unless problem == none
  Problem problem = Problem::none;
  std::string duplicate_key;  // printable_key() of the repeated key
  bool ok() const { return problem == Problem::none; }
};

SafeJson parse_untrusted(std::string_view text, int max_depth = kMaxJsonDepth);

// A key or other outside text as a message may show it: printable ASCII only (no control or
// right-to-left characters), at most 60 characters.
std::string printable_key(std::string_view key);

}  // namespace cpa::core
