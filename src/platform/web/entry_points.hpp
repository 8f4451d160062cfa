#pragma once
// The functions web/lib_*.js calls (extern "C", kept alive for JavaScript) reach the app through
// these: the mirror's events go to WebInput, the page's size to WebBackend, and the browser's
// Back, storage and imported files to the core.  Until connected, the calls are ignored.
#include "platform/dispatcher.hpp"
#include "platform/web/web_backend.hpp"
#include "platform/web/web_input.hpp"

namespace cpa::platform {

void connect_entry_points(Dispatcher& app, WebBackend& backend, WebInput& input);
// After the app has stopped (shell/guard.js calls cpa_stop): the calls are ignored again.
void disconnect_entry_points();

}  // namespace cpa::platform
