#include "platform/web/web_page.hpp"

#include <emscripten.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <utility>

#include "core/support/input_limits.hpp"
#include "platform/web/js_api.hpp"

namespace cpa::platform {

void WebPage::install() { cpa_js_install(); }

// The address's fragment: a shared plan's link carries the whole plan in it (a full plan is over
// a thousand characters), so no small buffer may cut it.  One byte past the core's largest input
// is as far as it is read (as web/lib_heap.js does): the core refuses a longer one as too large.
std::string WebPage::initial_path() const {
  const int limit = static_cast<int>(core::max_input_bytes()) + 1;
  const int bytes = std::min(limit, EM_ASM_INT({ return lengthBytesUTF8(window.location.hash || ""); }));
  std::string hash(static_cast<std::size_t>(bytes) + 1, '\0');
  EM_ASM({ stringToUTF8(window.location.hash || "", $0, $1); }, hash.data(), bytes + 1);
  hash.resize(std::char_traits<char>::length(hash.data()));
  return hash;
}

std::string WebPage::release() const {
  std::array<char, 80> text{};
  EM_ASM({ stringToUTF8(document.documentElement.dataset.release || "", $0, $1); }, text.data(),
         static_cast<int>(text.size()));
  return text.data();
}

// navigator.languages, most wanted first ("cy-GB", "en").  A browser lists a few; the first 1 KB
// is plenty, and the core decides which of its languages they mean (core/content/language.hpp).
std::vector<std::string> WebPage::browser_languages() const {
  std::array<char, 1024> text{};
  EM_ASM(
      {
        var tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
        stringToUTF8(tags.join("\n"), $0, $1);
      },
      text.data(), static_cast<int>(text.size()));
  std::vector<std::string> tags;
  std::string tag;
  for (const char* c = text.data(); *c; ++c) {
    if (*c == '\n') {
      tags.push_back(std::move(tag));
      tag.clear();
    } else {
      tag += *c;
    }
  }
  if (!tag.empty()) tags.push_back(std::move(tag));
  return tags;
}

bool WebPage::kiosk_requested() const { return cpa_js_kiosk_requested() != 0; }

void WebPage::fail(const std::string& why) { cpa_js_app_failed(why.c_str()); }

core::DeviceDisplay WebPage::device_display() {
  const int bits = cpa_js_display_media();
  core::DeviceDisplay device{(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, {}};
  // Forced colours: the canvas is drawn in them too (the browser cannot force a canvas's).
  std::array<unsigned, 7> c{};
  if (device.forced_colors && cpa_js_system_colours(c.data(), static_cast<int>(c.size())))
    device.system = {true, c[0], c[1], c[2], c[3], c[4], c[5], c[6]};
  return device;
}

namespace {
std::string css_colour(std::uint32_t rgb) {
  std::array<char, 8> out{};
  std::snprintf(out.data(), out.size(), "#%06X", static_cast<unsigned>(rgb & 0xFFFFFFu));
  return out.data();
}
}  // namespace

void WebPage::show_display(core::AppliedTheme theme, std::uint32_t page_rgb, std::uint32_t bar_rgb,
                           bool dyslexia_font) {
  const std::string name(core::theme_name(theme));
  const std::string page = css_colour(page_rgb), bar = css_colour(bar_rgb);
  const std::string shown = name + page + bar + (dyslexia_font ? "+dyslexia" : "");
  if (shown == display_) return;
  display_ = shown;
  cpa_js_display_page(name.c_str(), page.c_str(), bar.c_str(), dyslexia_font ? 1 : 0);
}

void WebPage::show_mirror(const std::string& semantics_json) { cpa_js_update_mirror(semantics_json.c_str()); }

void WebPage::move_mirror(const std::vector<float>& positions) {
  cpa_js_move_mirror(positions.data(), static_cast<int>(positions.size()));
}

void WebPage::show_frame(std::uint32_t focus_input, bool choose_file) {
  if (focus_input) cpa_js_focus_input(focus_input);
  if (choose_file) cpa_js_choose_file();
  if (!ready_) {
    ready_ = true;
    cpa_js_app_ready();
  }
}

}  // namespace cpa::platform
