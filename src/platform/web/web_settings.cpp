// Quick exit (web/lib_exit.js), the settings' own small store (web/lib_settings.js), and a
// language's own file (web/lib_heap.js).
#include "platform/web/js_api.hpp"
#include "platform/web/web_effects.hpp"

namespace cpa::platform::web {

void carry_out(const core::QuickExit& e) { cpa_js_quick_exit(e.url.c_str(), e.title.c_str()); }
void carry_out(const core::SaveSettings& e) { cpa_js_settings_save(e.document.c_str()); }
void carry_out(const core::LoadLanguage& e) { cpa_js_load_language(e.locale.c_str(), e.file.c_str(), e.wait_ms); }

}  // namespace cpa::platform::web
