// The core stays plain C++: no ImGui, no Emscripten, no browser.  (DESIGN.md: the UI draws what
// core holds; the platform carries effects out.)  A rule that is only written down gets broken.
// Both walks go down every folder, and count what they read, so that a new feature folder is
// checked without anyone remembering it and a walk that stopped finding files fails.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "content_files.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> sources_under(const std::string& folder) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(cpa::test::source_dir()) / folder))
    if (entry.is_regular_file() && (entry.path().extension() == ".cpp" || entry.path().extension() == ".hpp"))
      out.push_back(entry.path());
  return out;
}

}  // namespace

TEST_CASE("nothing under src/core includes ImGui, Emscripten or the platform") {
  const auto files = sources_under("src/core");
  CHECK(files.size() > 70);  // every file of every feature folder, not only the root's
  for (const auto& path : files) {
    const std::string text = cpa::test::read_text(path);
    CAPTURE(path.string());
    for (const char* banned : {"#include <imgui", "#include \"imgui", "#include <emscripten", "#include <GLES",
                               "#include \"ui/", "#include \"platform/", "#include \"app/"})
      CHECK(text.find(banned) == std::string::npos);
  }
}

TEST_CASE("core's root holds the program itself; every feature is a folder of its own") {
  std::set<std::string> root;
  for (const auto& entry : fs::directory_iterator(fs::path(cpa::test::source_dir()) / "src/core"))
    if (entry.is_regular_file()) root.insert(entry.path().filename().string());
  CHECK(root == std::set<std::string>{"effects.hpp", "route.cpp", "route.hpp", "state.hpp", "update.cpp"});
}

TEST_CASE("ui's screens draw with its widgets; a widget never includes a screen") {
  const auto widgets = sources_under("src/ui/widgets");
  CHECK(widgets.size() > 8);
  for (const auto& path : widgets) {
    CAPTURE(path.string());
    CHECK(cpa::test::read_text(path).find("#include \"ui/screens/") == std::string::npos);
  }
  CHECK(sources_under("src/ui/screens").size() > 20);
}
