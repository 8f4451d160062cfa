#include "core/plans/plan_view.hpp"

#include "core/content/content.hpp"
#include "core/help_now/national_services.hpp"
#include "core/plans/plan_reviews.hpp"
#include "core/plans/plans_content.hpp"

namespace cpa::core {
namespace {

// A date box holds YYYY-MM-DD (what the browser's date picker gives); other kinds show the
// stored value the UK way (phones "07700 900123").
std::string box_value(FieldKind kind, const std::string& stored) {
  return kind == FieldKind::date ? stored : display_value(kind, stored);
}

// The box's message, and whether it shows while the person is still typing.
void message_at(const Content& content, const PlansState& plans, const std::string& path, BoxView& box) {
  const auto it = plans.messages.find(path);
  box.message = it == plans.messages.end() ? std::string() : render(content, it->second);
  box.message_now = !box.message.empty() && plans.messages_while_typing.contains(path);
  box.take_focus = !plans.focus_box.empty() && plans.focus_box == path;
}

ExamplesView examples(const Content& content, const Records& records, const FieldText& words, const FieldSpec& field) {
  ExamplesView out;
  if (words.examples.empty()) return out;
  out.heading = content.str("plans.ui.examples");
  const std::string id(field.id);
  for (const auto& example : words.examples) {
    // An example already written down is not offered again.
    bool used = false;
    if (is_list(field.kind)) {
      for (std::size_t i = 0; i < list_size(records, field.id); ++i)
        used = used || item_text(records, field.id, i, "") == example;
    } else {
      used = field_text(records, field.id).find(example) != std::string::npos;
    }
    if (used) continue;
    ButtonView button{example, content.format("plans.ui.use_example", {{"example", example}}), PlansAction{}};
    if (is_list(field.kind)) {
      button.action = PlanAddItem{id, "", example};
    } else {
      const std::string& now = field_text(records, field.id);
      button.action = PlanEditField{id, now.empty() ? example : now + "\n" + example};
    }
    out.examples.push_back(std::move(button));
  }
  return out;
}

FieldView scalar_field(const Content& content, const PlansState& plans, const FieldSpec& field) {
  const FieldText* words = content.plans.field(std::string(field.id));
  FieldView out;
  out.id = field.id;
  BoxView& box = out.box;
  box.id = field.id;
  box.kind = field.kind;
  box.label = words ? words->label : std::string(field.id);
  box.value = box_value(field.kind, field_text(plans.records, field.id));
  box.prompt = words ? words->prompt : std::string();
  message_at(content, plans, value_path(field.id), box);
  box.field_id = field.id;
  if (words && field.kind == FieldKind::long_text) out.examples = examples(content, plans.records, *words, field);
  return out;
}

ItemView list_item(const Content& content, const PlansState& plans, const FieldSpec& field, std::string item_label,
                   std::size_t index) {
  const auto subs = item_fields(field.kind);
  const bool single = subs.size() == 1;
  ItemView out;
  out.own_panel = !single;
  for (const auto& sub : subs) {
    const FieldText* words = content.plans.item(std::string(sub.words));
    const std::string& stored = item_text(plans.records, field.id, index, sub.id);
    BoxView box;
    box.id = sub.id.empty() ? "value" : std::string(sub.id);
    box.kind = sub.kind;
    box.label = single ? item_label : (words ? words->label : std::string(sub.id));
    box.value = box_value(sub.kind, stored);
    box.prompt = single || !words ? std::string() : words->prompt;
    message_at(content, plans, value_path(field.id, index, sub.id), box);
    box.field_id = field.id;
    box.index = index;
    box.sub_field = sub.id;
    if (sub.kind == FieldKind::phone) {
      box.call_href = value_href(sub.kind, stored);
      if (!box.call_href.empty())
        box.call_label = content.format("plans.ui.call", {{"number", display_value(sub.kind, stored)}});
      if (field.kind == FieldKind::contact_list)
        box.warning = national_service_warning(content, item_text(plans.records, field.id, index, "name"), stored).text;
    }
    out.boxes.push_back(std::move(box));
  }
  out.remove = {content.str("plans.ui.remove"), content.format("plans.ui.remove_named", {{"item", item_label}}),
                PlanRemoveItem{std::string(field.id), index}};
  out.label = std::move(item_label);
  return out;
}

FieldView list_field(const Content& content, const PlansState& plans, const FieldSpec& field) {
  const FieldText* words = content.plans.field(std::string(field.id));
  FieldView out;
  out.id = field.id;
  out.list = true;
  out.label = words ? words->label : std::string(field.id);
  out.prompt = words ? words->prompt : std::string();
  const std::size_t count = list_size(plans.records, field.id);
  for (std::size_t i = 0; i < count; ++i) {
    auto label = content.format("plans.ui.item_label", {{"label", out.label}, {"n", std::to_string(i + 1)}});
    out.items.push_back(list_item(content, plans, field, std::move(label), i));
  }
  if (count < kMaxListItems) {
    const std::string add = words && !words->add.empty() ? words->add : content.str("plans.ui.add");
    out.add = ButtonView{"+ " + add, add, PlanAddItem{std::string(field.id), "", ""}};
  }
  if (words && field.kind == FieldKind::text_list) out.examples = examples(content, plans.records, *words, field);
  return out;
}

std::string section_title(const Content& content, std::string_view section_id) {
  const auto it = content.plans.sections.find(std::string(section_id));
  return it == content.plans.sections.end() ? std::string(section_id) : it->second.title;
}

}  // namespace

PlansAction BoxView::edited(std::string typed) const {
  if (index) return PlanEditItem{field_id, *index, sub_field, std::move(typed)};
  return PlanEditField{field_id, std::move(typed)};
}

SaveStatus save_status(const Content& content, const PlansState& plans) {
  if (!plans.save_error.empty())
    return {true, content.str("plans.ui.not_saved_title"), render(content, plans.save_error)};
  if (!plans.store_message.empty()) return {true, {}, render(content, plans.store_message)};
  if (!plans.other_tab_notice.empty()) return {false, {}, render(content, plans.other_tab_notice)};
  const std::string_view key = storage_lasting_key(plans);
  return {key == "plans.store.lasting.private", {}, content.str(std::string(key))};
}

std::string_view storage_lasting_key(const PlansState& plans) {
  if (!plans.durability_known) return "plans.ui.saved_as_you_go";
  const auto& d = plans.durability;
  if (d.no_service_worker) return "plans.store.lasting.private";
  if (d.iphone && !d.home_screen) return "plans.store.lasting.iphone";
  return d.persisted ? "plans.store.lasting.kept" : "plans.store.lasting.may_clear";
}

bool home_screen_advice(const PlansState& plans) {
  const auto& d = plans.durability;
  return plans.durability_known && d.iphone && !d.home_screen && !plans.records.empty() &&
         (plans.store == StoreStatus::ok || plans.store == StoreStatus::fresh);
}

std::string section_summary(const Content& content, const Records& records, const SectionSpec& section) {
  const std::size_t filled = things_written(records, section);
  if (filled == 0) return content.str("plans.ui.empty_section");
  return content.plural("plans.ui.filled", static_cast<long>(filled), {{"n", std::to_string(filled)}});
}

PlanOverview plan_overview(const Content& content, const PlansState& plans, std::string_view plan_id) {
  PlanOverview out;
  const auto it = content.plans.plans.find(std::string(plan_id));
  out.title = it != content.plans.plans.end() ? it->second.title : std::string(plan_id);
  if (it != content.plans.plans.end()) out.intro = it->second.intro;
  for (const auto& section : plan_sections()) {
    if (section.plan != plan_id) continue;
    out.sections.push_back({std::string(section.id), section_title(content, section.id),
                            section_summary(content, plans.records, section)});
  }
  return out;
}

SectionView section_view(const Content& content, const PlansState& plans, const SectionSpec& section) {
  SectionView out;
  out.id = section.id;
  out.title = section_title(content, section.id);
  const auto it = content.plans.sections.find(out.id);
  if (it != content.plans.sections.end()) out.prompt = it->second.prompt;
  for (const auto& field : section.fields)
    out.fields.push_back(is_list(field.kind) ? list_field(content, plans, field) : scalar_field(content, plans, field));
  // One field: the screen's heading names it already ("My goals" under "My goals"), so it is not
  // drawn again; a box keeps its label as its name.
  if (out.fields.size() == 1) {
    out.fields.front().heading_shown = false;
    out.fields.front().box.label_shown = false;
  }
  return out;
}

std::optional<ReviewNudge> review_nudge(const Content& content, const PlansState& plans) {
  const auto today = parse_iso_date(plans.today);
  if (!today || plans.store == StoreStatus::not_loaded) return std::nullopt;
  const auto reminder = review_reminder(plans.records.care_plan, *today);
  if (!reminder.show_banner()) return std::nullopt;
  // The nudge to set a review date is for someone keeping a care plan, not a first visit.
  const bool not_set = reminder.kind == ReviewReminder::Kind::not_set;
  if (not_set && plans.records.care_plan == CarePlan{}) return std::nullopt;
  return ReviewNudge{review_banner_text(content, reminder), !not_set};
}

}  // namespace cpa::core
