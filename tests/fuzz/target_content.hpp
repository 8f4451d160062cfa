#pragma once
// Fuzz target: content loading from JSON text (core/content): the first byte picks which
// content file the rest of the input stands in for, or the whole content bundle the app fetches.
// The same body serves the libFuzzer binary (fuzz_content.cpp) and the unit test that replays
// tests/fuzz/regressions/content/ (tests/unit/test_fuzz_regressions.cpp).
#include <array>
#include <map>
#include <string>
#include <string_view>

#include "core/content/content.hpp"
#include "fuzz_check.hpp"

namespace cpa::fuzz {

namespace content_detail {
using namespace cpa::core;
constexpr std::array<const char*, 11> kNames = {
    "strings.json",        "crisis_lines.json",  "about.json",      "eligibility.json",
    "common/sources.json", "plans.json",         "explainers.json", "pages/what-is-cpa.json",
    "strings-share.json",  "../deployment.json", "bundle"};

inline void check(const ContentLoad& load) {
  FUZZ_CHECK((load.content != nullptr) == load.problems.empty());
  for (const auto& problem : load.problems) FUZZ_CHECK(!problem.to_string().empty());
}
}  // namespace content_detail

inline void fuzz_content(std::string_view input) {
  using namespace cpa::core;
  using namespace content_detail;
  if (input.empty()) return;
  const std::string name = kNames[static_cast<unsigned char>(input[0]) % kNames.size()];
  const std::string text(input.substr(1));
  if (name == "bundle") {
    check(load_content_bundle(text));
    return;
  }
  std::map<std::string, std::string> files;
  if (name == "../deployment.json") files["deployment.json"] = text;
  else if (name.rfind("common/", 0) == 0) files[name] = text;  // shared by every locale
  else files["en-GB/" + name] = text;
  check(load_content(files));
  (void)all_display_text(files);
}

}  // namespace cpa::fuzz
