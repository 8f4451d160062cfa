// "Could I get CPA support?": the rules in content/en-GB/eligibility.json, evaluated by the core,
// the walk through the steps, the printable result, and the checks on the content itself.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "real_content.hpp"
#include "core/eligibility/eligibility.hpp"
#include "core/state.hpp"

#include "content_problems.hpp"

using namespace cpa;
using core::Answer;

namespace {

const core::EligibilityContent& rules() { return *test::real_content_ptr()->eligibility; }

core::EligibilityState answers_all(Answer answer, std::string nation = "england") {
  core::EligibilityState state;
  state.nation = std::move(nation);
  for (const auto& q : rules().questions) state.answers[q.id] = answer;
  return state;
}

std::string result_id(const core::EligibilityState& state) {
  const auto result = core::evaluate_eligibility(rules(), state);
  return result.page ? result.page->page.id : "";
}

core::State started_state() {
  core::State state;
  state.content = test::real_content_ptr();
  core::update(state, core::Start{""});
  return state;
}

template <class T>
const T* find_effect(const core::Effects& effects) {
  for (const auto& e : effects)
    if (const auto* found = std::get_if<T>(&e)) return found;
  return nullptr;
}

// As the question page does it: a radio marks the answer (nothing moves), then Continue.
core::Effects pick_and_continue(core::State& state, const std::string& question, Answer answer) {
  const auto route = state.route();
  CHECK(core::update(state, core::PickAnswer{question, answer}).empty());
  CHECK(state.route() == route);
  return core::update(state, core::ContinueFromQuestion{question});
}

// The real eligibility.json, changed by `edit`, loaded with the rest of the real content.
core::ContentLoad load_with_edit(const std::function<void(nlohmann::json&)>& edit) {
  auto files = test::content_files();
  auto json = nlohmann::json::parse(files.at("en-GB/eligibility.json"));
  edit(json);
  files["en-GB/eligibility.json"] = json.dump();
  return core::load_content(files);
}

}  // namespace

TEST_CASE("the walk-through asks ten questions, each with a short name, a reason and a source") {
  REQUIRE(rules().questions.size() == 10);
  for (const auto& q : rules().questions) {
    CAPTURE(q.id);
    CHECK_FALSE(q.text.empty());
    CHECK_FALSE(q.short_text.empty());
    CHECK_FALSE(q.why.empty());
    REQUIRE_FALSE(q.sources.empty());
    CHECK(test::real_content_ptr()->source(q.sources.front()) != nullptr);
  }
  REQUIRE(rules().question("risk"));
  CHECK(rules().question("risk")->offers_help_now);
  CHECK(rules().question("past-violence-or-self-harm")->offers_help_now);
}

TEST_CASE("in England, any Yes leads to talking about support with the team, never to a promise") {
  for (const auto& q : rules().questions) {
    CAPTURE(q.id);
    auto state = answers_all(Answer::no);
    state.answers[q.id] = Answer::yes;
    const auto result = core::evaluate_eligibility(rules(), state);
    REQUIRE(result.page);
    CHECK(result.page->page.id == "talk-about-support");
    CHECK(result.rule_matched == "any-yes");
    REQUIRE(result.said_yes.size() == 1);
    CHECK(result.said_yes.front()->id == q.id);
    CHECK(result.not_sure.empty());
  }
  // A single Yes to "are you a parent?" is not a verdict: no care co-ordinator is promised.
  auto state = answers_all(Answer::no);
  state.answers["parenting"] = Answer::yes;
  const auto view = core::result_view(*test::real_content_ptr(), state);
  CHECK(view.title == "Ask your team about the support you need");
  CHECK(view.title.find("might be offered CPA") == std::string::npos);
}

TEST_CASE("all No: CPA may not be offered, and the result still names everyone's rights") {
  const auto result = core::evaluate_eligibility(rules(), answers_all(Answer::no));
  REQUIRE(result.page);
  CHECK(result.page->page.id == "may-not-be-offered");
  CHECK(result.rule_matched == "all-no");
  CHECK(result.page->page.title.rfind("CPA may not be offered, but you still have the right to", 0) == 0);
  CHECK_FALSE(result.crisis_lines_first);
  CHECK(result.said_yes.empty());
  const auto& sections = result.page->sections;
  for (const char* needed : {"everyone", "next-steps", "questions-to-ask", "trust-decides", "cpa-changing"}) {
    CAPTURE(needed);
    CHECK(std::find(sections.begin(), sections.end(), needed) != sections.end());
  }
}

