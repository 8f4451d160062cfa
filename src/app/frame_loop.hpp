#pragma once
// One frame of the app in a backend's window, written once for every backend: fonts that fit the
// window's size and pixel ratio, the backend's new frame, the app's frame, the backend's end frame.
#include "app/app.hpp"
#include "platform/backend.hpp"

struct ImGuiContext;

namespace cpa::app {

class FrameLoop {
 public:
  // Creates the ImGui context the frames are drawn in; the loop owns it.
  FrameLoop(App& app, platform::Backend& backend, ui::FontFiles font_files, bool kiosk = false);
  ~FrameLoop();
  FrameLoop(const FrameLoop&) = delete;
  FrameLoop& operator=(const FrameLoop&) = delete;

  // Runs one frame.  With show false it is not drawn (only the frame the screen settles on needs
  // to be).  Returns true when the frame changed something and another should follow.
  bool frame(ui::FrameInput input, bool show = true);

  // The renderer lost what it had uploaded: rebuild the fonts before the next frame.
  void refit_fonts() { fonts_css_px_ = 0; }
  // False when the font files were missing or broken (ImGui's own font stands in).
  bool fonts_ok() const { return fonts_ok_; }

 private:
  void fit_fonts(const platform::Viewport& viewport);

  App& app_;
  platform::Backend& backend_;
  ui::FontFiles font_files_;  // the atlas reads the bytes in place: kept as long as the loop
  bool kiosk_;
  ImGuiContext* context_ = nullptr;
  float fonts_css_px_ = 0, fonts_pixel_ratio_ = 0;
  bool fonts_ok_ = false;
};

}  // namespace cpa::app
