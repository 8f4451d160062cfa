#pragma once
// What the person does, gathered for the next frame: mouse, wheel, touch and keys on the canvas,
// and what the accessibility mirror and its text inputs report (web/lib_mirror.js, through
// entry_points.cpp).  A tap or an activation runs its frames at once, inside the event.
#include <emscripten/html5.h>

#include <cstdint>
#include <string>

#include "platform/dispatcher.hpp"
#include "platform/web/web_backend.hpp"
#include "ui/widgets/ui.hpp"

namespace cpa::platform {

class WebInput {
 public:
  WebInput(WebBackend& backend, Dispatcher& app) : backend_(backend), app_(app) {}

  // Listens to the page's pointer, touch and key events (the ImGui context must exist).
  void install();
  // The input for the frame about to run: all of it since the last frame, a flick's scrolling too.
  ui::FrameInput take();

  // ---- from the accessibility mirror ----
  void activate(std::uint32_t id);  // a keyboard or screen reader activated an element
  void focus(std::uint32_t id);
  // The keyboard scrolls the screen (arrow keys, Page Up/Down, Home, End): dy CSS px, down positive.
  void scroll_by(float dy);  // an element got focus: scroll it into view
  // A text field's DOM input changed (typing, IME, paste, autofill): applied now, inside the
  // event, so the edit reaches the core (and storage) even if the page closes next.
  void text_changed(std::uint32_t id, std::string value);
  void text_focus(std::uint32_t id);  // a text field's DOM input took focus (0: lost it)

 private:
  // One finger: a tap is a click; a drag scrolls, and a flick keeps scrolling.
  struct Touch {
    int id = -1;
    float start_x = 0, start_y = 0, last_y = 0;
    double last_time = 0;
    bool dragging = false;
    double velocity = 0;  // px per ms, smoothed
  };

  void act_now();
  void step_inertia(double dt_ms);
  EM_BOOL touch_start(const EmscriptenTouchEvent& event);
  EM_BOOL touch_move(const EmscriptenTouchPoint& point, double now);
  EM_BOOL touch_end(const EmscriptenTouchPoint& point, double now, bool cancelled);

  static EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* event, void* self);
  static EM_BOOL on_wheel(int, const EmscriptenWheelEvent* event, void* self);
  static EM_BOOL on_touch(int type, const EmscriptenTouchEvent* event, void* self);
  static EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* event, void* self);

  WebBackend& backend_;
  Dispatcher& app_;
  ui::FrameInput pending_;
  std::uint32_t editing_id_ = 0;  // the text field whose DOM input has focus
  Touch touch_;
  double inertia_ = 0;  // px per ms
};

}  // namespace cpa::platform
