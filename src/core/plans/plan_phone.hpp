#pragma once
// UK phone numbers as people type them, kept in one normal form.
//
//   typed                         stored (normalised)   shown            link
//   "07700 900123", "+44 7700-900123", "0044 (0)7700 900123"
//                                 "+447700900123"       "07700 900123"   "tel:+447700900123"
//   "020 7946 0000"               "+442079460000"       "020 7946 0000"  "tel:+442079460000"
//   "0121 496 0000"               "+441214960000"       "0121 496 0000"
//   "0800 1111" (Childline)       "+448001111"          "0800 1111"
//   "999", "111", "112", "101"    "999" ...             "999"            "tel:999"
//   "116 123" (any 116xxx)        "116123"              "116 123"        "tel:116123"
//   "85258" (5-digit text code)   "85258"               "85258"          "sms:85258"
//   "18001 0808 808 8000" (text relay, before any UK number)
//                                 "1800108088088000"    "18001 0808 808 8000"  "tel:1800108088088000"
//
// Spaces, dashes, dots, brackets, "+44", "0044", "44" and "+44 (0)" are all accepted.
// Numbers abroad are refused with their own message: the app's links are for UK numbers.
// Real UK numbers a person should never be sent to in a crisis are refused too, each with a
// message that says why: premium rate (09), service numbers (084, 087), personal numbers (070),
// directory enquiries (118 xxx) and Samaritans' old 0845 790 9090 (Ofcom's UK Calling and 070
// pages, cited in content/common/numbers.json's "refused" list; a test pins each rule to it).
// Such a number is still written the UK way for showing (display_phone), but never linked.
//
// Text relay (Relay UK, run by BT): 18001 before a number is dialled from a textphone or the
// Relay UK app to reach a voice phone; 18002 from a voice phone to reach someone who uses text
// (BT's TextDirect/Relay UK price list and inclusion pages; relayuk.bt.com/how-to-use-relay-uk).
// 999 by text relay is 18000 on its own, so "18001 999" is refused with that advice.
#include <optional>
#include <string>
#include <string_view>

namespace cpa::core {

enum class PhoneKind {
  mobile,          // 07...
  landline,        // 01..., 02...
  non_geographic,  // 03, 05, 08, 09 (0800 and 0808 are free)
  service,         // 999, 112, 111, 101, 105, 116xxx, 18000: short numbers you call
  text_shortcode,  // 5 digits like 85258: you text these, you cannot call them
};

struct PhoneNumber {
  PhoneKind kind = PhoneKind::mobile;
  std::string normalised;  // what the records store: "+447700900123", "116123", "85258"
  std::string display;     // the UK way of writing it: "07700 900123", "116 123"
  std::string href;        // "tel:+447700900123", "tel:999", "sms:85258"
  std::string relay;       // "18001" or "18002" when dialled through text relay, else ""
  std::string reaches;     // the number the call reaches, without its relay prefix ("+448088088000")
  bool can_call() const { return kind != PhoneKind::text_shortcode; }
};

// Why a typed number was refused: each reason has its own message key in strings.json.
enum class PhoneProblem {
  not_a_number,     // "plans.error.phone": letters, too short, too long, a prefix the UK does not use
  abroad,           // "plans.error.phone_abroad": +33 ..., 001 ...
  premium_rate,     // "plans.error.phone_premium": 09...
  service_number,   // "plans.error.phone_service": 084..., 087...
  personal_number,  // "plans.error.phone_personal": 070...
  directory,        // "plans.error.phone_directory": 118 xxx
  old_samaritans,   // "plans.error.phone_old_samaritans": 0845 790 9090, also written 08457 90 90 90
  relay_emergency,  // "plans.error.phone_relay_emergency": 18001 999 (999 by text relay is 18000)
};

struct PhoneParse {
  std::optional<PhoneNumber> number;
  PhoneProblem problem = PhoneProblem::not_a_number;  // meaningful only without a number
  // A refused number that is a real UK number (is_unsafe_number): written the UK way, for
  // showing as plain text ("0845 790 9090"); "" otherwise.
  std::string display;
  bool ok() const { return number.has_value(); }
};

// Empty or blank text is not a number (a blank field is fine: check for that first).
PhoneParse parse_uk_phone(std::string_view typed);
// Message key for a refused number ("plans.error.phone", "plans.error.phone_premium" ...).
const char* phone_problem_key(PhoneProblem problem);
// A real UK number the app will not link to because it costs a lot, reaches no one or is the
// wrong way to reach 999: kept as the person wrote it, shown as text with its reason.
bool is_unsafe_number(PhoneProblem problem);

// True while more digits could still make the typed text a number the app takes: only the
// characters numbers are written with, not yet too many digits for any UK number, and no
// range known to be refused (premium rate, numbers abroad ...).  "0770" is unfinished;
// "0770 09001234 5", "09..." (once it is one) and "07a" are not.
bool phone_may_be_unfinished(std::string_view typed);

// For a stored value: the display form if it is a number (or a refused real UK number), else
// the text unchanged (a number still being typed is kept as typed, so it is never lost).
std::string display_phone(std::string_view stored);
// "tel:..." or "sms:...", or "" if the stored text is not a number.
std::string phone_href(std::string_view stored);

}  // namespace cpa::core
