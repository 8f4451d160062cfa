#pragma once
// Steps through the app that more than one UI test takes, in whichever language is shown: every
// label is the content's, by key, so the Welsh walk (test_welsh.cpp) takes the same steps as the
// English tests it shares them with.
#include <cmath>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "../unit/records_samples.hpp"
#include "../unit/stored_samples.hpp"
#include "core/eligibility/eligibility.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/share/share.hpp"
#include "core/share/share_codec.hpp"
#include "core/lock/store_lock.hpp"
#include "harness.hpp"

namespace cpa::test {

// ---- "What support could I get?" ----
inline const core::EligibilityContent& rules(const Harness& h) { return *h.app.state().content->eligibility; }

// A question page: choose an answer (a radio: nothing moves), then Continue.
inline void answer(Harness& h, const std::string& label) {
  const auto route = h.app.state().route();
  h.tap(ui::Role::radio, label);
  CHECK(h.app.state().route() == route);
  CHECK(h.find(ui::Role::radio, label)->checked);
  h.tap(ui::Role::button, str(h, "eligibility.continue"));
}

// Home -> "What support could I get?" -> the nation (as named on the screen).
inline void start_walk(Harness& h, const std::string& nation) {
  h.tap(ui::Role::button, str(h, "home.eligibility.title"));
  REQUIRE(h.find(ui::Role::heading, str(h, "eligibility.nation.heading")));
  answer(h, nation);
}

// Answers every question in turn from `first`; `answer_for` gives the answer to tap for each
// question id.  `seen` is told each page on the way (a question, the help step, the summary).
template <class AnswerFor>
void answer_all(Harness& h, AnswerFor answer_for, std::size_t first = 0,
                const std::function<void(const std::string&)>& seen = {}) {
  const auto& questions = rules(h).questions;
  const auto& content = *h.app.state().content;
  for (std::size_t i = first; i < questions.size(); ++i) {
    CAPTURE(questions[i].id);
    REQUIRE(h.find(ui::Role::heading, questions[i].text));
    if (seen) seen(questions[i].id);
    const std::string number = std::to_string(i + 1), total = std::to_string(questions.size());
    const auto* bar =
        h.find(ui::Role::progressbar, content.format("eligibility.progress", {{"number", number}, {"total", total}}));
    REQUIRE(bar);
    CHECK(bar->value_now ==
          static_cast<int>(std::lround(100.0 * static_cast<double>(i + 1) / static_cast<double>(questions.size()))));
    // The answers are one radio group, named by the question.
    const auto* group = h.find(ui::Role::radio_group, questions[i].text);
    REQUIRE(group);
    CHECK(h.tree().all(ui::Role::radio).size() == 3);
    for (const auto* radio : h.tree().all(ui::Role::radio)) CHECK(radio->parent == group->id);
    const std::string given = answer_for(questions[i].id);
    answer(h, given);
    // A risk answer of Yes or Not sure shows help at once; carrying on goes to the next question.
    if (questions[i].offers_help_now &&
        (given == str(h, "eligibility.answer.yes") || given == str(h, "eligibility.answer.not_sure"))) {
      REQUIRE(h.find(ui::Role::heading, str(h, "eligibility.help_step.heading")));
      if (seen) seen(questions[i].id + " help");
      bool calls_999 = false;
      for (const auto* link : h.tree().all(ui::Role::link)) calls_999 = calls_999 || link->href == "tel:999";
      CHECK(calls_999);
      h.tap(ui::Role::button, str(h, "eligibility.help_step.continue"));
    }
  }
  REQUIRE(h.find(ui::Role::heading, str(h, "eligibility.summary.heading")));
  if (seen) seen("summary");
  h.tap(ui::Role::button, str(h, "eligibility.summary.see_result"));
}

// ---- the plans ----
// The sample plans (tests/unit/records_samples.hpp), as the store hands them over at start.
inline void load_plan(Harness& h) {
  h.app.dispatch(stored_plans(core::store_record(sample_records(), "2026-11-23T10:00:00Z"), ""));
  h.settle();
}

// A store record locked with a passphrase (the platform's bytes stand in for the real ones).
inline std::string locked_store() {
  return core::locked_record_text({core::kLockIterations, core::base64url_encode(std::string(16, 's')),
                                   core::base64url_encode(std::string(12, 'i')),
                                   core::base64url_encode(std::string(64, 'd')), 5});
}

// ---- sharing ----
// A plain link to the whole sample plan, made in `language` (the sharer's; none given by default).
inline std::string plain_link(const std::string& language = {}) {
  std::vector<std::string> parts;
  for (const auto* part : core::share_parts()) parts.emplace_back(part->id);
  return core::share_link(
      "", 0, core::base64url_encode(core::share_payload(sample_records(), parts, "2026-11-20", {}, {}, language)));
}

// ---- the kiosk ----
// A waiting-room screen (1080 x 1920), opened as ?mode=kiosk.
struct KioskHarness : Harness {
  static constexpr float kWidth = 1080, kHeight = 1920;
  explicit KioskHarness(std::string path = "") : Harness(std::move(path), kWidth, kHeight, true) {}
  // The platform's timer came due at this time.
  void at(double ms) {
    app.dispatch(core::KioskTick{ms});
    settle();
  }
  void begin() { tap(ui::Role::button, str(*this, "kiosk.attract.begin")); }
};

}  // namespace cpa::test
