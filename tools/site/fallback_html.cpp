#include "tools/site/fallback_html.hpp"

#include "core/access_routes.hpp"
#include "core/help_now.hpp"
#include "core/html.hpp"
#include "core/input_limits.hpp"

namespace cpa::site {

namespace {

void add_line(const core::Content& content, const core::CrisisLine& line, std::string& html) {
  html += "  <li data-line=\"" + core::escape_html(line.id) + "\">\n";
  html += "    <h3>" + core::escape_html(line.name) + "</h3>\n";
  html += "    <p>" + core::escape_html(line.purpose) + "</p>\n";
  if (!line.hours.empty()) html += "    <p class=\"hours\">" + core::escape_html(line.hours) + "</p>\n";
  // elementtiming: the browser reports when each number is painted (./cpa bench times it).
  html += "    <a class=\"call\" elementtiming=\"crisis-line\" href=\"" + core::escape_html(line.href()) + "\">" +
          core::escape_html(core::crisis_line_action_label(content, line)) + "</a>\n";
  if (!line.email.empty())
    html += "    <a class=\"email\" href=\"mailto:" + core::escape_html(line.email) + "\">" +
            core::escape_html(content.format("help_now.email", {{"email", line.email}})) + "</a>\n";
  html += "  </li>\n";
}

}  // namespace

// The same groups as Help now with no nation known (a plain page cannot know where you are),
// then the panel for people who cannot make a voice call, then the trust's own lines.
std::string crisis_lines_html(const core::Content& content) {
  std::string html = core::example_notice_html(content);  // an example site says so before its numbers
  for (const auto& group : core::help_now_line_groups(content, {})) {
    if (!group.heading.empty()) html += "<h2>" + core::escape_html(group.heading) + "</h2>\n";
    html += "<ul class=\"crisis-lines\">\n";
    for (const auto* line : group.lines) add_line(content, *line, html);
    html += "</ul>\n";
  }
  // The routes for people who cannot make a voice call, all of them (where you are is not known).
  html += "<section id=\"fallback-access\">\n<h2>" + core::escape_html(content.access.heading) + "</h2>\n<p>" +
          core::escape_html(content.access.intro) + "</p>\n<ul class=\"crisis-lines\">\n";
  for (const auto* route : core::access_routes_for(content, {})) add_line(content, *route, html);
  html += "</ul>\n</section>\n";
  const auto local = core::local_crisis_lines(content);
  if (!local.empty()) {
    html += "<h2>" + core::escape_html(content.str("help_now.local_heading")) + "</h2>\n<ul class=\"crisis-lines\">\n";
    for (const auto* line : local) add_line(content, *line, html);
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

// {{key}}: a string from content, the locale, or a limit the page's scripts check
// (core/input_limits.hpp).
std::string placeholder_value(const core::Content& content, const std::string& key) {
  if (key == "locale") return content.locale;
  if (key == "limits.store_record_bytes") return std::to_string(core::max_store_record_bytes());
  return content.str(key);
}

void replace_marker(std::string& page, const std::string& marker, const std::string& html) {
  if (auto at = page.find(marker); at != std::string::npos) page.replace(at, marker.size(), html);
}

}  // namespace

std::string render_index_html(std::string page, const core::Content& content) {
  replace_marker(page, "<!--CRISIS_LINES-->", crisis_lines_html(content));
  replace_marker(page, "<!--STALL_LINES-->", stall_lines_html(content));
  for (auto open = page.find("{{"); open != std::string::npos; open = page.find("{{", open)) {
    const auto close = page.find("}}", open);
    if (close == std::string::npos) break;
    const std::string key = page.substr(open + 2, close - open - 2);
    const std::string value = core::escape_html(placeholder_value(content, key));
    page.replace(open, close + 2 - open, value);
    open += value.size();
  }
  return page;
}

}  // namespace cpa::site
