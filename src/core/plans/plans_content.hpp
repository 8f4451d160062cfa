#pragma once
// The words for the plan forms, from content/en-GB/plans.json: a label and a prompt (for when
// someone is stuck) for every section, field and list-item sub-field of the schema in
// records.hpp, and examples to pick from.  The loader checks the file against the schema, so a
// form can never show a field without words, and a typo in a field id is caught at build time.
//
// plans.json:
//   { "checked": "2026-11-23", "sources": [...],
//     "plans":    { "care_plan": {"title", "intro"}, "crisis_plan": {...} },
//     "sections": { "<section id>": {"title", "prompt"} },
//     "fields":   { "<field id>": {"label", "prompt", "examples": [...], "add": "Add a goal"} },
//     "items":    { "contact.name": {"label", "prompt", "examples"?}, "need.support": {...} } }
// "examples" is required for lists and long text (picking one adds it), optional elsewhere;
// "add" (the add-button words) is required for lists.
#include <map>
#include <string>
#include <vector>

#include "core/support/json_fields.hpp"

namespace cpa::core {

struct PlanText {
  std::string title;
  std::string intro;
};

struct SectionText {
  std::string title;
  std::string prompt;
};

struct FieldText {
  std::string label;
  std::string prompt;                 // a short question or nudge for when someone is stuck
  std::vector<std::string> examples;  // to pick from: AddItem / EditField with the example's text
  std::string add;                    // lists: the add-button words ("Add a warning sign")
};

struct PlansContent {
  std::string checked;
  std::vector<std::string> source_ids;
  std::map<std::string, PlanText> plans;        // "care_plan", "crisis_plan"
  std::map<std::string, SectionText> sections;  // by section id
  std::map<std::string, FieldText> fields;      // by field id
  std::map<std::string, FieldText> items;       // "contact.phone", "need.support", ...

  const FieldText* field(const std::string& id) const;
  const FieldText* item(const std::string& id) const;
};

// Reads plans.json into `out`, recording every problem (a missing label or prompt names its
// field; an id the schema does not know is reported).  Sources are read by the caller.
void load_plans_content(const Fields& file, PlansContent& out);

// The key an item sub-field has in "items": ("contact_list", "phone") -> "contact.phone".
std::string item_text_key(std::string_view list_id, std::string_view sub_field);

}  // namespace cpa::core
