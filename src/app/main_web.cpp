// The program in the browser: the app, the web platform, page, backend and input, wired together.
// They live as long as the page: after main returns, the browser calls back into them.
#include <emscripten.h>

#include <cstdio>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/frame_loop.hpp"
#include "platform/web/entry_points.hpp"
#include "platform/web/js_api.hpp"
#include "platform/web/web_backend.hpp"
#include "platform/web/web_clock.hpp"
#include "platform/web/web_input.hpp"
#include "platform/web/web_page.hpp"
#include "platform/web/web_platform.hpp"

namespace cpa::app {
namespace {

// A file the page fetched (shell/loader.js, web/lib_settings.js), taken by its URL into our
// memory; empty when it has not arrived (web/lib_heap.js).
std::vector<unsigned char> take_asset(const char* url) {
  const int size = cpa_js_asset_size(url);
  if (size <= 0) return {};
  std::vector<unsigned char> bytes(static_cast<std::size_t>(size));
  if (!cpa_js_asset_take(url, bytes.data(), size)) return {};
  return bytes;
}

// ImGui's packed colour (0xAABBGGRR) as 0xRRGGBB.
std::uint32_t rgb(ImU32 colour) { return ((colour & 0xFFu) << 16) | (colour & 0xFF00u) | ((colour >> 16) & 0xFFu); }

struct WebProgram {
  platform::WebPlatform platform;
  App app{platform};
  platform::WebPage page;
  platform::WebBackend backend{{[this](bool show) { return frame(show); }, [this] { context_restored(); }}};
  platform::WebInput input{backend, app};
  FrameLoop loop{
      app,
      backend,
      {take_asset("fonts/NotoSans-Regular.ttf"), take_asset("fonts/NotoSans-Bold.ttf"), ui::noto_line_height_ratio}};
  ui::SemanticTree mirrored;  // what the page's mirror shows
  bool mirror_sent = false;
  std::vector<float> positions;
  bool dyslexia_font_asked = false;
  bool fonts_failed = false;
  bool first_frame = true;

  bool frame(bool show) {
    // The language the person reads is a later one on its way (core/content/language.hpp): the page
    // keeps its plain text, in both languages, until it is here rather than flash another.
    if (first_frame && core::language_pending(app.state())) return false;
    if (first_frame) cpa_js_mark("cpa-first-frame");
    first_frame = false;
    fetch_dyslexia_font();
    const bool changed = loop.frame(input.take(), show);
    if (!loop.fonts_ok()) {  // nothing was drawn: the page keeps its plain crisis numbers
      if (!fonts_failed) page.fail("The app's font could not be read.");
      fonts_failed = true;
      return false;
    }
    const core::AppliedTheme theme = core::applied_theme(app.state().display);
    const ui::Theme& colours = app.theme();
    page.show_display(theme, rgb(colours.page_bg), rgb(colours.bar_bg), loop.drawing_dyslexia_font());
    show_mirror(app.semantics());
    page.show_frame(app.output().focus_input, app.output().choose_import_file);
    return changed;
  }

  // The mirror follows the frame: while the screen only scrolls, just where its nodes now are
  // (no JSON made or parsed, and no element rebuilt); otherwise the whole tree.
  void show_mirror(const ui::SemanticTree& tree) {
    if (mirror_sent && tree.same_but_positions(mirrored)) {
      bool moved = false;
      for (std::size_t i = 0; i < tree.nodes.size() && !moved; ++i)
        moved = tree.nodes[i].rect != mirrored.nodes[i].rect;
      if (!moved) return;
      tree.positions(positions);
      page.move_mirror(positions);
      for (std::size_t i = 0; i < tree.nodes.size(); ++i) mirrored.nodes[i].rect = tree.nodes[i].rect;
      return;
    }
    page.show_mirror(tree.to_json());
    mirrored = tree;
    mirror_sent = true;
  }

