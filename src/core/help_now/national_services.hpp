#pragma once
// The national services people write in their own contacts ("Samaritans", "Sams", "NHS 111"),
// so a contact named like one whose number is not that service's gets a warning with the checked
// number, wherever it shows: the plan forms, Help now, the shared plan and its card.  Hazard log H13.
//
// The numbers are in one place for every locale: content/common/numbers.json names, for each
// service, the crisis lines it is (crisis_lines.json, by id) or, for a service that is not a
// crisis line, its own number with a source.  The names people write are words, so each locale
// has its own content/<locale>/service_names.json.  numbers.json also lists the number rules the
// phone parser holds (core/plans/plan_phone.cpp) with the sources their messages rest on.
#include <string>
#include <string_view>
#include <vector>

#include "core/support/json_fields.hpp"

namespace cpa::core {

struct Content;

struct NationalService {
  // ---- numbers.json ----
  std::string id;
  std::vector<std::string> line_ids;    // crisis lines whose numbers are this service's
  std::string number;                   // its own number, when it is not a crisis line ("0800 1111")
  std::vector<std::string> source_ids;  // for its own number
  std::string checked;
  // ---- service_names.json (this locale's words) ----
  std::string name;  // what a warning calls it: "Samaritans"
  // Each name as its words (see name_words): found anywhere in a contact's name, or only as the
  // whole name ("Sams" is Samaritans, "Sam's mum" is not), or a phrase that makes it another
  // line of the same service ("Samaritans Welsh line").
  std::vector<std::vector<std::string>> names, whole_names, except;
};

// A rule of the phone parser, with the sources its message rests on.
struct RefusedNumberRule {
  std::string message_key;  // "plans.error.phone_premium"
  std::string example;      // a number the rule refuses: a test pins the parser to it
  std::vector<std::string> source_ids;
};

// ---- loading (core/content/content.cpp calls these) ----
void load_numbers(const Fields& fields, Content& content);
void load_service_names(const Fields& fields, Content& content);
// Once every file is read: each service has its names and real lines, each number parses, each
// source and message exists.  A problem names the file and field.
void check_national_services(const Content& content, std::vector<ContentProblem>& problems);
// Every source id the two files cite, for "every source is cited".
std::vector<std::string> national_services_source_ids(const Content& content);

// A name's words for matching: lower case, split at spaces and punctuation and between letters
// and digits ("NHS111" is "nhs" "111"); invisible characters (zero-width spaces, direction
// marks) are dropped first, so they cannot hide a name.
std::vector<std::string> name_words(std::string_view text);

// The numbers a service can be reached on, stored the parser's way ("116123", "+448001111").
std::vector<std::string> service_numbers(const Content& content, const NationalService& service);
// The service's checked number as people write it ("116 123").
std::string service_number_shown(const Content& content, const NationalService& service);

// What to tell a person about one of their own contacts.
struct ContactWarning {
  std::string text;        // "" when there is nothing to say
  std::string service_id;  // the national service the name matched, if that is the reason
  std::string number;      // that service's checked number ("116 123")
  bool shown() const { return !text.empty(); }
};
// The name matches a national service but the number is not one of that service's (a number
// through text relay counts as the number it reaches).  Nothing when the number is blank.
ContactWarning national_service_warning(const Content& content, std::string_view name, std::string_view phone);
// The same, or else why a stored number is not linked (premium rate, Samaritans' old number ...):
// for Help now and the shared plan, where the plan form's message next to the box is not shown.
ContactWarning contact_warning(const Content& content, std::string_view name, std::string_view phone);

}  // namespace cpa::core
