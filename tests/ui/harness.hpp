#pragma once
// Headless UI: the real app drawn by the same frame loop as in the browser, through a backend
// with no window and no GPU.  Tests tap by role and name, exactly as the e2e tests and screen
// readers find things, and read the semantic tree.
#include <imgui.h>

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "../unit/content_files.hpp"
#include "app/app.hpp"
#include "app/frame_loop.hpp"
#include "platform/headless/headless_backend.hpp"
#include "platform/memory/memory_platform.hpp"

namespace cpa::test {

// A file's bytes in one read (a byte at a time, unoptimised and under ASan, took seconds per font).
inline std::vector<unsigned char> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  std::vector<unsigned char> bytes(in ? static_cast<std::size_t>(in.tellg()) : 0);
  in.seekg(0);
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

// The fonts and the content are read once for the whole run: every test opens a fresh app, and
// reading them again for each one was a third of the UI tests' time.
inline ui::FontFiles noto_sans() {
  static const ui::FontFiles files{read_bytes("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
                                   read_bytes("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
                                   ui::noto_line_height_ratio};
  return files;
}

// The dyslexia-friendly font, from Debian's fonts-opendyslexic (the site ships a cut of it).
inline ui::FontFiles open_dyslexic() {
  static const ui::FontFiles files{read_bytes("/usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Regular.otf"),
                                   read_bytes("/usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Bold.otf"),
                                   ui::opendyslexic_line_height_ratio};
  return files;
}

// The bundle a site build would write from the real content/.
inline const std::string& real_content_bundle() {
  static const std::string bundle = core::make_content_bundle(content_files());
  return bundle;
}

class Harness {
 public:
  // kiosk: opened as ?mode=kiosk (time starts at 0 ms; a test moves it on with KioskTick).
  // bundle: the content bundle a site build wrote (with a deployment, say); the real content by default.
  explicit Harness(std::string start_path = "", float width = 390, float height = 844, bool kiosk = false,
                   const std::string& bundle = {})
      : backend_(width, height), loop_(app, backend_, noto_sans()) {
    REQUIRE(app.load_content(bundle.empty() ? real_content_bundle() : bundle));
    // The platform tells the time and loads the (empty) store before the first frame; a kiosk
    // opens no store.
    app.dispatch(core::PlansClock{"2026-11-23T10:00:00Z", "2026-11-23"});
    app.dispatch(core::KioskStart{kiosk, 0});
    if (!kiosk) app.dispatch(core::PlansStoreLoaded{"", ""});
    app.start(start_path);
    settle();
    REQUIRE_MESSAGE(loop_.fonts_ok(), "Noto Sans (fonts-noto-core) is needed to lay text out as the app does");
  }
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  // Frames until nothing changes (or a bound is hit, which fails the test).
  void settle(ui::FrameInput input = {}) {
    for (int i = 0; i < 10; ++i) {
      input.editing_id = editing_;
      if (!loop_.frame(input) && i > 0) return;
      if (app.output().focus_input) editing_ = app.output().focus_input;  // the DOM input took focus
      input = ui::FrameInput{};
      deliver_history();
    }
    FAIL("the UI did not settle within 10 frames");
  }

  const ui::SemanticTree& tree() const { return app.semantics(); }
  const ui::Node* find(ui::Role role, const std::string& name) const { return tree().find(role, name); }
  // What a screen reader reads after a node's name: the texts it is described by, in order.
  std::string description(const ui::Node* node) const {
    std::string out;
    if (!node) return out;
    for (const auto id : node->described_by)
      for (const auto& other : tree().nodes)
        if (other.id == id) out += (out.empty() ? "" : " ") + other.name;
    return out;
  }

  // Drags the screen, as a finger would, until the named node is in the middle of the view.
  void scroll_to(ui::Role role, const std::string& name) {
    for (int i = 0; i < 5; ++i) {
      const ui::Node* node = find(role, name);
      REQUIRE_MESSAGE(node != nullptr, "no " << std::string(ui::role_name(role)) << " named \"" << name << "\"");
      const float middle = node->rect.y + node->rect.h / 2;
      if (middle > node->clip.y + 1 && middle < node->clip.y + node->clip.h - 1) return;
      ui::FrameInput input;
      input.pan_y = (node->clip.y + node->clip.h * 0.5f) - middle;
      settle(input);
    }
  }

  // A tap on the canvas at the centre of the named node, as a finger would.
  void tap(ui::Role role, const std::string& name) {
    scroll_to(role, name);
    const ui::Node* node = find(role, name);
    REQUIRE_MESSAGE(node != nullptr, "no " << std::string(ui::role_name(role)) << " named \"" << name << "\"");
    const float x = node->rect.x + node->rect.w / 2, y = node->rect.y + node->rect.h / 2;
    REQUIRE_MESSAGE((y > 0 && y < backend_.viewport().height), "\"" << name << "\" is off screen");
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(x, y);
    io.AddMouseButtonEvent(0, true);
    loop_.frame({});
    io.AddMouseButtonEvent(0, false);
    loop_.frame({});
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    deliver_history();
    settle();
  }

  // Taps a text field (its DOM input takes focus, the keyboard opens) and types: the DOM input
  // reports its whole new value, as web/lib_mirror.js does on every input event.
  void type(ui::Role role, const std::string& name, const std::string& text) {
    tap(role, name);
    const ui::Node* node = find(role, name);
    REQUIRE(node != nullptr);
    REQUIRE_MESSAGE(editing_ == node->id, "tapping \"" << name << "\" did not focus its input");
    ui::FrameInput input;
    input.text_edits.push_back({node->id, node->value + text});
    settle(input);
  }
  // The keyboard goes away: the field is no longer being edited.
  void leave_field() {
    editing_ = 0;
    settle();
  }
  std::uint32_t editing() const { return editing_; }

  // The dyslexia-friendly font: asked for while the setting is on and it has not arrived; the
  // platform fetches it and hands it over.
  bool wants_dyslexia_font() const { return loop_.wants_dyslexia_font(); }
  void deliver_dyslexia_font() {
    loop_.set_dyslexia_font(open_dyslexic());
    settle();
  }

  // What a keyboard or screen reader does: activate the mirror element.
  void activate(ui::Role role, const std::string& name) {
    const ui::Node* node = find(role, name);
    REQUIRE_MESSAGE(node != nullptr, "no " << std::string(ui::role_name(role)) << " named \"" << name << "\"");
    ui::FrameInput input;
    input.activate_id = node->id;
    settle(input);
  }

  void browser_back() {
    platform.history_back();
    deliver_history();
    settle();
  }

  platform::MemoryPlatform platform;
  app::App app{platform};

 private:
  void deliver_history() {
    auto events = std::move(platform.popstate_events);
    platform.popstate_events.clear();
    for (const auto& path : events) app.dispatch(core::HistoryChanged{path});
  }

  platform::HeadlessBackend backend_;
  app::FrameLoop loop_;  // after app and backend_: it draws the one through the other
  std::uint32_t editing_ = 0;
};

// The content's words for a key, as the screen shows them (found by argument lookup: str(h, key)).
inline const std::string& str(const Harness& h, std::string_view key) { return h.app.state().content->str(key); }
// What the state keeps to say (a notice, an error), in the words the screen shows now.
inline std::string said(const Harness& h, const core::Message& message) {
  return core::render(*h.app.state().content, message);
}

}  // namespace cpa::test
