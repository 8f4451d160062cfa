#include "tools/site/fallback_html.hpp"

#include <algorithm>

#include "core/help_now/access_routes.hpp"
#include "core/help_now/help_now.hpp"
#include "core/support/html.hpp"
#include "core/support/input_limits.hpp"

namespace cpa::site {

namespace {

// Text in the page's first language, then the same in the other one (when the site has one and
// its words differ), marked with its own lang so a screen reader speaks it as that language.
std::string both(const std::string& first, const std::string& other, const core::Content* second) {
  std::string html = core::escape_html(first);
  if (second && !other.empty() && other != first)
    html += " <span class=\"other-language\" lang=\"" + core::escape_html(second->locale) + "\">" +
            core::escape_html(other) + "</span>";
  return html;
}

// The same line or route in the other language: same id, so the same number (content/common).
const core::CrisisLine* same_line(const core::Content* second, const core::CrisisLine& line) {
  if (!second) return nullptr;
  if (const auto* found = second->crisis_line(line.id)) return found;
  return second->access_route(line.id);
}

// One line: its number once, its words in both languages.
void add_line(const core::Content& content, const core::Content* second, const core::CrisisLine& line,
              std::string& html) {
  const core::CrisisLine* other = same_line(second, line);
  const auto in_other = [&](auto field) { return other ? field(*other) : std::string(); };
  html += "  <li data-line=\"" + core::escape_html(line.id) + "\">\n";
  html += "    <h3>" + both(line.name, in_other([](const auto& l) { return l.name; }), second) + "</h3>\n";
  html += "    <p>" + both(line.purpose, in_other([](const auto& l) { return l.purpose; }), second) + "</p>\n";
  if (!line.hours.empty())
    html += "    <p class=\"hours\">" + both(line.hours, in_other([](const auto& l) { return l.hours; }), second) +
            "</p>\n";
  // elementtiming: the browser reports when each number is painted (./cpa bench times it).
  html += "    <a class=\"call\" elementtiming=\"crisis-line\" href=\"" + core::escape_html(line.href()) + "\">" +
          both(core::crisis_line_action_label(content, line),
               other ? core::crisis_line_action_label(*second, *other) : std::string(), second) +
          "</a>\n";
  if (!line.email.empty())
    html += "    <a class=\"email\" href=\"mailto:" + core::escape_html(line.email) + "\">" +
            core::escape_html(content.format("help_now.email", {{"email", line.email}})) + "</a>\n";
  html += "  </li>\n";
}

std::string heading2(const core::Content& content, const core::Content* second, const std::string& key) {
  return "<h2>" + both(content.str(key), second ? second->str(key) : std::string(), second) + "</h2>\n";
}

}  // namespace

// The same groups as Help now with no nation known (a plain page cannot know where you are),
// then the panel for people who cannot make a voice call, then the trust's own lines.
std::string crisis_lines_html(const core::Content& content, const core::Content* second) {
  std::string html = core::example_notice_html(content);  // an example site says so before its numbers
  const auto other_groups =
      second ? core::help_now_line_groups(*second, {}) : decltype(core::help_now_line_groups(content, {})){};
  for (const auto& group : core::help_now_line_groups(content, {})) {
    // The same group in the other language: the one for the same nations (the lines are shared).
    const auto other = std::find_if(other_groups.begin(), other_groups.end(),
                                    [&](const core::CrisisLineGroup& g) { return g.nations == group.nations; });
    const std::string other_heading = other == other_groups.end() ? std::string() : other->heading;
    if (!group.heading.empty()) html += "<h2>" + both(group.heading, other_heading, second) + "</h2>\n";
    html += "<ul class=\"crisis-lines\">\n";
    for (const auto* line : group.lines) add_line(content, second, *line, html);
    html += "</ul>\n";
  }
  // The routes for people who cannot make a voice call, all of them (where you are is not known).
  html += "<section id=\"fallback-access\">\n<h2>" +
          both(content.access.heading, second ? second->access.heading : std::string(), second) + "</h2>\n<p>" +
          both(content.access.intro, second ? second->access.intro : std::string(), second) +
          "</p>\n<ul class=\"crisis-lines\">\n";
  for (const auto* route : core::access_routes_for(content, {})) add_line(content, second, *route, html);
  html += "</ul>\n</section>\n";
  const auto local = core::local_crisis_lines(content);
  if (!local.empty()) {
    html += heading2(content, second, "help_now.local_heading") + "<ul class=\"crisis-lines\">\n";
    for (const auto* line : local) add_line(content, second, *line, html);
    html += "</ul>\n";
  }
  return html;
}

// The panel the compositor shows while the page is stuck (shell/guard.js): every line of the
// plain page, its name and what to do, in one short list that nothing needs to tap.
std::string stall_lines_html(const core::Content& content) {
  std::vector<const core::CrisisLine*> lines;
  for (const auto& group : core::help_now_line_groups(content, {}))
    lines.insert(lines.end(), group.lines.begin(), group.lines.end());
  for (const auto* line : core::local_crisis_lines(content)) lines.push_back(line);
  std::string html = "<ul>\n";
  for (const auto* line : lines)
    html += "  <li data-line=\"" + core::escape_html(line->id) + "\"><b>" + core::escape_html(line->name) + "</b> " +
            core::escape_html(core::crisis_line_action_label(content, *line)) + "</li>\n";
  return html + "</ul>\n";
}

namespace {

// {{key}}: a string from content (the first language's), the locale, or a limit the page's
// scripts check (core/support/input_limits.hpp).  {{both:key}}: the string in both languages, as HTML
// (element text only).  {{other:key}}: the other language's alone ("" without one), for the
// scripts to say beside the first (shell/guard.js).
std::string placeholder_html(const core::Content& content, const core::Content* second, const std::string& key) {
  if (key == "locale") return content.locale;
  if (key == "limits.store_record_bytes") return std::to_string(core::max_store_record_bytes());
  if (key.rfind("both:", 0) == 0) {
    const std::string k = key.substr(5);
    return both(content.str(k), second ? second->str(k) : std::string(), second);
  }
  if (key.rfind("other:", 0) == 0) {
    if (!second) return {};
    const std::string k = key.substr(6);
    return core::escape_html(k == "locale" ? second->locale : second->str(k));
  }
  return core::escape_html(content.str(key));
}

void replace_marker(std::string& page, const std::string& marker, const std::string& html) {
  if (auto at = page.find(marker); at != std::string::npos) page.replace(at, marker.size(), html);
}

}  // namespace

std::string render_index_html(std::string page, const core::Content& content, const core::Content* second) {
  replace_marker(page, "<!--CRISIS_LINES-->", crisis_lines_html(content, second));
  replace_marker(page, "<!--STALL_LINES-->", stall_lines_html(content));
  for (auto open = page.find("{{"); open != std::string::npos; open = page.find("{{", open)) {
    const auto close = page.find("}}", open);
    if (close == std::string::npos) break;
    const std::string key = page.substr(open + 2, close - open - 2);
    const std::string value = placeholder_html(content, second, key);
    page.replace(open, close + 2 - open, value);
    open += value.size();
  }
  return page;
}

}  // namespace cpa::site
