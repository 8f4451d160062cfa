#include "core/plans/records/records.hpp"

#include <algorithm>
#include <optional>
#include <type_traits>
#include <variant>

#include "core/content/content.hpp"
#include "core/plans/plan_dates.hpp"
#include "core/plans/plan_phone.hpp"

namespace cpa::core {
namespace {

// Limits in bytes of UTF-8.  With every list full and every text at its limit, an export stays
// under kMaxImportBytes even if every character needs escaping (tested), so anything the app
// accepts it can also read back.
constexpr std::size_t kShortText = 200;
constexpr std::size_t kLongText = 3000;
constexpr std::size_t kItemText = 300;
constexpr std::size_t kPhoneText = 40;
constexpr std::size_t kEmailText = 254;
constexpr std::size_t kDateText = 20;

// A field's id is the path of its member in Records, written once: CPA_FIELD(care_plan.gp.phone,
// ...) gives the id "care_plan.gp.phone" and the slot &records.care_plan.gp.phone, so the two
// can never disagree.
#define CPA_FIELD(path, kind, max_bytes)                                     \
  FieldSpec {                                                                \
#path, kind, max_bytes, [](Records & r) -> FieldSlot { return &r.path; } \
  }
#define CPA_LIST(path, kind) CPA_FIELD(path, kind, 0)

constexpr FieldSpec kCoordinator[] = {
    CPA_FIELD(care_plan.coordinator.name, FieldKind::text, kShortText),
    CPA_FIELD(care_plan.coordinator.role, FieldKind::text, kShortText),
    CPA_FIELD(care_plan.coordinator.phone, FieldKind::phone, kPhoneText),
    CPA_FIELD(care_plan.coordinator.email, FieldKind::email, kEmailText),
    CPA_FIELD(care_plan.coordinator.hours, FieldKind::text, kShortText),
};
constexpr FieldSpec kTeam[] = {
    CPA_FIELD(care_plan.team.name, FieldKind::text, kShortText),
    CPA_FIELD(care_plan.team.phone, FieldKind::phone, kPhoneText),
    CPA_FIELD(care_plan.team.out_of_hours_phone, FieldKind::phone, kPhoneText),
};
constexpr FieldSpec kGp[] = {
    CPA_FIELD(care_plan.gp.name, FieldKind::text, kShortText),
    CPA_FIELD(care_plan.gp.practice, FieldKind::text, kShortText),
    CPA_FIELD(care_plan.gp.phone, FieldKind::phone, kPhoneText),
};
constexpr FieldSpec kNeeds[] = {CPA_LIST(care_plan.needs, FieldKind::need_list)};
constexpr FieldSpec kGoals[] = {CPA_LIST(care_plan.goals, FieldKind::text_list)};
constexpr FieldSpec kReviews[] = {
    CPA_FIELD(care_plan.last_review, FieldKind::date, kDateText),
    CPA_FIELD(care_plan.next_review, FieldKind::date, kDateText),
    CPA_LIST(care_plan.review_questions, FieldKind::text_list),
};
constexpr FieldSpec kWarningSigns[] = {CPA_LIST(crisis_plan.warning_signs, FieldKind::text_list)};
constexpr FieldSpec kSelfHelp[] = {CPA_LIST(crisis_plan.self_help, FieldKind::text_list)};
constexpr FieldSpec kWhatHelps[] = {
    CPA_LIST(crisis_plan.helped_before, FieldKind::text_list),
    CPA_LIST(crisis_plan.not_helped, FieldKind::text_list),
};
constexpr FieldSpec kPeople[] = {CPA_LIST(crisis_plan.people, FieldKind::contact_list)};
constexpr FieldSpec kServices[] = {
    CPA_LIST(crisis_plan.in_hours, FieldKind::contact_list),
    CPA_LIST(crisis_plan.out_of_hours, FieldKind::contact_list),
};
constexpr FieldSpec kServiceResponse[] = {CPA_FIELD(crisis_plan.service_response, FieldKind::long_text, kLongText)};
constexpr FieldSpec kTreatment[] = {
    CPA_LIST(crisis_plan.treatment_preferences, FieldKind::text_list),
    CPA_LIST(crisis_plan.treatment_refusals, FieldKind::text_list),
};
constexpr FieldSpec kPractical[] = {
    CPA_FIELD(crisis_plan.practical.children, FieldKind::long_text, kLongText),
    CPA_FIELD(crisis_plan.practical.pets, FieldKind::long_text, kLongText),
    CPA_FIELD(crisis_plan.practical.home, FieldKind::long_text, kLongText),
};
#undef CPA_LIST
#undef CPA_FIELD

constexpr std::string_view kPlans[] = {"care_plan", "crisis_plan"};

constexpr SectionSpec kSections[] = {
    {"care_plan.coordinator", "care_plan", kCoordinator},
    {"care_plan.team", "care_plan", kTeam},
    {"care_plan.gp", "care_plan", kGp},
    {"care_plan.needs", "care_plan", kNeeds},
    {"care_plan.goals", "care_plan", kGoals},
    {"care_plan.reviews", "care_plan", kReviews},
    {"crisis_plan.warning_signs", "crisis_plan", kWarningSigns},
    {"crisis_plan.self_help", "crisis_plan", kSelfHelp},
    {"crisis_plan.what_helps", "crisis_plan", kWhatHelps},
    {"crisis_plan.people", "crisis_plan", kPeople},
    {"crisis_plan.services", "crisis_plan", kServices},
    {"crisis_plan.service_response", "crisis_plan", kServiceResponse},
    {"crisis_plan.treatment", "crisis_plan", kTreatment},
    {"crisis_plan.practical", "crisis_plan", kPractical},
};

constexpr SubFieldSpec kTextItem[] = {{"", FieldKind::text, kItemText, "", std::monostate{}}};
constexpr SubFieldSpec kContactItem[] = {
    {"name", FieldKind::text, 100, "contact.name", &Contact::name},
    {"relationship", FieldKind::text, 100, "contact.relationship", &Contact::relationship},
    {"phone", FieldKind::phone, kPhoneText, "contact.phone", &Contact::phone},
    {"when", FieldKind::text, kItemText, "contact.when", &Contact::when},
};
constexpr SubFieldSpec kNeedItem[] = {
    {"need", FieldKind::text, kItemText, "need.need", &Need::need},
    {"support", FieldKind::long_text, 1000, "need.support", &Need::support},
};

// ---- reaching values through the table ----
using ListSlot = std::variant<std::monostate, std::vector<std::string>*, std::vector<Contact>*, std::vector<Need>*>;

std::string* text_slot(Records& records, std::string_view id) {
  const FieldSpec* field = find_field(id);
  if (!field) return nullptr;
  const FieldSlot slot = field->slot(records);
  const auto* text = std::get_if<std::string*>(&slot);
  return text ? *text : nullptr;
}

ListSlot list_slot(Records& records, std::string_view id) {
  const FieldSpec* field = find_field(id);
  if (!field) return std::monostate{};
  return std::visit(
      [](auto slot) -> ListSlot {
        if constexpr (std::is_same_v<decltype(slot), std::string*>) return std::monostate{};
        else return slot;
      },
      field->slot(records));
}

// Runs edit(list) on the list a field id names; false when the id names no list.
template <class Edit>
bool edit_list(Records& records, std::string_view list_id, Edit edit) {
  return std::visit(
      [&](auto list) {
        if constexpr (std::is_same_v<decltype(list), std::monostate>) {
          return false;
        } else {
          return edit(*list);
        }
      },
      list_slot(records, list_id));
}

template <class Item>
const SubFieldSpec* sub_spec(std::string_view sub) {
  const FieldKind kind = std::is_same_v<Item, Contact> ? FieldKind::contact_list
                         : std::is_same_v<Item, Need>  ? FieldKind::need_list
                                                       : FieldKind::text_list;
  return find_item_field(kind, sub);
}

std::string* sub_slot(std::string& item, std::string_view sub) { return sub.empty() ? &item : nullptr; }
template <class Item>
std::string* sub_slot(Item& item, std::string_view sub) {
  const SubFieldSpec* spec = sub_spec<Item>(sub);
  if (!spec) return nullptr;
  const auto* member = std::get_if<std::string Item::*>(&spec->member);
  return member ? &(item.**member) : nullptr;
}

// Reading through the same slots: the records are not changed.
Records& writable(const Records& records) { return const_cast<Records&>(records); }

const std::string& empty_text() {
  static const std::string empty;
  return empty;
}

// ---- cleaning typed text ----
// Replaces anything that is not valid UTF-8 with U+FFFD, so the JSON writer never fails.
std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = length > 0 && i + length <= text.size() && !(length == 2 && c < 0xC2);
    for (std::size_t k = 1; ok && k < length; ++k) ok = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
    if (ok && length == 3) {
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);  // overlong, surrogates
    }
    if (ok && length == 4) {
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90) && c <= 0xF4;
    }
    if (!ok) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