TEST_CASE("no information is no verdict: all Not sure, all Skip or nothing answered says we cannot tell") {
  for (auto state :
       {answers_all(Answer::not_sure), answers_all(Answer::skip), core::EligibilityState{"england", {}, {}, {}, {}}}) {
    const auto result = core::evaluate_eligibility(rules(), state);
    REQUIRE(result.page);
    CHECK(result.page->page.id == "cannot-tell");
    CHECK(result.rule_matched.empty());
    CHECK(result.said_yes.empty());
    const auto view = core::result_view(*test::real_content_ptr(), state);
    CHECK(view.title.find("may not be offered") == std::string::npos);
    CHECK(view.summary.find("may not be offered") == std::string::npos);
  }
  // One Not sure among Noes is not a plain No either.
  auto state = answers_all(Answer::no);
  state.answers["parenting"] = Answer::not_sure;
  CHECK(result_id(state) == "cannot-tell");
}

TEST_CASE("each Not sure is named as a thing to ask about, except risk, which is answered by help first") {
  auto state = answers_all(Answer::no);
  state.answers["learning-disability"] = Answer::not_sure;
  state.answers["parenting"] = Answer::not_sure;
  state.answers["risk"] = Answer::not_sure;
  const auto view = core::result_view(*test::real_content_ptr(), state);
  CHECK(view.crisis_lines_first);
  REQUIRE(view.not_sure.size() == 2);
  CHECK(view.not_sure[0] == rules().question("learning-disability")->short_text);
  CHECK(view.not_sure[1] == rules().question("parenting")->short_text);
}

TEST_CASE("help comes first whenever a question about harm is answered anything but a plain No") {
  for (const char* id : {"risk", "past-violence-or-self-harm"}) {
    for (Answer answer : core::all_answers) {
      CAPTURE(id);
      CAPTURE(core::answer_key(answer));
      auto state = answers_all(Answer::no);
      if (answer == Answer::unanswered) {
        state.answers.erase(id);
      } else {
        state.answers[id] = answer;
      }
      CHECK(core::evaluate_eligibility(rules(), state).crisis_lines_first == (answer != Answer::no));
    }
  }
  CHECK_FALSE(core::evaluate_eligibility(rules(), answers_all(Answer::no)).crisis_lines_first);
  auto state = answers_all(Answer::no);
  state.answers["parenting"] = Answer::yes;
  CHECK_FALSE(core::evaluate_eligibility(rules(), state).crisis_lines_first);
}

TEST_CASE("each nation gets its own answer") {
  CHECK(result_id(answers_all(Answer::yes, "england")) == "talk-about-support");
  // Wales has the Care and Treatment Plan, not CPA: the England questions do not decide anything there.
  const auto wales = core::evaluate_eligibility(rules(), answers_all(Answer::yes, "wales"));
  REQUIRE(wales.page);
  CHECK(wales.page->page.id == "wales");
  CHECK(wales.page->page.title.find("Care and Treatment Plan") != std::string::npos);
  CHECK(wales.said_yes.empty());
  CHECK_FALSE(wales.crisis_lines_first);
  for (const char* nation : {"scotland", "northern-ireland"}) {
    CAPTURE(nation);
    const auto result = core::evaluate_eligibility(rules(), answers_all(Answer::yes, nation));
    REQUIRE(result.page);
    CHECK(result.page->page.id == "elsewhere");
  }
  CHECK(core::evaluate_eligibility(rules(), core::EligibilityState{}).page == nullptr);
}

TEST_CASE("Wales is told who has a right to a Care and Treatment Plan, and the Welsh laws for carers and complaints") {
  auto state = answers_all(Answer::no, "wales");
  const auto html = core::result_html(*test::real_content_ptr(), core::result_view(*test::real_content_ptr(), state));
  CHECK(html.find("You have a care co-ordinator") == std::string::npos);
  CHECK(html.find("secondary mental health services") != std::string::npos);
  CHECK(html.find("local primary mental health support services") != std::string::npos);
  CHECK(html.find("Social Services and Well-being (Wales) Act 2014") != std::string::npos);
  CHECK(html.find("Putting Things Right") != std::string::npos);
  CHECK(html.find("Public Services Ombudsman for Wales") != std::string::npos);
  CHECK(html.find("Care Act") == std::string::npos);
}

