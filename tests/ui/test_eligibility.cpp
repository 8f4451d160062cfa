// "What support could I get?" and "Understand your care", walked through the real UI with taps,
// as a person would, reading what the screen says by role and name.
#include <algorithm>
#include <cmath>

#include "core/eligibility/eligibility.hpp"
#include "core/plans/plan_reviews.hpp"
#include "walks.hpp"

using namespace cpa;
using ui::Role;

namespace {

std::size_t index_of(const test::Harness& h, Role role, const std::string& name) {
  const auto& nodes = h.tree().nodes;
  const auto it =
      std::find_if(nodes.begin(), nodes.end(), [&](const ui::Node& n) { return n.role == role && n.name == name; });
  return static_cast<std::size_t>(it - nodes.begin());
}

bool has_link_to(const test::Harness& h, const std::string& href) {
  const auto links = h.tree().all(Role::link);
  return std::any_of(links.begin(), links.end(), [&](const ui::Node* n) { return n->href == href; });
}

using test::answer;
using test::answer_all;
using test::start_walk;

}  // namespace

TEST_CASE("England, every answer No: CPA may not be offered, and the rights everyone has") {
  test::Harness h;
  start_walk(h, "England");
  answer_all(h, [](const std::string&) { return "No"; });
  CHECK(h.app.state().route() == core::eligibility_route("result"));
  const std::string title = "CPA may not be offered, but you still have the right to care and support";
  CHECK(h.tree().title == title);
  CHECK(h.find(Role::heading, title));
  for (const char* heading : {"What everyone can get", "What to do next", "Questions you could ask",
                              "Each NHS trust decides", "CPA is changing"}) {
    CAPTURE(heading);
    CHECK(h.find(Role::heading, heading));
  }
  CHECK(h.find(Role::link, "If you are not on CPA"));
  CHECK_FALSE(h.find(Role::heading, "Help is there for you now"));
  CHECK_FALSE(h.find(Role::heading, "You said yes to"));
}

TEST_CASE("England, one Yes: ask your team about support, naming what you said yes to, and the lines at the end") {
  test::Harness h;
  start_walk(h, "England");
  answer_all(h, [](const std::string& id) { return id == "carer" ? "Yes" : id == "parenting" ? "Not sure" : "No"; });
  CHECK(h.find(Role::heading, "Ask your team about the support you need"));
  CHECK(h.find(Role::heading, "What you might be offered in England"));
  CHECK(h.find(Role::heading, "You said yes to"));
  CHECK(h.find(Role::list_item, "Relying on a carer, or being a carer"));
  CHECK(h.find(Role::heading, "Things you could ask about"));
  CHECK(h.find(Role::list_item, "Finding it hard to cope as a parent"));
  CHECK(h.find(Role::link, "Your care co-ordinator or key worker"));
  CHECK_FALSE(h.find(Role::heading, "Help is there for you now"));
  REQUIRE(h.find(Role::heading, "If you need help now"));
  CHECK(index_of(h, Role::heading, "If you need help now") >
        index_of(h, Role::heading, "Ask your team about the support you need"));
  for (const char* href : {"tel:999", "tel:111", "tel:116123", "sms:85258?body=SHOUT"}) CHECK(has_link_to(h, href));
}

TEST_CASE("England, risk Not sure: help straight away, help first on the result, never put off to an appointment") {
  test::Harness h;
  start_walk(h, "England");
  answer_all(h, [](const std::string& id) { return id == "risk" ? "Not sure" : "Not sure"; });
  CHECK(h.find(Role::heading, "We cannot tell from your answers"));
  REQUIRE(h.find(Role::heading, "Help is there for you now"));
  CHECK(index_of(h, Role::link, "Call 999") < index_of(h, Role::heading, "We cannot tell from your answers"));
  CHECK_FALSE(h.find(Role::list_item, rules(h).question("risk")->short_text));
  CHECK(h.find(Role::list_item, rules(h).question("parenting")->short_text));
}