// Characters that change how text around them is shown without being seen themselves: C1
// controls, zero-width space, the left-to-right and right-to-left marks, embeddings, overrides and
// isolates (a right-to-left override can make "Samaritans 09" read as "Samaritans 90"), invisible
// operators and the byte order mark.  Joiners (U+200C, U+200D) stay: scripts and emoji need them.
bool invisible_format_character(char32_t c) {
  return (c >= 0x80 && c <= 0x9F) || c == 0x200B || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

// The code point starting at text[i] of valid UTF-8, and its length in bytes.
char32_t code_point_at(std::string_view text, std::size_t i, std::size_t& length) {
  const auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
  const char32_t c = byte(0);
  if (c < 0x80) return length = 1, c;
  if ((c >> 5) == 0x6) return length = 2, ((c & 0x1F) << 6) | (byte(1) & 0x3F);
  if ((c >> 4) == 0xE) return length = 3, ((c & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  return length = 4, ((c & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
}

// For valid UTF-8 (valid_utf8 first).
std::string without_control_characters(std::string_view text, bool keep_new_lines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const char32_t c = code_point_at(text, i, length);
    if (c == '\n') {
      out += keep_new_lines ? '\n' : ' ';
    } else if (c == '\t') {
      out += ' ';
    } else if (c >= 0x20 && c != 0x7F && !invisible_format_character(c)) {
      out.append(text.substr(i, length));
    }  // \r and other control characters are dropped: "\r\n" becomes "\n"
    i += length;
  }
  return out;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(' ');
  return std::string(text.substr(first, last - first + 1));
}

// Digits and one kind of separator in three groups: the shape of a date, whether or not it exists.
bool looks_like_date(std::string_view text) {
  int groups = 0;
  bool in_digits = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (!in_digits) ++groups;
      in_digits = true;
    } else if (c == '/' || c == '-' || c == '.' || c == ' ') {
      in_digits = false;
    } else {
      return false;
    }
  }
  return groups == 3;
}

// ---- validation ----
Message message(std::string key) { return Message{std::move(key), {}}; }

struct ValueCheck {
  Message message;
  bool blocks_import = true;
  bool while_typing = true;  // no more typing can put it right: shown at once (see ValueProblem)
};

std::optional<ValueCheck> check_value(FieldKind kind, const std::string& value, std::size_t max_bytes) {
  if (value.empty()) return std::nullopt;
  if (value.size() > max_bytes) return ValueCheck{message("plans.error.too_long")};
  switch (kind) {
    case FieldKind::phone: {
      const auto parsed = parse_uk_phone(value);
      if (parsed.ok()) return std::nullopt;
      // A costly or retired number the app once took (an old 0845 line) is kept, never a reason
      // to refuse a whole file: it is shown as text with this message beside it.
      return ValueCheck{message(phone_problem_key(parsed.problem)), !is_unsafe_number(parsed.problem),
                        !phone_may_be_unfinished(value)};
    }
    case FieldKind::email:
      if (is_plausible_email(value)) return std::nullopt;
      return ValueCheck{message("plans.error.email"), true, !email_may_be_unfinished(value)};
    case FieldKind::date:
      if (parse_iso_date(value)) return std::nullopt;
      return ValueCheck{message(looks_like_date(value) && !parse_typed_date(value) ? "plans.error.date_not_real"
                                                                                   : "plans.error.date")};
    default: return std::nullopt;
  }
}

template <class Item>
void check_list(const std::vector<Item>& items, const FieldSpec& field, std::vector<ValueProblem>& out) {
  if (items.size() > kMaxListItems)
    out.push_back(
        {value_path(field.id), Message{"plans.error.list_too_long", {{"max", std::to_string(kMaxListItems)}}}, true});
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (const auto& sub : item_fields(field.kind)) {
      const std::string* value = sub_slot(const_cast<Item&>(items[i]), sub.id);
      if (auto problem = check_value(sub.kind, *value, sub.max_bytes))
        out.push_back(
            {value_path(field.id, i, sub.id), problem->message, problem->blocks_import, problem->while_typing});
    }
  }
}

void check_review_order(const CarePlan& plan, std::vector<ValueProblem>& out) {
  const auto last = parse_iso_date(plan.last_review);
  const auto next = parse_iso_date(plan.next_review);
  if (last && next && *next < *last)
    out.push_back({"care_plan.next_review", message("plans.error.review_order"), true});
}

std::string nth(std::size_t index) { return std::to_string(index + 1); }

}  // namespace

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool email_may_be_unfinished(std::string_view text) {
  // A space, or a second @, is there to stay however much more is typed.
  const auto at = text.find('@');
  return text.find_first_of(" \t") == std::string_view::npos &&
         (at == std::string_view::npos || text.find('@', at + 1) == std::string_view::npos);
}

