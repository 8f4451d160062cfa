#pragma once
// The widget wrappers every screen draws with.  Each one draws with Dear ImGui and records a
// semantic node (role, name, rect) so the web platform can mirror the frame into real DOM
// elements for screen readers, keyboards and tests.  Screens never call ImGui widgets directly.
#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/state.hpp"
#include "ui/widgets/fonts.hpp"
#include "ui/widgets/semantics.hpp"
#include "ui/widgets/theme.hpp"

namespace cpa::ui {

enum class ButtonKind { primary, secondary, help, quiet };

// What the platform tells the UI about this frame, beyond ImGui's own input.
struct TextEdit {
  std::uint32_t id = 0;  // the text field's semantic id
  std::string value;     // its whole new value, as the DOM input holds it
};

struct FrameInput {
  float pan_y = 0;                // touch drag or inertia, CSS px; positive moves content down
  std::uint32_t activate_id = 0;  // a mirror element was activated (keyboard, screen reader)
  std::uint32_t focus_id = 0;     // a mirror element got focus: scroll it into view
  std::uint32_t editing_id = 0;   // the text field whose DOM input has focus (it draws the text)
  std::vector<TextEdit> text_edits;
  bool kiosk = false;
};

// What the UI asks of the platform this frame, beyond actions for the core.
struct FrameOutput {
  std::uint32_t focus_input = 0;    // focus this text field's DOM input (opens the phone keyboard)
  bool choose_import_file = false;  // open the device's file chooser; the file's text comes back as PlansImport
};

// password: drawn as dots (one the person already has); new_password: one being set, which a
// password manager may offer to save.
enum class InputKind { text, long_text, phone, email, date, password, new_password };

class Ui {
 public:
  Ui(const core::State& state, const Theme& theme, const Fonts& fonts, const FrameInput& input, SemanticTree& tree,
     std::vector<core::Action>& actions, FrameOutput* output = nullptr);

  const core::State& state() const { return state_; }
  const core::Content& text() const { return *state_.content; }
  const std::string& str(std::string_view key) const { return state_.content->str(key); }
  // What core kept to say (a notice, an error), in the language shown now.
  std::string said(const core::Message& message) const { return core::render(*state_.content, message); }
  const Theme& theme() const { return theme_; }
  const Fonts& fonts() const { return fonts_; }
  const FrameInput& input() const { return input_; }
  // The layout unit (paddings, gaps, marks): grows with the text size, a little more slowly
  // than the text itself (ui/widgets/fonts.hpp).
  float em() const { return fonts_.space_px; }

  // ---- actions ----
  void emit(core::Action action) { actions_.push_back(std::move(action)); }
  // Open the device's file chooser (only possible inside the tap that asked for it).
  void choose_import_file() {
    if (output_) output_->choose_import_file = true;
  }
  // Put the keyboard in this text field (its node's id), as a tap on it would.
  void focus_text_field(std::uint32_t id) {
    if (output_ && id) output_->focus_input = id;
  }
  void go(core::Route route) { emit(core::Navigate{std::move(route)}); }
  void open(std::string href) { emit(core::OpenLink{std::move(href)}); }

  // ---- layout ----
  // The column every screen's content sits in: full width on a phone, centred on wider screens.
  void begin_column(float width);
  // The space at each side of a screen this wide.
  float margin(float width) const;
  void end_column();
  float column_width() const { return column_width_; }
  void set_column_width(float width) { column_width_ = width; }
  void gap(Space space);
  void set_title(std::string_view title) { tree_.title = std::string(title); }
  void set_language(std::string_view lang) { tree_.lang = std::string(lang); }
  void set_landmark(Landmark landmark) { landmark_ = landmark; }
  void set_depth(int depth) { tree_.depth = depth; }

  // ---- groups, for assistive technology: the nodes recorded between begin_group and end_group
  // are its children (the answers to one question, a list, a confirmation, a form).  error, when
  // not empty, is shown first in the group (a question's answers: "Choose where you live"),
  // describes it, and is said once as it appears. ----
  void begin_group(Role role, std::string_view name, std::string_view id_text = {}, std::string_view error = {});
  void end_group();