TEST_CASE("the risk question offers Help now right there, and a Yes puts the crisis lines first") {
  test::Harness h;
  start_walk(h, "England");
  answer(h, "No");
  const auto* risk = rules(h).question("risk");
  REQUIRE(h.find(Role::heading, risk->text));
  // Two "Help now" buttons: the one on every screen, and one with the question.
  std::vector<const ui::Node*> help;
  for (const auto& node : h.tree().nodes)
    if (node.role == Role::button && node.name == "Help now") help.push_back(&node);
  REQUIRE(help.size() == 2);
  CHECK(help[1]->rect.y < h.find(Role::radio, "Yes")->rect.y);

  answer(h, "Yes");
  // Help straight away, before the next question: the nation's lines, first in reading order.
  REQUIRE(h.find(Role::heading, "Help is here now"));
  CHECK(h.find(Role::heading, "Help is here now")->level == 1);
  CHECK(index_of(h, Role::link, "Call 999") < index_of(h, Role::button, "Carry on with the questions"));
  CHECK(has_link_to(h, "tel:111"));
  h.tap(Role::button, "Carry on with the questions");
  answer_all(
      h, [](const std::string&) { return "No"; }, 2);  // the rest, from question 3
  CHECK(h.find(Role::heading, "Ask your team about the support you need"));
  REQUIRE(h.find(Role::heading, "Help is there for you now"));
  // First in reading order and at the top of the screen, before the result.
  const auto crisis = index_of(h, Role::heading, "Help is there for you now");
  const auto result = index_of(h, Role::heading, "Ask your team about the support you need");
  const auto call_999 = index_of(h, Role::link, "Call 999");
  CHECK(crisis < result);
  CHECK(call_999 < result);
  CHECK(h.find(Role::heading, "Help is there for you now")->level == 1);
  for (const char* href : {"tel:999", "tel:111", "tel:116123", "sms:85258?body=SHOUT"}) {
    CAPTURE(href);
    CHECK(has_link_to(h, href));
  }
}

// GOV.UK's question pages: radios, a Continue button, and Skip that says it moves on.
TEST_CASE("answers are radios: choosing one moves nowhere, Continue moves on, and Continue with none says what to do") {
  test::Harness h;
  h.tap(Role::button, "What support could I get?");
  const std::string where = str(h, "eligibility.nation.error");
  h.tap(Role::button, "Continue");
  CHECK(h.app.state().route() == core::eligibility_route(""));
  const auto* message = h.find(Role::text, where);
  REQUIRE(message);
  CHECK(message->live == where);  // said once, as it appears
  const auto* nations = h.find(Role::radio_group, "Where do you live?");
  REQUIRE(nations);
  CHECK(nations->described_by == std::vector<std::uint32_t>{message->id});
  CHECK(message->parent == 0);  // before the group, which holds only answers
  CHECK(message->rect.y < h.find(Role::radio, "England")->rect.y);
  h.tap(Role::radio, "Wales");
  CHECK_FALSE(h.find(Role::text, where));
  h.tap(Role::radio, "England");  // a change of mind: still here
  CHECK(h.app.state().route() == core::eligibility_route(""));
  CHECK(h.find(Role::radio, "England")->checked);
  CHECK_FALSE(h.find(Role::radio, "Wales")->checked);
  h.tap(Role::button, "Continue");
  const auto& questions = rules(h).questions;
  REQUIRE(h.find(Role::heading, questions[0].text));

  // Continue comes after the answers, and Skip after it, both named for what they do.
  const auto* cont = h.find(Role::button, "Continue");
  const auto* skip = h.find(Role::button, "Skip this question");
  REQUIRE(cont);
  REQUIRE(skip);
  CHECK(h.find(Role::radio, "Not sure")->rect.y < cont->rect.y);
  CHECK(cont->rect.y < skip->rect.y);
  h.tap(Role::button, "Continue");
  CHECK(h.app.state().route() == core::eligibility_route(questions[0].id));
  REQUIRE(h.find(Role::text, str(h, "eligibility.answer_error")));
  h.activate(Role::radio, "Yes");  // what the arrow keys do: choose, and stay
  CHECK(h.find(Role::radio, "Yes")->checked);
  CHECK_FALSE(h.find(Role::text, str(h, "eligibility.answer_error")));
  CHECK(h.app.state().route() == core::eligibility_route(questions[0].id));
  h.tap(Role::button, "Continue");
  REQUIRE(h.find(Role::heading, questions[1].text));
  // Skip moves on by itself (on the risk question: to help first).
  REQUIRE(questions[1].offers_help_now);
  h.tap(Role::button, "Skip this question");
  CHECK(h.find(Role::heading, "Help is here now"));
}

