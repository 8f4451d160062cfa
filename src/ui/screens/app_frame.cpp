#include <algorithm>

#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

// Each screen's draw function.  No default: a Screen without one is a compile error (-Wswitch).
void draw_screen(Ui& ui, core::Screen screen) {
  // With the passphrase lock on and not given yet, the person's own plans wait for it (core's
  // screen table says which screens show them).
  if (core::shows_unlock(ui.state(), screen)) return draw_unlock(ui);
  switch (screen) {
    case core::Screen::home: return draw_home(ui);
    case core::Screen::help_now: return draw_help_now(ui);
    case core::Screen::about: return draw_about(ui);
    case core::Screen::eligibility: return draw_eligibility(ui);
    case core::Screen::learn: return draw_learn(ui);
    case core::Screen::care_plan: return draw_care_plan(ui);
    case core::Screen::crisis_plan: return draw_crisis_plan(ui);
    case core::Screen::plan_section: return draw_plan_section_screen(ui);
    case core::Screen::your_data: return draw_data(ui);
    case core::Screen::delete_everything: return draw_delete_everything(ui);
    case core::Screen::start_again: return draw_start_again(ui);
    case core::Screen::continue_on_phone: return draw_continue_on_phone(ui);
    case core::Screen::share: return draw_share(ui);
    case core::Screen::shared: return draw_shared(ui);
    case core::Screen::lock: return draw_lock(ui);
    case core::Screen::display: return draw_display(ui);
  }
}

// A button in the top bar: its label's width, at most the room there is (a longer label wraps).
struct BarButton {
  const std::string& label;
  float width = 0;
  float height = 0;
};

BarButton bar_button(Ui& ui, const std::string& label, float room) {
  const Sizes& s = ui.theme().size;
  const float pad_x = s.bar_button_pad_x * ui.em();
  ImGui::PushFont(ui.fonts().bold);
  const float natural = ImGui::CalcTextSize(label.c_str()).x + 2 * pad_x;
  const float width = std::min(natural, room);
  const float label_height = ImGui::CalcTextSize(label.c_str(), nullptr, false, width - 2 * pad_x).y;
  ImGui::PopFont();
  const float min_height = std::max({s.bar_button_height * ui.em(), s.button_min_height * ui.em(), s.button_min_px});
  return {label, width, std::max(min_height, label_height + 2 * s.button_pad_y * ui.em())};
}

void draw_top_bar(Ui& ui, float width) {
  const Theme& t = ui.theme();
  const float em = ui.em();
  const float side = std::max(ui.margin(width), (width - t.content_max_em * em) * 0.5f);
  const float room = width - 2 * side;
  const float gap = 0.5f * em;

  // "Help now" sits on every screen, top right, where a thumb finds it; "Quick exit" beside it
  // (where GOV.UK puts "Exit this page"), unless the person turned it off.  With large text on
  // a narrow phone they do not fit side by side: then "Quick exit" goes on a row of its own,
  // under "Help now", and the bar grows (nothing is cut off or pushed off the side).
  const BarButton help = bar_button(ui, ui.str("help_now"), room);
  const bool quick_exit = ui.state().quick_exit.enabled;
  const BarButton exit = bar_button(ui, ui.str("quick_exit"), room);
  const bool one_row = !quick_exit || help.width + gap + exit.width <= room;
  const float row_height = std::max(help.height, quick_exit ? exit.height : 0.0f);
  const float pad_y = std::max(0.0f, (t.size.bar_height * em - row_height) * 0.5f);
  const float bar_height =
      one_row ? std::max(t.size.bar_height * em, row_height + 2 * pad_y) : help.height + exit.height + 3 * pad_y;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(width, bar_height), t.bar_bg);
  // A line under the bar: in high contrast the bar and the page are both black.
  dl->AddLine(ImVec2(0, bar_height - 1), ImVec2(width, bar_height - 1), t.card_border, 1.0f);

  const float help_x = width - side - help.width;
  const float help_y = one_row ? (bar_height - help.height) * 0.5f : pad_y;
  const float exit_x = one_row ? help_x - gap - exit.width : width - side - exit.width;
  const float exit_y = one_row ? (bar_height - exit.height) * 0.5f : 2 * pad_y + help.height;
  const float buttons_left = quick_exit && one_row ? exit_x : help_x;

  // The app's name, when there is room for it beside the buttons (a narrow phone with large
  // text leaves none: the buttons matter more, and the name is in the tab's title anyway).
  const std::string& name = ui.str("app_name");
  ImGui::PushFont(ui.fonts().bold);
  const ImVec2 name_size = ImGui::CalcTextSize(name.c_str());
  const ImVec2 name_pos(side, help_y + (help.height - name_size.y) * 0.5f);
  const bool name_fits = name_pos.x + name_size.x + gap <= buttons_left;
  if (name_fits) dl->AddText(name_pos, t.bar_text, name.c_str());
  ImGui::PopFont();
  if (name_fits)
    ui.record(Role::text, name, ImGui::GetID("app-name"), name_pos,
              ImVec2(name_pos.x + name_size.x, name_pos.y + name_size.y));

  // Focus order follows what is seen: side by side, Quick exit (left) then Help now; on two
  // rows, Help now (top) first.
  ImGui::PushID("top-bar");
  const auto draw_exit = [&] {
    if (!quick_exit) return;
    ui.set_column_width(exit.width);
    ImGui::SetCursorScreenPos(ImVec2(exit_x, exit_y));
    if (ui.button(exit.label, ButtonKind::secondary, false, "quick-exit")) ui.emit(core::QuickExitPressed{});
    ui.describe_last(ui.str("quick_exit.description"));  // where it takes you: read after its name
  };
  if (one_row) draw_exit();
  ui.set_column_width(help.width);
  ImGui::SetCursorScreenPos(ImVec2(help_x, help_y));
  if (ui.button(help.label, ButtonKind::help, false, "help-now")) ui.go(core::Route{core::Screen::help_now, {}});
  if (!one_row) draw_exit();
  ImGui::PopID();
  ImGui::SetCursorScreenPos(ImVec2(0, bar_height));
}

