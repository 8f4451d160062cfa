#pragma once
// A Backend with no window and no GPU: a fixed size at pixel ratio 1, and frames run when the
// caller runs them.  The UI tests (tests/ui/harness.hpp) and the frame benchmark draw the real
// app through it, the same frame the browser draws.
#include "platform/backend.hpp"

namespace cpa::platform {

class HeadlessBackend : public Backend {
 public:
  HeadlessBackend(float width, float height) : viewport_{width, height, 1.0f} {}

  Viewport viewport() const override { return viewport_; }
  void new_frame() override;
  void end_frame() override {}  // nothing to show it on
  void fonts_changed(float body_css_px) override;
  // The caller decides when frames run (a test settles the screen itself).
  void request_frames(int) override {}

 private:
  Viewport viewport_;
};

}  // namespace cpa::platform
