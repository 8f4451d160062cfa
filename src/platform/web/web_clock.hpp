#pragma once
// The core reads no clock: the platform tells it the time when it may need it (at start, before
// acting on input, when records load or arrive).
#include "platform/dispatcher.hpp"

namespace cpa::platform {

// Dispatches core::PlansClock with the browser's time and the person's local date, if either
// moved on (to the minute) since the core last heard.
void tell_clock(Dispatcher& app);

// Kiosk mode: the time on the clock the kiosk's actions and WakeAt use (performance.now()).
double kiosk_now_ms();
// The visitor did something (touch, mouse, wheel, key, screen reader): in kiosk mode, the quiet
// time starts again.  Called before the input is handled.
void tell_kiosk_activity(Dispatcher& app);

}  // namespace cpa::platform
