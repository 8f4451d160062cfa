// The review's calendar file, checked by a small, strict RFC 5545 reader written here: CRLF
// lines of at most 75 octets, folding that never splits a UTF-8 character, balanced
// BEGIN/END, the required properties, and TEXT escaping that unescapes to what was meant.
#include <doctest/doctest.h>

#include <map>
#include <vector>

#include "real_content.hpp"
#include "core/content/content.hpp"
#include "core/plans/plan_reviews.hpp"
#include "records_samples.hpp"

using namespace cpa;

namespace {

struct Property {
  std::string name;
  std::string params;  // ";VALUE=DATE" or ""
  std::string value;
};

struct Component {
  std::string name;
  std::vector<Property> properties;
  std::vector<Component> children;
  int count(const std::string& property) const {
    int n = 0;
    for (const auto& p : properties) n += p.name == property;
    return n;
  }
  const Property& get(const std::string& property) const {
    for (const auto& p : properties)
      if (p.name == property) return p;
    FAIL("no " << property << " in " << name);
    static Property none;
    return none;
  }
};

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if (!is_continuation_byte(s[i + k])) return false;
    i += n;
  }
  return true;
}

// Physical lines: every one ends in CRLF, none longer than 75 octets, each valid UTF-8 alone.
std::vector<std::string> physical_lines(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < ics.size()) {
    const auto end = ics.find("\r\n", at);
    REQUIRE_MESSAGE(end != std::string::npos, "the last line must end with CRLF");
    const std::string line = ics.substr(at, end - at);
    CHECK_MESSAGE(line.find('\n') == std::string::npos, "bare LF in: " << line);
    CHECK_MESSAGE(line.find('\r') == std::string::npos, "bare CR in: " << line);
    CHECK_MESSAGE(line.size() <= 75, "over 75 octets: " << line);
    CHECK_MESSAGE(valid_utf8(line), "a fold split a UTF-8 character: " << line);
    lines.push_back(line);
    at = end + 2;
  }
  return lines;
}

std::vector<std::string> unfold(const std::vector<std::string>& physical) {
  std::vector<std::string> logical;
  for (const auto& line : physical) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      REQUIRE_MESSAGE(!logical.empty(), "a continuation line cannot come first");
      logical.back() += line.substr(1);
    } else {
      CHECK_MESSAGE(!line.empty(), "empty content line");
      logical.push_back(line);
    }
  }
  return logical;
}

Property parse_property(const std::string& line) {
  std::size_t name_end = 0;
  while (name_end < line.size() && (std::isalnum(static_cast<unsigned char>(line[name_end])) || line[name_end] == '-'))
    ++name_end;
  REQUIRE_MESSAGE(name_end > 0, "no property name: " << line);
  // Parameters never hold ':' here (no quoted values), so the first ':' after them starts the value.
  const auto colon = line.find(':', name_end);
  REQUIRE_MESSAGE(colon != std::string::npos, "no ':' in: " << line);
  const std::string params = line.substr(name_end, colon - name_end);
  CHECK_MESSAGE((params.empty() || params[0] == ';'), "bad parameters: " << line);
  return {line.substr(0, name_end), params, line.substr(colon + 1)};
}

Component parse_calendar(const std::string& ics) {
  const auto lines = unfold(physical_lines(ics));
  std::vector<Component> stack;
  Component root;
  bool done = false;
  for (const auto& line : lines) {
    CHECK_MESSAGE(!done, "content after END:VCALENDAR: " << line);
    const auto p = parse_property(line);
    if (p.name == "BEGIN") {
      stack.push_back(Component{p.value, {}, {}});
    } else if (p.name == "END") {
      REQUIRE_MESSAGE(!stack.empty(), "END without BEGIN: " << line);
      CHECK_MESSAGE(stack.back().name == p.value, "END:" << p.value << " closes " << stack.back().name);
      Component finished = stack.back();
      stack.pop_back();
      if (stack.empty()) {
        root = finished;
        done = true;
      } else {
        stack.back().children.push_back(finished);
      }
    } else {
      REQUIRE_MESSAGE(!stack.empty(), "property outside any component: " << line);
      stack.back().properties.push_back(p);
    }
  }
  CHECK_MESSAGE(stack.empty(), "BEGIN without END");
  return root;
}

// TEXT values (RFC 5545 3.3.11): only \\ \; \, \n \N escapes, and no bare ; or ,.
std::string unescape_text(const std::string& value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\\') {
      REQUIRE_MESSAGE(i + 1 < value.size(), "dangling backslash");
      const char next = value[++i];
      if (next == 'n' || next == 'N') out += '\n';
      else if (next == '\\' || next == ';' || next == ',') out += next;
      else FAIL("bad escape \\" << next);
    } else {
      CHECK_MESSAGE((c != ';' && c != ','), "unescaped " << c << " in TEXT");
      out += c;
    }
  }
  return out;
}

bool is_date(const std::string& v) { return v.size() == 8 && v.find_first_not_of("0123456789") == std::string::npos; }
bool is_utc_date_time(const std::string& v) {
  return v.size() == 16 && v[8] == 'T' && v[15] == 'Z' && is_date(v.substr(0, 8)) &&
         v.substr(9, 6).find_first_not_of("0123456789") == std::string::npos;
}

