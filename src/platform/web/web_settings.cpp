// Quick exit (web/lib_exit.js) and the settings' own small store (web/lib_settings.js).
#include "platform/web/js_api.hpp"
#include "platform/web/web_effects.hpp"

namespace cpa::platform::web {

void carry_out(const core::QuickExit& e) { cpa_js_quick_exit(e.url.c_str(), e.title.c_str()); }
void carry_out(const core::SaveSettings& e) { cpa_js_settings_save(e.document.c_str()); }

}  // namespace cpa::platform::web
