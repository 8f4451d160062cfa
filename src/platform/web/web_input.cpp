#include "platform/web/web_input.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <utility>

#include "platform/web/web_clock.hpp"

namespace cpa::platform {
namespace {

constexpr const char* root_selector = "#cpa-root";
constexpr float tap_slop_px = 10.0f;     // a touch that moves further is a scroll, not a tap
constexpr double inertia_decay = 0.997;  // per millisecond, as a phone's own scrolling feels
constexpr double inertia_stop = 0.02;    // px per ms

WebInput& input(void* self) { return *static_cast<WebInput*>(self); }

const EmscriptenTouchPoint* find_touch(const EmscriptenTouchEvent& event, int id) {
  for (int i = 0; i < event.numTouches; ++i)
    if (event.touches[i].identifier == id && event.touches[i].isChanged) return &event.touches[i];
  return nullptr;
}

void cancel_press() {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // released away from the button: no click
  io.AddMouseButtonEvent(0, false);
}

}  // namespace

void WebInput::install() {
  emscripten_set_mousedown_callback(root_selector, this, EM_FALSE, on_mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, this, EM_FALSE, on_mouse);
  emscripten_set_mousemove_callback(root_selector, this, EM_FALSE, on_mouse);
  emscripten_set_mouseleave_callback(root_selector, this, EM_FALSE, on_mouse);
  emscripten_set_wheel_callback(root_selector, this, EM_FALSE, on_wheel);
  emscripten_set_touchstart_callback(root_selector, this, EM_FALSE, on_touch);
  emscripten_set_touchmove_callback(root_selector, this, EM_FALSE, on_touch);
  emscripten_set_touchend_callback(root_selector, this, EM_FALSE, on_touch);
  emscripten_set_touchcancel_callback(root_selector, this, EM_FALSE, on_touch);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, this, EM_FALSE, on_key);
}

ui::FrameInput WebInput::take() {
  step_inertia(backend_.frame_dt_ms());
  ui::FrameInput input = std::move(pending_);
  pending_ = ui::FrameInput{};
  input.editing_id = editing_id_;
  return input;
}

void WebInput::activate(std::uint32_t id) {
  pending_.activate_id = id;
  act_now();
}

void WebInput::focus(std::uint32_t id) {
  pending_.focus_id = id;
  backend_.request_frames(3);
}

void WebInput::scroll_by(float dy) {
  inertia_ = 0;
  pending_.pan_y -= dy;
  backend_.request_frames(3);
}

void WebInput::text_changed(std::uint32_t id, std::string value) {
  pending_.text_edits.push_back({id, std::move(value)});
  act_now();
}

void WebInput::text_focus(std::uint32_t id) {
  editing_id_ = id;
  if (id) pending_.focus_id = id;
  backend_.request_frames(2);
}

// The core learns the time before it acts on the input.
void WebInput::act_now() {
  tell_clock(app_);
  tell_kiosk_activity(app_);
  backend_.run_now();
}

void WebInput::step_inertia(double dt_ms) {
  if (inertia_ == 0) return;
  if (core::reduce_motion(app_.state().display)) {  // turned on mid-glide: stop here
    inertia_ = 0;
    return;
  }
  pending_.pan_y += static_cast<float>(inertia_ * dt_ms);
  inertia_ *= std::pow(inertia_decay, dt_ms);
  if (std::fabs(inertia_) < inertia_stop) {
    inertia_ = 0;
  } else {
    backend_.request_frames(1);  // still moving: the next frame moves it on
  }
}

// ---- mouse ----
EM_BOOL WebInput::on_mouse(int type, const EmscriptenMouseEvent* e, void* self) {
  WebInput& in = input(self);
  ImGuiIO& io = ImGui::GetIO();
  const float x = static_cast<float>(e->clientX), y = static_cast<float>(e->clientY);
  switch (type) {
    case EMSCRIPTEN_EVENT_MOUSEDOWN:
      if (e->button != 0) return EM_FALSE;
      in.inertia_ = 0;
      tell_kiosk_activity(in.app_);
      io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
      io.AddMousePosEvent(x, y);
      io.AddMouseButtonEvent(0, true);
      in.backend_.request_frames(2);
      return EM_TRUE;
    case EMSCRIPTEN_EVENT_MOUSEUP:
      if (e->button != 0) return EM_FALSE;
      io.AddMousePosEvent(x, y);
      io.AddMouseButtonEvent(0, false);
      in.act_now();
      return EM_TRUE;
    case EMSCRIPTEN_EVENT_MOUSEMOVE:
      io.AddMousePosEvent(x, y);
      if (io.MouseDown[0]) in.backend_.request_frames(1);  // hovering alone changes nothing we draw
      return EM_FALSE;
    case EMSCRIPTEN_EVENT_MOUSELEAVE: io.AddMousePosEvent(-FLT_MAX, -FLT_MAX); return EM_FALSE;
    default: return EM_FALSE;
  }
}