TEST_CASE("Help now with the risk question opens the crisis screen") {
  test::Harness h("#/eligibility");
  answer(h, "England");
  answer(h, "No");
  const ui::Node* in_question = nullptr;
  for (const auto& node : h.tree().nodes)
    if (node.role == Role::button && node.name == "Help now") in_question = &node;  // the last one
  REQUIRE(in_question);
  ui::FrameInput input;
  input.activate_id = in_question->id;
  h.settle(input);
  CHECK(h.app.state().route().screen == core::Screen::help_now);
}

TEST_CASE("Why we ask opens in place, and says it is open") {
  test::Harness h("#/eligibility");
  answer(h, "England");
  const auto& first = rules(h).questions.front();
  const auto* why = h.find(Role::button, "Why we ask");
  REQUIRE(why);
  REQUIRE(why->expanded.has_value());
  CHECK_FALSE(*why->expanded);
  CHECK_FALSE(h.find(Role::text, first.why));
  h.tap(Role::button, "Why we ask");
  CHECK(h.app.state().route() == core::eligibility_route(first.id));
  CHECK(*h.find(Role::button, "Why we ask")->expanded);
  REQUIRE(h.find(Role::text, first.why));
  CHECK(h.find(Role::text, first.why)->rect.y < h.find(Role::radio, "Yes")->rect.y);
  h.tap(Role::button, "Why we ask");
  CHECK_FALSE(h.find(Role::text, first.why));
}

TEST_CASE("Back on every step; the answer given is shown again and can be changed") {
  test::Harness h;
  start_walk(h, "England");
  const auto& questions = rules(h).questions;
  answer(h, "Yes");
  answer(h, "Not sure");
  REQUIRE(h.find(Role::heading, "Help is here now"));  // question 2 is about risk
  h.tap(Role::button, "Carry on with the questions");
  REQUIRE(h.find(Role::heading, questions[2].text));
  h.tap(Role::button, "Back");
  REQUIRE(h.find(Role::heading, "Help is here now"));
  h.tap(Role::button, "Back");
  REQUIRE(h.find(Role::heading, questions[1].text));
  CHECK(h.find(Role::radio, "Not sure")->checked);
  CHECK_FALSE(h.find(Role::radio, "Yes")->checked);
  answer(h, "No");
  REQUIRE(h.find(Role::heading, questions[2].text));
  h.tap(Role::button, "Back");
  h.tap(Role::button, "Back");
  REQUIRE(h.find(Role::heading, questions[0].text));
  CHECK(h.find(Role::radio, "Yes")->checked);
  h.tap(Role::button, "Back");
  CHECK(h.find(Role::heading, "Where do you live?"));
  CHECK(h.find(Role::radio, "England")->checked);
  h.browser_back();
  CHECK(h.app.state().route().screen == core::Screen::home);
}

