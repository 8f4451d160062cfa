// "Understand your care": the explainer pages are all there, sourced, dated, linked from the
// results, and every English page reads easily (Flesch reading ease 60 or more).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>

#include "real_content.hpp"
#include "core/eligibility/eligibility.hpp"
#include "core/plans/plan_reviews.hpp"
#include "tools/readability/readability.hpp"

using namespace cpa;

namespace {

constexpr double kLowestReadingEase = 60.0;

struct Score {
  std::string name;
  double ease;
  readability::TextCounts counts;
};

// Every English page a person can read, scored: the content pages, each result page as a whole
// (its own words and its sections), and the questions with their reasons.
std::vector<Score> every_page_score() {
  const auto& content = *test::real_content_ptr();
  std::vector<Score> scores;
  auto add = [&](std::string name, const std::vector<std::string>& pieces) {
    const auto counts = readability::count_pieces(pieces);
    scores.push_back({std::move(name), readability::flesch_reading_ease(counts), counts});
  };
  for (const auto& [id, page] : content.pages) add("page " + id, core::page_text(page));
  for (const auto& [id, result] : content.eligibility->results)
    add("result " + id, readability::result_page_text(*content.eligibility, result));
  add("questions", readability::questions_text(*content.eligibility));
  return scores;
}

}  // namespace

TEST_CASE("Understand your care has every page the product names, in reading order") {
  const auto& content = *test::real_content_ptr();
  const std::vector<std::string> wanted = {"what-is-cpa", "care-coordinator", "care-plan", "crisis-plan",
                                           "reviews",     "rights",           "carers",    "section-117",
                                           "wales-ctp",   "not-on-cpa"};
  CHECK(content.explainer_order == wanted);
}

TEST_CASE("every explainer has a summary, at least one source, and checked-dates on the page and its sources") {
  const auto& content = *test::real_content_ptr();
  for (const auto& id : content.explainer_order) {
    CAPTURE(id);
    const auto* page = content.page(id);
    REQUIRE(page);
    CHECK_FALSE(page->summary.empty());
    CHECK(core::is_iso_date(page->checked));
    REQUIRE_FALSE(page->sources.empty());
    for (const auto& source : page->sources) {
      CAPTURE(source.id);
      CHECK(core::is_iso_date(source.checked));
      CHECK_FALSE(source.publisher.empty());
    }
  }
}

TEST_CASE("the facts the product promises are on the explainer pages") {
  const auto& content = *test::real_content_ptr();
  auto says = [&](const std::string& id, const std::string& words) {
    for (const auto& piece : core::page_text(*content.page(id)))
      if (piece.find(words) != std::string::npos) return true;
    return false;
  };
  CHECK(says("what-is-cpa", "Community Mental Health Framework"));
  CHECK(says("reviews", "at least once a year"));
  CHECK(says("reviews", "should only happen after a check of your risks"));
  CHECK(says("rights", "PALS"));
  CHECK(says("rights", "12 months"));
  CHECK(says("rights", "when you found out"));
  CHECK(says("rights", "Putting Things Right"));
  CHECK(says("rights", "Public Services Ombudsman for Wales"));
  CHECK(says("rights", "usually share"));
  CHECK(says("rights", "Ombudsman"));
  CHECK(says("rights", "advocacy"));
  CHECK(says("carers", "carer's assessment"));
  CHECK(says("carers", "if you agree"));
  for (const char* section : {"section 3", "section 37", "section 45A", "section 47", "section 48"})
    CHECK(says("section-117", section));
  CHECK(says("section-117", "section 5(2)"));
  CHECK(says("wales-ctp", "secondary mental health services"));
  CHECK(says("wales-ctp", "local primary mental health support services"));
  CHECK(says("wales-ctp", "Social Services and Well-being (Wales) Act 2014"));
  CHECK(says("section-117", "for free"));
  CHECK(says("crisis-plan", "not legally binding"));
  CHECK(says("crisis-plan", "Help now"));
  CHECK(says("wales-ctp", "3 years"));
}

TEST_CASE("the results link to the explainers that matter to them") {
  const auto& e = *test::real_content_ptr()->eligibility;
  auto links = [&](const core::ResultPage& result) {
    std::vector<std::string> out;
    auto collect = [&](const core::Page& page) {
      for (const auto& block : page.blocks)
        if (block.kind == core::Block::Kind::link && !block.page.empty()) out.push_back(block.page);
    };
    collect(result.page);
    for (const auto& id : result.sections) collect(*e.section(id));
    return out;
  };
  auto has = [](const std::vector<std::string>& list, const char* id) {
    return std::find(list.begin(), list.end(), id) != list.end();
  };
  const auto might = links(*e.result("talk-about-support"));
  CHECK(has(might, "what-is-cpa"));
  CHECK(has(might, "care-coordinator"));
  CHECK(has(might, "carers"));
  const auto may_not = links(*e.result("may-not-be-offered"));
  CHECK(has(may_not, "not-on-cpa"));
  CHECK(has(may_not, "carers"));
  CHECK(has(links(*e.result("wales")), "wales-ctp"));
}

TEST_CASE("every English page reads at a Flesch reading ease of 60 or more") {
  const auto scores = every_page_score();
  CHECK(scores.size() >= 16);  // about, 10 explainers, 4 results, the questions
  for (const auto& score : scores) {
    MESSAGE(score.name << ": reading ease " << score.ease << " (" << score.counts.words << " words, "
                       << score.counts.sentences << " sentences, " << score.counts.syllables << " syllables)");
    CAPTURE(score.name);
    CHECK(score.ease >= kLowestReadingEase);
  }
}

TEST_CASE("a source whose page could not be opened again never reads as freshly checked, on screen or paper") {
  const auto& content = test::real_content();
  int not_reopened = 0;
  for (const auto& entry : content.sources) {
    const auto& source = entry.second;
    CAPTURE(source.id);
    const std::string told = core::source_checked_text(content, source);
    CHECK(told.find(core::long_date(content, source.checked)) != std::string::npos);
    const bool says_so = told.find("could not open") != std::string::npos;
    CHECK(says_so == !source.not_opened.empty());
    not_reopened += says_so ? 1 : 0;
  }
  CHECK(not_reopened > 0);  // today's content has such sources (docs/research/issue-23-sources.md)
}
