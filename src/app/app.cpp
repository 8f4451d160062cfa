#include "app/app.hpp"

#include <imgui.h>

#include "ui/screens/screens.hpp"

namespace cpa::app {

App::App(platform::Platform& platform) : platform_(platform) {}

bool App::load_content(std::string_view bundle_text) {
  auto loaded = core::load_content_bundle(bundle_text);
  content_problems_ = loaded.problems;
  if (!loaded.ok()) return false;
  state_.content = loaded.content;
  state_.languages = loaded.languages;
  state_.language.source = loaded.source;
  core::apply_language(state_);
  return true;
}

void App::start(std::string_view initial_path) { dispatch(core::Start{std::string(initial_path)}); }

bool App::set_fonts(const ui::FontFiles& files, ui::TextSize size, float dpr) {
  const bool ok = ui::build_fonts(*ImGui::GetIO().Fonts, files, size, dpr, fonts_);
  ui::apply_style(theme_, fonts_.space_px);
  return ok;
}

bool App::frame(const ui::FrameInput& input, float width, float height) {
  // The theme the core says applies now (a setting, or the device's dark mode or contrast).
  const core::AppliedTheme applied = core::applied_theme(state_.display);
  if (applied != applied_theme_ || state_.display.device.system != system_colours_) {
    applied_theme_ = applied;
    system_colours_ = state_.display.device.system;
    theme_ = ui::theme_for(state_.display);
    ui::apply_style(theme_, fonts_.space_px);
  }
  ImGui::NewFrame();
  std::vector<core::Action> actions;
  ui::SemanticTree tree;
  output_ = ui::FrameOutput{};
  {
    ui::Ui ui(state_, theme_, fonts_, input, tree, actions, &output_);
    ui::draw_app(ui, width, height);
  }
  ImGui::Render();
  const bool changed = !actions.empty() || !(tree == semantics_);
  semantics_ = std::move(tree);
  for (const auto& action : actions) dispatch(action);
  return changed;
}

void App::dispatch(const core::Action& action) { platform::carry_out(platform_, core::update(state_, action)); }

}  // namespace cpa::app
