// UK phone numbers as people type them: accepted, stored one way, shown the UK way, and linked.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "core/plans/plan_phone.hpp"
#include "core/plans/records/records.hpp"
#include "real_content.hpp"
#include "tools/readability/readability.hpp"

using namespace cpa;
using core::PhoneKind;

namespace {
struct Case {
  const char* typed;
  const char* normalised;
  const char* display;
  const char* href;
};

void check_refused(const char* typed, core::PhoneProblem problem, const char* display) {
  CAPTURE(typed);
  const auto parsed = core::parse_uk_phone(typed);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.problem == problem);
  CHECK(core::is_unsafe_number(parsed.problem));
  CHECK(parsed.display == display);
  // Kept, and shown the UK way, but never a link.
  CHECK(core::display_phone(typed) == display);
  CHECK(core::phone_href(typed).empty());
}

void check_accepted(const Case& c) {
  CAPTURE(c.typed);
  const auto parsed = core::parse_uk_phone(c.typed);
  REQUIRE(parsed.ok());
  CHECK(parsed.number->normalised == c.normalised);
  CHECK(parsed.number->display == c.display);
  CHECK(parsed.number->href == c.href);
  // The stored form reads back to itself: normalising is stable.
  const auto again = core::parse_uk_phone(parsed.number->normalised);
  REQUIRE(again.ok());
  CHECK(again.number->normalised == c.normalised);
  CHECK(again.number->display == c.display);
}
}  // namespace

TEST_CASE("mobiles typed every common way are stored as +44 and shown as 07700 900123") {
  for (const char* typed : {"07700 900123", "07700900123", "07700-900-123", "(07700) 900123", "+44 7700 900123",
                            "+447700900123", "0044 7700 900123", "+44 (0)7700 900123", "+44 (0) 7700 900123",
                            "447700900123", " 07700.900.123 ", "+44 07700 900123"}) {
    check_accepted({typed, "+447700900123", "07700 900123", "tel:+447700900123"});
  }
  CHECK(core::parse_uk_phone("07700 900123").number->kind == PhoneKind::mobile);
}

TEST_CASE("landlines are grouped the UK way for their area") {
  check_accepted({"020 7946 0000", "+442079460000", "020 7946 0000", "tel:+442079460000"});
  check_accepted({"(020) 7946-0000", "+442079460000", "020 7946 0000", "tel:+442079460000"});
  check_accepted({"01214960000", "+441214960000", "0121 496 0000", "tel:+441214960000"});
  check_accepted({"0113 496 0000", "+441134960000", "0113 496 0000", "tel:+441134960000"});
  check_accepted({"01632 960123", "+441632960123", "01632 960123", "tel:+441632960123"});
  check_accepted({"01204 12345", "+44120412345", "01204 12345", "tel:+44120412345"});        // 5-digit local number
  check_accepted({"029 2018 0000", "+442920180000", "029 2018 0000", "tel:+442920180000"});  // Cardiff
  CHECK(core::parse_uk_phone("020 7946 0000").number->kind == PhoneKind::landline);
}

TEST_CASE("non-geographic and free numbers, including Childline's 0800 1111") {
  check_accepted({"0300 123 4567", "+443001234567", "0300 123 4567", "tel:+443001234567"});
  check_accepted({"0808 808 4994", "+448088084994", "0808 808 4994", "tel:+448088084994"});
  check_accepted({"0800 1111", "+448001111", "0800 1111", "tel:+448001111"});
  check_accepted({"0800 123 456", "+44800123456", "0800 123 456", "tel:+44800123456"});
  check_accepted({"0800 123 4567", "+448001234567", "0800 123 4567", "tel:+448001234567"});
  CHECK(core::parse_uk_phone("0300 123 4567").number->kind == PhoneKind::non_geographic);
}

