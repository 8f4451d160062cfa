#pragma once
// The person's own records: their care plan and their crisis plan.
//
// Typed structs, so a screen like Help now can read `records.crisis_plan.people` directly, plus a
// schema table (sections -> fields, each with a stable id and a kind) so the plan screens can
// draw every form generically and edit any value by field id.  A field id is also the value's
// path in the saved JSON document ("crisis_plan.people" is records.crisis_plan.people).
//
// Values are kept as the person typed them until they are valid: a phone number, email or date
// that does not check out yet is stored as typed (never lost) and gets a message; a valid one is
// stored normalised (phones "+447700900123", dates "2026-11-23").
#include <cstddef>
#include <map>
#include <span>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace cpa::core {

struct Content;

// ---- the records ----
struct Contact {
  std::string name;          // "Sam"
  std::string relationship;  // "My sister"
  std::string phone;         // normalised when valid
  std::string when;          // "Any time. If she does not answer, text her."
  bool operator==(const Contact&) const = default;
};

struct Need {
  std::string need;     // "Help with money"
  std::string support;  // "Sara from the team helps me fill in forms every two weeks"
  bool operator==(const Need&) const = default;
};

struct CareCoordinator {
  std::string name, role, phone, email, hours;
  bool operator==(const CareCoordinator&) const = default;
};
struct CareTeam {
  std::string name, phone, out_of_hours_phone;
  bool operator==(const CareTeam&) const = default;
};
struct Gp {
  std::string name, practice, phone;
  bool operator==(const Gp&) const = default;
};

struct CarePlan {
  CareCoordinator coordinator;
  CareTeam team;
  Gp gp;
  std::vector<Need> needs;
  std::vector<std::string> goals;
  std::string last_review;  // YYYY-MM-DD when valid
  std::string next_review;
  std::vector<std::string> review_questions;
  bool operator==(const CarePlan&) const = default;
};

struct Practical {
  std::string children, pets, home;
  bool operator==(const Practical&) const = default;
};

struct CrisisPlan {
  std::vector<std::string> warning_signs;
  std::vector<std::string> self_help;
  std::vector<std::string> helped_before;
  std::vector<std::string> not_helped;
  std::vector<Contact> people;        // people I respond to best, and how to reach them
  std::vector<Contact> in_hours;      // who to contact in working hours
  std::vector<Contact> out_of_hours;  // ... and out of hours
  std::string service_response;       // how I would like services to respond
  std::vector<std::string> treatment_preferences;
  std::vector<std::string> treatment_refusals;
  Practical practical;
  bool operator==(const CrisisPlan&) const = default;
};

struct Records {
  CarePlan care_plan;
  CrisisPlan crisis_plan;
  bool operator==(const Records&) const = default;
  bool empty() const { return *this == Records{}; }
};

// ---- the schema: one table of every field, from which everything else is derived ----
// The store and the export (records_store.cpp), import checks, the forms (plan_view.hpp), the
// words (plans.json is checked against it), Help now's contacts and the tests all walk this
// table; none of them lists a field by hand.
enum class FieldKind { text, long_text, phone, email, date, text_list, contact_list, need_list };

bool is_list(FieldKind kind);  // text_list, contact_list, need_list

// Where a field's value lives in Records: one text, or one list.
using FieldSlot = std::variant<std::string*, std::vector<std::string>*, std::vector<Contact>*, std::vector<Need>*>;
// Where a list item's sub-field lives: the item itself (a text_list item), or a member.
using ItemMember = std::variant<std::monostate, std::string Contact::*, std::string Need::*>;

// One value inside a list item: a contact's "phone", a need's "support".  A text_list item is a
// single value whose sub-field id is "".
struct SubFieldSpec {
  std::string_view id;
  FieldKind kind;          // text, long_text or phone
  std::size_t max_bytes;   // longer text is kept but flagged, and an import refuses it
  std::string_view words;  // its key in plans.json "items" ("contact.phone"); "" for a text item
  ItemMember member;
};

struct FieldSpec {
  std::string_view id;  // "care_plan.coordinator.phone", "crisis_plan.people": also the value's
                        // path in Records and in the saved document, and its key in plans.json
  FieldKind kind;
  std::size_t max_bytes;  // for a scalar field; lists use their item sub-fields' limits
  FieldSlot (*slot)(Records&);
};

struct SectionSpec {
  std::string_view id;    // "care_plan.coordinator" (content labels it; not a value path)
  std::string_view plan;  // "care_plan" or "crisis_plan"
  std::span<const FieldSpec> fields;
};

inline constexpr std::size_t kMaxListItems = 50;

// The two plans, in order: "care_plan", "crisis_plan".
std::span<const std::string_view> plan_ids();
// Every section of both plans, in the order the forms show them.
std::span<const SectionSpec> plan_sections();
const SectionSpec* find_section(std::string_view section_id);
// The sub-fields of a list's items, in order (contact: name, relationship, phone, when;
// need: need, support; text_list: the one "" sub-field).  Empty for a scalar kind.
std::span<const SubFieldSpec> item_fields(FieldKind list_kind);
const FieldSpec* find_field(std::string_view field_id);
const SubFieldSpec* find_item_field(FieldKind list_kind, std::string_view sub_field);

// Where a value lives, for messages: "care_plan.gp.phone", "crisis_plan.people[2].phone",
// "care_plan.goals[0]".
std::string value_path(std::string_view field_id);
std::string value_path(std::string_view list_id, std::size_t index, std::string_view sub_field);

