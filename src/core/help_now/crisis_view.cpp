#include "core/help_now/crisis_view.hpp"

#include "core/support/html.hpp"
#include "core/state.hpp"

namespace cpa::core {

CrisisLineView crisis_line_view(const Content& content, const CrisisLine& line, bool kiosk) {
  CrisisLineView view;
  view.id = line.id;
  view.name = line.name;
  view.purpose = line.purpose;
  view.hours = line.hours;
  view.words_lang = line.words_lang;
  view.action_label = crisis_line_action_label(content, line);
  view.source_ids = line.source_ids;
  if (kiosk) {
    // A kiosk has no phone line, and a video call or a website belongs on the visitor's own device.
    switch (line.action) {
      case ContactAction::text:
        view.copy_instruction = content.str("kiosk.help_now.copy_text");
        view.copy_text = view.action_label;
        break;
      case ContactAction::web:
        view.copy_instruction = content.str("kiosk.help_now.copy_web");
        view.copy_text = web_address_shown(line.url);
        break;
      case ContactAction::call:
        view.copy_instruction = content.str("kiosk.help_now.copy_number");
        view.copy_text = line.number;
        break;
    }
  } else {
    view.href = line.href();
  }
  if (!line.email.empty()) {
    view.email_label = content.format("help_now.email", {{"email", line.email}});
    if (!kiosk) view.email_href = "mailto:" + line.email;
  }
  return view;
}

CrisisLineView crisis_line_view(const State& state, const CrisisLine& line) {
  return crisis_line_view(state.text(), line, state.kiosk.active);
}

std::vector<CrisisLineView> crisis_line_views(const Content& content, const std::vector<const CrisisLine*>& lines,
                                              bool kiosk) {
  std::vector<CrisisLineView> out;
  out.reserve(lines.size());
  for (const auto* line : lines) out.push_back(crisis_line_view(content, *line, kiosk));
  return out;
}

std::vector<CrisisLineView> crisis_line_views(const State& state, const std::vector<const CrisisLine*>& lines) {
  return crisis_line_views(state.text(), lines, state.kiosk.active);
}

std::string crisis_lines_html(const std::vector<CrisisLineView>& lines) {
  std::string out;
  for (const auto& line : lines) {
    out += "<li><strong>" + escape_html(line.name) + "</strong>: ";
    out += line.href.empty() ? escape_html(line.copy_text.empty() ? line.action_label : line.copy_text)
                             : "<a href=\"" + escape_html(line.href) + "\">" + escape_html(line.action_label) + "</a>";
    out += ". " + escape_html(line.purpose);
    if (!line.hours.empty()) out += " " + escape_html(line.hours) + ".";
    out += "</li>\n";
  }
  return out;
}

}  // namespace cpa::core
