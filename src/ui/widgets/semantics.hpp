#pragma once
// What each frame shows, as a screen reader and a test see it: one node per widget, in reading
// order.  The web platform mirrors this list into real DOM elements over the canvas.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cpa::ui {

enum class Role {
  button,
  link,
  heading,
  text,
  list_item,
  text_input,
  text_area,
  checkbox,
  radio,
  status,
  region,
  image,
  // Groups: the nodes recorded inside one (Ui::begin_group) are its children.
  radio_group,
  list,
  dialog,
  progressbar,
  form  // fields and the button that submits them (Enter submits; password managers see a form)
};

// The page's landmarks: the top bar (with Help now) and the screen's own content.
enum class Landmark : std::uint8_t { main, banner };

const char* role_name(Role role);

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels from the top left of the canvas
  bool operator==(const Rect&) const = default;
};

struct Node {
  std::uint32_t id = 0;  // stable between frames (the ImGui ID)
  Role role = Role::text;
  std::string name;   // accessible name: the label or the text
  std::string href;   // links
  std::string value;  // inputs
  int level = 0;      // headings 1..3
  bool disabled = false;
  bool checked = false;
  std::optional<bool> expanded;  // buttons that open or close a part of the screen
  Landmark landmark = Landmark::main;
  std::uint32_t parent = 0;  // the group it belongs to (0: none)
  // Nodes whose text describes this one (a field's error, its hint, a card's detail): real text
  // of their own, read in order too, never words only a description carries.
  std::vector<std::uint32_t> described_by;
  std::string live;        // words said once (politely) as this text appears or changes ("Phone number: ...")
  bool hidden = false;     // text not on the screen, only read as another node's description
  bool submit = false;     // a button that submits its form
  int value_now = -1;      // progress bars: 0..100
  bool invalid = false;    // inputs whose value did not validate (description says why)
  std::string input_type;  // inputs: text, tel, email, date, password
  std::string autofill;    // inputs: what the browser may fill in ("off", "new-password" ...)
  float font_px = 0;       // inputs: the CSS text size, so the focused DOM field matches the canvas
  std::string lang;        // the language of its text when it is not the page's ("cy" on "Cymraeg")
  float pad_x = 0, pad_y = 0;
  Rect rect;
  Rect clip;  // the visible area of the view it sits in (the top bar, the scrolling content)
  bool operator==(const Node&) const = default;
};

struct SemanticTree {
  std::vector<Node> nodes;
  std::string title;  // the screen's name, for document.title
  std::string lang;   // the language of the screen's words ("en-GB", "cy"), for <html lang>
  int depth = 0;      // how many screens deep (Back makes it smaller: focus returns to what opened the screen)

  void clear() {
    nodes.clear();
    title.clear();
    lang.clear();
    depth = 0;
  }
  const Node* find(Role role, const std::string& name) const;
  std::vector<const Node*> all(Role role) const;
  // JSON for the web mirror: [{"id":..,"role":"button","name":..,...}, ...]
  std::string to_json() const;
  // The same screen, where only where things are has changed (scrolling): every node the same in
  // the same order, in the same views, with only their rectangles moved or resized.
  bool same_but_positions(const SemanticTree& other) const;
  // Each node's rectangle (x, y, w, h, rounded to a tenth as in to_json), in order: all the
  // mirror needs while the screen scrolls.
  void positions(std::vector<float>& out) const;
  bool operator==(const SemanticTree&) const = default;
};

}  // namespace cpa::ui