TEST_CASE("the summary lists every answer, and changing one goes back to the summary and the result follows") {
  test::Harness h;
  start_walk(h, "England");
  const auto& questions = rules(h).questions;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    if (i == 4) h.tap(Role::button, "Skip this question");
    else answer(h, "No");
  }
  REQUIRE(h.find(Role::heading, "Check your answers"));
  h.tap(Role::button, "See what this means for me");
  CHECK(h.find(Role::heading, "We cannot tell from your answers"));  // one Skip is not a plain No
  h.tap(Role::button, "Change my answers");
  REQUIRE(h.find(Role::heading, "Check your answers"));
  for (std::size_t i = 0; i < questions.size(); ++i) {
    CAPTURE(questions[i].id);
    const auto* card = h.find(Role::button, questions[i].short_text);
    REQUIRE(card);
    CHECK(h.description(card) == (i == 4 ? "Your answer: Skip" : "Your answer: No"));
  }
  h.tap(Role::button, questions[5].short_text);
  REQUIRE(h.find(Role::heading, questions[5].text));
  answer(h, "Yes");
  REQUIRE(h.find(Role::heading, "Check your answers"));
  CHECK(h.description(h.find(Role::button, questions[5].short_text)) == "Your answer: Yes");
  h.tap(Role::button, "See what this means for me");
  CHECK(h.find(Role::heading, "Ask your team about the support you need"));

  // From the result, "Change my answers" returns to the summary; change back and the result follows.
  h.tap(Role::button, "Change my answers");
  h.tap(Role::button, questions[5].short_text);
  answer(h, "No");
  h.tap(Role::button, questions[4].short_text);
  answer(h, "No");
  h.tap(Role::button, "See what this means for me");
  CHECK(h.find(Role::heading, "CPA may not be offered, but you still have the right to care and support"));
}

TEST_CASE("Wales: the Care and Treatment Plan, its facts and the Wales crisis lines, without the England questions") {
  test::Harness h;
  start_walk(h, "Wales");
  CHECK(h.find(Role::heading, "In Wales: the Care and Treatment Plan"));
  CHECK(h.find(Role::list_item, "medical and other treatment"));
  CHECK(h.find(Role::heading, "If you do not"));
  CHECK(h.find(Role::heading, "Carers in Wales"));
  CHECK(h.find(
      Role::text,
      "In Wales, you raise a concern about NHS care through a process called Putting Things Right. If you are still not happy after that, you can go to the Public Services Ombudsman for Wales."));
  CHECK(h.find(Role::link, "Wales: the Care and Treatment Plan"));
  CHECK(h.find(Role::heading, "If you need help now"));
  CHECK(has_link_to(h, "tel:111"));
  CHECK(h.find(Role::link, "Call 111"));
  CHECK(h.find(Role::text, "NHS 111 Wales, press 2"));
  CHECK_FALSE(h.find(Role::button, "Change my answers"));
  CHECK_FALSE(h.find(Role::progressbar, "Question 1 of 10"));
}

TEST_CASE("Scotland and Northern Ireland: an honest short answer and the crisis lines that serve them") {
  for (const char* nation : {"Scotland", "Northern Ireland"}) {
    CAPTURE(nation);
    test::Harness h;
    start_walk(h, nation);
    CHECK(h.find(Role::heading, "Care is planned in a different way where you live"));
    CHECK(has_link_to(h, "tel:999"));
    CHECK(has_link_to(h, "tel:116123"));
    if (std::string(nation) == "Scotland") {
      CHECK(h.find(Role::text, "NHS 24 Mental Health Hub"));  // 111 in Scotland is NHS 24
      CHECK(has_link_to(h, "tel:0800838587"));                // Breathing Space
      CHECK_FALSE(h.find(Role::text, "NHS 111, mental health option"));
    } else {
      CHECK(has_link_to(h, "tel:08088088000"));  // Lifeline
      CHECK_FALSE(has_link_to(h, "tel:111"));    // no 111 mental health option in Northern Ireland
    }
  }
}

