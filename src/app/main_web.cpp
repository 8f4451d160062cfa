// The program in the browser: the app, the web platform, page, backend and input, wired together.
// They live as long as the page: after main returns, the browser calls back into them.
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
  FrameLoop loop{
      app, backend, {read_bytes("/assets/fonts/NotoSans-Regular.ttf"), read_bytes("/assets/fonts/NotoSans-Bold.ttf")}};

  bool frame(bool show) {
    const bool changed = loop.frame(input.take(), show);
    page.show_frame(app.semantics().to_json(), app.output().focus_input, app.output().choose_import_file);
    return changed;
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
  // already shows Quick exit, or not: it never flashes.
  const int quick_exit = cpa_js_settings_quick_exit();
  web.app.dispatch(core::SettingsLoaded{quick_exit >= 0, quick_exit != 0});
  // A kiosk keeps nothing: its store is never opened, so nothing can be written to it.
  if (!web.app.state().kiosk.active) web.platform.open_records();
  web.app.start(web.page.initial_path());
  web.backend.request_frames(3);
}

}  // namespace
}  // namespace cpa::app

int main() {
  cpa::app::start(*new cpa::app::WebProgram());
  return 0;
}
