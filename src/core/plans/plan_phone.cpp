#include "core/plans/plan_phone.hpp"

#include <array>

namespace cpa::core {
namespace {

bool starts_with(std::string_view text, std::string_view head) { return text.substr(0, head.size()) == head; }

// What is left once the characters people put in numbers are taken out.
struct Digits {
  std::string digits;
  bool plus = false;  // a leading "+"
  bool ok = true;     // false when a letter or other odd character was found
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// What people put between the digits of a number.
bool is_separator(char c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\t'; }

Digits strip(std::string_view typed) {
  Digits out;
  bool seen_digit = false;
  for (char c : typed) {
    if (is_ascii_digit(c)) {
      out.digits += c;
      seen_digit = true;
    } else if (c == '+' && !seen_digit && !out.plus) {
      out.plus = true;
    } else if (!is_separator(c)) {
      out.ok = false;
    }
  }
  return out;
}

// "+44 (0)20 ..." writes the trunk 0 in brackets: it must go.
std::string without_bracketed_trunk_zero(std::string_view typed) {
  std::string out(typed);
  for (const char* pattern : {"(0)", "( 0 )"}) {
    const auto at = out.find(pattern);
    if (at != std::string::npos) out.erase(at, std::string_view(pattern).size());
  }
  return out;
}

bool is_service_number(std::string_view digits) {
  static constexpr std::array<std::string_view, 6> short_numbers{"999", "112", "111", "101", "105", "18000"};
  for (auto number : short_numbers)
    if (digits == number) return true;
  // 116 xxx: harmonised European numbers of social value (116 123 Samaritans, 116 111 Childline).
  return digits.size() == 6 && starts_with(digits, "116");
}

bool is_text_shortcode(std::string_view digits) {
  // UK text shortcodes are five digits starting 6, 7 or 8 (85258 is Shout).
  return digits.size() == 5 && digits[0] >= '6' && digits[0] <= '8';
}

// Lengths are of the whole national number with its leading 0 (Ofcom's numbering plan).
std::optional<PhoneKind> national_kind(std::string_view national) {
  const auto size = national.size();
  if (size < 2 || national[0] != '0') return std::nullopt;
  switch (national[1]) {
    case '1': return (size == 11 || size == 10) ? std::optional(PhoneKind::landline) : std::nullopt;
    case '2': return size == 11 ? std::optional(PhoneKind::landline) : std::nullopt;
    case '7': return size == 11 ? std::optional(PhoneKind::mobile) : std::nullopt;
    case '3':
    case '5':
    case '9': return size == 11 ? std::optional(PhoneKind::non_geographic) : std::nullopt;
    case '8':
      // 0800 numbers come in 10 and 11 digits, and 0800 1111 (Childline) is 8.
      if (starts_with(national, "0800") && (size == 10 || size == 11 || national == "08001111"))
        return PhoneKind::non_geographic;
      return size == 11 ? std::optional(PhoneKind::non_geographic) : std::nullopt;
    default: return std::nullopt;  // 00, 04 and 06 are not in use
  }
}

std::string group(std::string_view digits, std::initializer_list<std::size_t> sizes) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t size : sizes) {
    if (at >= digits.size()) break;
    if (!out.empty()) out += ' ';
    out += digits.substr(at, size);
    at += size;
  }
  if (at < digits.size()) out += digits.substr(at);
  return out;
}

// The way UK numbers are written (Ofcom's and the NHS's style guides agree).
std::string format_national(std::string_view national) {
  const auto size = national.size();
  if (national[1] == '2') return group(national, {3, 4, 4});  // 020 7946 0000
  if (national[1] == '1') {
    // 011x and 01x1 areas: 0121 496 0000; most others: 01632 960123 or 01204 12345.
    if (national[2] == '1' || national[3] == '1') return group(national, {4, 3, 4});
    return group(national, {5, 6});
  }
  if (national[1] == '7') return group(national, {5, 6});  // 07700 900123
  if (size == 8) return group(national, {4, 4});           // 0800 1111
  if (size == 10) return group(national, {4, 3, 3});       // 0800 123 456
  return group(national, {4, 3, 4});                       // 0300 123 4567, 0808 808 4994
}

PhoneNumber short_number(const std::string& digits, PhoneKind kind) {
  PhoneNumber number;
  number.kind = kind;
  number.normalised = digits;
  number.display = digits.size() == 6 ? group(digits, {3, 3}) : digits;  // 116 123
  number.href = (kind == PhoneKind::text_shortcode ? "sms:" : "tel:") + digits;
  number.reaches = number.normalised;
  return number;
}

PhoneNumber full_number(const std::string& national, PhoneKind kind) {
  PhoneNumber number;
  number.kind = kind;
  number.normalised = "+44" + national.substr(1);
  number.display = format_national(national);
  number.href = "tel:" + number.normalised;
  number.reaches = number.normalised;
  return number;
}

PhoneParse accepted(PhoneNumber number) { return PhoneParse{std::move(number), PhoneProblem::not_a_number, {}}; }

PhoneParse refused(PhoneProblem problem, std::string display = {}) {
  return PhoneParse{std::nullopt, problem, std::move(display)};
}

// Real numbers a person in crisis should never be sent to (Ofcom, UK Calling: 084, 087, 09 and
// 118 carry a service charge; Ofcom on 070: "follow me" numbers mistaken for mobiles).  Checked
// before the length, so an old short 0845 number gets its reason too.
std::optional<PhoneProblem> unsafe_range(std::string_view national) {
  if (national == "08457909090") return PhoneProblem::old_samaritans;  // 0845 790 9090 = 08457 90 90 90
  if (starts_with(national, "09")) return PhoneProblem::premium_rate;
  if (starts_with(national, "084") || starts_with(national, "087")) return PhoneProblem::service_number;
  if (starts_with(national, "070")) return PhoneProblem::personal_number;
  return std::nullopt;
}

bool is_directory_number(std::string_view digits) { return digits.size() == 6 && starts_with(digits, "118"); }

// The number as dialled inside the UK ("07700900123"), or nothing when it is a number abroad.
std::optional<std::string> to_national(const Digits& typed) {
  const std::string& d = typed.digits;
  std::string rest;
  if (typed.plus) {
    if (!starts_with(d, "44")) return std::nullopt;
    rest = d.substr(2);
  } else if (starts_with(d, "0044")) {
    rest = d.substr(4);
  } else if (starts_with(d, "00")) {
    return std::nullopt;
  } else if (starts_with(d, "44") && (d.size() == 12 || d.size() == 11)) {
    rest = d.substr(2);  // "447700900123" pasted without its +
  } else {
    return d;
  }
  if (starts_with(rest, "0")) rest.erase(0, 1);  // "+44 07700 ..." is a common slip
  return "0" + rest;
}

// A number without a relay prefix.
PhoneParse parse_plain(std::string_view typed) {
  const Digits stripped = strip(without_bracketed_trunk_zero(typed));
  if (!stripped.ok || stripped.digits.empty()) return refused(PhoneProblem::not_a_number);
  if (!stripped.plus) {
    if (is_service_number(stripped.digits)) return accepted(short_number(stripped.digits, PhoneKind::service));
    if (is_text_shortcode(stripped.digits)) return accepted(short_number(stripped.digits, PhoneKind::text_shortcode));
    if (is_directory_number(stripped.digits)) return refused(PhoneProblem::directory, group(stripped.digits, {3, 3}));
  }
  const auto national = to_national(stripped);
  if (!national) return refused(PhoneProblem::abroad);
  const auto unsafe = unsafe_range(*national);
  if (unsafe && national->size() >= 8 && national->size() <= 11) return refused(*unsafe, format_national(*national));
  const auto kind = national_kind(*national);
  if (!kind) return refused(PhoneProblem::not_a_number);
  return accepted(full_number(*national, *kind));
}

struct RelayCall {
  std::string prefix;     // "18001" or "18002"
  std::string_view rest;  // what was typed after it
};

// "18001 0808 808 8000": a text relay prefix, then more digits.  "18001" alone is not one.
std::optional<RelayCall> split_relay(std::string_view typed) {
  std::string digits;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    if (!is_ascii_digit(typed[i])) {
      if (!is_separator(typed[i])) return std::nullopt;
      continue;
    }
    digits += typed[i];
    if (digits.size() < 5) continue;
    const auto rest = typed.substr(i + 1);
    if ((digits != "18001" && digits != "18002") || rest.find_first_of("0123456789") == std::string_view::npos)
      return std::nullopt;
    return RelayCall{digits, rest};
  }
  return std::nullopt;
}

// The number after the prefix must be a number you call; the whole is dialled as one run of
// digits ("tel:1800108088088000") and written with the prefix apart ("18001 0808 808 8000").
PhoneParse through_relay(const RelayCall& relay) {
  PhoneParse inner = parse_plain(relay.rest);
  if (!inner.ok()) {
    if (!inner.display.empty()) inner.display = relay.prefix + " " + inner.display;
    return inner;
  }
  const PhoneNumber& number = *inner.number;
  if (number.normalised == "999" || number.normalised == "112")
    return refused(PhoneProblem::relay_emergency, relay.prefix + " " + number.display);
  if (!number.can_call() || number.normalised == "18000") return refused(PhoneProblem::not_a_number);
  PhoneNumber out = number;
  const bool full = number.normalised.front() == '+';
  out.relay = relay.prefix;
  out.normalised = relay.prefix + (full ? "0" + number.normalised.substr(3) : number.normalised);
  out.display = relay.prefix + " " + number.display;
  out.href = "tel:" + out.normalised;
  return accepted(std::move(out));
}

}  // namespace