TEST_CASE("the result prints as HTML and saves as a file, only when asked") {
  test::Harness h;
  start_walk(h, "England");
  answer_all(h, [](const std::string& id) { return id == "risk" ? "Yes" : "No"; });
  CHECK(h.platform.printed.empty());
  CHECK(h.platform.downloads.empty());
  h.tap(Role::button, "Print this page");
  REQUIRE(h.platform.printed.size() == 1);
  CHECK(h.platform.printed[0].html_body.find("<h1>Ask your team about the support you need</h1>") != std::string::npos);
  CHECK(h.platform.printed[0].html_body.find("tel:116123") != std::string::npos);
  h.tap(Role::button, "Save a copy on this device");
  REQUIRE(h.platform.downloads.size() == 1);
  CHECK(h.platform.downloads[0].filename == "cpa-support-result.html");
  CHECK(h.platform.downloads[0].data.find("Ask your team about the support you need") != std::string::npos);
}

TEST_CASE("Start again forgets the answers and asks where you live") {
  test::Harness h;
  start_walk(h, "England");
  answer_all(h, [](const std::string&) { return "Yes"; });
  h.tap(Role::button, "Start again");
  CHECK(h.find(Role::heading, "Where do you live?"));
  CHECK_FALSE(h.find(Role::radio, "England")->checked);
  CHECK(h.app.state().eligibility.answers.empty());
}

TEST_CASE("a deep link into the questions, with no answers in memory, starts at where you live") {
  test::Harness h("#/eligibility/risk");
  CHECK(h.find(Role::heading, "Where do you live?"));
  REQUIRE(h.find(Role::button, "Back"));
  answer(h, "England");
  CHECK(h.find(Role::heading, rules(h).questions.front().text));
}

TEST_CASE("Understand your care lists the explainers; each shows its checked-date and sources") {
  test::Harness h;
  h.tap(Role::button, "Understand your care");
  CHECK(h.find(Role::heading, "Understand your care"));
  const auto& content = *h.app.state().content;
  for (const auto& id : content.explainer_order) CHECK(h.find(Role::button, content.page(id)->title));
  h.tap(Role::button, "Section 117 aftercare");
  CHECK(h.app.state().route() == core::Route{core::Screen::learn, "section-117"});
  CHECK(h.find(Role::heading, "Section 117 aftercare"));
  CHECK(h.find(Role::list_item, "section 45A"));
  CHECK(h.find(Role::text, "We checked this page on 25 November 2026."));
  CHECK(h.find(Role::heading, "Where this comes from"));
  // Each source shows the day its own page was last checked (sources.json), not the page's date.
  const auto* law = content.source("mha-1983");
  REQUIRE(law);
  CHECK(h.find(Role::text, core::source_checked_text(content, *law)));
  h.tap(Role::link, "Your rights and how to complain");
  CHECK(h.find(Role::heading, "Your rights and how to complain"));
  h.tap(Role::button, "Back");
  CHECK(h.find(Role::heading, "Section 117 aftercare"));
}

TEST_CASE("a result links to the explainers") {
  test::Harness h;
  start_walk(h, "England");
  answer_all(h, [](const std::string&) { return "No"; });
  h.tap(Role::link, "If you are not on CPA");
  CHECK(h.app.state().route() == core::Route{core::Screen::learn, "not-on-cpa"});
  CHECK(h.find(Role::heading, "If you are not on CPA"));
}

TEST_CASE("every target on the walk-through and the explainers is at least 44 by 44 CSS pixels") {
  for (const char* path : {"#/eligibility", "#/learn", "#/learn/what-is-cpa"}) {
    CAPTURE(path);
    test::Harness h(path);
    if (std::string(path) == "#/eligibility") answer(h, "England");
    for (const auto& node : h.tree().nodes) {
      if (node.role != Role::button && node.role != Role::link) continue;
      CAPTURE(node.name);
      CHECK(node.rect.h >= 44.0f);
      CHECK(node.rect.w >= 44.0f);
    }
  }
}
