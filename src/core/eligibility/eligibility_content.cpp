// eligibility.json: reading it, and the checks that keep its rules safe.  Every problem names
// the file and the field, and a file with any problem never reaches a person.
#include <algorithm>

#include "core/eligibility/eligibility.hpp"

namespace cpa::core {
namespace {

// A question id is also a route step, so it must be a plain lowercase word and not a step name.
bool is_step_word(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return id != eligibility_steps::summary && id != eligibility_steps::result;
}

// Words a result must never use: the app never promises what a trust decides.
constexpr std::string_view promise_words[] = {"you qualify",   "you will be offered",     "you will get",
                                              "you will have", "you are entitled to cpa", "you are eligible"};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
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
  r.questions = f.text_list("questions", false);
  const std::string match = f.text("match");
  if (match == "all") {
    r.match_all = true;
  } else if (match != "any" && !match.empty()) {
    f.problem("match", "should be \"any\" or \"all\"");
  }
  const auto answers = f.text_list("answers");
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const auto* const known = std::find_if(std::begin(all_answers), std::end(all_answers),
                                           [&](Answer a) { return answer_key(a) == answers[i]; });
    if (known == std::end(all_answers)) {
      f.problem(indexed("answers", i), "should be one of yes, no, not_sure, skip, unanswered");
    } else {
      r.answers.push_back(*known);
    }
  }
  if (answers.empty() && f.has("answers")) f.problem("answers", "needs at least one answer");
  r.result = f.text("result");
  return r;
}

ResultPage read_result(const Fields& f) {
  ResultPage r;
  r.where = f.path();
  r.page = read_page_fields(f);
  r.sections = f.text_list("sections", false);
  return r;
}

template <class T, class Read>
std::vector<T> read_list(const Fields& f, const char* key, Read read) {
  std::vector<T> out;
  const auto& list = f.array(key);
  if (list.empty() && f.has(key)) f.problem(key, "needs at least one entry");
  for (std::size_t i = 0; i < list.size(); ++i) out.push_back(read(f.child(list[i], indexed(key, i))));
  return out;
}

// References inside eligibility.json: every name a rule, nation or result uses must exist.
void check_own_references(const Fields& f, const EligibilityContent& e) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < e.questions.size(); ++i)
    if (!seen.insert(e.questions[i].id).second)
      f.problem(indexed("questions", i) + ".id", "\"" + e.questions[i].id + "\" is used by another question too");
  seen.clear();
  for (std::size_t i = 0; i < e.nations.size(); ++i)
    if (!seen.insert(e.nations[i].id).second)
      f.problem(indexed("nations", i) + ".id", "\"" + e.nations[i].id + "\" is used by another nation too");
  for (std::size_t i = 0; i < e.nations.size(); ++i)
    if (!e.nations[i].result.empty() && !e.result(e.nations[i].result))
      f.problem(indexed("nations", i) + ".result", "names an unknown result \"" + e.nations[i].result + "\"");
  for (std::size_t i = 0; i < e.rules.size(); ++i) {
    const Rule& rule = e.rules[i];
    const std::string where = indexed("rules", i);
    for (std::size_t j = 0; j < rule.questions.size(); ++j)
      if (!e.question(rule.questions[j]))
        f.problem(where + "." + indexed("questions", j), "names an unknown question \"" + rule.questions[j] + "\"");
    if (!rule.nation.empty() && !e.nation(rule.nation))
      f.problem(where + ".nation", "names an unknown nation \"" + rule.nation + "\"");
    if (!rule.result.empty() && !e.result(rule.result))
      f.problem(where + ".result", "names an unknown result \"" + rule.result + "\"");
  }
  for (const auto& [id, result] : e.results)
    for (std::size_t j = 0; j < result.sections.size(); ++j)
      if (!e.section(result.sections[j]))
        f.problem(result.where + "." + indexed("sections", j),
                  "names an unknown section \"" + result.sections[j] + "\"");
  const bool any_asks =
      std::any_of(e.nations.begin(), e.nations.end(), [](const Nation& n) { return n.asks_questions; });
  const bool any_help =
      std::any_of(e.questions.begin(), e.questions.end(), [](const Question& q) { return q.offers_help_now; });
  if (any_asks && !any_help)
    f.problem("questions", "no question offers help now: the question about risk must have \"offers_help_now\": true");
}

