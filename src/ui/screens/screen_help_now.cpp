// Help now: every crisis line for where the person is, then their own contacts.  What shows and
// in what order is core's (core/help_now/help_now.hpp); this file only draws it.
#include <algorithm>

#include "core/help_now/access_routes.hpp"
#include "core/help_now/help_now.hpp"
#include "core/plans/plan_phone.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

void draw_personal_contact(Ui& ui, const core::PersonalContact& contact) {
  ui.begin_panel();
  // A contact from the plain page's record (plans a newer release saved) has its label only.
  const std::string& title = !contact.name.empty() ? contact.name : contact.number;
  if (!title.empty()) ui.heading(title, 3);
  if (!contact.relationship.empty()) ui.paragraph(contact.relationship, ui.theme().text_muted);
  if (!contact.when.empty()) ui.paragraph(contact.when);
  if (contact.href.empty() && !contact.name.empty() && !contact.number.empty()) ui.paragraph(contact.number);
  if (contact.href.empty() && title.empty()) ui.paragraph(contact.label);
  // The warning comes before the call button, and a warned contact's button is not the primary
  // one the checked lines above use.
  if (contact.warning.shown()) ui.warning(contact.warning.text);
  if (!contact.href.empty())
    ui.link_button(contact.label, contact.href, contact.warning.shown() ? ButtonKind::secondary : ButtonKind::primary);
  ui.end_panel();
  ui.gap(Space::item);
}

// The person's own plan, after the national lines: it needs nothing but what is on the device.
void draw_personal(Ui& ui) {
  if (core::plans_locked(ui.state())) {
    // The national and trust lines above work as always; the person's own contacts wait.
    draw_unlock_panel(ui, ui.str("plans.lock.help_now_locked"), 2);
    return;
  }
  int index = 0;
  ImGui::PushID("personal");
  for (const auto& section : core::help_now_personal(ui.text(), ui.state().plans)) {
    ui.heading(section.heading, 2);
    for (const auto& contact : section.contacts) {
      ImGui::PushID(index++);
      draw_personal_contact(ui, contact);
      ImGui::PopID();
    }
    if (!section.items.empty()) ui.bullets(section.items);
  }
  ImGui::PopID();
}

void draw_line_panel(Ui& ui, const core::CrisisLine& line, int level) {
  ui.begin_panel();
  draw_crisis_line(ui, core::crisis_line_view(ui.state(), line), level);
  ui.end_panel();
  ui.gap(Space::item);
}

// Services the trust names (a safe haven, a drop-in): who they are for, and how to reach them.
void draw_local_services(Ui& ui, const core::Deployment& deployment) {
  if (deployment.services.empty()) return;
  ImGui::PushID("services");
  ui.heading(ui.text().format("help_now.services_heading", {{"trust", deployment.trust_name}}), 2);
  for (const auto& service : deployment.services) {
    ImGui::PushID(service.name.c_str());
    ui.begin_panel();
    ui.heading(service.name, 3);
    const std::uint32_t name = ui.last_node();  // its call link is described by its name
    ui.set_last_lang(service.words_lang);
    ui.paragraph(service.purpose);
    ui.set_last_lang(service.words_lang);
    if (!service.phone.empty() && ui.state().kiosk.active)
      draw_kiosk_phone_number(ui, ui.str("kiosk.help_now.copy_number"), core::display_phone(service.phone));
    else if (!service.phone.empty())
      ui.link_button(ui.text().format("help_now.call", {{"number", core::display_phone(service.phone)}}),
                     core::phone_href(service.phone), ButtonKind::primary, name);
    if (!service.url.empty()) ui.text_link(service.url, service.url);
    ui.end_panel();
    ui.gap(Space::item);
    ImGui::PopID();
  }
  ImGui::PopID();
}

}  // namespace

void draw_help_now(Ui& ui) {
  const auto& content = ui.text();
  ui.set_title(ui.str("help_now.title"));
  ui.heading(ui.str("help_now.title"), 1);
  ui.paragraph(ui.str("help_now.intro"));
  if (ui.state().kiosk.active) ui.paragraph(ui.str("kiosk.help_now.no_phone"), ui.theme().text, ui.fonts().bold);
  ui.gap(Space::item);
  std::vector<core::Source> sources;
  auto cite = [&](const core::CrisisLine& line) {
    for (const auto& id : line.source_ids) {
      const auto* source = content.source(id);
      const bool listed =
          std::any_of(sources.begin(), sources.end(), [&](const core::Source& s) { return s.id == id; });
      if (source && !listed) sources.push_back(*source);
    }
  };
  const std::string nation = core::help_now_nation(content, ui.state().eligibility);
  for (const auto& group : core::help_now_line_groups(content, nation)) {
    if (!group.heading.empty()) ui.heading(group.heading, 2);
    for (const auto* line : group.lines) {
      draw_line_panel(ui, *line, group.heading.empty() ? 2 : 3);
      cite(*line);
    }
  }
  // For someone who cannot make a voice call: straight after the national lines.
  const auto routes = core::access_routes_for(content, nation);
  draw_access_panel(ui, core::access_panel_view(content, routes, ui.state().kiosk.active), 2);
  for (const auto* route : routes) cite(*route);
  ui.heading(ui.str("help_now.local_heading"), 2);
  const auto local = core::local_crisis_lines(content);
  if (local.empty()) ui.paragraph(ui.str("help_now.local_none"));
  for (const auto* line : local) draw_line_panel(ui, *line, 3);
  draw_local_services(ui, content.deployment);
  if (!ui.state().kiosk.active) draw_personal(ui);  // a kiosk keeps no one's plans
  draw_sources(ui, sources);
}

}  // namespace cpa::ui
