#pragma once
// The browser's backend, on Emscripten's html5.h (not GLFW): a WebGL2 context on the canvas whose
// backing store follows devicePixelRatio, frames on animation frames only when something asked
// for them (nothing is drawn while nothing changes), and frames at once inside an input event.
#include <emscripten/html5.h>

#include <functional>
#include <utility>

#include "platform/backend.hpp"
#include "platform/web/web_renderer.hpp"

namespace cpa::platform {

class WebBackend : public Backend {
 public:
  struct Callbacks {
    std::function<bool(bool show)> frame;    // runs one frame; true when it changed something
    std::function<void()> context_restored;  // the GPU context came back: send everything again
  };
  explicit WebBackend(Callbacks callbacks) : callbacks_(std::move(callbacks)) {}

  // Creates the WebGL2 context and the renderer (the ImGui context must exist), sizes the canvas
  // and listens for the page's size and the context's loss.  False when there is no WebGL2.
  bool start();

  Viewport viewport() const override;
  void new_frame() override;
  void end_frame() override;
  void fonts_changed(float body_css_px) override;
  void request_frames(int count) override;

  // Runs frames now, inside the event handler, until the input is used up and the screen has
  // settled.  Opening a link or the phone's keyboard is only allowed during the user's gesture.
  void run_now();
  // The page's size or pixel ratio may have changed: measure again before the next frame.
  void size_changed();
  // The app stopped (shell/guard.js): no frame is drawn again.
  void stop() { stopped_ = true; }

  double frame_dt_ms() const { return frame_dt_ms_; }  // of the frame running: since the one before
  float body_css_px() const { return body_css_px_; }   // the fonts' body size (a wheel "line")

 private:
  bool run_frame(double now_ms, bool show);
  void update_size();
  static EM_BOOL on_animation_frame(double now_ms, void* self);
  static EM_BOOL on_resize(int, const EmscriptenUiEvent*, void* self);
  static EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* event, void* self);
  static EM_BOOL on_context_lost(int, const void*, void* self);
  static EM_BOOL on_context_restored(int, const void*, void* self);

  Callbacks callbacks_;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl_ = 0;
  WebRenderer renderer_;
  bool gl_lost_ = false;
  double css_w_ = 0, css_h_ = 0, dpr_ = 1;
  bool size_dirty_ = true;
  float body_css_px_ = 0;
  double last_frame_ms_ = 0, frame_dt_ms_ = 16;
  int frames_wanted_ = 0;
  bool raf_pending_ = false;
  bool stopped_ = false;
};

}  // namespace cpa::platform
