#include "core/eligibility.hpp"

#include <algorithm>

#include "core/overloaded.hpp"
#include "core/plan_reviews.hpp"
#include "core/readability.hpp"
#include "core/state.hpp"

namespace cpa::core {
namespace {

std::string at(const std::string& list, std::size_t i) { return list + "[" + std::to_string(i) + "]"; }

// A question id is also a route step, so it must be a plain lowercase word and not a step name.
bool is_step_word(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return id != eligibility_steps::summary && id != eligibility_steps::result;
}

Nation read_nation(const Fields& f) {
  Nation n;
  n.id = f.text("id");
  n.name = f.text("name");
  n.asks_questions = f.flag("asks_questions", false);
  n.result = f.text("result");
  return n;
}

Question read_question(const Fields& f) {
  Question q;
  q.id = f.text("id");
  if (!q.id.empty() && !is_step_word(q.id))
    f.problem("id", "should be lowercase letters, digits and dashes, and not \"summary\" or \"result\"");
  q.text = f.text("text");
  q.hint = f.optional_text("hint");
  q.short_text = f.text("short");
  if (f.has("why")) {
    q.why = f.text("why");
  } else {
    f.problem("why", "missing: every question needs an explanation for \"Why we ask\"");
  }
  q.offers_help_now = f.flag("offers_help_now", false);
  q.sources = f.text_list("sources");
  if (q.sources.empty() && f.has("sources")) f.problem("sources", "needs at least one source");
  return q;
}

Rule read_rule(const Fields& f) {
  Rule r;
  r.id = f.text("id");
  r.nation = f.optional_text("nation");
  r.if_yes_to_any = f.text_list("if_yes_to_any");
  if (r.if_yes_to_any.empty() && f.has("if_yes_to_any")) f.problem("if_yes_to_any", "needs at least one question");
  r.result = f.optional_text("result");
  r.crisis_lines_first = f.flag("crisis_lines_first", false);
  if (r.result.empty() && !r.crisis_lines_first)
    f.problem("", "does nothing: give it a \"result\", or \"crisis_lines_first\": true");
  return r;
}

ResultPage read_result(const Fields& f) {
  ResultPage r;
  r.where = f.path();
  r.page = read_page_fields(f);
  r.sections = f.text_list("sections", false);
  r.shows_crisis_lines = f.flag("shows_crisis_lines", false);
  return r;
}

template <class T, class Read>
std::vector<T> read_list(const Fields& f, const char* key, Read read) {
  std::vector<T> out;
  const auto& list = f.array(key);
  if (list.empty() && f.has(key)) f.problem(key, "needs at least one entry");
  for (std::size_t i = 0; i < list.size(); ++i) out.push_back(read(f.child(list[i], at(key, i))));
  return out;
}

// References inside eligibility.json: every name a rule, nation or result uses must exist.
void check_own_references(const Fields& f, const EligibilityContent& e) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < e.questions.size(); ++i)
    if (!seen.insert(e.questions[i].id).second)
      f.problem(at("questions", i) + ".id", "\"" + e.questions[i].id + "\" is used by another question too");
  seen.clear();
  for (std::size_t i = 0; i < e.nations.size(); ++i)
    if (!seen.insert(e.nations[i].id).second)
      f.problem(at("nations", i) + ".id", "\"" + e.nations[i].id + "\" is used by another nation too");
  for (std::size_t i = 0; i < e.nations.size(); ++i)
    if (!e.nations[i].result.empty() && !e.result(e.nations[i].result))
      f.problem(at("nations", i) + ".result", "names an unknown result \"" + e.nations[i].result + "\"");
  for (std::size_t i = 0; i < e.rules.size(); ++i) {
    const Rule& rule = e.rules[i];
    const std::string where = at("rules", i);
    for (std::size_t j = 0; j < rule.if_yes_to_any.size(); ++j)
      if (!e.question(rule.if_yes_to_any[j]))
        f.problem(where + "." + at("if_yes_to_any", j), "names an unknown question \"" + rule.if_yes_to_any[j] + "\"");
    if (!rule.nation.empty() && !e.nation(rule.nation))
      f.problem(where + ".nation", "names an unknown nation \"" + rule.nation + "\"");
    if (!rule.result.empty() && !e.result(rule.result))
      f.problem(where + ".result", "names an unknown result \"" + rule.result + "\"");
  }
  for (const auto& [id, result] : e.results)
    for (std::size_t j = 0; j < result.sections.size(); ++j)
      if (!e.section(result.sections[j]))
        f.problem(result.where + "." + at("sections", j), "names an unknown section \"" + result.sections[j] + "\"");
}

