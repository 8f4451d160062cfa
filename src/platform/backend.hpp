#pragma once
// Where frames are drawn: the browser's canvas (web/web_backend) or no window at all (headless/,
// for the UI tests and the frame benchmark).  As in Tracy's Backend.hpp the seam is small, and
// the app's frame (app/frame_loop) is written once against it.  When frames run is the backend's
// business: the browser runs them on animation frames and inside input events, a test when it
// likes.

namespace cpa::platform {

// The drawing surface in CSS pixels, and how many device pixels make one.
struct Viewport {
  float width = 0;
  float height = 0;
  float pixel_ratio = 1;
};

class Backend {
 public:
  virtual ~Backend() = default;
  virtual Viewport viewport() const = 0;
  // Before ImGui::NewFrame: tell ImGui the display size and the time since the last frame, and
  // get the renderer ready.
  virtual void new_frame() = 0;
  // After ImGui::Render: put ImGui's draw data on the screen.
  virtual void end_frame() = 0;
  // The font atlas was rebuilt for body text of this size (CSS px): upload it.
  virtual void fonts_changed(float body_css_px) = 0;
  // Draw at least `count` more frames, then idle until something asks again.
  virtual void request_frames(int count) = 0;
};

}  // namespace cpa::platform
