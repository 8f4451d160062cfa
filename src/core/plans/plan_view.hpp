#pragma once
// What the plan screens show, prepared in core: every label, value, message, link and count of
// a plan's overview, one section's form, the review nudge and the "Delete everything" summary.
// The screens (ui/screens/plan_form.cpp and the screen_*.cpp that use it) only draw these and hand back
// the actions they carry.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/plans/plans.hpp"

namespace cpa::core {

struct Content;

// One text box: a scalar field, or one sub-field of a list item.
struct BoxView {
  std::string id;                    // unique within its field or item: the field id, the sub-field id, or "value"
  FieldKind kind = FieldKind::text;  // decides the keyboard and the date picker
  std::string label;
  std::string value;    // shown while the box is not being edited: phones the UK way, dates as YYYY-MM-DD
  std::string prompt;   // "" for none
  std::string message;  // what is wrong with the value, in plain words ("" when nothing is)
  // The message shows while the person is still typing: no more typing could put it right (a
  // premium rate number).  Otherwise it waits until they leave the box ("0770" may be unfinished).
  bool message_now = false;
  bool label_shown = true;  // false: the screen's heading already says it (a section of one field)
  bool take_focus = false;  // the new item's first box, after "Add a person": the keyboard goes there
  // A contact's number when the contact's name is a national service's and the number is not
  // ("This is not the number for Samaritans ..."): not an error, the number is kept and saved.
  std::string warning;
  std::string call_label;  // a phone number written down is one tap from a call ("" when not a number)
  std::string call_href;
  // What typing into the box hands back: PlanEditField, or PlanEditItem for a list item.
  PlansAction edited(std::string typed) const;

  std::string field_id;              // the field, or the list
  std::optional<std::size_t> index;  // the item, for a list
  std::string sub_field;             // the item's sub-field ("" for a text list's item)
};

struct ButtonView {
  std::string label;  // on the button
  std::string name;   // for a screen reader, when it says more than the label
  PlansAction action;
};

struct ExamplesView {
  std::string heading;               // "Examples you can pick"; empty when the field has none
  std::vector<ButtonView> examples;  // those not written down already
};

struct ItemView {
  std::string label;       // "Warning sign 2"
  bool own_panel = false;  // an item of several boxes (a contact, a need) sits in its own panel
  std::vector<BoxView> boxes;
  ButtonView remove;
};

struct FieldView {
  std::string id;
  bool list = false;
  BoxView box;                    // a scalar field
  std::string label, prompt;      // a list's heading and prompt
  bool heading_shown = true;      // false in a section of one field: the screen's heading says it
  std::vector<ItemView> items;    // a list's items
  std::optional<ButtonView> add;  // a list not yet full
  ExamplesView examples;          // long text and text lists
};

struct SectionView {
  std::string id;
  std::string title;
  std::string prompt;
  std::vector<FieldView> fields;
};

struct SectionCard {
  std::string section_id;
  std::string title;
  std::string summary;  // "Not filled in yet", "3 things written"
};

struct PlanOverview {
  std::string title;
  std::string intro;
  std::vector<SectionCard> sections;
};

// What the person should know about saving: a notice (with a title, or none) when something is
// wrong, else one quiet line.
struct SaveStatus {
  bool notice = false;
  std::string title;
  std::string text;
};
SaveStatus save_status(const Content& content, const PlansState& plans);
// Where the plans say "saved on this device": whether this browser will keep them, as a
// strings key (a private window's sign, Safari's 7-day rule, persistent storage granted or not).
std::string_view storage_lasting_key(const PlansState& plans);
// On an iPhone browser (not opened from the Home Screen), once a plan has something in it: the
// card that explains how to add the app to the Home Screen, and why (issue 24, hazard H18).
bool home_screen_advice(const PlansState& plans);

// Plain words for how much of a section is filled in.
std::string section_summary(const Content& content, const Records& records, const SectionSpec& section);
PlanOverview plan_overview(const Content& content, const PlansState& plans, std::string_view plan_id);
SectionView section_view(const Content& content, const PlansState& plans, const SectionSpec& section);

// The review nudge on Home and on My care plan.
struct ReviewNudge {
  std::string text;
  bool offer_calendar = false;  // a next review date is set: "Add to my calendar"
};
// Shown when a review is overdue, due soon, or not set while the person keeps a care plan (a
// first visit is not nudged); never before the store is loaded or without today's date.
std::optional<ReviewNudge> review_nudge(const Content& content, const PlansState& plans);

}  // namespace cpa::core
