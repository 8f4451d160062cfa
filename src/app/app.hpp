#pragma once
// The app without a window: content, state, one ImGui frame, actions carried out.  FrameLoop
// puts it in a backend's window; the browser and the headless UI tests both run it that way.
#include <string>
#include <string_view>
#include <vector>

#include "core/state.hpp"
#include "platform/dispatcher.hpp"
#include "platform/platform.hpp"
#include "ui/widgets/fonts.hpp"
#include "ui/widgets/semantics.hpp"
#include "ui/widgets/theme.hpp"
#include "ui/widgets/ui.hpp"

namespace cpa::app {

class App : public platform::Dispatcher {
 public:
  explicit App(platform::Platform& platform);

  // Loads the content bundle the site build wrote.  On failure the problems say why.
  bool load_content(std::string_view bundle_text);
  const std::vector<core::ContentProblem>& content_problems() const { return content_problems_; }

  void start(std::string_view initial_path);

  // Builds the fonts for this text size and pixel density (call before the first frame and
  // whenever either changes).  The renderer must re-upload the atlas afterwards.
  bool set_fonts(const ui::FontFiles& files, ui::TextSize size, float dpr);
  const ui::Fonts& fonts() const { return fonts_; }

  // One frame: ImGui::NewFrame .. ImGui::Render, then the actions it produced are applied.
  // Returns true when the frame changed something that needs another frame to settle.
  bool frame(const ui::FrameInput& input, float width, float height);
  // What the last frame asked of the platform (e.g. focus a text field's DOM input).
  const ui::FrameOutput& output() const { return output_; }

  void dispatch(const core::Action& action) override;
  const core::State& state() const override { return state_; }
  const ui::SemanticTree& semantics() const { return semantics_; }
  // The colours the last frame was drawn in.
  const ui::Theme& theme() const { return theme_; }

 private:
  platform::Platform& platform_;
  core::State state_;
  core::AppliedTheme applied_theme_ = core::AppliedTheme::light;  // what theme_ and ImGui's style hold
  core::SystemColours system_colours_;                            // ... and, for forced colours, in which
  ui::Theme theme_ = ui::light_theme();
  ui::Fonts fonts_;
  ui::SemanticTree semantics_;
  ui::FrameOutput output_;
  std::vector<core::ContentProblem> content_problems_;
};

}  // namespace cpa::app