Component checked_event(const std::string& ics) {
  const Component cal = parse_calendar(ics);
  CHECK(cal.name == "VCALENDAR");
  CHECK(cal.count("VERSION") == 1);
  CHECK(cal.get("VERSION").value == "2.0");
  CHECK(cal.count("PRODID") == 1);
  REQUIRE(cal.children.size() == 1);
  const Component& event = cal.children[0];
  CHECK(event.name == "VEVENT");
  for (const char* once : {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"})
    CHECK_MESSAGE(event.count(once) == 1, once);
  CHECK(is_utc_date_time(event.get("DTSTAMP").value));
  CHECK(event.get("DTSTART").params == ";VALUE=DATE");
  CHECK(event.get("DTEND").params == ";VALUE=DATE");
  CHECK(is_date(event.get("DTSTART").value));
  CHECK(is_date(event.get("DTEND").value));
  CHECK(event.get("DTEND").value > event.get("DTSTART").value);
  for (const auto& alarm : event.children) {
    CHECK(alarm.name == "VALARM");
    CHECK(alarm.count("ACTION") == 1);
    CHECK(alarm.count("TRIGGER") == 1);
    if (alarm.get("ACTION").value == "DISPLAY") CHECK(alarm.count("DESCRIPTION") == 1);
  }
  return event;
}
}  // namespace

TEST_CASE("the review calendar file is valid RFC 5545 with an all-day event and a reminder") {
  const auto plan = test::sample_records().care_plan;
  const std::string ics = core::review_ics(test::real_content(), plan, "20261123T101500Z");
  REQUIRE_FALSE(ics.empty());
  const Component event = checked_event(ics);
  CHECK(event.get("DTSTART").value == "20261201");
  CHECK(event.get("DTEND").value == "20261202");
  CHECK(event.get("DTSTAMP").value == "20261123T101500Z");
  CHECK(unescape_text(event.get("SUMMARY").value) == "Care plan review");
  const std::string description = unescape_text(event.get("DESCRIPTION").value);
  CHECK(description ==
        "Your care plan review. Take your questions with you.\n\n"
        "Your care co-ordinator: Priya Shah, 07700 900123\n\n"
        "Questions I want to ask:\n- Can we change my medicine?");
  REQUIRE(event.children.size() == 1);
  CHECK(event.children[0].get("TRIGGER").value == "-PT15H");
  CHECK(core::review_ics_filename(plan) == "care-plan-review-2026-12-01.ics");
}

TEST_CASE("the event spans the day even at the end of a month, a year and a leap February") {
  for (auto [next, start, end] :
       {std::tuple{"2026-12-31", "20261231", "20270101"}, std::tuple{"2028-02-28", "20280228", "20280229"},
        std::tuple{"2028-02-29", "20280229", "20280301"}}) {
    core::CarePlan plan;
    plan.next_review = next;
    const Component event = checked_event(core::review_ics(test::real_content(), plan, "20261123T101500Z"));
    CHECK(event.get("DTSTART").value == start);
    CHECK(event.get("DTEND").value == end);
  }
}

TEST_CASE("the person's own words are escaped and folded without breaking a character") {
  core::CarePlan plan;
  plan.next_review = "2026-12-01";
  plan.coordinator.name = "Siân Llŷr-O'Brien";
  // Commas, semicolons, backslashes, new lines, Welsh letters and emoji, long enough to fold many times.
  std::string question = "Can we talk about my meds; dose, timing\\side effects?\nAnd: ";
  for (int i = 0; i < 12; ++i) question += "caf\xC3\xA9 \xF0\x9F\x8C\xBB ŵŷ, ";
  plan.review_questions = {question, "Who do I call at night, 9pm–7am?"};
  const std::string ics = core::review_ics(test::real_content(), plan, "20261123T101500Z");
  const Component event = checked_event(ics);
  const std::string description = unescape_text(event.get("DESCRIPTION").value);
  CHECK(description.find("Siân Llŷr-O'Brien") != std::string::npos);
  CHECK(description.find("- " + question) != std::string::npos);
  CHECK(description.find("- Who do I call at night, 9pm–7am?") != std::string::npos);
}

TEST_CASE("escaping and folding, piece by piece") {
  CHECK(core::ics_escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf");
  const std::string line(200, 'x');
  const std::string folded = core::ics_fold_line(line);
  CHECK(folded.substr(0, 77) == std::string(75, 'x') + "\r\n");
  CHECK(folded.substr(77, 1) == " ");
  // 'é' is two octets: a fold falling between them moves before it.
  const std::string accented = std::string(74, 'x') + "\xC3\xA9" + "yz";
  const std::string folded_accent = core::ics_fold_line(accented);
  CHECK(folded_accent == std::string(74, 'x') + "\r\n \xC3\xA9yz\r\n");
}

TEST_CASE("no next review date, or no valid time stamp: no calendar file") {
  core::CarePlan plan;
  CHECK(core::review_ics(test::real_content(), plan, "20261123T101500Z").empty());
  plan.next_review = "soon";
  CHECK(core::review_ics(test::real_content(), plan, "20261123T101500Z").empty());
  plan.next_review = "2026-12-01";
  CHECK(core::review_ics(test::real_content(), plan, "").empty());
  CHECK(core::review_ics(test::real_content(), plan, "2026-11-23T10:15:00Z").empty());
  CHECK(core::ics_timestamp("2026-11-23T10:15:00Z") == "20261123T101500Z");
  CHECK(core::ics_timestamp("2026-11-23T10:15:00.123Z") == "20261123T101500Z");
  CHECK(core::ics_timestamp("2026-11-23 10:15").empty());
  CHECK(core::ics_timestamp("").empty());
}
