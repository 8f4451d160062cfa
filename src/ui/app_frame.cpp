#include "ui/screens.hpp"

#include <map>

namespace cpa::ui {
namespace {

using ScreenDraw = void (*)(Ui&);

const std::map<std::string_view, ScreenDraw>& screen_table() {
  static const std::map<std::string_view, ScreenDraw> table = {
      {core::screens::home, draw_home},
      {core::screens::help_now, draw_help_now},
      {core::screens::about, draw_about},
      {core::screens::not_built, draw_not_built},
      {"care-plan", draw_care_plan},
      {"crisis-plan", draw_crisis_plan},
      {"plan-section", draw_plan_section_screen},
      {"your-data", draw_data},
      {"delete-everything", draw_delete_everything},
      {"start-again", draw_start_again},
      {core::eligibility_screen, draw_eligibility},
      {learn_screen, draw_learn},
  };
  return table;
}

void draw_top_bar(Ui& ui, float width) {
  const Theme& t = ui.theme();
  const float em = ui.em();
  const float bar_height = 3.4f * em;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(width, bar_height), t.bar_bg);

  const float side = std::max(em, (width - t.content_max_em * em) * 0.5f);
  const std::string& name = ui.str("app_name");
  ImGui::PushFont(ui.fonts().bold);
  const ImVec2 name_size = ImGui::CalcTextSize(name.c_str());
  const ImVec2 name_pos(side, (bar_height - name_size.y) * 0.5f);
  dl->AddText(name_pos, t.bar_text, name.c_str());
  ImGui::PopFont();
  ui.record(Role::text, name, ImGui::GetID("app-name"), name_pos,
            ImVec2(name_pos.x + name_size.x, name_pos.y + name_size.y));

  // "Help now" sits on every screen, top right, where a thumb finds it.
  const std::string& help = ui.str("help_now");
  ImGui::PushFont(ui.fonts().bold);
  const float help_width = ImGui::CalcTextSize(help.c_str()).x + 2.2f * em;
  ImGui::PopFont();
  const float button_height = std::max(2.5f * em, 48.0f);
  ImGui::PushID("top-bar");
  ui.set_column_width(help_width);
  ImGui::SetCursorScreenPos(ImVec2(width - side - help_width, (bar_height - button_height) * 0.5f));
  if (ui.button(help, ButtonKind::help, false, "help-now"))
    ui.go(core::Route{std::string(core::screens::help_now), {}});
  ImGui::PopID();
  ImGui::SetCursorScreenPos(ImVec2(0, bar_height));
}

}  // namespace

void draw_app(Ui& ui, float width, float height) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin("CPA Companion", nullptr, flags);
  draw_top_bar(ui, width);

  const auto& state = ui.state();
  const float top = ImGui::GetCursorScreenPos().y;
  // Each screen scrolls on its own, so Back returns to where the person was.
  ImGui::BeginChild(state.route().to_path().c_str(), ImVec2(width, height - top), ImGuiChildFlags_None,
                    ImGuiWindowFlags_NoScrollbar);
  if (ui.input().pan_y != 0) ImGui::SetScrollY(ImGui::GetScrollY() - ui.input().pan_y);
  ui.begin_column(width);
  ui.gap(0.5f);
  if (state.stack.size() > 1) {
    if (ui.back_button()) ui.emit(core::GoBack{});
  }
  const auto& table = screen_table();
  auto it = table.find(state.route().screen);
  (it != table.end() ? it->second : draw_home)(ui);
  ui.gap(2.0f);
  ui.end_column();
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace cpa::ui
