#pragma once
// A filled-in care plan and crisis plan for the records tests, as a person might write them.
#include <string>

#include "core/plans/records/records.hpp"

namespace cpa::test {

// When the samples were saved, as the store stamps it.
inline constexpr const char* kSavedAt = "2026-11-23T10:15:00Z";

inline core::Records sample_records() {
  core::Records r;
  core::set_field(r, "care_plan.coordinator.name", "Priya Shah");
  core::set_field(r, "care_plan.coordinator.role", "Community mental health nurse");
  core::set_field(r, "care_plan.coordinator.phone", "07700 900123");
  core::set_field(r, "care_plan.coordinator.email", "priya.shah@example.nhs.uk");
  core::set_field(r, "care_plan.coordinator.hours", "Monday to Friday, 9am to 5pm");
  core::set_field(r, "care_plan.team.name", "Riverside community mental health team");
  core::set_field(r, "care_plan.team.phone", "020 7946 0000");
  core::set_field(r, "care_plan.team.out_of_hours_phone", "0121 496 0000");
  core::set_field(r, "care_plan.gp.name", "Dr O'Neill");
  core::set_field(r, "care_plan.gp.practice", "Canal Street Surgery");
  core::set_field(r, "care_plan.gp.phone", "01632 960123");
  core::add_item(r, "care_plan.needs", "need", "Help with money");
  core::set_item(r, "care_plan.needs", 0, "support", "A support worker helps me with forms, every two weeks");
  core::add_item(r, "care_plan.goals", "", "Go back to college");
  core::set_field(r, "care_plan.last_review", "2026-05-20");
  core::set_field(r, "care_plan.next_review", "2026-12-01");
  core::add_item(r, "care_plan.review_questions", "", "Can we change my medicine?");
  core::add_item(r, "crisis_plan.warning_signs", "", "I stop sleeping well");
  core::add_item(r, "crisis_plan.warning_signs", "", "I stop answering my phone");
  core::add_item(r, "crisis_plan.self_help", "", "Walk the dog, even a short way");
  core::add_item(r, "crisis_plan.helped_before", "", "My sister staying with me");
  core::add_item(r, "crisis_plan.not_helped", "", "Being told to \"calm down\"");
  core::add_item(r, "crisis_plan.people", "name", "Asha");
  core::set_item(r, "crisis_plan.people", 0, "relationship", "My sister");
  core::set_item(r, "crisis_plan.people", 0, "phone", "07700 900456");
  core::set_item(r, "crisis_plan.people", 0, "when", "Any time; text first, then call");
  core::add_item(r, "crisis_plan.in_hours", "name", "Priya (care co-ordinator)");
  core::set_item(r, "crisis_plan.in_hours", 0, "phone", "07700 900123");
  core::add_item(r, "crisis_plan.out_of_hours", "name", "Crisis team");
  core::set_item(r, "crisis_plan.out_of_hours", 0, "phone", "0800 123 4567");
  core::add_item(r, "crisis_plan.out_of_hours", "name", "Samaritans");
  core::set_item(r, "crisis_plan.out_of_hours", 1, "phone", "116 123");
  core::set_field(r, "crisis_plan.service_response", "Please speak to me calmly.\nTell me what is happening.");
  core::add_item(r, "crisis_plan.treatment_preferences", "", "Care at home if I can");
  core::add_item(r, "crisis_plan.treatment_refusals", "", "Haloperidol: it made me feel worse");
  core::set_field(r, "crisis_plan.practical.children", "");
  core::set_field(r, "crisis_plan.practical.pets", "My neighbour Tom has a key and can feed Biscuit, the dog.");
  core::set_field(r, "crisis_plan.practical.home", "Cymraeg: Diolch yn fawr \xE2\x80\x94 caf\xC3\xA9 \xF0\x9F\x8C\xBB");
  return r;
}

// The longest phone number a plan stores: +44 and ten digits, as the store keeps it.  Ofcom's
// range for drama (07700 900000 to 900999) reaches no one; n picks the last three digits.
inline std::string largest_phone(std::size_t n) { return "+447700900" + std::to_string(1000 + n % 1000).substr(1); }

// The fullest plans the app accepts: every list full, every text at its limit, every character
// one that JSON must escape, every phone number at its longest (each contact's its own: the
// browser tests look for the first one).  Also written out by tests/e2e/largest_plan.cpp for the
// browser.
inline core::Records largest_records() {
  core::Records records;
  std::size_t phones = 0;
  for (const auto& section : core::plan_sections()) {
    for (const auto& field : section.fields) {
      if (!core::is_list(field.kind)) {
        if (field.kind == core::FieldKind::text || field.kind == core::FieldKind::long_text)
          core::set_field(records, field.id, std::string(field.max_bytes, '"'));
        if (field.kind == core::FieldKind::phone) core::set_field(records, field.id, largest_phone(phones++));
        continue;
      }
      for (std::size_t i = 0; i < core::kMaxListItems; ++i) {
        core::add_item(records, field.id);
        for (const auto& sub : core::item_fields(field.kind))
          core::set_item(
              records, field.id, i, sub.id,
              sub.kind == core::FieldKind::phone ? largest_phone(phones++) : std::string(sub.max_bytes, '\\'));
      }
    }
  }
  return records;
}

}  // namespace cpa::test
