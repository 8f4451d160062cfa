#include "app/frame_loop.hpp"

#include <imgui.h>

#include <utility>

namespace cpa::app {

FrameLoop::FrameLoop(App& app, platform::Backend& backend, ui::FontFiles font_files, bool kiosk)
    : app_(app), backend_(backend), font_files_(std::move(font_files)), kiosk_(kiosk) {
  IMGUI_CHECKVERSION();
  context_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would draw 60 frames a second
}

FrameLoop::~FrameLoop() { ImGui::DestroyContext(context_); }

bool FrameLoop::frame(ui::FrameInput input, bool show) {
  const platform::Viewport viewport = backend_.viewport();
  fit_fonts(viewport);
  backend_.new_frame();
  input.kiosk = kiosk_ || app_.state().kiosk.active;
  const bool changed = app_.frame(input, viewport.width, viewport.height);
  if (show) backend_.end_frame();
  return changed;
}

void FrameLoop::fit_fonts(const platform::Viewport& viewport) {
  const float css_px = ui::body_css_px_for_width(viewport.width, kiosk_ || app_.state().kiosk.active);
  if (css_px == fonts_css_px_ && viewport.pixel_ratio == fonts_pixel_ratio_) return;
  fonts_css_px_ = css_px;
  fonts_pixel_ratio_ = viewport.pixel_ratio;
  fonts_ok_ = app_.set_fonts(font_files_, css_px, viewport.pixel_ratio);
  backend_.fonts_changed(css_px);
}

}  // namespace cpa::app
