// "Share with a carer": choose the parts (#/share), preview and confirm (#/share/preview), then
// the link, its QR code and the other ways to pass it on (#/share/link).  What each shows is
// core's (core/share/share.hpp); this file only draws it.
#include <algorithm>

#include "core/share/share.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

void draw_choose(Ui& ui) {
  const auto choices = core::share_choices(ui.text(), ui.state());
  ui.paragraph(ui.str("share.intro"));
  const bool any_content = std::any_of(choices.begin(), choices.end(), [](const auto& c) { return c.has_content; });
  if (!any_content) {
    ui.notice({}, ui.str("share.empty_plan"));
    if (ui.button(ui.str("share.empty_plan_button"), ButtonKind::primary, true))
      ui.go(core::Route{core::Screen::crisis_plan, {}});
    return;
  }
  ui.heading(ui.str("share.choose_heading"), 2);
  for (const auto& choice : choices) {
    const std::string& detail = choice.has_content ? choice.detail : ui.str("share.nothing_written");
    if (ui.checkbox(choice.label, detail, choice.chosen, choice.has_content))
      ui.emit(core::ShareTogglePart{choice.section_id});
    ui.gap(Space::small);
  }
  ui.gap(Space::item);
  const bool any_chosen = std::any_of(choices.begin(), choices.end(), [](const auto& c) { return c.chosen; });
  if (!any_chosen) {
    ui.paragraph(ui.str("share.none_chosen"), ui.theme().text, ui.fonts().bold);
    return;
  }
  if (ui.button(ui.str("share.preview_button"), ButtonKind::primary, true))
    ui.go(core::Route{core::Screen::share, "preview"});
}

void draw_preview(Ui& ui) {
  const auto view = core::shared_plan_view(ui.state(), core::plan_to_share(ui.state()));
  ui.paragraph(ui.str("share.preview_intro"));
  if (auto typed = ui.text_field("shared-by", ui.str("share.name_label"), ui.state().share.shared_by, InputKind::text,
                                 ui.str("share.name_hint")))
    ui.emit(core::ShareSetName{*typed});
  ui.gap(Space::item);
  // Exactly as the carer's screen draws it (its contacts are panels: panels do not nest).
  ImGui::PushID("preview");
  draw_shared_plan(ui, view, 2);
  ImGui::PopID();
  ui.heading(ui.str("share.lock_heading"), 2);
  ui.paragraph(ui.str("share.lock_text"));
  if (auto typed =
          ui.text_field("passphrase", ui.str("share.passphrase_label"), ui.state().share.passphrase, InputKind::text,
                        ui.str("share.passphrase_hint"), ui.said(ui.state().share.passphrase_error)))
    ui.emit(core::ShareSetPassphrase{*typed});
  ui.gap(Space::group);
  if (ui.button(ui.str("share.confirm_button"), ButtonKind::primary, true)) ui.emit(core::ShareConfirm{});
  if (ui.button(ui.str("share.change_button"), ButtonKind::secondary, true)) ui.emit(core::GoBack{});
}

void draw_link(Ui& ui) {
  const auto& share = ui.state().share;
  if (share.sealing || share.verifying) {
    ui.paragraph(ui.str(share.sealing ? "share.link.making" : "share.link.checking"), ui.theme().text, ui.fonts().bold);
  } else if (!share.link_error.empty()) {
    ui.notice({}, ui.said(share.link_error));
  } else if (!share.link.empty()) {
    ui.heading(ui.str("share.link.heading"), 2);
    ui.paragraph(ui.str("share.link.text"));
    if (share.locked) ui.notice({}, ui.str("share.link.locked_note"));
    ui.gap(Space::item);
    if (share.qr) {
      ui.qr_code(*share.qr, ui.theme().size.qr_max_em * ui.em(),
                 ui.text().format("share.qr_name", {{"link", share.link}}));
    } else {
      ui.paragraph(ui.str("share.link.too_long"));
    }
    ui.gap(Space::item);
    ui.paragraph(ui.str("share.link.label"), ui.theme().text_muted);
    ui.paragraph(share.link, ui.theme().text, ui.fonts().body);
    ui.gap(Space::item);
    if (share.web_share && ui.button(ui.str("share.system_button"), ButtonKind::primary, true))
      ui.emit(core::ShareSystemShare{});
    if (ui.button(ui.str("share.copy_button"), share.web_share ? ButtonKind::secondary : ButtonKind::primary, true))
      ui.emit(core::ShareCopyLink{});
    if (!share.copy_message.empty()) ui.paragraph(ui.said(share.copy_message), ui.theme().text, ui.fonts().bold);
  }
  ui.heading(ui.str("share.other_ways"), 2);
  if (ui.button(ui.str("share.print_button"), ButtonKind::secondary, true)) ui.emit(core::SharePrintCard{});
  if (ui.button(ui.str("share.file_button"), ButtonKind::secondary, true)) ui.emit(core::ShareSaveFile{});
}

}  // namespace

void draw_share(Ui& ui) {
  const std::string& step = ui.state().route().param;
  const std::string& title = step == "preview" ? ui.str("share.preview_heading") : ui.str("share.title");
  ui.set_title(title);
  ui.heading(title, 1);
  if (step == "preview") return draw_preview(ui);
  if (step == "link") return draw_link(ui);
  draw_choose(ui);
}

}  // namespace cpa::ui
