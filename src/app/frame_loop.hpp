#pragma once
// One frame of the app in a backend's window, written once for every backend: fonts that fit the
// window's size and pixel ratio, the backend's new frame, the app's frame, the backend's end frame.
#include "app/app.hpp"
#include "platform/backend.hpp"

struct ImGuiContext;

namespace cpa::app {

class FrameLoop {
 public:
  // Creates the ImGui context the frames are drawn in; the loop owns it.  font_files: Noto Sans,
  // the app's own font.
  FrameLoop(App& app, platform::Backend& backend, ui::FontFiles font_files, bool kiosk = false);
  ~FrameLoop();
  FrameLoop(const FrameLoop&) = delete;
  FrameLoop& operator=(const FrameLoop&) = delete;

  // Runs one frame.  With show false it is not drawn (only the frame the screen settles on needs
  // to be).  Returns true when the frame changed something and another should follow.
  bool frame(ui::FrameInput input, bool show = true);

  // The renderer lost what it had uploaded: rebuild the fonts before the next frame.
  void refit_fonts() { fonts_css_px_ = 0; }
  // The dyslexia-friendly font (OpenDyslexic) arrived: it is used whenever the setting is on.
  void set_dyslexia_font(ui::FontFiles files);
  // The setting is on but the font's files have not arrived (the platform fetches them; until
  // then the app's own font stands in).
  bool wants_dyslexia_font() const;
  // The atlas holds the dyslexia-friendly font (what the text fields' DOM inputs should use too).
  bool drawing_dyslexia_font() const { return fonts_family_ == &dyslexia_files_; }
  // False when the app's font files were missing or broken: no frame is drawn then, and the
  // platform says the app cannot start (the web page keeps its plain crisis numbers).
  bool fonts_ok() const { return fonts_ok_; }

 private:
  void fit_fonts(const platform::Viewport& viewport);

  App& app_;
  platform::Backend& backend_;
  ui::FontFiles font_files_;  // the atlas reads the bytes in place: kept as long as the loop
  ui::FontFiles dyslexia_files_;
  bool dyslexia_broken_ = false;  // its files would not build: not asked for again
  bool kiosk_;
  ImGuiContext* context_ = nullptr;
  float fonts_css_px_ = 0, fonts_pixel_ratio_ = 0;
  const ui::FontFiles* fonts_family_ = nullptr;  // which files the atlas was built from
  bool fonts_ok_ = false;
};

}  // namespace cpa::app