  // ---- widgets ----
  void heading(std::string_view text, int level = 1);
  void paragraph(std::string_view text, ImU32 color = 0, ImFont* font = nullptr);
  void bullets(const std::vector<std::string>& items);
  // accessible_name: when the visible label needs more words to be clear out of context
  // ("Remove" -> "Remove warning sign 2").
  bool button(std::string_view label, ButtonKind kind = ButtonKind::primary, bool full_width = false,
              std::string_view id = {}, std::string_view accessible_name = {});
  // A yellow notice with a heading-level message: for things the person must know now.
  void notice(std::string_view title, std::string_view text);
  // A warning next to what it is about (a contact's number), in bold on the notice colour with a
  // bar at its side; unlike notice() it can sit inside a panel.  Read as text.
  void warning(std::string_view text);
  // "< Back", quiet, at the top left of the screen.
  bool back_button();
  // A big tappable row: a title, a line of detail, and a chevron.
  bool card(std::string_view title, std::string_view detail, bool enabled = true);
  // A button-shaped link (tel:, sms:, https:); described_by: a node already drawn that says what
  // it reaches (a crisis line's name above its "Call 116 123").
  void link_button(std::string_view label, const std::string& href, ButtonKind kind = ButtonKind::primary,
                   std::uint32_t described_by = 0);
  // Underlined link text on its own line; returns true when tapped (href may be empty for in-app).
  // id_text: keeps the link's identity (and its focus) when its label changes.
  bool text_link(std::string_view label, const std::string& href = {}, std::string_view id_text = {});
  // A button that opens or closes what the screen draws after it ("Why we ask"): a turning
  // arrow, and aria-expanded for screen readers.  Returns true when tapped.
  bool disclosure(std::string_view label, bool expanded);
  // One of a few answers, full width, with a round mark filled in for the answer already given:
  // a radio button (put the answers in a begin_group(Role::radio_group, question)).  Returns
  // true when tapped.
  bool answer_button(std::string_view label, bool chosen);
  // "Question 3 of 10" above a bar filled to show how far along the person is.
  void progress(std::string_view label, float fraction);
  // A tick box, full width, with a line of detail under the label; returns true when tapped.
  bool checkbox(std::string_view label, std::string_view detail, bool checked, bool enabled = true);
  // A QR code drawn as dark squares on a white square (with its quiet zone), at most `side` wide;
  // recorded as an image whose accessible name is `name`.
  void qr_code(const core::QrMatrix& qr, float side, std::string_view name);
  // The iPhone's Share button as a person sees it (a square open at the top, an arrow pointing up
  // out of it), drawn with lines in the link colour, about two lines of text tall; recorded as an
  // image whose accessible name is `name`.  Drawn here, never copied artwork.
  void share_icon(std::string_view name);
  // A minor action as underlined text, aligned with the column ("Skip", "Start again").
  bool text_button(std::string_view label);

  // A labelled text field.  Editing happens in a real DOM input laid over it (IME, paste,
  // selection and the phone's keyboard all work natively); returns the new value when it changed.
  // hint is read after the label; error, when not empty, is shown in red, marks it invalid and is
  // said once as it appears.  An error shows once the person has left the box, unless
  // error_while_typing (no more typing could put it right: core decides).  label_shown false:
  // the label names the field but is not drawn (the screen's heading above already says it).
  std::optional<std::string> text_field(std::string_view id_text, std::string_view label, const std::string& value,
                                        InputKind kind = InputKind::text, std::string_view hint = {},
                                        std::string_view error = {}, bool error_while_typing = false,
                                        bool label_shown = true);

  // A white panel around what is drawn between begin_panel and end_panel.
  void begin_panel();
  void end_panel(ImU32 background = 0, ImU32 border = 0);

  // For screens drawing something custom: record it so the mirror sees it.  Returns its id.
  std::uint32_t record(Role role, std::string_view name, ImGuiID id, const ImVec2& min, const ImVec2& max,
                       std::string_view href = {}, int level = 0);
  // The id of the node recorded last (to describe another by it).
  std::uint32_t last_node() const { return tree_.nodes.empty() ? 0 : tree_.nodes.back().id; }
  // Words that describe the control drawn last for a screen reader, where the screen has no
  // room to show them (Quick exit: where it takes you): real text, hidden from sight.
  void describe_last(std::string_view words);
  // The control drawn last speaks another language than the screen ("Cymraeg" on an English one).
  void set_last_lang(std::string_view lang);
  // The button drawn last submits the form it is in (Enter in the form's fields presses it).
  void mark_submit();
  bool activated(ImGuiID id) const { return id != 0 && id == input_.activate_id; }
  void bring_into_view_if_focused(ImGuiID id);

 private:
  bool pressable(ImGuiID& id_out, std::string_view id_text, const ImVec2& size);
  // A message in red with a bar at its side; `said` is said once as it appears (the message
  // with what it is about).  Returns its node's id.
  std::uint32_t error_message(std::string_view error, std::string_view said);
  // Text inside a card or a tick box (its detail line): drawn there, and recorded as text of
  // its own after the control, which it describes.
  void detail_text(std::string_view detail, ImVec2 pos, float wrap, ImU32 colour);

  const core::State& state_;
  const Theme& theme_;
  const Fonts& fonts_;
  FrameInput input_;
  SemanticTree& tree_;
  std::vector<core::Action>& actions_;
  FrameOutput* output_;
  float column_width_ = 0;
  std::vector<ImVec2> panel_starts_;
  bool at_panel_top_ = false;  // nothing drawn yet in the current panel
  Landmark landmark_ = Landmark::main;
  std::vector<std::size_t> groups_;  // open groups: their nodes' places in the tree
};

float font_px(const ImFont* font);

}  // namespace cpa::ui