TEST_CASE("crisis lines are chosen by nation: each nation's own NHS line, and never another nation's") {
  const auto& content = test::real_content();
  const std::map<std::string, std::string> own = {{"england", "nhs-111-england"},
                                                  {"wales", "nhs-111-wales"},
                                                  {"scotland", "nhs-24-scotland"},
                                                  {"northern-ireland", "lifeline-northern-ireland"}};
  for (const auto& entry : own) {
    const std::string nation = entry.first, line_id = entry.second;
    CAPTURE(nation);
    const auto lines = core::crisis_lines_for(content, nation);
    CHECK(lines.front()->id == "emergency");
    for (const auto* line : lines)
      CHECK(std::find(line->nations.begin(), line->nations.end(), nation) != line->nations.end());
    CHECK(std::any_of(lines.begin(), lines.end(), [&](auto* l) { return l->id == line_id; }));
    for (const auto& other : own) {
      const std::string other_line = other.second;
      if (other.first != nation)
        CHECK_FALSE(std::any_of(lines.begin(), lines.end(), [&](auto* l) { return l->id == other_line; }));
    }
  }
  const auto scotland = core::crisis_lines_for(content, "scotland");
  CHECK(std::any_of(scotland.begin(), scotland.end(), [](auto* l) { return l->id == "breathing-space"; }));
}

TEST_CASE("changing an answer changes the result") {
  auto state = started_state();
  core::update(state, core::ChooseNation{"england"});
  core::update(state, core::AnswerQuestion{"drugs-alcohol", Answer::yes});
  CHECK(result_id(state.eligibility) == "talk-about-support");
  core::update(state, core::AnswerQuestion{"drugs-alcohol", Answer::no});
  CHECK(result_id(state.eligibility) == "cannot-tell");  // the other nine are not answered
  for (const auto& q : rules().questions) state.eligibility.answers[q.id] = Answer::no;
  CHECK(result_id(state.eligibility) == "may-not-be-offered");
  core::update(state, core::AnswerQuestion{"drugs-alcohol", Answer::not_sure});
  const auto result = core::evaluate_eligibility(rules(), state.eligibility);
  REQUIRE(result.not_sure.size() == 1);
  CHECK(result.not_sure.front()->id == "drugs-alcohol");
}

TEST_CASE("choosing England starts the questions; each answer moves on; the last goes to the summary") {
  auto state = started_state();
  auto effects = core::update(state, core::ChooseNation{"england"});
  const auto& questions = rules().questions;
  CHECK(state.eligibility.nation == "england");
  CHECK(state.route() == core::eligibility_route(questions.front().id));
  REQUIRE(find_effect<core::PushHistory>(effects));
  CHECK(find_effect<core::PushHistory>(effects)->path == "#/eligibility/" + questions.front().id);
  for (std::size_t i = 0; i < questions.size(); ++i) {
    CAPTURE(i);
    core::update(state, core::AnswerQuestion{questions[i].id, i == 3 ? Answer::skip : Answer::no});
    const std::string next = i + 1 < questions.size() ? questions[i + 1].id : "summary";
    CHECK(state.route() == core::eligibility_route(next));
  }
  CHECK(state.eligibility.answers.size() == questions.size());
  CHECK(state.eligibility.answers.at(questions[3].id) == Answer::skip);
}

TEST_CASE("the step shown follows the route: each question in its place, help after it, the summary, the result") {
  const auto& content = test::real_content();
  const auto state = answers_all(Answer::no);
  const auto& questions = rules().questions;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    CAPTURE(questions[i].id);
    const auto asked = core::eligibility_step(content, state, questions[i].id);
    CHECK(asked.kind == core::EligibilityStepKind::question);
    CHECK(asked.index == i);
    CHECK(asked.question == &questions[i]);
    const auto help = core::eligibility_step(content, state, questions[i].id + ".help");
    CHECK(help.kind == core::EligibilityStepKind::help);
    CHECK(help.question == &questions[i]);
  }
  CHECK(core::eligibility_step(content, state, "summary").kind == core::EligibilityStepKind::summary);
  const auto result = core::eligibility_step(content, state, "result");
  CHECK(result.kind == core::EligibilityStepKind::result);
  CHECK(result.result.title == core::result_view(content, state).title);
  CHECK_FALSE(result.result.title.empty());
}

