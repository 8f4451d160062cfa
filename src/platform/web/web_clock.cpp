#include "platform/web/web_clock.hpp"

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

}  // namespace cpa::platform
