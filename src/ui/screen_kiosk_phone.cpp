// "Continue on your phone": the kiosk keeps nothing, so the way to keep your own plans is the
// app on your own phone.  The address is the deployment's (kiosk.public_address).
#include "ui/screens.hpp"

namespace cpa::ui {
namespace {

// QR CODE PLACE: at merge, the share feature's QR widget draws `address` here (large enough
// for a phone camera at arm's length).  Until then the address written out above is the way.
void draw_public_address_qr(Ui&, const std::string& /*address*/) {}

}  // namespace

void draw_continue_on_phone(Ui& ui) {
  const std::string& address = ui.text().deployment.kiosk.public_address;
  if (ui.state().route().screen == core::Screen::continue_on_phone) ui.set_title(ui.str("kiosk.phone.title"));
  ImGui::PushID("continue-on-phone");
  ui.heading(ui.str("kiosk.phone.title"), ui.state().kiosk.attract ? 2 : 1);
  if (address.empty()) {
    ui.paragraph(ui.str("kiosk.phone.no_address"));
  } else {
    ui.paragraph(ui.str("kiosk.phone.intro"));
    ui.gap(Space::small);
    ui.paragraph(address, ui.theme().heading, ui.fonts().h1);
    ui.gap(Space::item);
    draw_public_address_qr(ui, address);
  }
  ImGui::PopID();
}

// A kiosk has no phone line: each number is written out large, to copy into your own phone.
void draw_kiosk_phone_number(Ui& ui, std::string_view instruction, std::string_view number) {
  ui.paragraph(instruction, ui.theme().text_muted);
  ui.paragraph(number, ui.theme().heading, ui.fonts().h1);
}

}  // namespace cpa::ui