TEST_CASE("short service numbers people add to crisis plans") {
  check_accepted({"999", "999", "999", "tel:999"});
  check_accepted({"112", "112", "112", "tel:112"});
  check_accepted({"111", "111", "111", "tel:111"});
  check_accepted({"101", "101", "101", "tel:101"});
  check_accepted({"116 123", "116123", "116 123", "tel:116123"});
  check_accepted({"116123", "116123", "116 123", "tel:116123"});
  check_accepted({"116 111", "116111", "116 111", "tel:116111"});
  check_accepted({"18000", "18000", "18000", "tel:18000"});  // emergency text relay
  CHECK(core::parse_uk_phone("116 123").number->kind == PhoneKind::service);
  CHECK(core::parse_uk_phone("116 123").number->can_call());
}

TEST_CASE("a 5-digit text shortcode like Shout's 85258 is a text link, not a call") {
  check_accepted({"85258", "85258", "85258", "sms:85258"});
  const auto shout = core::parse_uk_phone("85258");
  CHECK(shout.number->kind == PhoneKind::text_shortcode);
  CHECK_FALSE(shout.number->can_call());
}

TEST_CASE("numbers that are not UK numbers are refused, with the right message") {
  for (const char* typed :
       {"", "   ", "0770090012", "077009001234", "07700 900123 ext 4", "call me", "12345678", "0400 123 4567",
        "06 1234 5678", "1161234", "11612", "+44", "+44 20", "998", "0", "2079460000", "++447700900123"}) {
    CAPTURE(typed);
    const auto parsed = core::parse_uk_phone(typed);
    CHECK_FALSE(parsed.ok());
    CHECK(std::string(core::phone_problem_key(parsed.problem)) == "plans.error.phone");
  }
  for (const char* typed : {"+33 1 23 45 67 89", "0033 123456789", "+1 202 555 0100", "001 202 555 0100"}) {
    CAPTURE(typed);
    const auto parsed = core::parse_uk_phone(typed);
    CHECK_FALSE(parsed.ok());
    CHECK(std::string(core::phone_problem_key(parsed.problem)) == "plans.error.phone_abroad");
  }
}

TEST_CASE("a number still being typed is shown as typed and has no link") {
  CHECK(core::display_phone("0770") == "0770");
  CHECK(core::phone_href("0770").empty());
  CHECK(core::display_phone("+447700900123") == "07700 900123");
  CHECK(core::phone_href("+447700900123") == "tel:+447700900123");
}

// When a form may show a number's message while the person is still typing (issue 24): only once
// no more digits could make it a number the app takes.  A prefix of a good number, written any
// of the ways people write them, is unfinished; a letter, too many digits, a refused range or
// another country's code is not.
TEST_CASE("a number may be unfinished only while more digits could make it one the app takes") {
  // Every prefix of a good number, in each way of writing it, may be unfinished.
  for (const char* whole : {"07700 900123", "+44 7700 900123", "0044 7700 900123", "+44 (0)20 7946 0000",
                            "18001 0808 808 8000", "116 123", "0121 496 0000"}) {
    const std::string text(whole);
    for (std::size_t n = 1; n < text.size(); ++n) {
      const std::string typed = text.substr(0, n);
      CAPTURE(typed);
      if (core::parse_uk_phone(typed).ok()) continue;  // "116" and "18001 0" can be numbers of their own
      CHECK(core::phone_may_be_unfinished(typed));
    }
  }
  // No more typing can put these right: the message shows at once.
  for (const char* typed : {"07a", "0770 090 0123 4", "077009001234", "0909 879 0000", "0845 790 9090", "0871 234 5678",
                            "+33 1 23 45 67 89", "0033 1", "+1 555", "04", "0612"}) {
    CAPTURE(typed);
    REQUIRE_FALSE(core::parse_uk_phone(typed).ok());
    CHECK_FALSE(core::phone_may_be_unfinished(typed));
  }
  // A whole good number is not "unfinished": there is nothing to wait for.
  CHECK_FALSE(core::phone_may_be_unfinished("07700 900123"));
}

