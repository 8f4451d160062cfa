// The browser main loop.  Built on Emscripten's html5.h (not GLFW): the canvas backing store
// follows devicePixelRatio, touch is touch, and nothing is drawn while nothing changes.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "app/app.hpp"
#include "core/records_store.hpp"
#include "platform/web/js_api.hpp"
#include "platform/web/web_platform.hpp"

namespace {

using cpa::ui::FrameInput;

constexpr const char* canvas_selector = "#cpa-canvas";
constexpr const char* root_selector = "#cpa-root";
constexpr float tap_slop_px = 10.0f;      // a touch that moves further is a scroll, not a tap
constexpr double inertia_decay = 0.997;   // per millisecond, as a phone's own scrolling feels
constexpr double inertia_stop = 0.02;     // px per ms

struct Touch {
  int id = -1;
  float start_x = 0, start_y = 0, last_y = 0;
  double last_time = 0;
  bool dragging = false;
  double velocity = 0;  // px per ms, smoothed
};

struct Web {
  cpa::platform::WebPlatform platform;
  cpa::app::App app{platform};
  cpa::ui::FontFiles font_files;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  bool gl_lost = false;
  bool kiosk = false;

  double css_w = 0, css_h = 0, dpr = 1;
  float fonts_css_px = 0, fonts_dpr = 0;
  bool size_dirty = true;

