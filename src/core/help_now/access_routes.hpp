#pragma once
// Help for people who are deaf or cannot speak on the phone (access_routes.json): which routes
// show for a nation, decided once here, and the panel every surface draws from it: Help now,
// the walk-through's help step and result (and its printed page and file), the carer's view
// and its card, and the plain page.  Hazard log H14.
#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.hpp"
#include "core/help_now/crisis_view.hpp"

namespace cpa::core {

// Every UK-wide route, plus the nation's own, in content order; every route when the nation is
// not known (the plain page, a share link that names none), each named for where it works.
std::vector<const CrisisLine*> access_routes_for(const Content& content, std::string_view nation);

// The panel: "If you are deaf or cannot speak on the phone", a line of intro, and each route as
// a crisis line is shown (on a kiosk: the number or address to copy, nothing to tap).
struct AccessPanelView {
  std::string heading;
  std::string intro;
  std::vector<CrisisLineView> routes;
};
AccessPanelView access_panel_view(const Content& content, const std::vector<const CrisisLine*>& routes, bool kiosk);
AccessPanelView access_panel_view(const Content& content, std::string_view nation, bool kiosk);
// For paper and files: <section class="access-routes"><hN>heading</hN><p>intro</p><ul>...</ul></section>.
std::string access_panel_html(const AccessPanelView& panel, int level);

// The crisis plan's card: register the phone for emergency SMS now, before it is needed.
struct SmsRegistrationView {
  std::string heading;
  std::string intro;
  std::vector<std::string> steps;
  CrisisLineView text;  // "Text register to 999" (sms:999?body=register); no link on a kiosk
};
SmsRegistrationView sms_registration_view(const Content& content, bool kiosk);

}  // namespace cpa::core
