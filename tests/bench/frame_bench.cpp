// Native frame cost: the real app drawn headless (no GPU), per screen, as numbers.
// Run by ./cpa bench; never part of ./cpa test.
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "../unit/content_files.hpp"
#include "app/app.hpp"
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
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(390, 844);
    io.DeltaTime = 1.0f / 60.0f;
    cpa::platform::MemoryPlatform platform;
    cpa::app::App app(platform);
    if (!app.load_content(cpa::core::make_content_bundle(cpa::test::content_files(), "en-GB"))) return 1;
    app.set_fonts({read_bytes("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
                   read_bytes("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf")},
                  19.0f, 1.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    app.start(route);
    for (int i = 0; i < 5; ++i) app.frame({}, 390, 844);
    const int frames = 2000;
    const auto start = clock::now();
    for (int i = 0; i < frames; ++i) app.frame({}, 390, 844);
    const double us = std::chrono::duration<double, std::micro>(clock::now() - start).count() / frames;
    std::printf("%-28s %12.1f %12d %10zu\n", route, us, ImGui::GetDrawData()->TotalVtxCount,
                app.semantics().nodes.size());
    ImGui::DestroyContext();
  }
  return 0;
}
