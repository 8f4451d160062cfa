#include "tools/site/fallback_html.hpp"

namespace cpa::site {

std::string html_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string crisis_lines_html(const core::Content& content) {
  std::string html = "<ul class=\"crisis-lines\">\n";
  for (const auto& line : content.crisis_lines) {
    const std::string label =
        line.action == core::ContactAction::text
            ? content.format("help_now.text", {{"body", line.text_body}, {"number", line.number}})
            : content.format("help_now.call", {{"number", line.number}});
    html += "  <li data-line=\"" + html_escape(line.id) + "\">\n";
    html += "    <h2>" + html_escape(line.name) + "</h2>\n";
    html += "    <p>" + html_escape(line.purpose) + "</p>\n";
    html += "    <p class=\"hours\">" + html_escape(line.hours) + "</p>\n";
    html += "    <a class=\"call\" href=\"" + html_escape(line.href()) + "\">" + html_escape(label) + "</a>\n";
    if (!line.email.empty())
      html += "    <a class=\"email\" href=\"mailto:" + html_escape(line.email) + "\">" +
              html_escape(content.format("help_now.email", {{"email", line.email}})) + "</a>\n";
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
    const std::string value = html_escape(key == "locale" ? content.locale : content.str(key));
    page.replace(open, close + 2 - open, value);
    open += value.size();
  }
  return page;
}

}  // namespace cpa::site
