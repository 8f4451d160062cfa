#include "core/help_now/access_routes.hpp"

#include <algorithm>

#include "core/eligibility/eligibility.hpp"
#include "core/support/html.hpp"

namespace cpa::core {

std::vector<const CrisisLine*> access_routes_for(const Content& content, std::string_view nation) {
  const bool known = content.eligibility && content.eligibility->nation(nation);
  std::vector<const CrisisLine*> out;
  for (const auto& route : content.access.routes)
    if (!known || std::find(route.nations.begin(), route.nations.end(), nation) != route.nations.end())
      out.push_back(&route);
  return out;
}

AccessPanelView access_panel_view(const Content& content, const std::vector<const CrisisLine*>& routes, bool kiosk) {
  return {content.access.heading, content.access.intro, crisis_line_views(content, routes, kiosk)};
}

AccessPanelView access_panel_view(const Content& content, std::string_view nation, bool kiosk) {
  return access_panel_view(content, access_routes_for(content, nation), kiosk);
}

std::string access_panel_html(const AccessPanelView& panel, int level) {
  const std::string h = "h" + std::to_string(level);
  return "<section class=\"access-routes\">\n<" + h + ">" + escape_html(panel.heading) + "</" + h + ">\n<p>" +
         escape_html(panel.intro) + "</p>\n<ul>\n" + crisis_lines_html(panel.routes) + "</ul>\n</section>\n";
}

SmsRegistrationView sms_registration_view(const Content& content, bool kiosk) {
  const auto& registration = content.access.registration;
  return {registration.heading, registration.intro, registration.steps,
          crisis_line_view(content, registration.text, kiosk)};
}

}  // namespace cpa::core