TEST_CASE("without a nation, or at a step that names nothing, the walk-through starts at where you live") {
  const auto& content = test::real_content();
  const auto& first = rules().questions.front().id;
  auto state = answers_all(Answer::yes);
  // A deep link, or a reload (the answers live in memory only): no nation yet.
  state.nation.clear();
  for (const std::string& step : {first, first + ".help", std::string("summary"), std::string("result")}) {
    CAPTURE(step);
    CHECK(core::eligibility_step(content, state, step).kind == core::EligibilityStepKind::nation);
  }
  state.nation = "england";
  for (const char* step : {"", "atlantis", ".help", "atlantis.help", "summary.help"}) {
    CAPTURE(step);
    CHECK(core::eligibility_step(content, state, step).kind == core::EligibilityStepKind::nation);
  }
  // A nation the content does not know has no result to show.
  state.nation = "atlantis";
  CHECK(core::eligibility_step(content, state, "result").kind == core::EligibilityStepKind::nation);
}

TEST_CASE("Yes, Not sure or Skip to risk shows help at once, before the next question; carrying on goes to it") {
  for (Answer answer : {Answer::yes, Answer::not_sure, Answer::skip}) {
    CAPTURE(core::answer_key(answer));
    auto state = started_state();
    core::update(state, core::ChooseNation{"england"});
    pick_and_continue(state, "severe-mental-illness", Answer::no);
    // Yes and Not sure are radios, then Continue; "Skip this question" answers and moves on.
    const auto effects = answer == Answer::skip ? core::update(state, core::AnswerQuestion{"risk", answer})
                                                : pick_and_continue(state, "risk", answer);
    CHECK(state.route() == core::eligibility_help_route("risk"));
    REQUIRE(find_effect<core::PushHistory>(effects));
    CHECK(find_effect<core::PushHistory>(effects)->path == "#/eligibility/risk.help");
    CHECK(core::help_step_question(state.route().param) == "risk");
    core::update(state, core::ContinueAfterHelp{"risk"});
    CHECK(state.route() == core::eligibility_route("self-neglect"));
    // Back goes to the help, then to the question, with the answer kept.
    core::update(state, core::GoBack{});
    CHECK(state.route() == core::eligibility_help_route("risk"));
    core::update(state, core::GoBack{});
    CHECK(state.route() == core::eligibility_route("risk"));
    CHECK(state.eligibility.answers.at("risk") == answer);
  }
  // Only a plain No moves straight on.
  auto state = started_state();
  core::update(state, core::ChooseNation{"england"});
  pick_and_continue(state, "risk", Answer::no);
  CHECK(state.route() == core::eligibility_route("self-neglect"));
}

// GOV.UK's question pages: radios, then Continue.  A radio marks an answer and moves nowhere
// (arrow keys and a slip of the finger can change it); Continue with nothing marked says what
// to do and stays.
TEST_CASE("a marked answer moves nowhere until Continue; Continue with nothing marked says so and stays") {
  auto state = started_state();
  core::update(state, core::Navigate{core::eligibility_route("")});
  CHECK(core::update(state, core::ContinueFromNation{}).empty());
  CHECK(state.route() == core::eligibility_route(""));
  REQUIRE(state.eligibility.nothing_chosen.has_value());
  CHECK(state.eligibility.nothing_chosen->empty());  // the step that asks where you live
  CHECK(core::update(state, core::PickNation{"wales"}).empty());
  CHECK_FALSE(state.eligibility.nothing_chosen.has_value());
  core::update(state, core::PickNation{"england"});  // a change of mind: still here
  CHECK(state.route() == core::eligibility_route(""));
  CHECK(core::marked_nation(state.eligibility) == "england");
  CHECK(state.eligibility.nation.empty());  // the steps follow it only after Continue
  core::update(state, core::ContinueFromNation{});
  CHECK(state.eligibility.nation == "england");
  const auto& first = rules().questions.front().id;
  CHECK(state.route() == core::eligibility_route(first));

  CHECK(core::update(state, core::ContinueFromQuestion{first}).empty());
  CHECK(state.route() == core::eligibility_route(first));
  CHECK(state.eligibility.nothing_chosen == first);
  core::update(state, core::PickAnswer{first, Answer::yes});
  core::update(state, core::PickAnswer{first, Answer::no});
  CHECK_FALSE(state.eligibility.nothing_chosen.has_value());
  CHECK(state.route() == core::eligibility_route(first));
  CHECK(state.eligibility.answers.at(first) == Answer::no);
  core::update(state, core::ContinueFromQuestion{first});
  CHECK(state.route() == core::eligibility_route(rules().questions[1].id));
  // Nothing can be marked "unanswered", and an unknown question or nation is nothing.
  CHECK(core::update(state, core::PickAnswer{"risk", Answer::unanswered}).empty());
  CHECK(state.eligibility.answers.count("risk") == 0);
  core::update(state, core::PickAnswer{"no-such-question", Answer::yes});
  core::update(state, core::PickNation{"atlantis"});
  CHECK(state.eligibility.answers.count("no-such-question") == 0);
  CHECK(core::marked_nation(state.eligibility) == "england");
}

