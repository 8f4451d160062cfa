#include "core/plans/plans_content.hpp"

#include <set>

#include "core/plans/records/records.hpp"

namespace cpa::core {
namespace {

bool needs_examples(FieldKind kind) { return is_list(kind) || kind == FieldKind::long_text; }

FieldText read_field_text(const Fields& f, bool examples_required, bool add_required) {
  FieldText text;
  text.label = f.text("label");
  text.prompt = f.text("prompt");
  text.examples = f.text_list("examples", examples_required);
  if (examples_required && f.has("examples") && text.examples.size() < 2)
    f.problem("examples", "needs at least two examples to pick from");
  text.add = add_required ? f.text("add") : f.optional_text("add");
  return text;
}

void read_plans(const Fields& f, PlansContent& out) {
  const Fields group = f.child(f.object("plans"), "plans");
  for (const auto plan_id : plan_ids()) {
    const std::string plan(plan_id);
    const auto plan_fields = group.child(group.object(plan.c_str()), plan);
    out.plans[plan] = PlanText{plan_fields.text("title"), plan_fields.text("intro")};
  }
}

void read_sections(const Fields& f, PlansContent& out) {
  const auto& sections = f.object("sections");
  std::set<std::string> known;
  const Fields group = f.child(sections, "sections");
  group.other_keys_checked_here();
  for (const auto& section : plan_sections()) {
    const std::string id(section.id);
    known.insert(id);
    if (!group.has(id.c_str())) {
      group.problem(id, "missing: every section needs a title and a prompt");
      continue;
    }
    const auto s = group.child(group.object(id.c_str()), id);
    out.sections[id] = SectionText{s.text("title"), s.text("prompt")};
  }
  for (auto it = sections.begin(); it != sections.end(); ++it)
    if (!known.contains(it.key())) f.problem("sections." + it.key(), "is not a section of the plans (see records.cpp)");
}

void read_fields(const Fields& f, PlansContent& out) {
  const auto& fields = f.object("fields");
  const Fields group = f.child(fields, "fields");
  group.other_keys_checked_here();
  std::set<std::string> known;
  for (const auto& section : plan_sections()) {
    for (const auto& field : section.fields) {
      const std::string id(field.id);
      known.insert(id);
      if (!group.has(id.c_str())) {
        group.problem(id, "missing: every field needs a label and a prompt");
        continue;
      }
      out.fields[id] =
          read_field_text(group.child(group.object(id.c_str()), id), needs_examples(field.kind), is_list(field.kind));
    }
  }
  for (auto it = fields.begin(); it != fields.end(); ++it)
    if (!known.contains(it.key())) f.problem("fields." + it.key(), "is not a field of the plans (see records.cpp)");
}

void read_items(const Fields& f, PlansContent& out) {
  const auto& items = f.object("items");
  const Fields group = f.child(items, "items");
  group.other_keys_checked_here();
  std::set<std::string> known;
  for (const auto& section : plan_sections()) {
    for (const auto& field : section.fields) {
      for (const auto& sub : item_fields(field.kind)) {
        const std::string id(sub.words);
        if (id.empty() || !known.insert(id).second) continue;  // a text item; or read already
        if (!group.has(id.c_str())) {
          group.problem(id, "missing: every part of a contact or need needs a label and a prompt");
          continue;
        }
        out.items[id] = read_field_text(group.child(group.object(id.c_str()), id), false, false);
      }
    }
  }
  for (auto it = items.begin(); it != items.end(); ++it)
    if (!known.contains(it.key())) f.problem("items." + it.key(), "is not a part of a contact or a need");
}

}  // namespace

const FieldText* PlansContent::field(const std::string& id) const {
  const auto it = fields.find(id);
  return it == fields.end() ? nullptr : &it->second;
}

const FieldText* PlansContent::item(const std::string& id) const {
  const auto it = items.find(id);
  return it == items.end() ? nullptr : &it->second;
}

std::string item_text_key(std::string_view list_id, std::string_view sub_field) {
  const FieldSpec* spec = find_field(list_id);
  const SubFieldSpec* sub = spec ? find_item_field(spec->kind, sub_field) : nullptr;
  return sub ? std::string(sub->words) : std::string();
}

void load_plans_content(const Fields& file, PlansContent& out) {
  out.checked = file.date("checked");
  out.source_ids = file.text_list("sources");
  read_plans(file, out);
  read_sections(file, out);
  read_fields(file, out);
  read_items(file, out);
}

}  // namespace cpa::core