// ---- reading values generically ----
// The stored text of a scalar field ("" for an unknown id or a list).
const std::string& field_text(const Records& records, std::string_view field_id);
// Number of items in a list (0 for an unknown id or a scalar).
std::size_t list_size(const Records& records, std::string_view list_id);
// The stored text of one item's sub-field ("" when out of range or unknown).
const std::string& item_text(const Records& records, std::string_view list_id, std::size_t index,
                             std::string_view sub_field);

// The contacts in a contact list (empty for any other id).
const std::vector<Contact>& contact_list(const Records& records, std::string_view list_id);
// The texts in a text list (empty for any other id).
const std::vector<std::string>& text_list(const Records& records, std::string_view list_id);
// How many things are written in a section or a whole plan: a filled-in box counts one, a list
// counts its items ("3 things written").
std::size_t things_written(const Records& records, const SectionSpec& section);
std::size_t things_written(const Records& records, std::string_view plan_id);

// How a stored value is shown when its box is not being edited: phones the UK way
// ("07700 900123"), dates the UK way ("23/11/2026"), everything else unchanged.  While a box
// has focus, show what the person is typing instead.
std::string display_value(FieldKind kind, std::string_view stored);
// A tap target for a stored value: "tel:+44...", "sms:85258", "mailto:a@b.uk"; "" if none.
std::string value_href(FieldKind kind, std::string_view stored);

// ---- editing values generically (PlansState's actions use these) ----
// Cleans what was typed: control characters dropped, tabs become spaces, new lines kept only in
// long_text; then phones, emails and dates are normalised when valid (kept as typed when not).
std::string clean_value(FieldKind kind, std::string_view typed);

// Each returns false, changing nothing, when the id, index or sub-field does not exist or the
// value would not change.
bool set_field(Records& records, std::string_view field_id, std::string_view typed);
// Adds a blank item at the end (sub_field "" adds a blank one to any list), or one with that
// sub-field filled in.  False too when the list is full.
bool add_item(Records& records, std::string_view list_id, std::string_view sub_field = {}, std::string_view typed = {});
// A blank item even past kMaxListItems: for reading stored records, which must never drop one.
bool append_blank_item(Records& records, std::string_view list_id);
bool set_item(Records& records, std::string_view list_id, std::size_t index, std::string_view sub_field,
              std::string_view typed);
bool remove_item(Records& records, std::string_view list_id, std::size_t index);
bool move_item(Records& records, std::string_view list_id, std::size_t from, std::size_t to);

// ---- validation ----
// Nothing but spaces, tabs and new lines (or nothing at all).
bool is_blank(std::string_view text);
// A light check: one @, something before it, a dot in the part after it, no spaces.
bool is_plausible_email(std::string_view text);
// True while more typing could still make it plausible (no space, no second @ yet).
bool email_may_be_unfinished(std::string_view text);

// A message for a person: a strings.json key plus values for its {placeholders}.  State keeps
// what it has to say (a notice, an error) as a Message, never as words, and the screen renders
// it when drawn: a switch of language then re-languages it (issue 27).
struct Message {
  using Values = std::vector<std::pair<std::string, std::string>>;
  Message() = default;
  Message(std::string key_, Values values_ = {}) : key(std::move(key_)), values(std::move(values_)) {}
  // A counted string (content.plural): its form is chosen by n in the language drawn.
  static Message counted(std::string key, long n, Values values) {
    Message out(std::move(key), std::move(values));
    out.count = n;
    return out;
  }
  // A value that is words itself ("{parts}": what could not be deleted): keys, rendered in the
  // same language and joined by ", ".
  Message& listing(std::string name, std::vector<std::string> keys) {
    key_lists.emplace_back(std::move(name), std::move(keys));
    return *this;
  }

  std::string key;
  Values values;
  std::optional<long> count;
  std::vector<std::pair<std::string, std::vector<std::string>>> key_lists;
  // Said after it, after a space (a file too large to read, then what that means for the plans).
  std::vector<Message> then;
  bool empty() const { return key.empty(); }
  void clear() { *this = Message{}; }
  bool operator==(const Message&) const = default;
};
// The words, from content ("[key]" when the key is missing, so it is visible, never blank);
// "" for an empty message.  "{line.<id>}" in the words is that crisis line's number.
std::string render(const Content& content, const Message& message);

// A problem with a file or a store record: where, and what (rendered by render_problem).
struct RecordsProblem {
  std::string path;  // "" for the whole file, else a value path like "crisis_plan.people[2].phone"
  Message message;
  bool operator==(const RecordsProblem&) const = default;
};

struct ValueProblem {
  std::string path;  // value_path(...)
  Message message;
  // False for a real UK number the app will not call (premium rate, Samaritans' old number ...):
  // a file holding one is still read, and the number is kept as text with this message beside it.
  bool blocks_import = true;
  // True when no more typing could put it right (a premium rate number, a letter in a number,
  // too many digits, too long): the form shows it while the person is still typing.  False for
  // a value that may just be unfinished ("0770"): its message waits until the box is left.
  bool while_typing = true;
};

// Every value that does not check out: phones, emails, dates, next review before last, text too
// long, lists over kMaxListItems.  Blank values are fine everywhere (every field is optional).
std::vector<ValueProblem> validate_records(const Records& records);

// Plain words for a value path, from plans.json's labels:
// "crisis_plan.people[2].phone" -> "My crisis plan, People I respond to best, number 3, Phone".
std::string describe_path(const Content& content, std::string_view path);

}  // namespace cpa::core
