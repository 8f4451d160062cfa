// "Continue on your phone": the kiosk keeps nothing, so the way to keep your own plans is the
// app on your own phone.  The address is the deployment's (kiosk.public_address).
#include <optional>
#include <string>

#include "core/share/qr.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

// The address as a QR code, large enough for a phone camera at arm's length.  Encoded once per
// address, not every frame.
void draw_public_address_qr(Ui& ui, const std::string& address) {
  static std::string encoded_for;
  static std::optional<core::QrMatrix> qr;
  if (address != encoded_for) {
    encoded_for = address;
    qr = core::make_qr(address);
  }
  if (!qr) return;  // an address too long for any QR code: the written address is shown above
  ui.qr_code(*qr, ui.theme().size.qr_max_em * ui.em(), ui.text().format("kiosk.phone.qr_name", {{"address", address}}));
}

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