bool is_plausible_email(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) return false;
  if (text.find_first_of(" ,;<>()[]\\\"") != std::string_view::npos) return false;
  const auto domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

bool is_list(FieldKind kind) {
  return kind == FieldKind::text_list || kind == FieldKind::contact_list || kind == FieldKind::need_list;
}

std::span<const std::string_view> plan_ids() { return kPlans; }

std::span<const SectionSpec> plan_sections() { return kSections; }

const SectionSpec* find_section(std::string_view section_id) {
  for (const auto& section : kSections)
    if (section.id == section_id) return &section;
  return nullptr;
}

std::span<const SubFieldSpec> item_fields(FieldKind list_kind) {
  switch (list_kind) {
    case FieldKind::text_list: return kTextItem;
    case FieldKind::contact_list: return kContactItem;
    case FieldKind::need_list: return kNeedItem;
    default: return {};
  }
}

const FieldSpec* find_field(std::string_view field_id) {
  for (const auto& section : kSections)
    for (const auto& field : section.fields)
      if (field.id == field_id) return &field;
  return nullptr;
}

const SubFieldSpec* find_item_field(FieldKind list_kind, std::string_view sub_field) {
  for (const auto& sub : item_fields(list_kind))
    if (sub.id == sub_field) return &sub;
  return nullptr;
}

