// A waiting-room kiosk: a timer in web/lib_platform.js calls cpa_kiosk_wake; a visit's traces
// outside the app's memory are cleared there too.
#include "platform/web/js_api.hpp"
#include "platform/web/web_effects.hpp"

namespace cpa::platform::web {

void carry_out(const core::WakeAt& e) { cpa_js_wake_at(e.at_ms); }
void carry_out(const core::ClearVisit&) { cpa_js_kiosk_clear_visit(); }

}  // namespace cpa::platform::web
