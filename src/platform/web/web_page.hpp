#pragma once
// The page around the canvas: the plain-HTML fallback that steps aside once the app has drawn,
// the accessibility mirror laid over the canvas, the text field's DOM input and the file chooser.
#include <cstdint>
#include <string>
#include <vector>

#include "core/display/display.hpp"

namespace cpa::platform {

class WebPage {
 public:
  // Listens for the browser's Back, the visual viewport and the mirror's own events.
  void install();
  // The address's #/route as the page was opened.
  std::string initial_path() const;
  // The release the site was built as (<html data-release>, tools/cpa-lib.sh); core checks it.
  std::string release() const;
  // The address asks for kiosk mode (?mode=kiosk).
  bool kiosk_requested() const;
  std::vector<std::string> browser_languages() const;
  // The app cannot run: the fallback stays, saying why.
  void fail(const std::string& why);

  // The accessibility mirror: a whole new tree (JSON, ui::SemanticTree::to_json), or only where
  // the nodes of the tree it has now are (x, y, w, h each, in order: the screen scrolled).
  void show_mirror(const std::string& semantics_json);
  void move_mirror(const std::vector<float>& positions);
  // After each frame: the text field whose DOM input should take focus (the phone's keyboard
  // opens), the file chooser if asked; after the first, that the app is ready.
  void show_frame(std::uint32_t focus_input, bool choose_file);

  // The device's display media queries, as the core takes them.
  static core::DeviceDisplay device_display();
  // Before each frame is shown: the page around the canvas (its background, the browser's
  // theme-color, the fallback page) follows the theme drawn, and the text fields' DOM inputs
  // the font drawn.  Only changes reach the page.
  void show_display(core::AppliedTheme theme, std::uint32_t page_rgb, std::uint32_t bar_rgb, bool dyslexia_font);

 private:
  bool ready_ = false;
  std::string display_;  // what the page was last told
};

}  // namespace cpa::platform
