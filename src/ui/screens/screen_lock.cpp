// The passphrase lock: #/lock to set, change or remove it and to lock now, and the unlock panel
// that screens with the person's plans show while it is locked.
#include <string>

#include "core/lock/plans_lock.hpp"
#include "core/state.hpp"
#include "core/lock/store_lock.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

// The passphrase the person has (unlock, current) or the one being set (new, repeat): a
// password manager may fill the first and offer to save the second.
void passphrase_box(Ui& ui, const char* id, const std::string& label, const std::string& value, core::LockField field,
                    std::string_view hint = {}) {
  const bool fresh = field == core::LockField::fresh || field == core::LockField::repeat;
  if (auto typed = ui.text_field(id, label, value, fresh ? InputKind::new_password : InputKind::password, hint))
    ui.emit(core::LockType{field, *typed});
}

void messages(Ui& ui, const core::LockState& lock) {
  if (!lock.error.empty()) ui.notice({}, ui.said(lock.error));
  if (!lock.notice.empty()) ui.paragraph(ui.said(lock.notice), ui.theme().text, ui.fonts().bold);
  if (lock.busy) ui.paragraph(ui.str("plans.lock.busy"), ui.theme().text_muted);
}

void minutes_choice(Ui& ui, const core::LockState& lock) {
  ui.heading(ui.str("plans.lock.after_heading"), 2);
  ImGui::PushID("after");
  ui.begin_group(Role::radio_group, ui.str("plans.lock.after_heading"), "choices");
  for (const int minutes : core::kLockAfterChoices) {
    ImGui::PushID(minutes);
    if (ui.answer_button(ui.text().plural("plans.lock.minutes", minutes, {{"minutes", std::to_string(minutes)}}),
                         lock.chosen_minutes == minutes))
      ui.emit(core::LockChooseMinutes{minutes});
    ImGui::PopID();
  }
  ui.end_group();
  ImGui::PopID();
  ui.paragraph(ui.str("plans.lock.hidden_note"), ui.theme().text_muted);
}

}  // namespace

void draw_unlock_panel(Ui& ui, std::string_view heading, int level) {
  const auto& lock = ui.state().plans.lock;
  ui.heading(heading, level);
  ui.paragraph(ui.str("plans.lock.locked_text"));
  messages(ui, lock);
  ImGui::PushID("unlock");
  // A form: Enter in the box unlocks, and a password manager can fill it.
  ui.begin_group(Role::form, {}, "unlock-form");
  passphrase_box(ui, "unlock-passphrase", ui.str("plans.lock.unlock_label"), lock.unlock_typed,
                 core::LockField::unlock);
  if (ui.button(ui.str("plans.lock.unlock_button"), ButtonKind::primary, true)) ui.emit(core::LockUnlock{});
  ui.mark_submit();
  ui.end_group();
  ImGui::PopID();
}

void draw_unlock(Ui& ui) {
  ui.set_title(ui.str("plans.lock.locked_title"));
  draw_unlock_panel(ui, ui.str("plans.lock.locked_title"), 1);
  ui.gap(Space::large);
  ui.heading(ui.str("plans.lock.forgotten"), 2);
  ui.paragraph(ui.str("plans.lock.forgotten_text"));
  if (ui.button(ui.str("data.delete"), ButtonKind::secondary, true))
    ui.go(core::Route{core::Screen::delete_everything, {}});
}

void draw_lock(Ui& ui) {
  const auto& plans = ui.state().plans;
  const auto& lock = plans.lock;
  ui.set_title(ui.str("plans.lock.title"));
  ui.heading(ui.str("plans.lock.title"), 1);
  ui.paragraph(ui.str("plans.lock.intro"));
  if (plans.store == core::StoreStatus::memory_only || plans.store == core::StoreStatus::damaged ||
      plans.store == core::StoreStatus::newer_version || plans.store == core::StoreStatus::not_loaded) {
    ui.notice({}, ui.said(plans.store_message));
    return;
  }
  if (lock.on && ui.button(ui.str("plans.lock.lock_now"), ButtonKind::primary, true)) ui.emit(core::LockNow{});

  ui.notice({}, ui.str("plans.lock.forget_warning"));
  ImGui::PushID("set");
  // A form: the new passphrase is marked as new, so a password manager may offer to save it,
  // and Enter in any of its boxes sets it.
  ui.begin_group(Role::form, {}, "set-form");
  if (lock.on)
    passphrase_box(ui, "current-passphrase", ui.str("plans.lock.current_label"), lock.current_typed,
                   core::LockField::current);
  passphrase_box(ui, "new-passphrase", ui.str("plans.lock.new_label"), lock.new_typed, core::LockField::fresh,
                 lock.on ? ui.str("plans.lock.keep_hint") : ui.str("plans.lock.new_hint"));
  passphrase_box(ui, "repeat-passphrase", ui.str("plans.lock.repeat_label"), lock.repeat_typed,
                 core::LockField::repeat);
  minutes_choice(ui, lock);
  ui.gap(Space::item);
  messages(ui, lock);  // beside the button the person just tapped
  // One id whatever its label says ("Set passphrase", then "Change passphrase"): the mirror keeps
  // the element, so keyboard and screen-reader focus stay on it when the label changes.
  if (ui.button(ui.str(lock.on ? "plans.lock.change_button" : "plans.lock.set_button"), ButtonKind::primary, true,
                "set-or-change"))
    ui.emit(core::LockSet{});
  ui.mark_submit();
  ui.end_group();
  ImGui::PopID();

  if (lock.on) {
    ui.gap(Space::large);
    ui.heading(ui.str("plans.lock.remove_heading"), 2);
    ui.paragraph(ui.str("plans.lock.remove_text"));
    if (ui.button(ui.str("plans.lock.remove_button"), ButtonKind::secondary, true)) ui.emit(core::LockRemove{});
  }
}

}  // namespace cpa::ui
