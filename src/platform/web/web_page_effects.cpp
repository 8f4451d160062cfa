// The page's own effects: links, history, the live regions, print and download (web/lib_platform.js).
#include "platform/web/js_api.hpp"
#include "platform/web/web_effects.hpp"

namespace cpa::platform::web {

void carry_out(const core::OpenUrl& e) { cpa_js_open_url(e.url.c_str()); }
void carry_out(const core::PushHistory& e) { cpa_js_history(1, e.path.c_str()); }
void carry_out(const core::ReplaceHistory& e) { cpa_js_history(2, e.path.c_str()); }
void carry_out(const core::HistoryBack&) { cpa_js_history(3, ""); }
void carry_out(const core::Announce& e) { cpa_js_announce(e.text.c_str(), e.urgent ? 1 : 0); }
void carry_out(const core::PrintDocument& e) { cpa_js_print(e.title.c_str(), e.html_body.c_str()); }
void carry_out(const core::DownloadFile& e) {
  cpa_js_download(e.filename.c_str(), e.mime_type.c_str(), e.data.data(), static_cast<int>(e.data.size()));
}

}  // namespace cpa::platform::web