TEST_CASE("premium rate, service, personal and directory numbers are refused, each with its own reason") {
  using P = core::PhoneProblem;
  check_refused("0909 879 0000", P::premium_rate, "0909 879 0000");
  check_refused("09001234567", P::premium_rate, "0900 123 4567");
  check_refused("+44 906 123 4567", P::premium_rate, "0906 123 4567");
  check_refused("0845 050 0000", P::service_number, "0845 050 0000");
  check_refused("0844 123 4567", P::service_number, "0844 123 4567");
  check_refused("0870 010 0000", P::service_number, "0870 010 0000");
  check_refused("0871-234-5678", P::service_number, "0871 234 5678");
  check_refused("0845 4647", P::service_number,
                "0845 4647");  // an old short 0845 number: the reason, not "not a number"
  check_refused("070 1234 5678", P::personal_number, "07012 345678");
  check_refused("+447012345678", P::personal_number, "07012 345678");
  check_refused("118 118", P::directory, "118 118");
  check_refused("118500", P::directory, "118 500");
  const std::map<P, std::string> keys = {{P::premium_rate, "plans.error.phone_premium"},
                                         {P::service_number, "plans.error.phone_service"},
                                         {P::personal_number, "plans.error.phone_personal"},
                                         {P::directory, "plans.error.phone_directory"},
                                         {P::old_samaritans, "plans.error.phone_old_samaritans"},
                                         {P::relay_emergency, "plans.error.phone_relay_emergency"}};
  for (const auto& entry : keys) {
    const auto problem = entry.first;
    const std::string key = entry.second;  // CAPTURE cannot take a structured binding on clang 14
    CAPTURE(key);
    CHECK(core::phone_problem_key(problem) == key);
    CHECK(test::real_content().strings.contains(key));
  }
}

TEST_CASE("numbers next to the refused ranges are still accepted") {
  check_accepted({"0118 496 0000", "+441184960000", "0118 496 0000", "tel:+441184960000"});  // Reading, not 118
  check_accepted({"0800 808 8000", "+448008088000", "0800 808 8000", "tel:+448008088000"});
  check_accepted({"0808 808 8000", "+448088088000", "0808 808 8000", "tel:+448088088000"});
  check_accepted({"0345 123 4567", "+443451234567", "0345 123 4567", "tel:+443451234567"});  // 034, not 084
  check_accepted({"07624 123456", "+447624123456", "07624 123456", "tel:+447624123456"});    // a mobile
  check_accepted({"07123 456789", "+447123456789", "07123 456789", "tel:+447123456789"});    // 071: a mobile
}

TEST_CASE("Samaritans' old number is refused however it is written, and its message gives today's number") {
  for (const char* typed :
       {"0845 790 9090", "08457 90 90 90", "08457909090", "+44 845 790 9090", "+448457909090", "(08457) 909090"})
    check_refused(typed, core::PhoneProblem::old_samaritans, "0845 790 9090");
  // Other 0845 numbers are service numbers, with their own reason.
  CHECK(core::parse_uk_phone("0845 790 9091").problem == core::PhoneProblem::service_number);
  const auto& content = test::real_content();
  const std::string text = core::render(content, core::Message{"plans.error.phone_old_samaritans", {}});
  const auto* samaritans = content.crisis_line("samaritans");
  REQUIRE(samaritans);
  CHECK(text.find(samaritans->number) != std::string::npos);  // 116 123, from crisis_lines.json
  CHECK(text.find('{') == std::string::npos);
}

TEST_CASE("a refused number stored before this rule is shown the UK way, as text, never as a link") {
  // What an old plan holds: the normal form the app used to store.
  CHECK(core::display_phone("+448457909090") == "0845 790 9090");
  CHECK(core::phone_href("+448457909090").empty());
  CHECK(core::display_phone("+449098790000") == "0909 879 0000");
  CHECK(core::display_phone("+447012345678") == "07012 345678");
}