void check_page_links(const Content& content, const Page& page, const std::string& where,
                      std::vector<ContentProblem>& problems) {
  for (std::size_t i = 0; i < page.blocks.size(); ++i) {
    const auto& block = page.blocks[i];
    if (block.kind == Block::Kind::link && !block.page.empty() && !content.page(block.page))
      problems.push_back({page.file, where + "." + at("blocks", i) + ".link.page",
                          "names an unknown page \"" + block.page + "\""});
  }
}

Effects choose_nation(State& state, const ChooseNation& action) {
  const auto& e = *state.content->eligibility;
  const Nation* nation = e.nation(action.nation);
  if (!nation) return {};
  state.eligibility.nation = nation->id;
  const bool ask = nation->asks_questions && !e.questions.empty();
  return update(state, Navigate{eligibility_route(ask ? e.questions.front().id : std::string(eligibility_steps::result))});
}

Effects answer_question(State& state, const AnswerQuestion& action) {
  const auto& e = *state.content->eligibility;
  const int index = e.question_index(action.question);
  if (index < 0) return {};
  state.eligibility.answers[action.question] = action.answer;
  // Changing one answer from the summary goes straight back to the summary.
  const auto& stack = state.stack;
  if (stack.size() >= 2 && stack[stack.size() - 2] == eligibility_route(eligibility_steps::summary) &&
      state.route() == eligibility_route(action.question))
    return update(state, GoBack{});
  const auto next = static_cast<std::size_t>(index) + 1;
  return update(state, Navigate{eligibility_route(next < e.questions.size() ? e.questions[next].id
                                                                              : std::string(eligibility_steps::summary))});
}

Effects toggle_why(State& state, const ToggleWhyWeAsk& action) {
  auto& open = state.eligibility.why_open;
  if (!open.erase(action.question)) open.insert(action.question);
  return {};
}

Effects print_result(const State& state) {
  const auto result = evaluate_eligibility(*state.content->eligibility, state.eligibility);
  if (!result.page) return {};
  return {PrintDocument{state.content->str("eligibility.print.title"),
                        result_html(*state.content, state.eligibility, result)}};
}

Effects save_result(const State& state) {
  const auto result = evaluate_eligibility(*state.content->eligibility, state.eligibility);
  if (!result.page) return {};
  return {DownloadFile{state.content->str("eligibility.save.file_name"), "text/html",
                       result_document(*state.content, state.eligibility, result)},
          Announce{state.content->str("eligibility.save.announce")}};
}

Effects restart(State& state) {
  state.eligibility = {};
  return update(state, Navigate{eligibility_route(eligibility_steps::nation)});
}

// ---- HTML ----

void add_crisis_lines_html(const Content& content, std::string_view nation, std::string_view heading,
                           std::string_view intro, std::string& out) {
  out += "<h2>" + escape_html(heading) + "</h2>\n";
  if (!intro.empty()) out += "<p>" + escape_html(intro) + "</p>\n";
  out += "<ul>\n";
  for (const auto* line : crisis_lines_for(content, nation)) {
    const std::string label = line->action == ContactAction::text
                                  ? content.format("help_now.text", {{"body", line->text_body}, {"number", line->number}})
                                  : content.format("help_now.call", {{"number", line->number}});
    out += "<li><strong>" + escape_html(line->name) + "</strong>: <a href=\"" + escape_html(line->href()) + "\">" +
           escape_html(label) + "</a>. " + escape_html(line->purpose) + " " + escape_html(line->hours) + ".</li>\n";
  }
  out += "</ul>\n";
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
          out += "<p>" + escape_html(content.format("eligibility.print.read_more", {{"title", target->title}})) +
                 "</p>\n";
        }
        break;
    }
  }
}

void add_question_list_html(const std::vector<const Question*>& questions, std::string& out) {
  out += "<ul>\n";
  for (const auto* q : questions) out += "<li>" + escape_html(q->short_text) + "</li>\n";
  out += "</ul>\n";
}

void add_answers_html(const Content& content, const EligibilityState& state, std::string& out) {
  out += "<h2>" + escape_html(content.str("eligibility.print.answers")) + "</h2>\n<ul>\n";
  for (const auto& q : content.eligibility->questions) {
    const auto it = state.answers.find(q.id);
    const std::string answer = it == state.answers.end()
                                   ? content.str("eligibility.answer.none")
                                   : content.str("eligibility.answer." + std::string(answer_key(it->second)));
    out += "<li>" + escape_html(q.text) + " <strong>" + escape_html(answer) + "</strong></li>\n";
  }
  out += "</ul>\n";
}

