// A crisis plan shared with this device (#/shared): read-only, with call links; or why it
// cannot be shown.  Nothing from a damaged or locked link is drawn.
#include "core/share/share.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

void draw_locked(Ui& ui, bool wrong) {
  const auto& share = ui.state().share;
  ui.heading(ui.str("share.open.locked_heading"), 1);
  if (wrong) ui.notice({}, ui.str("share.open.wrong_passphrase"));
  ui.paragraph(ui.str("share.open.locked_text"));
  if (auto typed = ui.text_field("carer-passphrase", ui.str("share.passphrase_label"), share.incoming_passphrase))
    ui.emit(core::ShareSetIncomingPassphrase{*typed});
  ui.gap(Space::item);
  if (ui.button(ui.str("share.open.unlock_button"), ButtonKind::primary, true)) ui.emit(core::ShareUnlock{});
}

void draw_plan(Ui& ui, const core::SharedPlan& plan, bool kept) {
  const auto& share = ui.state().share;
  draw_shared_plan(ui, core::shared_plan_view(ui.state(), plan), 1);
  ui.paragraph(ui.str("share.view.read_only"), ui.theme().text_muted);
  if (ui.state().kiosk.active) {  // a shared screen keeps nothing: the carer's own phone can
    ui.paragraph(ui.str("kiosk.shared.not_kept"));
    return;
  }
  ui.heading(ui.str("share.keep.heading"), 2);
  if (kept) {
    ui.paragraph(share.kept_message.empty() ? ui.str("share.keep.kept") : ui.said(share.kept_message), ui.theme().text,
                 ui.fonts().bold);
    if (ui.button(ui.str("share.keep.delete_button"), ButtonKind::secondary, true)) ui.emit(core::ShareDeleteCopy{});
    return;
  }
  ui.paragraph(ui.str("share.keep.text"));
  if (!share.kept_message.empty()) ui.paragraph(ui.said(share.kept_message), ui.theme().text, ui.fonts().bold);
  if (ui.button(ui.str("share.keep.button"), ButtonKind::primary, true)) ui.emit(core::ShareKeepCopy{});
}

}  // namespace

void draw_shared(Ui& ui) {
  const auto& share = ui.state().share;
  ui.set_title(ui.str("share.view.title"));
  using core::IncomingStatus;
  switch (share.incoming) {
    case IncomingStatus::damaged:
      ui.heading(ui.str("share.view.title"), 1);
      ui.notice(ui.str("share.open.damaged_title"), ui.str("share.open.damaged"));
      return;
    case IncomingStatus::too_large:
      ui.heading(ui.str("share.view.title"), 1);
      ui.notice(ui.str("share.open.too_large_title"), core::share_too_large_text(ui.text()));
      return;
    case IncomingStatus::newer_version:
      ui.heading(ui.str("share.view.title"), 1);
      ui.notice(ui.str("share.open.newer_title"), ui.str("share.open.newer"));
      return;
    case IncomingStatus::needs_passphrase: return draw_locked(ui, false);
    case IncomingStatus::wrong_passphrase: return draw_locked(ui, true);
    case IncomingStatus::opening:
      ui.heading(ui.str("share.view.title"), 1);
      ui.paragraph(ui.str("share.open.opening"), ui.theme().text, ui.fonts().bold);
      return;
    case IncomingStatus::ready:
      if (share.received) return draw_plan(ui, *share.received, share.kept && *share.kept == *share.received);
      break;
    case IncomingStatus::none: break;
  }
  if (share.kept) return draw_plan(ui, *share.kept, true);
  ui.heading(ui.str("share.view.title"), 1);
  ui.paragraph(ui.str("share.open.nothing"));
}

}  // namespace cpa::ui
