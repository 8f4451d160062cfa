#include "platform/web/web_platform.hpp"

#include "platform/web/js_api.hpp"

namespace cpa::platform {

void WebPlatform::open_url(const std::string& url) { cpa_js_open_url(url.c_str()); }
void WebPlatform::history_push(const std::string& path) { cpa_js_history(1, path.c_str()); }
void WebPlatform::history_replace(const std::string& path) { cpa_js_history(2, path.c_str()); }
void WebPlatform::history_back() { cpa_js_history(3, ""); }
void WebPlatform::announce(const std::string& text) { cpa_js_announce(text.c_str()); }

}  // namespace cpa::platform