PhoneParse parse_uk_phone(std::string_view typed) {
  if (const auto relay = split_relay(typed)) return through_relay(*relay);
  return parse_plain(typed);
}

bool phone_may_be_unfinished(std::string_view typed) {
  const Digits typed_digits = strip(without_bracketed_trunk_zero(typed));
  if (!typed_digits.ok) return false;  // a letter stays wrong whatever follows
  const PhoneParse parsed = parse_uk_phone(typed);
  if (parsed.ok() || is_unsafe_number(parsed.problem)) return false;
  const std::string& digits = typed_digits.digits;
  // A text relay prefix, then a number; a number is at most 11 digits with its 0, written
  // with +44 (and a slipped 0) in 13, with 0044 in 15.
  const std::size_t relay = starts_with(digits, "18001") || starts_with(digits, "18002") ? 5 : 0;
  const std::string_view rest = std::string_view(digits).substr(relay);
  const auto begins = [&](std::string_view prefix) {
    return rest.size() < prefix.size() ? starts_with(prefix, rest) : starts_with(rest, prefix);
  };
  std::size_t most = 11;
  if (typed_digits.plus) {
    if (!begins("44")) return false;  // another country's code
    most = 13;
  } else if (starts_with(rest, "00")) {
    if (!begins("0044")) return false;
    most = 15;
  } else if (starts_with(rest, "44")) {
    most = 13;
  } else if (rest.size() >= 2 && rest[0] == '0' && (rest[1] == '4' || rest[1] == '6')) {
    return false;  // 04 and 06 are not in use
  }
  return digits.size() < relay + most;
}

const char* phone_problem_key(PhoneProblem problem) {
  switch (problem) {
    case PhoneProblem::abroad: return "plans.error.phone_abroad";
    case PhoneProblem::premium_rate: return "plans.error.phone_premium";
    case PhoneProblem::service_number: return "plans.error.phone_service";
    case PhoneProblem::personal_number: return "plans.error.phone_personal";
    case PhoneProblem::directory: return "plans.error.phone_directory";
    case PhoneProblem::old_samaritans: return "plans.error.phone_old_samaritans";
    case PhoneProblem::relay_emergency: return "plans.error.phone_relay_emergency";
    case PhoneProblem::not_a_number: break;
  }
  return "plans.error.phone";
}

bool is_unsafe_number(PhoneProblem problem) {
  return problem != PhoneProblem::not_a_number && problem != PhoneProblem::abroad;
}

std::string display_phone(std::string_view stored) {
  const auto parsed = parse_uk_phone(stored);
  if (parsed.ok()) return parsed.number->display;
  return parsed.display.empty() ? std::string(stored) : parsed.display;
}

std::string phone_href(std::string_view stored) {
  const auto parsed = parse_uk_phone(stored);
  return parsed.ok() ? parsed.number->href : std::string();
}

}  // namespace cpa::core
