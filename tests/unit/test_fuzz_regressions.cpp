// Every input the fuzzers found (tests/fuzz/regressions/<target>/), fed through the same entry
// point as the fuzz target, with its checks as test checks: each must give a clear outcome and
// no crash, under the sanitizers too (./cpa test asan).
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#define FUZZ_CHECK(condition) CHECK_MESSAGE(static_cast<bool>(condition), #condition)
#include "../fuzz/target_content.hpp"
#include "../fuzz/target_deployment.hpp"
#include "../fuzz/target_import.hpp"
#include "../fuzz/target_inflate.hpp"
#include "../fuzz/target_json_safe.hpp"
#include "../fuzz/target_share.hpp"
#include "../fuzz/target_store.hpp"
#include "../fuzz/target_store_others.hpp"
#include "content_files.hpp"

namespace fs = std::filesystem;

TEST_CASE("every input the fuzzers found is handled with a clear outcome") {
  const std::map<std::string, std::function<void(std::string_view)>> targets = {
      {"content", cpa::fuzz::fuzz_content},     {"deployment", cpa::fuzz::fuzz_deployment},
      {"import", cpa::fuzz::fuzz_import},       {"inflate", cpa::fuzz::fuzz_inflate},
      {"json_safe", cpa::fuzz::fuzz_json_safe}, {"share", cpa::fuzz::fuzz_share},
      {"store", cpa::fuzz::fuzz_store},         {"store_others", cpa::fuzz::fuzz_store_others}};
  const fs::path root = fs::path(cpa::test::source_dir()) / "tests" / "fuzz" / "regressions";
  REQUIRE(fs::is_directory(root));
  int replayed = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    const auto target = targets.find(dir.path().filename().string());
    REQUIRE_MESSAGE(target != targets.end(), "no fuzz target named ", dir.path().filename().string());
    for (const auto& file : fs::directory_iterator(dir.path())) {
      if (!file.is_regular_file() || file.path().filename() == "README.md") continue;
      CAPTURE(file.path().string());
      target->second(cpa::test::read_text(file.path()));
      ++replayed;
    }
  }
  MESSAGE("replayed ", replayed, " fuzz regression inputs");
  CHECK(replayed > 0);
}
