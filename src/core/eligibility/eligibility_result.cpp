// The result of "Could I get CPA support?" as one view: the screen draws it, and the printed
// page and the saved file are written from it, so all three say the same.
#include <algorithm>

#include "core/help_now/access_routes.hpp"
#include "core/help_now/crisis_view.hpp"
#include "core/eligibility/eligibility.hpp"
#include "core/plans/plan_reviews.hpp"

namespace cpa::core {
namespace {

void add_crisis_lines_html(const Content& content, const ResultView& view, int level, std::string& out) {
  const std::string h = "h" + std::to_string(level);
  out += "<section class=\"crisis-lines\">\n<" + h + ">" + escape_html(view.crisis_heading) + "</" + h + ">\n";
  if (!view.crisis_intro.empty()) out += "<p>" + escape_html(view.crisis_intro) + "</p>\n";
  out += "<ul>\n" + crisis_lines_html(crisis_line_views(content, view.crisis_lines, false));
  out += "</ul>\n</section>\n";
  // Wherever the crisis lines are, the routes for someone who cannot make a voice call follow.
  out += access_panel_html(access_panel_view(content, view.access_routes, false), level + 1);
}

void add_blocks_html(const Content& content, const Page& page, int heading_level, std::string& out) {
  const std::string h = "h" + std::to_string(heading_level);
  for (const auto& block : page.blocks) {
    switch (block.kind) {
      case Block::Kind::heading: out += "<" + h + ">" + escape_html(block.text) + "</" + h + ">\n"; break;
      case Block::Kind::paragraph: out += "<p>" + escape_html(block.text) + "</p>\n"; break;
      case Block::Kind::bullets:
        out += "<ul>\n";
        for (const auto& item : block.items) out += "<li>" + escape_html(item) + "</li>\n";
        out += "</ul>\n";
        break;
      case Block::Kind::link:
        if (!block.url.empty()) {
          out += "<p><a href=\"" + escape_html(block.url) + "\">" + escape_html(block.text) + "</a> (" +
                 escape_html(block.url) + ")</p>\n";
        } else if (const Page* target = content.page(block.page)) {
          // On paper an in-app link cannot be tapped: say where to find the page instead.
          out +=
              "<p>" + escape_html(content.format("eligibility.print.read_more", {{"title", target->title}})) + "</p>\n";
        }
        break;
    }
  }
}

void add_list_html(const std::string& heading, const std::string& intro, const std::vector<std::string>& items,
                   std::string& out) {
  if (items.empty()) return;
  out += "<h2>" + escape_html(heading) + "</h2>\n";
  if (!intro.empty()) out += "<p>" + escape_html(intro) + "</p>\n";
  out += "<ul>\n";
  for (const auto& item : items) out += "<li>" + escape_html(item) + "</li>\n";
  out += "</ul>\n";
}

}  // namespace

std::vector<Source> result_sources(const Content& content, const EligibilityResult& result) {
  std::vector<Source> out;
  auto add = [&](const Source& s) {
    if (std::none_of(out.begin(), out.end(), [&](const Source& o) { return o.id == s.id; })) out.push_back(s);
  };
  auto add_id = [&](const std::string& id) {
    if (const Source* s = content.source(id)) add(*s);
  };
  if (!result.page) return out;
  const auto& e = *content.eligibility;
  for (const auto& s : result.page->page.sources) add(s);
  for (const auto& id : result.page->sections)
    if (const Page* section = e.section(id))
      for (const auto& s : section->sources) add(s);
  if (result.nation && result.nation->asks_questions)
    for (const auto& q : e.questions)
      for (const auto& id : q.sources) add_id(id);
  for (const auto* line : crisis_lines_for(content, result.nation->id))
    for (const auto& id : line->source_ids) add_id(id);
  for (const auto* route : access_routes_for(content, result.nation->id))
    for (const auto& id : route->source_ids) add_id(id);
  return out;
}

ResultView result_view(const Content& content, const EligibilityState& state) {
  ResultView view;
  if (!content.eligibility) return view;
  const auto& e = *content.eligibility;
  const auto result = evaluate_eligibility(e, state);
  if (!result.page || !result.nation) return view;
  view.nation_name = result.nation->name;
  view.asks_questions = result.nation->asks_questions;
  view.page = result.page;
  view.title = result.page->page.title;
  view.summary = result.page->page.summary;
  view.crisis_lines_first = result.crisis_lines_first;
  view.crisis_heading = content.str(result.crisis_lines_first ? "eligibility.result.crisis_first.heading"
                                                              : "eligibility.result.crisis_end.heading");
  if (result.crisis_lines_first) view.crisis_intro = content.str("eligibility.result.crisis_first.intro");
  view.crisis_lines = crisis_lines_for(content, result.nation->id);
  view.access_routes = access_routes_for(content, result.nation->id);
  for (const auto* q : result.said_yes) view.said_yes.push_back(q->short_text);
  // A question about risk answered "Not sure" is answered by help now, at the top: it is never
  // put off to "ask at your next appointment".
  for (const auto* q : result.not_sure)
    if (!q->offers_help_now) view.not_sure.push_back(q->short_text);
  for (const auto& id : result.page->sections)
    if (const Page* section = e.section(id)) view.sections.push_back(section);
  if (view.asks_questions)
    for (const auto& q : e.questions)
      view.answers.emplace_back(q.text,
                                content.str("eligibility.answer." + std::string(answer_key(answer_to(state, q.id)))));
  view.sources = result_sources(content, result);
  return view;
}

std::string result_html(const Content& content, const ResultView& view) {
  std::string out;
  if (view.title.empty()) return out;
  out += example_notice_html(content);
  if (view.crisis_lines_first) add_crisis_lines_html(content, view, 2, out);
  out += "<h1>" + escape_html(view.title) + "</h1>\n";
  out += "<p>" + escape_html(content.str("eligibility.print.intro")) + "</p>\n";
  out += "<p>" + escape_html(content.format("eligibility.print.where", {{"nation", view.nation_name}})) + "</p>\n";
  if (!view.summary.empty()) out += "<p>" + escape_html(view.summary) + "</p>\n";
  add_list_html(content.str("eligibility.result.said_yes"), {}, view.said_yes, out);
  add_list_html(content.str("eligibility.result.talk_heading"), content.str("eligibility.result.talk_intro"),
                view.not_sure, out);
  add_blocks_html(content, view.page->page, 2, out);
  for (const Page* section : view.sections) {
    out += "<h2>" + escape_html(section->title) + "</h2>\n";
    add_blocks_html(content, *section, 3, out);
  }
  if (!view.crisis_lines_first) add_crisis_lines_html(content, view, 2, out);
  if (!view.answers.empty()) {
    out += "<h2>" + escape_html(content.str("eligibility.print.answers")) + "</h2>\n<ul>\n";
    for (const auto& [question, answer] : view.answers)
      out += "<li>" + escape_html(question) + " <strong>" + escape_html(answer) + "</strong></li>\n";
    out += "</ul>\n";
  }
  out += "<h2>" + escape_html(content.str("sources.heading")) + "</h2>\n<ul>\n";
  for (const auto& s : view.sources) {
    out += "<li>" + escape_html(s.title) + " (" + escape_html(s.publisher) + ")";
    if (!s.url.empty()) out += " <a href=\"" + escape_html(s.url) + "\">" + escape_html(s.url) + "</a>";
    out += ". " + escape_html(source_checked_text(content, s)) + "</li>\n";
  }
  out += "</ul>\n";
  return out;
}

std::string result_document(const Content& content, const ResultView& view) {
  const std::string title = escape_html(content.str("eligibility.print.title"));
  return "<!doctype html>\n<html lang=\"" + escape_html(content.locale) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         title +
         "</title>\n<style>body{font-family:Arial,sans-serif;font-size:19px;line-height:1.5;max-width:36em;"
         "margin:0 auto;padding:1em;color:#212B32}h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.4em}"
         "a{color:#005EB8}.crisis-lines{border:3px solid #005EB8;padding:0 1em;margin:1em 0}</style>\n</head>\n<body>\n" +
         result_html(content, view) + "</body>\n</html>\n";
}

}  // namespace cpa::core
