#include "platform/headless/headless_backend.hpp"

#include <imgui.h>

namespace cpa::platform {

void HeadlessBackend::new_frame() {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(viewport_.width, viewport_.height);
  io.DeltaTime = 1.0f / 60.0f;
}

void HeadlessBackend::fonts_changed(float) {
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);  // no GPU: the atlas serves metrics only
}

}  // namespace cpa::platform