EM_BOOL WebInput::on_wheel(int, const EmscriptenWheelEvent* e, void* self) {
  WebInput& in = input(self);
  double dy = e->deltaY;
  if (e->deltaMode == DOM_DELTA_LINE) dy *= 1.5 * in.backend_.body_css_px();
  if (e->deltaMode == DOM_DELTA_PAGE) dy *= in.backend_.viewport().height * 0.8;
  in.inertia_ = 0;
  tell_kiosk_activity(in.app_);
  in.pending_.pan_y -= static_cast<float>(dy);
  in.backend_.request_frames(2);
  return EM_TRUE;
}

// ---- touch ----
EM_BOOL WebInput::on_touch(int type, const EmscriptenTouchEvent* e, void* self) {
  WebInput& in = input(self);
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART) return in.touch_start(*e);
  const EmscriptenTouchPoint* point = find_touch(*e, in.touch_.id);
  if (!point) return EM_FALSE;  // not the finger the app follows (a pinch): the browser's
  // The finger's own times (when the screen saw it), not when a busy page got round to it.
  if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) return in.touch_move(*point, e->timestamp);
  return in.touch_end(*point, e->timestamp, type != EMSCRIPTEN_EVENT_TOUCHEND);
}

EM_BOOL WebInput::touch_start(const EmscriptenTouchEvent& e) {
  // Two fingers: a pinch, which the browser zooms (#cpa-root allows touch-action: pinch-zoom).
  // The first finger's press or drag is called off, and nothing of the pinch is taken.
  if (e.numTouches > 1) {
    if (touch_.id != -1) cancel_press();
    touch_ = Touch{};
    return EM_FALSE;
  }
  const EmscriptenTouchPoint* p = nullptr;
  for (int i = 0; i < e.numTouches && !p; ++i)
    if (e.touches[i].isChanged) p = &e.touches[i];
  if (!p) return EM_TRUE;
  inertia_ = 0;
  tell_kiosk_activity(app_);
  touch_ = Touch{p->identifier,
                 static_cast<float>(p->clientX),
                 static_cast<float>(p->clientY),
                 static_cast<float>(p->clientY),
                 e.timestamp,
                 false,
                 0};
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  io.AddMousePosEvent(touch_.start_x, touch_.start_y);
  io.AddMouseButtonEvent(0, true);
  backend_.request_frames(2);
  return EM_TRUE;
}

EM_BOOL WebInput::touch_move(const EmscriptenTouchPoint& p, double now) {
  Touch& t = touch_;
  const float x = static_cast<float>(p.clientX), y = static_cast<float>(p.clientY);
  if (!t.dragging && std::hypot(x - t.start_x, y - t.start_y) > tap_slop_px) {
    t.dragging = true;
    cancel_press();
  }
  if (t.dragging) {
    const double dt = std::max(1.0, now - t.last_time);
    const double v = (y - t.last_y) / dt;
    t.velocity = 0.8 * v + 0.2 * t.velocity;
    pending_.pan_y += y - t.last_y;
    t.last_y = y;
    t.last_time = now;
    backend_.request_frames(1);
  }
  return EM_TRUE;
}

EM_BOOL WebInput::touch_end(const EmscriptenTouchPoint& p, double now, bool cancelled) {
  Touch& t = touch_;
  const bool was_tap = !t.dragging && !cancelled;
  if (was_tap) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(static_cast<float>(p.clientX), static_cast<float>(p.clientY));
    io.AddMouseButtonEvent(0, false);
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // a finger leaves no hover behind
  } else if (!t.dragging) {
    cancel_press();
  } else if (now - t.last_time < 80 && !core::reduce_motion(app_.state().display)) {
    inertia_ =
        t.velocity;  // a flick: keep going and slow down (not with reduced motion: it stops where the finger left it)
  }
  t = Touch{};
  if (was_tap) {
    act_now();
  } else {
    backend_.request_frames(2);
  }
  return EM_TRUE;
}

// ---- keys: Escape goes back while no text field is being edited; Tab, Enter and Space are the
// page's own focus order over the accessibility mirror. ----
EM_BOOL WebInput::on_key(int type, const EmscriptenKeyboardEvent* e, void* self) {
  WebInput& in = input(self);
  if (type == EMSCRIPTEN_EVENT_KEYDOWN) tell_kiosk_activity(in.app_);
  if (type == EMSCRIPTEN_EVENT_KEYDOWN && std::string(e->key) == "Escape" && !ImGui::GetIO().WantTextInput &&
      in.editing_id_ == 0) {
    in.app_.dispatch(core::EscapePressed{});  // closes an open "Why we ask" first, else Back
    in.backend_.request_frames(2);
    return EM_TRUE;
  }
  return EM_FALSE;
}

}  // namespace cpa::platform
