// libFuzzer target: content loading from JSON text (core/content): the first byte picks which
// content file the rest of the input stands in for, or the whole content bundle the app fetches.
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/content.hpp"
#include "fuzz_check.hpp"

using namespace cpa::core;

namespace {
constexpr std::array<const char*, 11> kNames = {
    "strings.json",  "crisis_lines.json",  "about.json",          "eligibility.json",
    "sources.json",  "plans.json",         "explainers.json",     "pages/what-is-cpa.json",
    "strings-share.json", "../deployment.json", "bundle"};

void check(const ContentLoad& load) {
  FUZZ_CHECK((load.content != nullptr) == load.problems.empty());
  for (const auto& problem : load.problems) FUZZ_CHECK(!problem.to_string().empty());
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string name = kNames[data[0] % kNames.size()];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (name == "bundle") {
    check(load_content_bundle(text));
    return 0;
  }
  std::map<std::string, std::string> files;
  if (name == "../deployment.json")
    files["deployment.json"] = text;
  else
    files["en-GB/" + name] = text;
  check(load_content(files));
  (void)all_display_text(files);
  return 0;
}