std::string value_path(std::string_view field_id) { return std::string(field_id); }

std::string value_path(std::string_view list_id, std::size_t index, std::string_view sub_field) {
  std::string path = std::string(list_id) + "[" + std::to_string(index) + "]";
  if (!sub_field.empty()) path += "." + std::string(sub_field);
  return path;
}

const std::string& field_text(const Records& records, std::string_view field_id) {
  const std::string* slot = text_slot(writable(records), field_id);
  return slot ? *slot : empty_text();
}

std::size_t list_size(const Records& records, std::string_view list_id) {
  return std::visit(
      [](auto list) -> std::size_t {
        if constexpr (std::is_same_v<decltype(list), std::monostate>) return 0;
        else return list->size();
      },
      list_slot(writable(records), list_id));
}

const std::string& item_text(const Records& records, std::string_view list_id, std::size_t index,
                             std::string_view sub_field) {
  const std::string* found = std::visit(
      [&](auto list) -> const std::string* {
        if constexpr (std::is_same_v<decltype(list), std::monostate>) return nullptr;
        else return index < list->size() ? sub_slot((*list)[index], sub_field) : nullptr;
      },
      list_slot(writable(records), list_id));
  return found ? *found : empty_text();
}

const std::vector<Contact>& contact_list(const Records& records, std::string_view list_id) {
  static const std::vector<Contact> none;
  const auto list = list_slot(writable(records), list_id);
  const auto* contacts = std::get_if<std::vector<Contact>*>(&list);
  return contacts ? **contacts : none;
}

