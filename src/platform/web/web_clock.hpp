#pragma once
// The core reads no clock: the platform tells it the time when it may need it (at start, before
// acting on input, when records load or arrive).
#include "platform/dispatcher.hpp"

namespace cpa::platform {

// Dispatches core::PlansClock with the browser's time and the person's local date, if either
// moved on (to the minute) since the core last heard.
void tell_clock(Dispatcher& app);

}  // namespace cpa::platform