// A site built as an example says so at the top of every screen, in the scrolling column under
// the top bar (so it never covers Help now or Quick exit), through the wrappers (so the
// accessibility mirror and the tests read it), and on the kiosk's covers too.
void draw_example_notice(Ui& ui) {
  const core::ExampleNotice notice = core::example_notice(ui.text());
  if (!notice.shown()) return;
  ui.begin_panel();
  ui.paragraph(notice.title, ui.theme().text, ui.fonts().bold);
  ui.paragraph(notice.text);
  ui.end_panel(ui.theme().notice_bg, ui.theme().notice_border);
  ui.gap(Space::section);
}

// The language switch, as Welsh public services place it: the other language's own name
// ("Cymraeg" on English screens, "English" on Welsh ones), at the top right of every screen, the
// kiosk's covers included.  It sits in the scrolling column under the top bar, so it never
// covers Help now or Quick exit, and it keeps the screen, the answers and anything typed: only
// the words change (core/content/language.hpp).
void draw_language_switch(Ui& ui) {
  const auto other = core::language_switch_target(ui.state());
  if (!other) return;
  const std::string& name = other->name;
  ImGui::PushFont(ui.fonts().body);
  const float label_width = ImGui::CalcTextSize(name.c_str()).x + 0.2f * ui.em();
  ImGui::PopFont();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float room = ui.column_width();
  ImGui::SetCursorScreenPos(ImVec2(at.x + std::max(0.0f, room - label_width), at.y));
  if (ui.text_link(name, {}, "language-switch")) ui.emit(core::ChooseLanguage{other->locale});
  ui.set_last_lang(other->locale);
  ImGui::SetCursorScreenPos(ImVec2(at.x, ImGui::GetCursorScreenPos().y));
  // Its words could not be fetched (offline on a first visit, say): said in that language and in
  // the one on screen; choosing it again tries again.
  if (const core::LaterLanguage* failed = core::language_not_loaded(ui.state())) {
    ui.paragraph(failed->not_loaded);
    ui.set_last_lang(failed->locale);
    ui.paragraph(ui.text().str("language.not_loaded"));
  }
}

}  // namespace

void draw_app(Ui& ui, float width, float height) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin("CPA Companion", nullptr, flags);
  if (ui.state().quick_exit.exited) {  // quick exit: nothing of the app is drawn again
    ImGui::End();
    return;
  }
  ui.set_language(ui.text().locale);
  ui.set_landmark(Landmark::banner);
  draw_top_bar(ui, width);
  ui.set_landmark(Landmark::main);

  const auto& state = ui.state();
  ui.set_depth(static_cast<int>(state.stack.size()));
  const float top = ImGui::GetCursorScreenPos().y;
  // Each screen scrolls on its own, so Back returns to where the person was; a kiosk's next
  // visitor gets new windows (scrolled to the top).
  const std::string scroll_id = state.route().to_path() + "@" + std::to_string(state.kiosk.visit);
  ImGui::BeginChild(scroll_id.c_str(), ImVec2(width, height - top), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
  if (ui.input().pan_y != 0) ImGui::SetScrollY(ImGui::GetScrollY() - ui.input().pan_y);
  ui.begin_column(width);
  draw_language_switch(ui);
  ui.gap(Space::section);
  draw_example_notice(ui);
  if (!draw_kiosk_cover(ui)) {  // the attract screen or "Are you still there?" cover the screen
    if (state.stack.size() > 1 && ui.back_button()) ui.emit(core::GoBack{});
    draw_screen(ui, state.route().screen);
  }
  ui.gap(Space::page_end);
  ui.end_column();
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace cpa::ui