  // The dyslexia-friendly font is fetched only for someone who turns it on.  When it was on at
  // the last visit, web/lib_settings.js fetched it with the settings, before the first frame.
  void fetch_dyslexia_font() {
    if (!loop.wants_dyslexia_font()) return;
    if (dyslexia_font_arrived()) return;
    if (!dyslexia_font_asked) cpa_js_load_dyslexia_font();  // answers cpa_fonts_loaded
    dyslexia_font_asked = true;
  }
  bool dyslexia_font_arrived() {
    const char* regular = "fonts/OpenDyslexic-Regular.otf";
    const char* bold = "fonts/OpenDyslexic-Bold.otf";
    if (cpa_js_asset_size(regular) <= 0 || cpa_js_asset_size(bold) <= 0) return false;
    ui::FontFiles files{take_asset(regular), take_asset(bold), ui::opendyslexic_line_height_ratio};
    if (files.regular.empty() || files.bold.empty()) return false;
    loop.set_dyslexia_font(std::move(files));
    return true;
  }

  void context_restored() {
    loop.refit_fonts();   // re-rasterise and re-upload the atlas
    mirror_sent = false;  // send the whole mirror again after the next frame
  }
};

// When the app cannot run here, the page keeps its plain-HTML fallback and says why.
void start(WebProgram& web) {
  const std::vector<unsigned char> bytes = take_asset("content.json");
  const std::string bundle(bytes.begin(), bytes.end());
  const bool loaded = !bundle.empty() && web.app.load_content(bundle);
  cpa_js_mark("cpa-content-parsed");
  if (!loaded) {
    std::string why = "The app's words could not be loaded.";
    for (const auto& p : web.app.content_problems()) why += " " + p.to_string();
    std::fprintf(stderr, "%s\n", why.c_str());
    web.page.fail(why);
    return;
  }
  if (!web.backend.start()) {
    web.page.fail("This browser cannot draw the app (WebGL2 is not available).");
    return;
  }
  web.input.install();
  platform::connect_entry_points(web.app, web.backend, web.input);
  web.page.install();
  platform::tell_clock(web.app);
  web.app.dispatch(core::ReleaseKnown{web.page.release()});
  web.app.dispatch(core::KioskStart{web.page.kiosk_requested(), platform::kiosk_now_ms()});
  web.app.dispatch(core::BrowserLanguages{web.page.browser_languages()});
  // The settings store was read before main() (web/lib_settings.js), so the first frame
  // already has the person's text size, colours, font and Quick exit: nothing flashes.
  web.app.dispatch(core::DeviceDisplayChanged{platform::WebPage::device_display()});
  std::string settings(4096, '\0');
  const int length = cpa_js_settings_document(settings.data(), static_cast<int>(settings.size()));
  settings.resize(length > 0 ? static_cast<std::size_t>(length) : 0);
  web.app.dispatch(core::SettingsLoaded{length >= 0, settings});
  // A kiosk keeps nothing: its store is never opened, so nothing can be written to it.
  if (!web.app.state().kiosk.active) web.platform.open_records();
  web.app.start(web.page.initial_path());
  web.backend.request_frames(3);
  cpa_js_mark("cpa-started");
}

}  // namespace
}  // namespace cpa::app

namespace {
cpa::app::WebProgram* program = nullptr;  // lives as long as the page
}  // namespace

// The dyslexia-friendly font's files have arrived (web/lib_settings.js), or could not be
// fetched (then the app's own font stays; the setting stays on, to try again next visit).
extern "C" EMSCRIPTEN_KEEPALIVE void cpa_fonts_loaded(int ok) {
  if (!program || !ok || !program->dyslexia_font_arrived()) return;
  program->backend.request_frames(2);
}

// The app stopped (shell/guard.js, after a fault or a step that ran too long): no event, frame
// or call from the page reaches the app again.  The program's memory is left as it is.
extern "C" EMSCRIPTEN_KEEPALIVE void cpa_stop() {
  emscripten_html5_remove_all_event_listeners();
  if (program) program->backend.stop();
  program = nullptr;
  cpa::platform::disconnect_entry_points();
}

int main() {
  cpa_js_mark("cpa-main");
  program = new cpa::app::WebProgram();
  cpa::app::start(*program);
  return 0;
}