TEST_CASE("Escape closes an open Why we ask before it goes Back") {
  auto state = started_state();
  core::update(state, core::Navigate{core::eligibility_route("")});
  core::update(state, core::ChooseNation{"england"});
  const auto& first = rules().questions.front().id;
  core::update(state, core::ToggleWhyWeAsk{first});
  CHECK(core::update(state, core::EscapePressed{}).empty());
  CHECK(state.route() == core::eligibility_route(first));
  CHECK(state.eligibility.why_open.empty());
  // Nothing open: Escape goes Back, as the Back button does.
  const auto effects = core::update(state, core::EscapePressed{});
  CHECK(state.route() == core::eligibility_route(""));
  CHECK(find_effect<core::HistoryBack>(effects) != nullptr);
  // Another question's open "Why we ask" is not this screen's: Back.
  core::update(state, core::ChooseNation{"england"});
  core::update(state, core::ToggleWhyWeAsk{"risk"});
  core::update(state, core::EscapePressed{});
  CHECK(state.route() == core::eligibility_route(""));
  CHECK(state.eligibility.why_open.count("risk") == 1);
}

TEST_CASE("changing risk to Yes from the summary shows help, then returns to the summary") {
  auto state = started_state();
  core::update(state, core::ChooseNation{"england"});
  for (const auto& q : rules().questions) core::update(state, core::AnswerQuestion{q.id, Answer::no});
  REQUIRE(state.route() == core::eligibility_route("summary"));
  core::update(state, core::Navigate{core::eligibility_route("risk")});
  core::update(state, core::AnswerQuestion{"risk", Answer::yes});
  CHECK(state.route() == core::eligibility_help_route("risk"));
  const auto effects = core::update(state, core::ContinueAfterHelp{"risk"});
  CHECK(state.route() == core::eligibility_route("summary"));
  CHECK(std::count_if(effects.begin(), effects.end(),
                      [](const core::Effect& e) { return std::holds_alternative<core::HistoryBack>(e); }) == 2);
}

TEST_CASE("Wales, Scotland and Northern Ireland go straight to their result") {
  for (const char* nation : {"wales", "scotland", "northern-ireland"}) {
    CAPTURE(nation);
    auto state = started_state();
    core::update(state, core::ChooseNation{nation});
    CHECK(state.route() == core::eligibility_route("result"));
  }
  auto state = started_state();
  CHECK(core::update(state, core::ChooseNation{"atlantis"}).empty());
  CHECK(state.eligibility.nation.empty());
}

TEST_CASE("Back returns to the last question with its answer kept; changing it from the summary returns there") {
  auto state = started_state();
  core::update(state, core::Navigate{core::eligibility_route("")});
  core::update(state, core::ChooseNation{"england"});
  const auto& questions = rules().questions;
  core::update(state, core::AnswerQuestion{questions[0].id, Answer::yes});
  core::update(state, core::AnswerQuestion{questions[1].id, Answer::no});
  core::update(state, core::GoBack{});
  CHECK(state.route() == core::eligibility_route(questions[1].id));
  CHECK(state.eligibility.answers.at(questions[1].id) == Answer::no);
  core::update(state, core::AnswerQuestion{questions[1].id, Answer::skip});
  CHECK(state.route() == core::eligibility_help_route(questions[1].id));  // Skip on risk: help first
  core::update(state, core::ContinueAfterHelp{questions[1].id});
  CHECK(state.route() == core::eligibility_route(questions[2].id));

  core::update(state, core::Navigate{core::eligibility_route("summary")});
  core::update(state, core::Navigate{core::eligibility_route(questions[0].id)});
  const auto effects = core::update(state, core::AnswerQuestion{questions[0].id, Answer::no});
  CHECK(state.route() == core::eligibility_route("summary"));
  CHECK(find_effect<core::HistoryBack>(effects) != nullptr);
  CHECK(state.eligibility.answers.at(questions[0].id) == Answer::no);
}