void add_sources_html(const Content& content, const EligibilityResult& result, std::string& out) {
  out += "<h2>" + escape_html(content.str("sources.heading")) + "</h2>\n<ul>\n";
  for (const auto& s : result_sources(content, result)) {
    out += "<li>" + escape_html(s.title) + " (" + escape_html(s.publisher) + ")";
    if (!s.url.empty()) out += " <a href=\"" + escape_html(s.url) + "\">" + escape_html(s.url) + "</a>";
    out += ". " + escape_html(content.format("sources.checked", {{"date", long_date(content, s.checked)}})) + ".</li>\n";
  }
  out += "</ul>\n";
}

}  // namespace

// ---- content ----

const Nation* EligibilityContent::nation(std::string_view id) const {
  for (const auto& n : nations)
    if (n.id == id) return &n;
  return nullptr;
}

const Question* EligibilityContent::question(std::string_view id) const {
  const int index = question_index(id);
  return index < 0 ? nullptr : &questions[static_cast<std::size_t>(index)];
}

int EligibilityContent::question_index(std::string_view id) const {
  for (std::size_t i = 0; i < questions.size(); ++i)
    if (questions[i].id == id) return static_cast<int>(i);
  return -1;
}

const ResultPage* EligibilityContent::result(std::string_view id) const {
  auto it = results.find(std::string(id));
  return it == results.end() ? nullptr : &it->second;
}

const Page* EligibilityContent::section(std::string_view id) const {
  auto it = sections.find(std::string(id));
  return it == sections.end() ? nullptr : &it->second;
}

std::shared_ptr<const EligibilityContent> load_eligibility(const Fields& f, Content& content) {
  auto e = std::make_shared<EligibilityContent>();
  e->file = f.file();
  f.date("checked");
  remember_sources(read_source_list(f, true), content, f);
  e->nations = read_list<Nation>(f, "nations", read_nation);
  e->questions = read_list<Question>(f, "questions", read_question);
  e->rules = read_list<Rule>(f, "rules", read_rule);
  const auto sections = read_list<Page>(f, "sections", read_page_fields);
  for (std::size_t i = 0; i < sections.size(); ++i) {
    remember_sources(sections[i].sources, content, f);
    e->section_paths[sections[i].id] = at("sections", i);
    if (!e->sections.emplace(sections[i].id, sections[i]).second)
      f.problem(at("sections", i) + ".id", "\"" + sections[i].id + "\" is used by another section too");
  }
  for (auto& result : read_list<ResultPage>(f, "results", read_result)) {
    remember_sources(result.page.sources, content, f);
    if (!e->results.emplace(result.page.id, result).second)
      f.problem(result.where + ".id", "\"" + result.page.id + "\" is used by another result too");
  }
  check_own_references(f, *e);
  return e;
}

void check_eligibility_references(const Content& content, std::vector<ContentProblem>& problems) {
  const auto& e = *content.eligibility;
  for (std::size_t i = 0; i < e.questions.size(); ++i) {
    const auto& q = e.questions[i];
    for (std::size_t j = 0; j < q.sources.size(); ++j)
      if (!content.source(q.sources[j]))
        problems.push_back({e.file, at("questions", i) + "." + at("sources", j),
                            "names an unknown source \"" + q.sources[j] + "\""});
  }
  for (const auto& [id, result] : e.results) check_page_links(content, result.page, result.where, problems);
  for (const auto& [id, section] : e.sections) check_page_links(content, section, e.section_paths.at(id), problems);
}

std::string_view answer_key(Answer answer) {
  switch (answer) {
    case Answer::yes: return "yes";
    case Answer::no: return "no";
    case Answer::not_sure: return "not_sure";
    case Answer::skip: return "skip";
  }
  return "skip";
}

// ---- actions ----

Route eligibility_route(std::string_view step) { return Route{std::string(eligibility_screen), std::string(step)}; }

Effects update_eligibility(State& state, const EligibilityAction& action) {
  if (!state.content || !state.content->eligibility) return {};
  return std::visit(Overloaded{
                        [&](const ChooseNation& a) { return choose_nation(state, a); },
                        [&](const AnswerQuestion& a) { return answer_question(state, a); },
                        [&](const ToggleWhyWeAsk& a) { return toggle_why(state, a); },
                        [&](const PrintEligibilityResult&) { return print_result(state); },
                        [&](const SaveEligibilityResult&) { return save_result(state); },
                        [&](const RestartEligibility&) { return restart(state); },
                    },
                    action);
}

// ---- the result ----

