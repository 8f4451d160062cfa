#include "core/plan_phone.hpp"

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

Digits strip(std::string_view typed) {
  Digits out;
  bool seen_digit = false;
  for (char c : typed) {
    if (c >= '0' && c <= '9') {
      out.digits += c;
      seen_digit = true;
    } else if (c == '+' && !seen_digit && !out.plus) {
      out.plus = true;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/' && c != '\t') {
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
  return number;
}

PhoneNumber full_number(const std::string& national, PhoneKind kind) {
  PhoneNumber number;
  number.kind = kind;
  number.normalised = "+44" + national.substr(1);
  number.display = format_national(national);
  number.href = "tel:" + number.normalised;
  return number;
}

PhoneParse refused(PhoneProblem problem) { return PhoneParse{std::nullopt, problem}; }

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

}  // namespace

PhoneParse parse_uk_phone(std::string_view typed) {
  const Digits stripped = strip(without_bracketed_trunk_zero(typed));
  if (!stripped.ok || stripped.digits.empty()) return refused(PhoneProblem::not_a_number);
  if (!stripped.plus) {
    if (is_service_number(stripped.digits)) return {short_number(stripped.digits, PhoneKind::service)};
    if (is_text_shortcode(stripped.digits)) return {short_number(stripped.digits, PhoneKind::text_shortcode)};
  }
  const auto national = to_national(stripped);
  if (!national) return refused(PhoneProblem::abroad);
  const auto kind = national_kind(*national);
  if (!kind) return refused(PhoneProblem::not_a_number);
  return {full_number(*national, *kind)};
}

const char* phone_problem_key(PhoneProblem problem) {
  return problem == PhoneProblem::abroad ? "plans.error.phone_abroad" : "plans.error.phone";
}

std::string display_phone(std::string_view stored) {
  const auto parsed = parse_uk_phone(stored);
  return parsed.ok() ? parsed.number->display : std::string(stored);
}

std::string phone_href(std::string_view stored) {
  const auto parsed = parse_uk_phone(stored);
  return parsed.ok() ? parsed.number->href : std::string();
}

}  // namespace cpa::core