TEST_CASE("an answer to an unknown question changes nothing") {
  auto state = started_state();
  core::update(state, core::ChooseNation{"england"});
  const auto route = state.route();
  CHECK(core::update(state, core::AnswerQuestion{"no-such-question", Answer::yes}).empty());
  CHECK(core::update(state, core::ContinueAfterHelp{"no-such-question"}).empty());
  CHECK(state.route() == route);
  CHECK(state.eligibility.answers.empty());
}

TEST_CASE("Why we ask opens and closes in place") {
  auto state = started_state();
  core::update(state, core::ChooseNation{"england"});
  const auto route = state.route();
  core::update(state, core::ToggleWhyWeAsk{"risk"});
  CHECK(state.eligibility.why_open.count("risk") == 1);
  CHECK(state.route() == route);
  core::update(state, core::ToggleWhyWeAsk{"risk"});
  CHECK(state.eligibility.why_open.empty());
}

TEST_CASE("Start again forgets every answer") {
  auto state = started_state();
  core::update(state, core::ChooseNation{"england"});
  core::update(state, core::AnswerQuestion{"risk", Answer::yes});
  core::update(state, core::ToggleWhyWeAsk{"risk"});
  core::update(state, core::RestartEligibility{});
  CHECK(state.eligibility.nation.empty());
  CHECK(state.eligibility.answers.empty());
  CHECK(state.eligibility.why_open.empty());
  CHECK(state.route() == core::eligibility_route(""));
}

