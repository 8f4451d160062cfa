#include "platform/web/web_page.hpp"

#include <emscripten.h>

#include <utility>

#include "platform/web/js_api.hpp"

namespace cpa::platform {

void WebPage::install() { cpa_js_install(); }

std::string WebPage::initial_path() const {
  char hash[256] = {0};
  EM_ASM({ stringToUTF8(window.location.hash || "", $0, $1); }, hash, static_cast<int>(sizeof hash));
  return hash;
}

bool WebPage::kiosk_requested() const { return cpa_js_kiosk_requested() != 0; }

void WebPage::fail(const std::string& why) { cpa_js_app_failed(why.c_str()); }

void WebPage::show_frame(std::string semantics_json, std::uint32_t focus_input, bool choose_file) {
  if (semantics_json != mirror_json_) {
    mirror_json_ = std::move(semantics_json);
    cpa_js_update_mirror(mirror_json_.c_str());
  }
  if (focus_input) cpa_js_focus_input(focus_input);
  if (choose_file) cpa_js_choose_file();
  if (!ready_) {
    ready_ = true;
    cpa_js_app_ready();
  }
}

}  // namespace cpa::platform