const std::vector<std::string>& text_list(const Records& records, std::string_view list_id) {
  static const std::vector<std::string> none;
  const auto list = list_slot(writable(records), list_id);
  const auto* texts = std::get_if<std::vector<std::string>*>(&list);
  return texts ? **texts : none;
}

std::size_t things_written(const Records& records, const SectionSpec& section) {
  std::size_t count = 0;
  for (const auto& field : section.fields)
    count += is_list(field.kind) ? list_size(records, field.id) : (field_text(records, field.id).empty() ? 0 : 1);
  return count;
}

std::size_t things_written(const Records& records, std::string_view plan_id) {
  std::size_t count = 0;
  for (const auto& section : kSections)
    if (section.plan == plan_id) count += things_written(records, section);
  return count;
}

std::string display_value(FieldKind kind, std::string_view stored) {
  if (kind == FieldKind::phone) return display_phone(stored);
  if (kind == FieldKind::date)
    if (const auto date = parse_iso_date(stored)) return to_uk_numeric(*date);
  return std::string(stored);
}

std::string value_href(FieldKind kind, std::string_view stored) {
  if (kind == FieldKind::phone) return phone_href(stored);
  if (kind == FieldKind::email && is_plausible_email(stored)) return "mailto:" + std::string(stored);
  return {};
}

std::string clean_value(FieldKind kind, std::string_view typed) {
  std::string text = without_control_characters(valid_utf8(typed), kind == FieldKind::long_text);
  switch (kind) {
    case FieldKind::phone: {
      const auto parsed = parse_uk_phone(text);
      return parsed.ok() ? parsed.number->normalised : trimmed(text);
    }
    case FieldKind::date: {
      const auto date = parse_typed_date(text);
      return date ? to_iso(*date) : trimmed(text);
    }
    case FieldKind::email: return trimmed(text);
    default: return text;
  }
}

bool set_field(Records& records, std::string_view field_id, std::string_view typed) {
  const FieldSpec* spec = find_field(field_id);
  std::string* slot = text_slot(records, field_id);
  if (!spec || !slot) return false;
  std::string value = clean_value(spec->kind, typed);
  if (value == *slot) return false;
  *slot = std::move(value);
  return true;
}

bool add_item(Records& records, std::string_view list_id, std::string_view sub_field, std::string_view typed) {
  const FieldSpec* spec = find_field(list_id);
  if (!spec || !is_list(spec->kind)) return false;
  // No sub-field adds a blank item to any list; a named one must exist.
  const SubFieldSpec* sub = find_item_field(spec->kind, sub_field);
  if (!sub && !sub_field.empty()) return false;
  return edit_list(records, list_id, [&](auto& list) {
    if (list.size() >= kMaxListItems) return false;
    list.emplace_back();
    if (sub) *sub_slot(list.back(), sub_field) = clean_value(sub->kind, typed);
    return true;
  });
}

bool append_blank_item(Records& records, std::string_view list_id) {
  return edit_list(records, list_id, [&](auto& list) {
    list.emplace_back();
    return true;
  });
}