TEST_CASE("printing makes a clean HTML page of the result, crisis lines first after a Yes to risk") {
  auto state = started_state();
  core::update(state, core::ChooseNation{"england"});
  core::update(state, core::AnswerQuestion{"risk", Answer::yes});
  core::update(state, core::AnswerQuestion{"parenting", Answer::not_sure});
  const auto effects = core::update(state, core::PrintEligibilityResult{});
  const auto* print = find_effect<core::PrintDocument>(effects);
  REQUIRE(print);
  CHECK(print->title == test::real_content_ptr()->str("eligibility.print.title"));
  const std::string& html = print->html_body;
  CHECK(html.find("<h1>Ask your team about the support you need</h1>") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  const auto crisis = html.find(test::real_content_ptr()->str("eligibility.result.crisis_first.heading"));
  const auto summary = html.find(rules().result("talk-about-support")->page.summary);
  REQUIRE(crisis != std::string::npos);
  REQUIRE(summary != std::string::npos);
  CHECK(crisis < summary);
  CHECK(html.find("href=\"tel:116123\"") != std::string::npos);
  CHECK(html.find("href=\"tel:111\"") != std::string::npos);
  CHECK(html.find("href=\"tel:999\"") != std::string::npos);
  // Things to ask about, every answer, and the sources with their checked-dates.
  CHECK(html.find(test::real_content_ptr()->str("eligibility.result.talk_heading")) != std::string::npos);
  CHECK(html.find(rules().question("parenting")->short_text) != std::string::npos);
  CHECK(html.find(rules().question("detained")->text) != std::string::npos);
  CHECK(html.find("Checked 25 November 2026") != std::string::npos);
  // Apostrophes and quotes in content are escaped, never raw.
  CHECK(html.find("carer&#39;s assessment") != std::string::npos);
  CHECK(html.find("carer's") == std::string::npos);
}

TEST_CASE("every printed result has the crisis lines for its nation, at the end when no answer touched on safety") {
  auto state = started_state();
  core::update(state, core::ChooseNation{"england"});
  for (const auto& q : rules().questions) state.eligibility.answers[q.id] = Answer::no;
  const auto effects = core::update(state, core::PrintEligibilityResult{});
  const auto* print = find_effect<core::PrintDocument>(effects);
  REQUIRE(print);
  const auto& html = print->html_body;
  CHECK(html.find("CPA may not be offered") != std::string::npos);
  CHECK(html.find(test::real_content_ptr()->str("eligibility.result.crisis_first.heading")) == std::string::npos);
  const auto end_heading = html.find(test::real_content_ptr()->str("eligibility.result.crisis_end.heading"));
  REQUIRE(end_heading != std::string::npos);
  CHECK(end_heading > html.find("<h1>"));
  for (const char* href : {"tel:999", "tel:111", "tel:116123", "sms:85258?body=SHOUT"})
    CHECK_MESSAGE(html.find(std::string("href=\"") + href + "\"") != std::string::npos, href);
}

TEST_CASE("Wales' printed result has the Care and Treatment Plan and the Wales crisis lines, not the questions") {
  auto state = started_state();
  core::update(state, core::ChooseNation{"wales"});
  const auto effects = core::update(state, core::PrintEligibilityResult{});
  const auto* print = find_effect<core::PrintDocument>(effects);
  REQUIRE(print);
  CHECK(print->html_body.find("Care and Treatment Plan") != std::string::npos);
  CHECK(print->html_body.find("href=\"tel:111\"") != std::string::npos);
  CHECK(print->html_body.find("press 2") != std::string::npos);
  CHECK(print->html_body.find(test::real_content_ptr()->str("eligibility.print.answers")) == std::string::npos);
}

TEST_CASE("Scotland and Northern Ireland get their own lines on the result, never England's 111 option") {
  auto state = started_state();
  core::update(state, core::ChooseNation{"scotland"});
  auto printed = [&] {
    const auto effects = core::update(state, core::PrintEligibilityResult{});
    const auto* print = find_effect<core::PrintDocument>(effects);
    REQUIRE(print);
    return print->html_body;
  };
  auto html = printed();
  CHECK(html.find("NHS 24") != std::string::npos);
  CHECK(html.find("href=\"tel:0800838587\"") != std::string::npos);
  CHECK(html.find("option 2") == std::string::npos);
  core::update(state, core::RestartEligibility{});
  core::update(state, core::ChooseNation{"northern-ireland"});
  html = printed();
  CHECK(html.find("href=\"tel:08088088000\"") != std::string::npos);
  CHECK(html.find("href=\"tel:111\"") == std::string::npos);
}

TEST_CASE("saving gives a whole HTML page to keep on the device, and nothing without a result") {
  auto state = started_state();
  CHECK(core::update(state, core::SaveEligibilityResult{}).empty());
  CHECK(core::update(state, core::PrintEligibilityResult{}).empty());
  core::update(state, core::ChooseNation{"england"});
  const auto effects = core::update(state, core::SaveEligibilityResult{});
  const auto* file = find_effect<core::DownloadFile>(effects);
  REQUIRE(file);
  CHECK(file->filename == "cpa-support-result.html");
  CHECK(file->mime_type == "text/html");
  CHECK(file->data.rfind("<!doctype html>", 0) == 0);
  CHECK(file->data.find("<meta charset=\"utf-8\">") != std::string::npos);
  CHECK(file->data.find("We cannot tell from your answers") != std::string::npos);
  CHECK(file->data.find("href=\"tel:999\"") != std::string::npos);
  CHECK(find_effect<core::Announce>(effects) != nullptr);
}

TEST_CASE("HTML escaping covers every character that could break out of text or an attribute") {
  CHECK(core::escape_html("<b>Tom & \"Jo\"'s</b>") == "&lt;b&gt;Tom &amp; &quot;Jo&quot;&#39;s&lt;/b&gt;");
}

// ---- the content checks ----

TEST_CASE("a question without an explanation fails, naming the file and the field") {
  const auto loaded = load_with_edit([](auto& j) { j["questions"][2].erase("why"); });
  CHECK_FALSE(loaded.ok());
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "questions[2].why", "Why we ask"),
                test::problems_text(loaded));
}

TEST_CASE("a rule naming an unknown question, match or answer fails, naming the file and the field") {
  auto loaded = load_with_edit([](auto& j) { j["rules"][0]["questions"] = {"risk", "no-such-question"}; });
  CHECK_FALSE(loaded.ok());
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "rules[0].questions[1]", "no-such-question"),
                test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j["rules"][0]["match"] = "most"; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "rules[0].match"), test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j["rules"][1]["answers"][0] = "maybe"; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "rules[1].answers[0]"), test::problems_text(loaded));
}

