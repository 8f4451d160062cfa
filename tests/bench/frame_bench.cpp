// Native frame cost: the real app drawn headless (no GPU), per screen, as numbers.
// Run by ./cpa bench; never part of ./cpa test.
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "../unit/content_files.hpp"
#include "app/app.hpp"
#include "app/frame_loop.hpp"
#include "platform/headless/headless_backend.hpp"
#include "platform/memory/memory_platform.hpp"

namespace {
std::vector<unsigned char> read_bytes(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
}  // namespace

int main() {
  using clock = std::chrono::steady_clock;
  const char* routes[] = {"#/", "#/help-now", "#/about"};
  std::printf("%-28s %12s %12s %10s\n", "screen (390x844)", "frame us", "draw verts", "nodes");
  for (const char* route : routes) {
    cpa::platform::MemoryPlatform platform;
    cpa::app::App app(platform);
    cpa::platform::HeadlessBackend backend(390, 844);
    cpa::app::FrameLoop loop(
        app, backend,
        {read_bytes("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
         read_bytes("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"), cpa::ui::noto_line_height_ratio});
    // The words as the site ships them (content.json: English; Welsh is fetched apart).
    const auto bundles = cpa::core::make_site_bundles(cpa::test::content_files(), false, "browser");
    if (!app.load_content(bundles.at("content.json"))) {
      std::fprintf(stderr, "frame_bench: the content did not load\n");
      return 1;
    }
    app.start(route);
    for (int i = 0; i < 5; ++i) loop.frame({});
    const int frames = 2000;
    const auto start = clock::now();
    for (int i = 0; i < frames; ++i) loop.frame({});
    const double us = std::chrono::duration<double, std::micro>(clock::now() - start).count() / frames;
    std::printf("%-28s %12.1f %12d %10zu\n", route, us, ImGui::GetDrawData()->TotalVtxCount,
                app.semantics().nodes.size());
  }
  return 0;
}