  FrameInput input;
  std::uint32_t editing_id = 0;  // the text field whose DOM input has focus
  Touch touch;
  double inertia = 0;  // px per ms
  double last_frame_ms = 0;
  int frames_wanted = 0;
  bool raf_pending = false;
  bool ready = false;
  std::string mirror_json;
};

Web* web = nullptr;

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<unsigned char> read_bytes(const char* path) {
  const std::string data = read_file(path);
  return std::vector<unsigned char>(data.begin(), data.end());
}

void request_frames(int count);

// The core reads no clock: tell it the time when it may need it (start, and before input).
void tell_clock() {
  char now[40] = {0}, today[16] = {0};
  cpa_js_clock(now, sizeof now, today, sizeof today);
  const auto& plans = web->app.state().plans;
  if (plans.now_utc.substr(0, 16) == std::string(now).substr(0, 16) && plans.today == today) return;
  web->app.dispatch(cpa::core::PlansClock{now, today});
}

void update_size() {
  double w = cpa_js_css_width(), h = cpa_js_css_height();
  const double dpr = emscripten_get_device_pixel_ratio();
  if (w < 1 || h < 1) return;
  if (w != web->css_w || h != web->css_h || dpr != web->dpr) {
    web->css_w = w;
    web->css_h = h;
    web->dpr = dpr;
    emscripten_set_canvas_element_size(canvas_selector, static_cast<int>(std::lround(w * dpr)),
                                       static_cast<int>(std::lround(h * dpr)));
  }
  web->size_dirty = false;
}

void update_fonts() {
  const float css_px = cpa::ui::body_css_px_for_width(static_cast<float>(web->css_w), web->kiosk);
  const float dpr = static_cast<float>(web->dpr);
  if (css_px == web->fonts_css_px && dpr == web->fonts_dpr) return;
  web->fonts_css_px = css_px;
  web->fonts_dpr = dpr;
  web->app.set_fonts(web->font_files, css_px, dpr);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  ImGui::GetIO().Fonts->ClearTexData();  // the GPU has it; free the CPU copy (megabytes at DPR 3)
}

void step_inertia(double dt_ms) {
  if (web->inertia == 0) return;
  web->input.pan_y += static_cast<float>(web->inertia * dt_ms);
  web->inertia *= std::pow(inertia_decay, dt_ms);
  if (std::fabs(web->inertia) < inertia_stop) web->inertia = 0;
}

// Runs one frame and, when asked, draws it; returns true if the app changed and wants another.
bool draw_frame(double now_ms, bool render = true) {
  if (web->gl_lost) return false;
  if (web->size_dirty) update_size();
  update_fonts();
  ImGuiIO& io = ImGui::GetIO();
  const double dt_ms = web->last_frame_ms > 0 ? std::clamp(now_ms - web->last_frame_ms, 1.0, 100.0) : 16.0;
  web->last_frame_ms = now_ms;
  io.DeltaTime = static_cast<float>(dt_ms / 1000.0);
  io.DisplaySize = ImVec2(static_cast<float>(web->css_w), static_cast<float>(web->css_h));
  io.DisplayFramebufferScale = ImVec2(static_cast<float>(web->dpr), static_cast<float>(web->dpr));
  step_inertia(dt_ms);

  ImGui_ImplOpenGL3_NewFrame();
  FrameInput input = std::move(web->input);
  input.kiosk = web->kiosk;
  input.editing_id = web->editing_id;
  web->input = FrameInput{};
  const bool changed = web->app.frame(input, io.DisplaySize.x, io.DisplaySize.y);

  if (render) {
    const int fb_w = static_cast<int>(std::lround(web->css_w * web->dpr));
    const int fb_h = static_cast<int>(std::lround(web->css_h * web->dpr));
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }

  std::string mirror = web->app.semantics().to_json();
  if (mirror != web->mirror_json) {
    web->mirror_json = std::move(mirror);
    cpa_js_update_mirror(web->mirror_json.c_str());
  }
  if (const auto focus = web->app.output().focus_input) cpa_js_focus_input(focus);
  if (web->app.output().choose_import_file) cpa_js_choose_file();
  if (!web->ready) {
    web->ready = true;
    cpa_js_app_ready();
  }
  return changed;
}

bool input_pending() { return ImGui::GetCurrentContext()->InputEventsQueue.Size > 0; }

EM_BOOL on_animation_frame(double now_ms, void*) {
  web->raf_pending = false;
  const bool changed = draw_frame(now_ms);
  if (changed) web->frames_wanted = std::max(web->frames_wanted, 2);
  if (web->frames_wanted > 0) --web->frames_wanted;
  if (web->frames_wanted > 0 || web->inertia != 0 || input_pending()) request_frames(0);
  return EM_FALSE;
}

// Idle rendering: a frame is drawn only when something asked for one.
void request_frames(int count) {
  web->frames_wanted = std::max(web->frames_wanted, count);
  if (!web->raf_pending) {
    web->raf_pending = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
  }
}

// (defined below; input handlers call tell_clock before acting)
// Runs frames now, inside the event handler, until the input is used up and the screen has
// settled.  Opening a link or the phone's keyboard is only allowed during the user's gesture.
// Only the settled frame is drawn: the browser shows just the last one anyway.
void pump_now() {
  tell_clock();
  for (int i = 0; i < 6; ++i) {
    const bool changed = draw_frame(emscripten_get_now(), false);
    if (!changed && !input_pending()) break;
  }
  draw_frame(emscripten_get_now(), true);
  request_frames(1);
}

// ---- mouse ----
EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  const float x = static_cast<float>(e->clientX), y = static_cast<float>(e->clientY);
  switch (type) {
    case EMSCRIPTEN_EVENT_MOUSEDOWN:
      if (e->button != 0) return EM_FALSE;
      web->inertia = 0;
      io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
      io.AddMousePosEvent(x, y);
      io.AddMouseButtonEvent(0, true);
      request_frames(2);
      return EM_TRUE;
    case EMSCRIPTEN_EVENT_MOUSEUP:
      if (e->button != 0) return EM_FALSE;
      io.AddMousePosEvent(x, y);
      io.AddMouseButtonEvent(0, false);
      pump_now();
      return EM_TRUE;
    case EMSCRIPTEN_EVENT_MOUSEMOVE:
      io.AddMousePosEvent(x, y);
      if (io.MouseDown[0]) request_frames(1);  // hovering alone changes nothing we draw
      return EM_FALSE;
    case EMSCRIPTEN_EVENT_MOUSELEAVE:
      io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
      return EM_FALSE;
    default:
      return EM_FALSE;
  }
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  double dy = e->deltaY;
  if (e->deltaMode == DOM_DELTA_LINE) dy *= 1.5 * web->fonts_css_px;
  if (e->deltaMode == DOM_DELTA_PAGE) dy *= web->css_h * 0.8;
  web->inertia = 0;
  web->input.pan_y -= static_cast<float>(dy);
  request_frames(2);
  return EM_TRUE;
}

// ---- touch: a tap is a click; a drag scrolls, and a flick keeps scrolling ----
const EmscriptenTouchPoint* find_touch(const EmscriptenTouchEvent* e, int id, bool changed_only) {
  for (int i = 0; i < e->numTouches; ++i)
    if (e->touches[i].identifier == id && (!changed_only || e->touches[i].isChanged)) return &e->touches[i];
  return nullptr;
}