TEST_CASE("text relay: 18001 or 18002 before any UK number is kept one way, shown apart, dialled as one") {
  check_accepted({"18001 0808 808 8000", "1800108088088000", "18001 0808 808 8000", "tel:1800108088088000"});
  check_accepted({"18001 08088088000", "1800108088088000", "18001 0808 808 8000", "tel:1800108088088000"});
  check_accepted({"18001-0808-808-8000", "1800108088088000", "18001 0808 808 8000", "tel:1800108088088000"});
  check_accepted({"18001 +44 808 808 8000", "1800108088088000", "18001 0808 808 8000", "tel:1800108088088000"});
  check_accepted({"18002 020 7946 0000", "1800202079460000", "18002 020 7946 0000", "tel:1800202079460000"});
  check_accepted({"18001 07700 900123", "1800107700900123", "18001 07700 900123", "tel:1800107700900123"});
  check_accepted({"18001 111", "18001111", "18001 111", "tel:18001111"});
  check_accepted({"18001 116 123", "18001116123", "18001 116 123", "tel:18001116123"});
  const auto lifeline = core::parse_uk_phone("18001 0808 808 8000");
  CHECK(lifeline.number->relay == "18001");
  CHECK(lifeline.number->reaches == core::parse_uk_phone("0808 808 8000").number->normalised);
  CHECK(lifeline.number->can_call());
  CHECK(core::parse_uk_phone("0808 808 8000").number->relay.empty());
}

TEST_CASE("text relay before 999 says to use 18000; before a text code, another relay or nothing, it is refused") {
  check_refused("18001 999", core::PhoneProblem::relay_emergency, "18001 999");
  check_refused("18002 112", core::PhoneProblem::relay_emergency, "18002 112");
  check_refused("18001 0909 879 0000", core::PhoneProblem::premium_rate, "18001 0909 879 0000");
  check_refused("18001 08457 90 90 90", core::PhoneProblem::old_samaritans, "18001 0845 790 9090");
  for (const char* typed :
       {"18001", "18002 ", "18001 85258", "18001 18000", "18001 18001 0808 808 8000", "18003 111", "18001 0770"}) {
    CAPTURE(typed);
    const auto parsed = core::parse_uk_phone(typed);
    CHECK_FALSE(parsed.ok());
    CHECK(parsed.problem == core::PhoneProblem::not_a_number);
  }
  CHECK(core::parse_uk_phone("18001 +33 1 23 45 67 89").problem == core::PhoneProblem::abroad);
  check_accepted({"18000", "18000", "18000", "tel:18000"});  // 999 by text relay, on its own
}

TEST_CASE("every refused-number rule content cites is the parser's: each example is refused with its message") {
  const auto& content = test::real_content();
  REQUIRE(content.refused_numbers.size() >= 6);
  for (const auto& rule : content.refused_numbers) {
    CAPTURE(rule.example);
    const auto parsed = core::parse_uk_phone(rule.example);
    REQUIRE_FALSE(parsed.ok());
    CHECK(core::phone_problem_key(parsed.problem) == rule.message_key);
    CHECK_FALSE(rule.source_ids.empty());
  }
  // And every reason the parser gives for a real number is backed by a rule in content.
  for (const char* key :
       {"plans.error.phone_premium", "plans.error.phone_service", "plans.error.phone_personal",
        "plans.error.phone_directory", "plans.error.phone_old_samaritans", "plans.error.phone_relay_emergency"}) {
    CAPTURE(key);
    CHECK(std::any_of(content.refused_numbers.begin(), content.refused_numbers.end(),
                      [&](const auto& rule) { return rule.message_key == key; }));
  }
}

TEST_CASE("the reasons a number is refused read easily (Flesch reading ease 60 or more)") {
  const auto& content = test::real_content();
  std::vector<std::string> pieces;
  for (const char* key : {"plans.error.phone_premium", "plans.error.phone_service", "plans.error.phone_personal",
                          "plans.error.phone_directory", "plans.error.phone_old_samaritans",
                          "plans.error.phone_relay_emergency", "contacts.not_service_number"})
    pieces.push_back(core::render(content, core::Message{key, {{"service", "Samaritans"}, {"number", "116 123"}}}));
  const auto counts = readability::count_pieces(pieces);
  const double ease = readability::flesch_reading_ease(counts);
  MESSAGE("phone messages: reading ease " << ease);
  CHECK(ease >= 60.0);
  for (const auto& piece : pieces) {
    CAPTURE(piece);
    const auto piece_counts = readability::count_text(piece);
    CHECK(piece_counts.words <= 14 * std::max(1, piece_counts.sentences));  // short sentences
  }
}
