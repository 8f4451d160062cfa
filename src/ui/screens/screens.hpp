#pragma once
// One function a screen; app_frame.cpp maps each core::Screen to its function.
#include <string_view>
#include <vector>

#include "core/content/content.hpp"
#include "core/help_now/access_routes.hpp"
#include "core/help_now/crisis_view.hpp"
#include "ui/widgets/ui.hpp"

namespace cpa::ui {

// The whole frame: top bar with "Help now", Back, and the current screen in a scrolling column.
void draw_app(Ui& ui, float width, float height);

void draw_home(Ui& ui);
void draw_help_now(Ui& ui);
void draw_about(Ui& ui);
void draw_not_built(Ui& ui);
void draw_care_plan(Ui& ui);
void draw_crisis_plan(Ui& ui);
void draw_plan_section_screen(Ui& ui);
void draw_review_banner(Ui& ui, bool on_home);  // ui/screens/plan_form.cpp: on Home and My care plan
void draw_data(Ui& ui);
// ui/screens/store_notices.cpp: Delete everything's outcome, copies kept aside, the iPhone Home Screen card.
void draw_delete_outcome(Ui& ui);
void draw_set_aside(Ui& ui);
void draw_home_screen_card(Ui& ui);
void draw_delete_everything(Ui& ui);
void draw_start_again(Ui& ui);
void draw_eligibility(Ui& ui);  // #/eligibility/<step>: "Could I get CPA support?"
void draw_learn(Ui& ui);        // #/learn/<page>: "Understand your care"
void draw_display(Ui& ui);      // #/display: text size, colours, motion, font
// Kiosk mode (ui/screen_kiosk_*.cpp): draws the attract screen or "Are you still there?" when
// one covers the screen, and says so; #/continue-on-phone; Help now's numbers written large.
bool draw_kiosk_cover(Ui& ui);
void draw_continue_on_phone(Ui& ui);
void draw_kiosk_phone_number(Ui& ui, std::string_view instruction, std::string_view number);
void draw_share(Ui& ui);   // #/share/<step>: "Share with a carer"
void draw_shared(Ui& ui);  // #/shared: a crisis plan shared with this device (read-only)
// The passphrase lock (ui/screens/screen_lock.cpp): #/lock, and the unlock panel every screen showing the
// person's plans draws while locked (which screens those are is core's: core::shows_unlock).
void draw_lock(Ui& ui);
void draw_unlock(Ui& ui);
void draw_unlock_panel(Ui& ui, std::string_view heading, int level);

// Shared pieces.
// One crisis line (ui/screens/crisis_line_widget.cpp): its name as a heading of this level (0: a bold line),
// who it is for, hours, and its call link, or on a kiosk its number written large to copy.
void draw_crisis_line(Ui& ui, const core::CrisisLineView& line, int level);
// The panel for people who are deaf or cannot speak on the phone (core/help_now/access_routes.hpp): its
// heading at this level, then each route as draw_crisis_line draws a line.
void draw_access_panel(Ui& ui, const core::AccessPanelView& panel, int level);
void draw_page_blocks(Ui& ui, const core::Page& page);
void draw_sources(Ui& ui, const std::vector<core::Source>& sources);
void draw_shared_plan(Ui& ui, const core::SharedPlanView& view, int level);  // screen_share_view.cpp

}  // namespace cpa::ui