EligibilityResult evaluate_eligibility(const EligibilityContent& content, const EligibilityState& state) {
  EligibilityResult result;
  result.nation = content.nation(state.nation);
  if (!result.nation) return result;
  result.page = content.result(result.nation->result);
  if (!result.nation->asks_questions) return result;
  auto answered = [&](const std::string& id, Answer answer) {
    const auto it = state.answers.find(id);
    return it != state.answers.end() && it->second == answer;
  };
  for (const auto& q : content.questions) {
    if (answered(q.id, Answer::yes)) result.said_yes.push_back(&q);
    if (answered(q.id, Answer::not_sure)) result.not_sure.push_back(&q);
  }
  bool result_picked = false;
  for (const auto& rule : content.rules) {
    if (!rule.nation.empty() && rule.nation != result.nation->id) continue;
    const bool met = std::any_of(rule.if_yes_to_any.begin(), rule.if_yes_to_any.end(),
                                 [&](const std::string& id) { return answered(id, Answer::yes); });
    if (!met) continue;
    result.rules_matched.push_back(rule.id);
    if (!rule.result.empty() && !result_picked) {
      result.page = content.result(rule.result);
      result_picked = true;
    }
    result.crisis_lines_first = result.crisis_lines_first || rule.crisis_lines_first;
  }
  return result;
}

std::vector<const CrisisLine*> crisis_lines_for(const Content& content, std::string_view nation) {
  std::vector<const CrisisLine*> out;
  for (bool local : {false, true})
    for (const auto& line : content.crisis_lines)
      if (line.local == local && std::find(line.nations.begin(), line.nations.end(), nation) != line.nations.end())
        out.push_back(&line);
  return out;
}

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
  if (result.crisis_lines_first || result.page->shows_crisis_lines)
    for (const auto* line : crisis_lines_for(content, result.nation->id)) add_id(line->source_id);
  return out;
}

std::string result_html(const Content& content, const EligibilityState& state, const EligibilityResult& result) {
  std::string out;
  if (!result.page || !result.nation) return out;
  const auto& e = *content.eligibility;
  const Page& page = result.page->page;
  out += "<h1>" + escape_html(page.title) + "</h1>\n";
  out += "<p>" + escape_html(content.str("eligibility.print.intro")) + "</p>\n";
  out += "<p>" + escape_html(content.format("eligibility.print.where", {{"nation", result.nation->name}})) + "</p>\n";
  if (result.crisis_lines_first)
    add_crisis_lines_html(content, result.nation->id, content.str("eligibility.result.crisis_first.heading"),
                          content.str("eligibility.result.crisis_first.intro"), out);
  if (!page.summary.empty()) out += "<p>" + escape_html(page.summary) + "</p>\n";
  if (!result.said_yes.empty()) {
    out += "<h2>" + escape_html(content.str("eligibility.result.said_yes")) + "</h2>\n";
    add_question_list_html(result.said_yes, out);
  }
  if (!result.not_sure.empty()) {
    out += "<h2>" + escape_html(content.str("eligibility.result.talk_heading")) + "</h2>\n";
    out += "<p>" + escape_html(content.str("eligibility.result.talk_intro")) + "</p>\n";
    add_question_list_html(result.not_sure, out);
  }
  add_blocks_html(content, page, 2, out);
  for (const auto& id : result.page->sections) {
    const Page* section = e.section(id);
    if (!section) continue;
    out += "<h2>" + escape_html(section->title) + "</h2>\n";
    add_blocks_html(content, *section, 3, out);
  }
  if (result.page->shows_crisis_lines && !result.crisis_lines_first)
    add_crisis_lines_html(content, result.nation->id, content.str("eligibility.result.crisis_end.heading"), {}, out);
  if (result.nation->asks_questions) add_answers_html(content, state, out);
  add_sources_html(content, result, out);
  return out;
}

std::string result_document(const Content& content, const EligibilityState& state, const EligibilityResult& result) {
  const std::string title = escape_html(content.str("eligibility.print.title"));
  return "<!doctype html>\n<html lang=\"" + escape_html(content.locale) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         title +
         "</title>\n<style>body{font-family:Arial,sans-serif;font-size:19px;line-height:1.5;max-width:36em;"
         "margin:0 auto;padding:1em;color:#212B32}h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.4em}"
         "a{color:#005EB8}</style>\n</head>\n<body>\n" +
         result_html(content, state, result) + "</body>\n</html>\n";
}

// ---- readability ----

std::vector<std::string> result_page_text(const EligibilityContent& content, const ResultPage& result) {
  std::vector<std::string> pieces = page_text(result.page);
  for (const auto& id : result.sections) {
    if (const Page* section = content.section(id)) {
      const auto more = page_text(*section);
      pieces.insert(pieces.end(), more.begin(), more.end());
    }
  }
  return pieces;
}

std::vector<std::string> questions_text(const EligibilityContent& content) {
  std::vector<std::string> pieces;
  for (const auto& q : content.questions) {
    pieces.push_back(q.text);
    if (!q.hint.empty()) pieces.push_back(q.hint);
    pieces.push_back(q.short_text);
    pieces.push_back(q.why);
  }
  return pieces;
}

}  // namespace cpa::core