TEST_CASE("a missing source fails: on a question, on a result, or a source id nobody defines") {
  auto loaded = load_with_edit([](auto& j) { j["questions"][0].erase("sources"); });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "questions[0].sources", "missing"),
                test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j["results"][1].erase("sources"); });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "results[1].sources"), test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j["questions"][1]["sources"][0] = "nowhere"; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "questions[1].sources[0]", "nowhere"),
                test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j["sections"][0]["sources"][0] = "gone"; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "sections[0].sources[0]", "gone"),
                test::problems_text(loaded));
}

TEST_CASE("a missing or malformed checked-date fails, naming the field") {
  auto loaded = load_with_edit([](auto& j) { j["results"][0].erase("checked"); });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "results[0].checked", "missing"),
                test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j["sections"][0]["checked"] = "23/11/2026"; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "sections[0].checked", "date"),
                test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j.erase("checked"); });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "checked", "missing"), test::problems_text(loaded));
}

TEST_CASE("unknown names anywhere in the rules fail: result, nation, section, page link") {
  auto loaded = load_with_edit([](auto& j) { j["rules"][0]["result"] = "maybe"; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "rules[0].result", "maybe"),
                test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j["rules"][0]["nation"] = "atlantis"; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "rules[0].nation", "atlantis"),
                test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j["nations"][1]["result"] = "nothing"; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "nations[1].result", "nothing"),
                test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j["results"][0]["sections"][1] = "lost"; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "results[0].sections[1]", "lost"),
                test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) {
    j["results"][0]["blocks"][0] = {{"link", {{"text", "Go"}, {"page", "gone"}}}};
  });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "results[0].blocks[0].link.page", "gone"),
                test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j["rules"][1].erase("result"); });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "rules[1].result", "missing"),
                test::problems_text(loaded));
}

TEST_CASE("crisis routing is checked at load: a nation without its own line, or a line for an unknown nation, fails") {
  auto files = test::content_files();
  // Lifeline gone from the numbers (common/) and from the words (en-GB/).
  for (const char* path : {"common/crisis_lines.json", "en-GB/crisis_lines.json"}) {
    auto lines = nlohmann::json::parse(files.at(path));
    nlohmann::json kept = nlohmann::json::array();
    for (const auto& line : lines["lines"])
      if (line["id"] != "lifeline-northern-ireland") kept.push_back(line);
    lines["lines"] = kept;
    if (std::string(path) == "common/crisis_lines.json") lines["lines"][0]["nations"].push_back("atlantis");
    files[path] = lines.dump();
  }
  const auto loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "nations[3]", "no crisis line of its own"),
                test::problems_text(loaded));
  CHECK_MESSAGE(std::any_of(loaded.problems.begin(), loaded.problems.end(),
                            [](const auto& p) {
                              return p.file == "common/crisis_lines.json" && p.field == "lines[0].nations[4]";
                            }),
                test::problems_text(loaded));
}

TEST_CASE("no question offering help now, or a result that promises, fails at load") {
  auto loaded = load_with_edit([](auto& j) {
    for (auto& q : j["questions"]) q.erase("offers_help_now");
  });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "questions", "help now"), test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j["results"][0]["summary"] = "Good news: you qualify for CPA."; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "results[0]", "promises"),
                test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) {
    j["sections"][0]["blocks"][0] = {{"p", "You will get a care co-ordinator."}};
  });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "sections[0]", "promises"),
                test::problems_text(loaded));
}

TEST_CASE("a nation named twice fails") {
  const auto loaded = load_with_edit([](auto& j) { j["nations"][3]["id"] = "wales"; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "nations[3].id", "another nation"),
                test::problems_text(loaded));
}

TEST_CASE("question ids must be unique plain words that are not step names") {
  auto loaded = load_with_edit([](auto& j) { j["questions"][1]["id"] = j["questions"][0]["id"]; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "questions[1].id", "another question"),
                test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j["questions"][1]["id"] = "summary"; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "questions[1].id"), test::problems_text(loaded));
  loaded = load_with_edit([](auto& j) { j["questions"][1]["id"] = "Has Spaces"; });
  CHECK_MESSAGE(test::has_problem_in(loaded, "eligibility.json", "questions[1].id"), test::problems_text(loaded));
}

TEST_CASE("without eligibility.json the content does not load") {
  auto files = test::content_files();
  files.erase("en-GB/eligibility.json");
  const auto loaded = core::load_content(files);
  CHECK_FALSE(loaded.ok());
  CHECK(std::any_of(loaded.problems.begin(), loaded.problems.end(),
                    [](const auto& p) { return p.file == "eligibility.json" && p.message == "missing"; }));
}
