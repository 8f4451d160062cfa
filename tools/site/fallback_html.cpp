#include "tools/site/fallback_html.hpp"

#include "core/html.hpp"

namespace cpa::site {

std::string crisis_lines_html(const core::Content& content) {
  std::string html = "<ul class=\"crisis-lines\">\n";
  for (const auto& line : content.crisis_lines) {
    const std::string label =
        line.action == core::ContactAction::text
            ? content.format("help_now.text", {{"body", line.text_body}, {"number", line.number}})
            : content.format("help_now.call", {{"number", line.number}});
    html += "  <li data-line=\"" + core::escape_html(line.id) + "\">\n";
    html += "    <h2>" + core::escape_html(line.name) + "</h2>\n";
    html += "    <p>" + core::escape_html(line.purpose) + "</p>\n";
    html += "    <p class=\"hours\">" + core::escape_html(line.hours) + "</p>\n";
    html += "    <a class=\"call\" href=\"" + core::escape_html(line.href()) + "\">" + core::escape_html(label) + "</a>\n";
    if (!line.email.empty())
      html += "    <a class=\"email\" href=\"mailto:" + core::escape_html(line.email) + "\">" +
              core::escape_html(content.format("help_now.email", {{"email", line.email}})) + "</a>\n";
    html += "  </li>\n";
  }
  return html + "</ul>\n";
}

std::string render_index_html(std::string page, const core::Content& content) {
  const std::string marker = "<!--CRISIS_LINES-->";
  if (auto at = page.find(marker); at != std::string::npos) page.replace(at, marker.size(), crisis_lines_html(content));
  for (auto open = page.find("{{"); open != std::string::npos; open = page.find("{{", open)) {
    const auto close = page.find("}}", open);
    if (close == std::string::npos) break;
    const std::string key = page.substr(open + 2, close - open - 2);
    const std::string value = core::escape_html(key == "locale" ? content.locale : content.str(key));
    page.replace(open, close + 2 - open, value);
    open += value.size();
  }
  return page;
}

}  // namespace cpa::site