void cancel_press() {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // released away from the button: no click
  io.AddMouseButtonEvent(0, false);
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  Touch& t = web->touch;
  // The finger's own times (when the screen saw it), not when a busy page got round to it.
  const double now = e->timestamp;
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
    if (t.id != -1) return EM_TRUE;  // a second finger: ignore
    const EmscriptenTouchPoint* p = nullptr;
    for (int i = 0; i < e->numTouches && !p; ++i)
      if (e->touches[i].isChanged) p = &e->touches[i];
    if (!p) return EM_TRUE;
    web->inertia = 0;
    t = Touch{p->identifier, static_cast<float>(p->clientX), static_cast<float>(p->clientY),
              static_cast<float>(p->clientY), now, false, 0};
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(t.start_x, t.start_y);
    io.AddMouseButtonEvent(0, true);
    request_frames(2);
    return EM_TRUE;
  }
  const EmscriptenTouchPoint* p = find_touch(e, t.id, true);
  if (!p) return EM_TRUE;
  const float x = static_cast<float>(p->clientX), y = static_cast<float>(p->clientY);
  if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
    if (!t.dragging && std::hypot(x - t.start_x, y - t.start_y) > tap_slop_px) {
      t.dragging = true;
      cancel_press();
    }
    if (t.dragging) {
      const double dt = std::max(1.0, now - t.last_time);
      const double v = (y - t.last_y) / dt;
      t.velocity = 0.8 * v + 0.2 * t.velocity;
      web->input.pan_y += y - t.last_y;
      t.last_y = y;
      t.last_time = now;
      request_frames(1);
    }
    return EM_TRUE;
  }
  // touchend / touchcancel
  const bool was_tap = !t.dragging && type == EMSCRIPTEN_EVENT_TOUCHEND;
  if (was_tap) {
    io.AddMousePosEvent(x, y);
    io.AddMouseButtonEvent(0, false);
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // a finger leaves no hover behind
  } else if (!t.dragging) {
    cancel_press();
  } else if (now - t.last_time < 80) {
    web->inertia = t.velocity;  // a flick: keep going and slow down
  }
  t = Touch{};
  if (was_tap) {
    pump_now();
  } else {
    request_frames(2);
  }
  return EM_TRUE;
}

// ---- keys: only while a text field is being edited; otherwise the page's own focus order
// (the accessibility mirror) handles Tab, Enter and Space. ----
EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  if (type == EMSCRIPTEN_EVENT_KEYDOWN && std::string(e->key) == "Escape" && !io.WantTextInput &&
      web->editing_id == 0) {
    web->app.dispatch(cpa::core::GoBack{});
    request_frames(2);
    return EM_TRUE;
  }
  return EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  web->size_dirty = true;
  request_frames(2);
  return EM_FALSE;
}

EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* e, void*) {
  if (!e->hidden) {
    web->size_dirty = true;
    request_frames(2);
  }
  return EM_FALSE;
}

EM_BOOL on_context_lost(int, const void*, void*) {
  web->gl_lost = true;
  return EM_TRUE;  // preventDefault: we want it back
}

EM_BOOL on_context_restored(int, const void*, void*) {
  emscripten_webgl_make_context_current(web->gl);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplOpenGL3_Init("#version 300 es");
  web->gl_lost = false;
  web->fonts_css_px = 0;  // re-rasterise and re-upload the atlas
  web->mirror_json.clear();
  request_frames(3);
  return EM_TRUE;
}

bool create_gl() {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  attrs.antialias = EM_FALSE;
  attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
  web->gl = emscripten_webgl_create_context(canvas_selector, &attrs);
  if (web->gl <= 0) return false;
  emscripten_webgl_make_context_current(web->gl);
  return true;
}

