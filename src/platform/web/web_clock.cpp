#include "platform/web/web_clock.hpp"

#include <emscripten.h>

#include <string>

#include "platform/web/js_api.hpp"

namespace cpa::platform {

void tell_clock(Dispatcher& app) {
  char now[40] = {0}, today[16] = {0};
  cpa_js_clock(now, sizeof now, today, sizeof today);
  const auto& plans = app.state().plans;
  if (plans.now_utc.substr(0, 16) == std::string(now).substr(0, 16) && plans.today == today) return;
  app.dispatch(core::PlansClock{now, today});
}

double kiosk_now_ms() { return emscripten_get_now(); }

void tell_kiosk_activity(Dispatcher& app) {
  const double now = kiosk_now_ms();
  if (app.state().kiosk.active) app.dispatch(core::KioskActivity{now});
  // Locked too: typing the passphrase is use, so the idle time starts again from the unlocking.
  app.dispatch(core::LockActivity{now});
  app.dispatch(core::PlansActivity{now});  // typing (for merging another tab's save), and retrying a failed save
}

}  // namespace cpa::platform
