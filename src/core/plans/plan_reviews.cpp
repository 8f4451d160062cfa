#include "core/plans/plan_reviews.hpp"

#include "core/content/content.hpp"
#include "core/plans/plan_phone.hpp"

namespace cpa::core {
namespace {

constexpr long kDaysInAYear = 365;

// A content line ("NAME:value") folded so no line is over 75 octets, never inside a UTF-8
// character; continuation lines start with one space (RFC 5545 section 3.1).
std::string fold(std::string_view line) {
  std::string out;
  std::size_t limit = 75;
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // a continuation byte
    if (cut == 0) cut = limit;  // not UTF-8 at all: cut anywhere rather than never
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;  // the leading space counts
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string description(const Content& content, const CarePlan& plan) {
  std::string text = content.str("plans.ics.description");
  const auto& who = plan.coordinator;
  std::string contact = who.name;
  if (!who.phone.empty()) contact += (contact.empty() ? "" : ", ") + display_phone(who.phone);
  if (!contact.empty()) text += "\n\n" + content.format("plans.ics.coordinator", {{"contact", contact}});
  if (!plan.review_questions.empty()) {
    text += "\n\n" + content.str("plans.ics.questions");
    for (const auto& question : plan.review_questions)
      if (!question.empty()) text += "\n- " + question;
  }
  return text;
}

}  // namespace

// The locale's names from dates.json (the loader holds them to 12 and 7).
std::string long_date(const Content& content, const Date& date) {
  const auto& names = content.dates;
  const auto month = static_cast<std::size_t>(date.month - 1);
  return fill_placeholders(names.long_date,
                           {{"day", std::to_string(date.day)},
                            {"month", month < names.months.size() ? names.months[month] : std::to_string(date.month)},
                            {"year", std::to_string(date.year)}});
}

std::string day_name(const Content& content, const Date& date) {
  // 1970-01-01 was a Thursday: day 0 is index 3 with Monday first.
  const long index = ((days_since_epoch(date) % 7) + 7 + 3) % 7;
  const auto& days = content.dates.days;
  return static_cast<std::size_t>(index) < days.size() ? days[static_cast<std::size_t>(index)] : std::string();
}

std::string source_checked_text(const Content& content, const Source& source) {
  return content.format(source.not_opened.empty() ? "sources.checked" : "sources.checked_not_reopened",
                        {{"date", long_date(content, source.checked)}});
}

std::string long_date(const Content& content, std::string_view iso) {
  const auto date = parse_iso_date(iso);
  return date ? long_date(content, *date) : std::string(iso);
}

ReviewReminder review_reminder(const CarePlan& plan, const Date& today) {
  ReviewReminder reminder;
  const auto next = parse_iso_date(plan.next_review);
  if (!next) {
    const auto last = parse_iso_date(plan.last_review);
    reminder.last_review_over_a_year_ago = last && days_between(*last, today) > kDaysInAYear;
    return reminder;
  }
  reminder.date = to_iso(*next);
  const long until = days_between(today, *next);
  if (until < 0) {
    reminder.kind = ReviewReminder::Kind::overdue;
    reminder.days = -until;
  } else {
    reminder.kind = until <= kReviewDueSoonDays ? ReviewReminder::Kind::due_soon : ReviewReminder::Kind::scheduled;
    reminder.days = until;
  }
  return reminder;
}

std::string review_banner_text(const Content& content, const ReviewReminder& reminder) {
  using Kind = ReviewReminder::Kind;
  if (reminder.kind == Kind::scheduled) return {};
  if (reminder.kind == Kind::not_set)
    return content.str(reminder.last_review_over_a_year_ago ? "plans.review.not_set_last_old" : "plans.review.not_set");
  const auto date = parse_iso_date(reminder.date);
  const std::string when = date ? long_date(content, *date) : reminder.date;
  const std::string days = std::to_string(reminder.days);
  if (reminder.kind == Kind::overdue)
    return content.plural("plans.review.overdue", reminder.days, {{"days", days}, {"date", when}});
  if (reminder.days == 0) return content.format("plans.review.today", {{"date", when}});
  return content.plural("plans.review.due", reminder.days, {{"days", days}, {"date", when}});
}

std::string ics_escape_text(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
      out += c;
    }  // other control characters are not allowed in TEXT values
  }
  return out;
}

std::string ics_fold_line(std::string_view line) { return fold(line); }

std::string ics_timestamp(std::string_view iso_utc) {
  // "2026-11-23T10:15:00Z" -> "20261123T101500Z"
  if (iso_utc.size() < 20 || iso_utc[10] != 'T' || iso_utc.back() != 'Z') return {};
  if (!parse_iso_date(iso_utc.substr(0, 10))) return {};
  std::string out =
      std::string(iso_utc.substr(0, 4)) + std::string(iso_utc.substr(5, 2)) + std::string(iso_utc.substr(8, 2)) + "T";
  for (std::size_t i : {11u, 12u, 14u, 15u, 17u, 18u}) {
    if (iso_utc[i] < '0' || iso_utc[i] > '9') return {};
    out += iso_utc[i];
  }
  if (iso_utc[13] != ':' || iso_utc[16] != ':') return {};
  return out + "Z";
}

namespace {
bool is_ics_utc_stamp(std::string_view stamp) {
  if (stamp.size() != 16 || stamp[8] != 'T' || stamp[15] != 'Z') return false;
  for (std::size_t i = 0; i < 15; ++i)
    if (i != 8 && (stamp[i] < '0' || stamp[i] > '9')) return false;
  return true;
}
}  // namespace

std::string review_ics(const Content& content, const CarePlan& plan, std::string_view dtstamp_utc) {
  const auto date = parse_iso_date(plan.next_review);
  if (!date || !is_ics_utc_stamp(dtstamp_utc)) return {};
  std::string out;
  auto line = [&](std::string_view text) { out += fold(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//CPA Companion//Care plan review//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("BEGIN:VEVENT");
  // The same review date gives the same UID, so adding it twice updates rather than doubles it.
  line("UID:care-plan-review-" + to_iso(*date) + "@cpa-companion");
  line("DTSTAMP:" + std::string(dtstamp_utc));
  line("DTSTART;VALUE=DATE:" + to_ics_date(*date));
  line("DTEND;VALUE=DATE:" + to_ics_date(add_days(*date, 1)));
  line("SUMMARY:" + ics_escape_text(content.str("plans.ics.summary")));
  line("DESCRIPTION:" + ics_escape_text(description(content, plan)));
  line("TRANSP:TRANSPARENT");
  line("BEGIN:VALARM");
  line("ACTION:DISPLAY");
  line("TRIGGER:-PT15H");  // 9 in the morning the day before
  line("DESCRIPTION:" + ics_escape_text(content.str("plans.ics.alarm")));
  line("END:VALARM");
  line("END:VEVENT");
  line("END:VCALENDAR");
  return out;
}

std::string review_ics_filename(const CarePlan& plan) {
  const auto date = parse_iso_date(plan.next_review);
  return date ? "care-plan-review-" + to_iso(*date) + ".ics" : "care-plan-review.ics";
}

}  // namespace cpa::core
