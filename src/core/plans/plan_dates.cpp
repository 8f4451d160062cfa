#include "core/plans/plan_dates.hpp"

#include <algorithm>

#include <array>
#include <cstdio>

namespace cpa::core {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads a run of digits at `at`, moving past it; -1 if there is none.
int read_number(std::string_view text, std::size_t& at, std::size_t max_digits) {
  int value = 0;
  std::size_t count = 0;
  while (at < text.size() && is_digit(text[at]) && count < max_digits) {
    value = value * 10 + (text[at] - '0');
    ++at;
    ++count;
  }
  if (at < text.size() && is_digit(text[at])) return -1;  // more digits than a part can have
  return count == 0 ? -1 : value;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

void skip_spaces(std::string_view text, std::size_t& at) {
  while (at < text.size() && text[at] == ' ') ++at;
}

std::optional<Date> make_date(int year, int month, int day) {
  if (year < 1900 || year > 2200) return std::nullopt;
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return Date{year, month, day};
}

// "23/11/2026" and friends: day, month, year with one kind of separator between them.
std::optional<Date> parse_day_first(std::string_view text) {
  std::size_t at = 0;
  std::array<int, 3> parts{};
  char separator = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    skip_spaces(text, at);
    parts[i] = read_number(text, at, i == 2 ? 4 : 2);
    if (parts[i] < 0) return std::nullopt;
    skip_spaces(text, at);
    if (i == 2) break;
    if (at >= text.size()) return std::nullopt;
    const char c = text[at];
    if (c != '/' && c != '-' && c != '.') return std::nullopt;
    if (separator != 0 && c != separator) return std::nullopt;
    separator = c;
    ++at;
  }
  if (at != text.size() || text.size() < 8) return std::nullopt;  // a 2-digit year is too unsure
  if (parts[2] < 1000) return std::nullopt;
  return make_date(parts[2], parts[1], parts[0]);
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!is_digit(text[i])) return std::nullopt;
  auto number = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  return make_date(number(0, 4), number(5, 2), number(8, 2));
}

std::optional<Date> parse_typed_date(std::string_view text) {
  text = trim(text);
  if (auto iso = parse_iso_date(text)) return iso;
  return parse_day_first(text);
}

std::string to_iso(const Date& date) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", date.year, date.month, date.day);
  return out;
}

std::string to_uk_numeric(const Date& date) {
  char out[16];
  std::snprintf(out, sizeof out, "%02d/%02d/%04d", date.day, date.month, date.year);
  return out;
}

std::string to_ics_date(const Date& date) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d%02d%02d", date.year, date.month, date.day);
  return out;
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
long days_since_epoch(const Date& date) {
  const long y = date.year - (date.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long year_of_era = y - era * 400;
  const long m = date.month;
  const long day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + date.day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

Date from_days_since_epoch(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long day_of_era = days - era * 146097;
  const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long mp = (5 * day_of_year + 2) / 153;
  const long day = day_of_year - (153 * mp + 2) / 5 + 1;
  const long month = mp < 10 ? mp + 3 : mp - 9;
  const long year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return Date{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

Date add_days(const Date& date, long days) { return from_days_since_epoch(days_since_epoch(date) + days); }

long days_between(const Date& from, const Date& to) { return days_since_epoch(to) - days_since_epoch(from); }

bool more_than_a_year_before(const Date& day, const Date& today) {
  Date year_before{today.year - 1, today.month, 0};
  year_before.day = std::min(today.day, days_in_month(year_before.year, year_before.month));
  return day < year_before;
}

}  // namespace cpa::core
