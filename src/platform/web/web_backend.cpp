#include "platform/web/web_backend.hpp"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "platform/web/js_api.hpp"

namespace cpa::platform {
namespace {

constexpr const char* canvas_selector = "#cpa-canvas";

bool input_pending() { return ImGui::GetCurrentContext()->InputEventsQueue.Size > 0; }

WebBackend& backend(void* self) { return *static_cast<WebBackend*>(self); }

}  // namespace

bool WebBackend::start() {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  attrs.antialias = EM_FALSE;
  attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
  // The renderer uses WebGL2 alone: turning on every extension the browser offers cost 15-70 ms
  // of the start in software GL (CMakeLists.txt also leaves that code out of cpa.js).
  attrs.enableExtensionsByDefault = EM_FALSE;
  gl_ = emscripten_webgl_create_context(canvas_selector, &attrs);
  if (gl_ <= 0) return false;
  emscripten_webgl_make_context_current(gl_);
  ImGui::GetIO().BackendPlatformName = "cpa_html5";
  ImGui::GetIO().BackendRendererName = "cpa_webgl2";
  if (!renderer_.init()) return false;
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, this, EM_FALSE, on_resize);
  emscripten_set_visibilitychange_callback(this, EM_FALSE, on_visibility);
  emscripten_set_webglcontextlost_callback(canvas_selector, this, EM_FALSE, on_context_lost);
  emscripten_set_webglcontextrestored_callback(canvas_selector, this, EM_FALSE, on_context_restored);
  update_size();
  return true;
}

Viewport WebBackend::viewport() const {
  return {static_cast<float>(css_w_), static_cast<float>(css_h_), static_cast<float>(dpr_)};
}

void WebBackend::new_frame() {
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = static_cast<float>(frame_dt_ms_ / 1000.0);
  io.DisplaySize = ImVec2(static_cast<float>(css_w_), static_cast<float>(css_h_));
  io.DisplayFramebufferScale = ImVec2(static_cast<float>(dpr_), static_cast<float>(dpr_));
}

void WebBackend::end_frame() {
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  const float clear[3] = {bg.x, bg.y, bg.z};
  renderer_.render(ImGui::GetDrawData(), static_cast<int>(std::lround(css_w_ * dpr_)),
                   static_cast<int>(std::lround(css_h_ * dpr_)), clear);
}

void WebBackend::fonts_changed(float body_css_px) {
  body_css_px_ = body_css_px;
  renderer_.upload_font_atlas();
  ImGui::GetIO().Fonts->ClearTexData();  // the GPU has it; free the CPU copy (megabytes at DPR 3)
  cpa_js_layout_changed();               // everything moved: what has the focus must not be left off the screen
}

// Idle rendering: a frame is drawn only when something asked for one.
void WebBackend::request_frames(int count) {
  frames_wanted_ = std::max(frames_wanted_, count);
  if (!raf_pending_) {
    raf_pending_ = true;
    emscripten_request_animation_frame(on_animation_frame, this);
  }
}

// Only the settled frame is drawn: the browser shows just the last one anyway.
void WebBackend::run_now() {
  for (int i = 0; i < 6; ++i) {
    const bool changed = run_frame(emscripten_get_now(), false);
    if (!changed && !input_pending()) break;
  }
  run_frame(emscripten_get_now(), true);
  request_frames(1);
}

void WebBackend::size_changed() {
  size_dirty_ = true;
  request_frames(2);
}

bool WebBackend::run_frame(double now_ms, bool show) {
  if (gl_lost_ || stopped_) return false;
  if (size_dirty_) update_size();
  frame_dt_ms_ = last_frame_ms_ > 0 ? std::clamp(now_ms - last_frame_ms_, 1.0, 100.0) : 16.0;
  last_frame_ms_ = now_ms;
  return callbacks_.frame(show);
}

void WebBackend::update_size() {
  const double w = cpa_js_css_width(), h = cpa_js_css_height();
  const double dpr = emscripten_get_device_pixel_ratio();
  if (w < 1 || h < 1) return;
  if (w != css_w_ || h != css_h_ || dpr != dpr_) {
    css_w_ = w;
    css_h_ = h;
    dpr_ = dpr;
    emscripten_set_canvas_element_size(canvas_selector, static_cast<int>(std::lround(w * dpr)),
                                       static_cast<int>(std::lround(h * dpr)));
  }
  size_dirty_ = false;
}

EM_BOOL WebBackend::on_animation_frame(double now_ms, void* self) {
  WebBackend& b = backend(self);
  b.raf_pending_ = false;
  const bool changed = b.run_frame(now_ms, true);
  if (changed) b.frames_wanted_ = std::max(b.frames_wanted_, 2);
  if (b.frames_wanted_ > 0) --b.frames_wanted_;
  if (b.frames_wanted_ > 0 || input_pending()) b.request_frames(0);
  return EM_FALSE;
}

EM_BOOL WebBackend::on_resize(int, const EmscriptenUiEvent*, void* self) {
  backend(self).size_changed();
  return EM_FALSE;
}

EM_BOOL WebBackend::on_visibility(int, const EmscriptenVisibilityChangeEvent* event, void* self) {
  if (!event->hidden) backend(self).size_changed();
  return EM_FALSE;
}

EM_BOOL WebBackend::on_context_lost(int, const void*, void* self) {
  backend(self).gl_lost_ = true;
  return EM_TRUE;  // preventDefault: we want it back
}

EM_BOOL WebBackend::on_context_restored(int, const void*, void* self) {
  WebBackend& b = backend(self);
  if (b.stopped_) return EM_TRUE;
  emscripten_webgl_make_context_current(b.gl_);
  b.renderer_.forget();
  if (!b.renderer_.init()) return EM_TRUE;  // stays lost: the page's plain crisis links remain
  b.gl_lost_ = false;
  b.callbacks_.context_restored();
  b.request_frames(3);
  return EM_TRUE;
}

}  // namespace cpa::platform
