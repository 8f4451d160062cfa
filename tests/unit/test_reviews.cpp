// Review reminders: what Home says about the next care plan review, given today.
#include <doctest/doctest.h>

#include "real_content.hpp"
#include "core/content/content.hpp"
#include "core/plans/plan_reviews.hpp"

using namespace cpa;
using Kind = core::ReviewReminder::Kind;

namespace {

core::CarePlan plan(const char* next, const char* last = "") {
  core::CarePlan p;
  p.next_review = next;
  p.last_review = last;
  return p;
}

const core::Date kToday{2026, 11, 23};
}  // namespace

TEST_CASE("overdue, with the number of days") {
  const auto r = core::review_reminder(plan("2026-11-01"), kToday);
  CHECK(r.kind == Kind::overdue);
  CHECK(r.days == 22);
  CHECK(r.show_banner());
  CHECK(core::review_banner_text(test::real_content(), r) ==
        "Your care plan review was due 22 days ago, on 1 November 2026. Ask your care team for a new date.");
  const auto yesterday = core::review_reminder(plan("2026-11-22"), kToday);
  CHECK(yesterday.days == 1);
  CHECK(core::review_banner_text(test::real_content(), yesterday) ==
        "Your care plan review was due yesterday, 22 November 2026. Ask your care team for a new date.");
}

TEST_CASE("due today, tomorrow, and up to 30 days ahead") {
  CHECK(core::review_reminder(plan("2026-11-23"), kToday).kind == Kind::due_soon);
  CHECK(core::review_banner_text(test::real_content(), core::review_reminder(plan("2026-11-23"), kToday)) ==
        "Your care plan review is today, 23 November 2026.");
  CHECK(core::review_banner_text(test::real_content(), core::review_reminder(plan("2026-11-24"), kToday)) ==
        "Your care plan review is tomorrow, 24 November 2026. Add your questions to your plan.");
  const auto soon = core::review_reminder(plan("2026-12-23"), kToday);  // 30 days: still soon
  CHECK(soon.kind == Kind::due_soon);
  CHECK(soon.days == 30);
  CHECK(core::review_banner_text(test::real_content(), soon) ==
        "Your care plan review is in 30 days, on 23 December 2026. Add your questions to your plan.");
}

TEST_CASE("further off: no banner") {
  const auto far = core::review_reminder(plan("2026-12-24"), kToday);  // 31 days
  CHECK(far.kind == Kind::scheduled);
  CHECK(far.days == 31);
  CHECK_FALSE(far.show_banner());
  CHECK(core::review_banner_text(test::real_content(), far).empty());
}

TEST_CASE("counting days across a leap day and the new year") {
  const auto r = core::review_reminder(plan("2028-03-01"), core::Date{2028, 2, 1});
  CHECK(r.days == 29);
  CHECK(core::review_reminder(plan("2027-01-02"), core::Date{2026, 12, 31}).days == 2);
}

TEST_CASE("no date, or a date that is not real yet, nudges: reviews happen at least once a year") {
  for (const char* next : {"", "soon", "31/02/2027"}) {
    CAPTURE(next);
    const auto r = core::review_reminder(plan(next), kToday);
    CHECK(r.kind == Kind::not_set);
    CHECK(r.show_banner());
    CHECK_FALSE(r.last_review_over_a_year_ago);
    CHECK(core::review_banner_text(test::real_content(), r) ==
          "Your care plan should be reviewed at least once a year. Ask your care team when your next review is, "
          "then add the date here.");
  }
  const auto old = core::review_reminder(plan("", "2025-10-01"), kToday);
  CHECK(old.last_review_over_a_year_ago);
  CHECK(core::review_banner_text(test::real_content(), old) ==
        "Your last review was more than a year ago. Reviews should happen at least once a year. Ask your care team "
        "for a date.");
  CHECK_FALSE(core::review_reminder(plan("", "2026-01-01"), kToday).last_review_over_a_year_ago);
}