bool set_item(Records& records, std::string_view list_id, std::size_t index, std::string_view sub_field,
              std::string_view typed) {
  const FieldSpec* spec = find_field(list_id);
  if (!spec || !is_list(spec->kind)) return false;
  const SubFieldSpec* sub = find_item_field(spec->kind, sub_field);
  if (!sub) return false;
  return edit_list(records, list_id, [&](auto& list) {
    if (index >= list.size()) return false;
    std::string* slot = sub_slot(list[index], sub_field);
    std::string value = clean_value(sub->kind, typed);
    if (value == *slot) return false;
    *slot = std::move(value);
    return true;
  });
}

bool remove_item(Records& records, std::string_view list_id, std::size_t index) {
  return edit_list(records, list_id, [&](auto& list) {
    if (index >= list.size()) return false;
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(index));
    return true;
  });
}

bool move_item(Records& records, std::string_view list_id, std::size_t from, std::size_t to) {
  return edit_list(records, list_id, [&](auto& list) {
    if (from >= list.size() || to >= list.size() || from == to) return false;
    auto item = std::move(list[from]);
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(from));
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(to), std::move(item));
    return true;
  });
}

std::string render(const Content& content, const Message& message) {
  if (message.empty()) return {};
  // A message may give a checked line's number ("{line.samaritans}"): it is written once, in
  // crisis_lines.json.
  auto values = message.values;
  for (const auto& line : content.crisis_lines) values.emplace_back("line." + line.id, line.number);
  for (const auto& [name, keys] : message.key_lists) {
    std::string joined;
    for (const auto& key : keys) joined += (joined.empty() ? "" : ", ") + content.str(key);
    values.emplace_back(name, joined);
  }
  const std::string& text = message.count ? content.plural_form(message.key, *message.count) : content.str(message.key);
  std::string out = fill_placeholders(text, values);
  for (const auto& after : message.then) out += " " + render(content, after);
  return out;
}

std::vector<ValueProblem> validate_records(const Records& records) {
  std::vector<ValueProblem> out;
  for (const auto& section : kSections) {
    for (const auto& field : section.fields) {
      if (!is_list(field.kind)) {
        if (auto problem = check_value(field.kind, field_text(records, field.id), field.max_bytes))
          out.push_back({value_path(field.id), problem->message, problem->blocks_import, problem->while_typing});
        continue;
      }
      std::visit(
          [&](auto list) {
            if constexpr (!std::is_same_v<decltype(list), std::monostate>) check_list(*list, field, out);
          },
          list_slot(writable(records), field.id));
    }
  }
  check_review_order(records.care_plan, out);
  return out;
}

std::string describe_path(const Content& content, std::string_view path) {
  const auto bracket = path.find('[');
  const std::string field_id(path.substr(0, bracket));
  const FieldSpec* spec = find_field(field_id);
  const FieldText* field = content.plans.field(field_id);
  if (!spec || !field) return std::string(path);
  const auto plan = content.plans.plans.find(field_id.substr(0, field_id.find('.')));
  std::string out = plan == content.plans.plans.end() ? std::string() : plan->second.title + ", ";
  out += field->label;
  if (bracket == std::string_view::npos) return out;
  const auto close = path.find(']', bracket);
  if (close == std::string_view::npos) return std::string(path);
  const std::string index_text(path.substr(bracket + 1, close - bracket - 1));
  if (index_text.empty() || index_text.find_first_not_of("0123456789") != std::string::npos || index_text.size() > 6)
    return std::string(path);
  out += ", " + content.format("plans.path.item", {{"n", nth(std::stoul(index_text))}});
  if (close + 1 < path.size() && path[close + 1] == '.') {
    const auto sub = path.substr(close + 2);
    const FieldText* item = content.plans.item(item_text_key(field_id, sub));
    out += ", " + (item ? item->label : std::string(sub));
  }
  return out;
}

}  // namespace cpa::core