void check_page_links(const Content& content, const Page& page, const std::string& where,
                      std::vector<ContentProblem>& problems) {
  for (std::size_t i = 0; i < page.blocks.size(); ++i) {
    const auto& block = page.blocks[i];
    if (block.kind == Block::Kind::link && !block.page.empty() && !content.page(block.page))
      problems.push_back({page.file, where + "." + indexed("blocks", i) + ".link.page",
                          "names an unknown page \"" + block.page + "\""});
  }
}

void check_no_promises(const Page& page, const std::string& where, std::vector<ContentProblem>& problems) {
  for (const auto& piece : page_text(page)) {
    const std::string text = lower(piece);
    for (auto words : promise_words)
      if (text.find(words) != std::string::npos)
        problems.push_back({page.file, where,
                            "promises (\"" + std::string(words) +
                                "\"): say what the person might be offered, never what they will get"});
  }
}

// Crisis routing, checked before anyone sees it: every nation has its own lines (not only the
// UK-wide ones), and every line serves nations the walk-through knows.  Hazard log H3.
void check_crisis_routing(const Content& content, const EligibilityContent& e, std::vector<ContentProblem>& problems) {
  for (std::size_t i = 0; i < e.nations.size(); ++i) {
    const auto& nation = e.nations[i];
    const bool own_line =
        std::any_of(content.crisis_lines.begin(), content.crisis_lines.end(), [&](const CrisisLine& l) {
          return !l.local && l.nations.size() < e.nations.size() &&
                 std::find(l.nations.begin(), l.nations.end(), nation.id) != l.nations.end();
        });
    if (!own_line)
      problems.push_back(
          {e.file, indexed("nations", i),
           "\"" + nation.id + "\" has no crisis line of its own in common/crisis_lines.json (only UK-wide ones)"});
  }
  for (std::size_t i = 0; i < content.crisis_lines.size(); ++i) {
    const auto& line = content.crisis_lines[i];
    for (std::size_t j = 0; j < line.nations.size(); ++j)
      if (!e.nation(line.nations[j]))
        problems.push_back(
            {"common/crisis_lines.json", indexed("lines", i) + "." + indexed("nations", j),
             "names an unknown nation \"" + line.nations[j] + "\" (eligibility.json lists the nations)"});
  }
}

}  // namespace

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

std::shared_ptr<EligibilityContent> load_eligibility(const Fields& f) {
  auto e = std::make_shared<EligibilityContent>();
  e->file = f.file();
  f.date("checked");
  e->nations = read_list<Nation>(f, "nations", read_nation);
  e->questions = read_list<Question>(f, "questions", read_question);
  e->rules = read_list<Rule>(f, "rules", read_rule);
  const auto sections = read_list<Page>(f, "sections", read_page_fields);
  for (std::size_t i = 0; i < sections.size(); ++i) {
    e->section_paths[sections[i].id] = indexed("sections", i);
    if (!e->sections.emplace(sections[i].id, sections[i]).second)
      f.problem(indexed("sections", i) + ".id", "\"" + sections[i].id + "\" is used by another section too");
  }
  for (auto& result : read_list<ResultPage>(f, "results", read_result)) {
    if (!e->results.emplace(result.page.id, result).second)
      f.problem(result.where + ".id", "\"" + result.page.id + "\" is used by another result too");
  }
  check_own_references(f, *e);
  return e;
}

void resolve_eligibility_sources(EligibilityContent& e, const Content& content, std::vector<ContentProblem>& problems) {
  for (auto& [id, result] : e.results) resolve_page_sources(result.page, content, problems);
  for (auto& [id, section] : e.sections) resolve_page_sources(section, content, problems);
}

void check_eligibility_references(const Content& content, std::vector<ContentProblem>& problems) {
  const auto& e = *content.eligibility;
  for (std::size_t i = 0; i < e.questions.size(); ++i) {
    const auto& q = e.questions[i];
    for (std::size_t j = 0; j < q.sources.size(); ++j)
      if (!content.source(q.sources[j]))
        problems.push_back({e.file, indexed("questions", i) + "." + indexed("sources", j),
                            "names an unknown source \"" + q.sources[j] + "\""});
  }
  for (const auto& [id, result] : e.results) {
    check_page_links(content, result.page, result.where, problems);
    check_no_promises(result.page, result.where, problems);
  }
  for (const auto& [id, section] : e.sections) {
    check_page_links(content, section, e.section_paths.at(id), problems);
    check_no_promises(section, e.section_paths.at(id), problems);
  }
  check_crisis_routing(content, e, problems);
}

}  // namespace cpa::core
