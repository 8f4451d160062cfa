// The program in the browser: the app, the web platform, page, backend and input, wired together.
// They live as long as the page: after main returns, the browser calls back into them.
#include <emscripten.h>

#include <cstdio>
#include <fstream>
#include <iterator>
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

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// ImGui's packed colour (0xAABBGGRR) as 0xRRGGBB.
std::uint32_t rgb(ImU32 colour) { return ((colour & 0xFFu) << 16) | (colour & 0xFF00u) | ((colour >> 16) & 0xFFu); }

std::vector<unsigned char> read_bytes(const char* path) {
  const std::string data = read_file(path);
  return std::vector<unsigned char>(data.begin(), data.end());
}

struct WebProgram {
  platform::WebPlatform platform;
  App app{platform};
  platform::WebPage page;
  platform::WebBackend backend{{[this](bool show) { return frame(show); }, [this] { context_restored(); }}};
  platform::WebInput input{backend, app};
  FrameLoop loop{app,
                 backend,
                 {read_bytes("/assets/fonts/NotoSans-Regular.ttf"), read_bytes("/assets/fonts/NotoSans-Bold.ttf"),
                  ui::noto_line_height_ratio}};
  bool dyslexia_font_asked = false;

  bool frame(bool show) {
    fetch_dyslexia_font();
    const bool changed = loop.frame(input.take(), show);
    const core::AppliedTheme theme = core::applied_theme(app.state().display);
    const ui::Theme& colours = app.theme();
    page.show_display(theme, rgb(colours.page_bg), rgb(colours.bar_bg), loop.drawing_dyslexia_font());
    page.show_frame(app.semantics().to_json(), app.output().focus_input, app.output().choose_import_file);
    return changed;
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
    ui::FontFiles files{read_bytes("/assets/fonts/OpenDyslexic-Regular.otf"),
                        read_bytes("/assets/fonts/OpenDyslexic-Bold.otf"), ui::opendyslexic_line_height_ratio};
    if (files.regular.empty() || files.bold.empty()) return false;
    loop.set_dyslexia_font(std::move(files));
    return true;
  }

  void context_restored() {
    loop.refit_fonts();  // re-rasterise and re-upload the atlas
    page.resend_mirror();
  }
};

// When the app cannot run here, the page keeps its plain-HTML fallback and says why.
void start(WebProgram& web) {
  const std::string bundle = read_file("/assets/content.json");
  if (bundle.empty() || !web.app.load_content(bundle)) {
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
  web.app.dispatch(core::KioskStart{web.page.kiosk_requested(), platform::kiosk_now_ms()});
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
}

}  // namespace
}  // namespace cpa::app

namespace {
cpa::app::WebProgram* program = nullptr;  // lives as long as the page
}  // namespace

// The dyslexia-friendly font's files are in /assets/fonts (web/lib_settings.js), or could not be
// fetched (then the app's own font stays; the setting stays on, to try again next visit).
extern "C" EMSCRIPTEN_KEEPALIVE void cpa_fonts_loaded(int ok) {
  if (!program || !ok || !program->dyslexia_font_arrived()) return;
  program->backend.request_frames(2);
}

int main() {
  program = new cpa::app::WebProgram();
  cpa::app::start(*program);
  return 0;
}