void install_callbacks() {
  emscripten_set_mousedown_callback(root_selector, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mousemove_callback(root_selector, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mouseleave_callback(root_selector, nullptr, EM_FALSE, on_mouse);
  emscripten_set_wheel_callback(root_selector, nullptr, EM_FALSE, on_wheel);
  emscripten_set_touchstart_callback(root_selector, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchmove_callback(root_selector, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchend_callback(root_selector, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchcancel_callback(root_selector, nullptr, EM_FALSE, on_touch);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, on_visibility);
  emscripten_set_webglcontextlost_callback(canvas_selector, nullptr, EM_FALSE, on_context_lost);
  emscripten_set_webglcontextrestored_callback(canvas_selector, nullptr, EM_FALSE, on_context_restored);
}

}  // namespace

// ---- called from web/lib_*.js ----
extern "C" {
EMSCRIPTEN_KEEPALIVE void cpa_activate(std::uint32_t id) {
  if (!web) return;
  web->input.activate_id = id;
  pump_now();
}
EMSCRIPTEN_KEEPALIVE void cpa_focus(std::uint32_t id) {
  if (!web) return;
  web->input.focus_id = id;
  request_frames(3);
}
EMSCRIPTEN_KEEPALIVE void cpa_history_changed(const char* path) {
  if (!web) return;
  web->app.dispatch(cpa::core::HistoryChanged{path});
  request_frames(3);
}
// The DOM input of a text field changed (typing, IME, paste, autofill): apply it now, inside
// the event, so the edit reaches the core (and storage) even if the page closes next.
EMSCRIPTEN_KEEPALIVE void cpa_text_input(std::uint32_t id, const char* value) {
  if (!web) return;
  web->input.text_edits.push_back({id, value});
  pump_now();
}
EMSCRIPTEN_KEEPALIVE void cpa_text_focus(std::uint32_t id) {
  if (!web) return;
  web->editing_id = id;
  if (id) web->input.focus_id = id;
  request_frames(2);
}
// ---- storage (web/lib_storage.js) ----
EMSCRIPTEN_KEEPALIVE void cpa_storage_loaded(int available, const char* latest, const char* previous, const char* why) {
  if (!web) return;
  tell_clock();
  if (available) {
    web->app.dispatch(cpa::core::PlansStoreLoaded{latest, previous});
  } else {
    std::fprintf(stderr, "storage unavailable: %s\n", why);
    web->app.dispatch(cpa::core::PlansStoreUnavailable{});
  }
  request_frames(3);
}
EMSCRIPTEN_KEEPALIVE void cpa_storage_saved(double revision, int ok, const char* why) {
  if (!web) return;
  const auto rev = static_cast<std::uint64_t>(revision);
  if (ok) {
    web->app.dispatch(cpa::core::PlansSaved{rev});
  } else {
    const std::string reason = why;
    web->app.dispatch(cpa::core::PlansSaveFailed{rev, reason == "QuotaExceededError"});
  }
  request_frames(2);
}
// Another tab saved since this one last looked, and this one is about to write: merge theirs
// into ours (the core keeps both people's edits) and write the result.
EMSCRIPTEN_KEEPALIVE const char* cpa_storage_merge(const char* theirs) {
  static std::string merged;
  web->app.dispatch(cpa::core::PlansStoreChanged{theirs});
  const auto& plans = web->app.state().plans;
  merged = cpa::core::store_record(plans.records, plans.now_utc);
  request_frames(2);
  return merged.c_str();
}
EMSCRIPTEN_KEEPALIVE int cpa_storage_is_good(const char* record) {
  return cpa::core::open_store_record(record).ok() ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE void cpa_storage_changed_elsewhere(const char* latest) {
  if (!web) return;
  web->app.dispatch(cpa::core::PlansStoreChanged{latest});
  request_frames(3);
}
EMSCRIPTEN_KEEPALIVE void cpa_storage_deleted(int ok, const char* why) {
  if (!ok) std::fprintf(stderr, "delete failed: %s\n", why);
}
EMSCRIPTEN_KEEPALIVE void cpa_file_chosen(const char* text) {
  if (!web) return;
  tell_clock();
  web->app.dispatch(cpa::core::PlansImport{text});
  request_frames(3);
}

EMSCRIPTEN_KEEPALIVE void cpa_resized() {
  if (!web) return;
  web->size_dirty = true;
  request_frames(2);
}
}

int main() {
  web = new Web();
  web->kiosk = false;
  const std::string bundle = read_file("/assets/content.json");
  if (bundle.empty() || !web->app.load_content(bundle)) {
    std::string why = "The app's words could not be loaded.";
    for (const auto& p : web->app.content_problems()) why += " " + p.to_string();
    std::fprintf(stderr, "%s\n", why.c_str());
    cpa_js_app_failed(why.c_str());
    return 0;
  }
  web->font_files.regular = read_bytes("/assets/fonts/NotoSans-Regular.ttf");
  web->font_files.bold = read_bytes("/assets/fonts/NotoSans-Bold.ttf");
  if (!create_gl()) {
    cpa_js_app_failed("This browser cannot draw the app (WebGL2 is not available).");
    return 0;
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would draw 60 frames a second
  io.BackendPlatformName = "cpa_html5";
  ImGui_ImplOpenGL3_Init("#version 300 es");
  install_callbacks();
  cpa_js_install();
  tell_clock();
  cpa_js_storage_open();
  char hash[256] = {0};
  EM_ASM({ stringToUTF8(window.location.hash || "", $0, $1); }, hash, static_cast<int>(sizeof hash));
  web->app.start(hash);
  update_size();
  request_frames(3);
  return 0;
}
