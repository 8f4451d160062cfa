// The accessibility mirror's messages (ui/widgets/semantics.hpp): the JSON the page's mirror is built from
// is valid JSON whatever the text holds, with every field the mirror reads, and a screen that
// only scrolled is told apart from one that changed, so the page gets just the new positions.
// The e2e tests (a11y.spec.mjs) hold Chromium's accessibility tree to what arrives.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ui/widgets/semantics.hpp"

using namespace cpa;

namespace {

ui::SemanticTree sample() {
  ui::SemanticTree tree;
  tree.title = "Help \"now\"";
  tree.depth = 2;
  ui::Node heading;
  heading.id = 7;
  heading.role = ui::Role::heading;
  heading.level = 1;
  heading.name = "Line one\nline two \\ tab\t and \x01 and caf\xC3\xA9";
  heading.rect = {12.04f, -3.25f, 300.0f, 40.5f};
  heading.clip = {0, 60, 390, 784};
  ui::Node field;
  field.id = 4294967295u;
  field.role = ui::Role::text_input;
  field.name = "Name";
  field.value = "Sam </script>";
  field.input_type = "tel";
  field.font_px = 19;
  field.pad_x = 9.5f;
  field.pad_y = 6;
  field.invalid = true;
  field.parent = 7;
  field.described_by = {7, 8};
  field.rect = {1, 2, 3, 4};
  ui::Node box;
  box.id = 9;
  box.role = ui::Role::checkbox;
  box.name = "Use the font";
  box.checked = false;
  box.expanded = true;
  box.landmark = ui::Landmark::banner;
  box.value_now = 0;
  box.disabled = true;
  tree.nodes = {heading, field, box};
  return tree;
}

}  // namespace

TEST_CASE("the mirror's JSON parses, whatever the words hold, with every field the page reads") {
  const auto j = nlohmann::json::parse(sample().to_json());
  CHECK(j["title"] == "Help \"now\"");
  CHECK(j["depth"] == 2);
  REQUIRE(j["nodes"].size() == 3);
  const auto& h = j["nodes"][0];
  CHECK(h["id"] == 7);
  CHECK(h["role"] == "heading");
  CHECK(h["level"] == 1);
  CHECK(h["name"] == "Line one\nline two \\ tab\t and \x01 and caf\xC3\xA9");
  // Positions to a tenth of a CSS pixel, negative ones too.
  CHECK(h["x"].get<double>() == doctest::Approx(12.0));
  CHECK(h["y"].get<double>() == doctest::Approx(-3.3).epsilon(0.02));
  CHECK(h["h"].get<double>() == doctest::Approx(40.5));
  CHECK(h["clip"] == nlohmann::json::array({0, 60, 390, 784}));
  CHECK_FALSE(h.contains("parent"));
  CHECK_FALSE(h.contains("value"));
  const auto& f = j["nodes"][1];
  CHECK(f["id"] == 4294967295u);
  CHECK(f["role"] == "textbox");
  CHECK(f["value"] == "Sam </script>");
  CHECK(f["itype"] == "tel");
  CHECK(f["px"].get<double>() == doctest::Approx(9.5));
  CHECK(f["invalid"] == true);
  CHECK(f["parent"] == 7);
  CHECK(f["describedby"] == nlohmann::json::array({7, 8}));
  const auto& b = j["nodes"][2];
  CHECK(b["checked"] == false);
  CHECK(b["expanded"] == true);
  CHECK(b["lm"] == "banner");
  CHECK(b["now"] == 0);
  CHECK(b["disabled"] == true);
}

TEST_CASE("a screen that only scrolled sends positions; any other change sends the whole tree") {
  const ui::SemanticTree before = sample();
  ui::SemanticTree scrolled = before;
  for (auto& node : scrolled.nodes) node.rect.y -= 120.25f;
  CHECK(scrolled.same_but_positions(before));
  std::vector<float> positions;
  scrolled.positions(positions);
  REQUIRE(positions.size() == 12);
  CHECK(positions[0] == doctest::Approx(12.0));
  CHECK(positions[1] == doctest::Approx(-123.5));  // -3.25 - 120.25, to a tenth
  CHECK(positions[7] == doctest::Approx(4));

  ui::SemanticTree renamed = scrolled;
  renamed.nodes[2].name = "Use the dyslexia font";
  CHECK_FALSE(renamed.same_but_positions(before));
  ui::SemanticTree typed = scrolled;
  typed.nodes[1].value = "Sam";
  CHECK_FALSE(typed.same_but_positions(before));
  ui::SemanticTree moved_view = scrolled;  // a view that moved is a new region on the page
  moved_view.nodes[0].clip.y = 0;
  CHECK_FALSE(moved_view.same_but_positions(before));
  ui::SemanticTree fewer = scrolled;
  fewer.nodes.pop_back();
  CHECK_FALSE(fewer.same_but_positions(before));
  ui::SemanticTree other_screen = scrolled;
  other_screen.title = "About";
  CHECK_FALSE(other_screen.same_but_positions(before));
}
