#pragma once
// Calendar dates for the plans (review dates), with no clock: "today" is always passed in.
// Stored as YYYY-MM-DD; people may type the UK way (23/11/2026) too.
#include <optional>
#include <string>
#include <string_view>

namespace cpa::core {

struct Date {
  int year = 0;
  int month = 0;                                  // 1..12
  int day = 0;                                    // 1..31
  auto operator<=>(const Date&) const = default;  // NOLINT(modernize-use-nullptr): a clang-tidy 14 misreading
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 for a month outside 1..12

// A real calendar date (30 February is not) from "2026-11-23" exactly.
std::optional<Date> parse_iso_date(std::string_view text);
// What a person types: "2026-11-23", "23/11/2026", "23-11-2026", "23.11.2026", "23 / 11 / 2026".
// Day first, as in the UK.  Years 1900..2200 only (a typo like 0226 is refused, not kept).
std::optional<Date> parse_typed_date(std::string_view text);

std::string to_iso(const Date& date);         // "2026-11-23"
std::string to_uk_numeric(const Date& date);  // "23/11/2026" (for a date box)
std::string to_ics_date(const Date& date);    // "20261123"

// Days since 1970-01-01 (negative before), for day arithmetic.
long days_since_epoch(const Date& date);
Date from_days_since_epoch(long days);
Date add_days(const Date& date, long days);
long days_between(const Date& from, const Date& to);  // to - from, in days

// day is more than a year before today: before the same date a year earlier (28 February when
// today is 29 February).  What "stale" means for a checked fact or a deployment's number.
bool more_than_a_year_before(const Date& day, const Date& today);

}  // namespace cpa::core
