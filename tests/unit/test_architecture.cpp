// The core stays plain C++: no ImGui, no Emscripten, no browser.  (DESIGN.md: the UI draws what
// core holds; the platform carries effects out.)  A rule that is only written down gets broken.
#include <doctest/doctest.h>

#include <filesystem>

#include "content_files.hpp"

TEST_CASE("nothing under src/core includes ImGui, Emscripten or the platform") {
  namespace fs = std::filesystem;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(cpa::test::source_dir()) / "src/core")) {
    const std::string text = cpa::test::read_text(entry.path());
    CAPTURE(entry.path().filename().string());
    ++files;
    for (const char* banned : {"#include <imgui", "#include \"imgui", "#include <emscripten", "#include <GLES",
                               "#include \"ui/", "#include \"platform/", "#include \"app/"})
      CHECK(text.find(banned) == std::string::npos);
  }
  CHECK(files > 10);
}
