// UK phone numbers as people type them: accepted, stored one way, shown the UK way, and linked.
#include <doctest/doctest.h>

#include "core/plan_phone.hpp"

using namespace cpa;
using core::PhoneKind;

namespace {
struct Case {
  const char* typed;
  const char* normalised;
  const char* display;
  const char* href;
};

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
