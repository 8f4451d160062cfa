#pragma once
// Care plan reviews: the reminder Home shows, and a calendar file for the next review.
// No clock here: today and the time stamp are passed in.
#include <string>
#include <string_view>

#include "core/plans/plan_dates.hpp"
#include "core/plans/records/records.hpp"

namespace cpa::core {

struct Source;

inline constexpr long kReviewDueSoonDays = 30;

struct ReviewReminder {
  enum class Kind {
    not_set,    // no (valid) next review date: nudge that reviews happen at least once a year
    overdue,    // the next review date has passed
    due_soon,   // today or within kReviewDueSoonDays
    scheduled,  // further off: nothing to show on Home
  };
  Kind kind = Kind::not_set;
  long days = 0;     // overdue: days since the date; due_soon/scheduled: days until it (0 = today)
  std::string date;  // the next review date, YYYY-MM-DD ("" when not_set)
  // not_set only: the last review was more than a year before today, so one is due now.
  bool last_review_over_a_year_ago = false;
  bool show_banner() const { return kind != Kind::scheduled; }
};

// "23 November 2026", in the content's words (an unreadable date is returned as it is).
std::string long_date(const Content& content, const Date& date);
std::string long_date(const Content& content, std::string_view iso);
// The day of the week in the locale's words ("Monday", "dydd Llun").
std::string day_name(const Content& content, const Date& date);
// How a source's check is told under it: "Checked 6 December 2026", or, when a later attempt to
// check it again could not open its page, that as well, so it never passes for freshly checked.
std::string source_checked_text(const Content& content, const Source& source);

ReviewReminder review_reminder(const CarePlan& plan, const Date& today);
// The banner's words from strings.json ("" for scheduled).
std::string review_banner_text(const Content& content, const ReviewReminder& reminder);

// An RFC 5545 calendar with one all-day event on the next review date (with a reminder the day
// before).  dtstamp_utc: "20261123T101500Z".  The summary and description come from content
// (strings "plans.ics.summary" / "plans.ics.description"), the description also lists the
// person's questions for the review and their care co-ordinator's number.  Returns "" when the
// plan has no valid next review date or the stamp is not like 20261123T101500Z.  CRLF line
// endings, escaped text, folded at 75 octets.
std::string review_ics(const Content& content, const CarePlan& plan, std::string_view dtstamp_utc);
// "2026-11-23T10:15:00Z" (PlansState::now_utc) -> "20261123T101500Z"; "" if it is not like that.
std::string ics_timestamp(std::string_view iso_utc);
// "care-plan-review-2026-12-01.ics"
std::string review_ics_filename(const CarePlan& plan);

// The ICS building blocks, exposed for tests.
std::string ics_escape_text(std::string_view text);  // \ ; , and new lines
std::string ics_fold_line(std::string_view line);    // one content line -> folded, with CRLFs

}  // namespace cpa::core
