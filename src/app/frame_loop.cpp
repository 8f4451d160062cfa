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
  if (!fonts_ok_) return false;  // nothing can be drawn without the font (see fonts_ok)
  backend_.new_frame();
  input.kiosk = kiosk_ || app_.state().kiosk.active;
  const bool changed = app_.frame(input, viewport.width, viewport.height);
  if (show) backend_.end_frame();
  return changed;
}

void FrameLoop::set_dyslexia_font(ui::FontFiles files) {
  if (fonts_family_ == &dyslexia_files_) fonts_css_px_ = 0;  // the atlas reads these bytes: rebuild it
  dyslexia_files_ = std::move(files);
}

bool FrameLoop::wants_dyslexia_font() const {
  return app_.state().display.settings.dyslexia_font && dyslexia_files_.regular.empty() && !dyslexia_broken_;
}

void FrameLoop::fit_fonts(const platform::Viewport& viewport) {
  const auto& state = app_.state();
  const ui::TextSize size{ui::body_css_px_for_width(viewport.width, kiosk_ || state.kiosk.active),
                          core::text_scale(state.display)};
  const float css_px = size.base_css_px * size.scale;
  const bool dyslexia = state.display.settings.dyslexia_font && !dyslexia_files_.regular.empty();
  const ui::FontFiles* family = dyslexia ? &dyslexia_files_ : &font_files_;
  if (css_px == fonts_css_px_ && viewport.pixel_ratio == fonts_pixel_ratio_ && family == fonts_family_) return;
  fonts_css_px_ = css_px;
  fonts_pixel_ratio_ = viewport.pixel_ratio;
  fonts_family_ = family;
  fonts_ok_ = app_.set_fonts(*family, size, viewport.pixel_ratio);
  // Broken OpenDyslexic files: the app's own font, rather than ImGui's tiny default.
  if (!fonts_ok_ && dyslexia) {
    dyslexia_files_ = ui::FontFiles{};
    dyslexia_broken_ = true;
    fonts_family_ = &font_files_;
    fonts_ok_ = app_.set_fonts(font_files_, size, viewport.pixel_ratio);
  }
  if (fonts_ok_) backend_.fonts_changed(css_px);
}

}  // namespace cpa::app
