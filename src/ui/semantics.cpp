#include "ui/semantics.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace cpa::ui {

const char* role_name(Role role) {
  switch (role) {
    case Role::button: return "button";
    case Role::link: return "link";
    case Role::heading: return "heading";
    case Role::text: return "text";
    case Role::list_item: return "listitem";
    case Role::text_input: return "textbox";
    case Role::text_area: return "textarea";
    case Role::checkbox: return "checkbox";
    case Role::radio: return "radio";
    case Role::status: return "status";
    case Role::region: return "region";
    case Role::image: return "img";
    case Role::radio_group: return "radiogroup";
    case Role::list: return "list";
    case Role::dialog: return "dialog";
    case Role::progressbar: return "progressbar";
  }
  return "text";
}

const Node* SemanticTree::find(Role role, const std::string& name) const {
  for (const auto& node : nodes)
    if (node.role == role && node.name == name) return &node;
  return nullptr;
}

std::vector<const Node*> SemanticTree::all(Role role) const {
  std::vector<const Node*> out;
  for (const auto& node : nodes)
    if (node.role == role) out.push_back(&node);
  return out;
}

std::string SemanticTree::to_json() const {
  auto round = [](float v) { return std::round(v * 10.0f) / 10.0f; };
  nlohmann::json list = nlohmann::json::array();
  for (const auto& n : nodes) {
    nlohmann::json j = {
        {"id", n.id},           {"role", role_name(n.role)},
        {"name", n.name},       {"x", round(n.rect.x)},
        {"y", round(n.rect.y)}, {"w", round(n.rect.w)},
        {"h", round(n.rect.h)}, {"clip", {round(n.clip.x), round(n.clip.y), round(n.clip.w), round(n.clip.h)}}};
    if (!n.description.empty()) j["desc"] = n.description;
    if (!n.href.empty()) j["href"] = n.href;
    if (n.role == Role::text_input || n.role == Role::text_area) {
      j["value"] = n.value;
      j["itype"] = n.input_type.empty() ? "text" : n.input_type;
      j["fs"] = round(n.font_px);
      j["px"] = round(n.pad_x);
      j["py"] = round(n.pad_y);
      if (n.invalid) j["invalid"] = true;
    }
    if (n.level) j["level"] = n.level;
    if (n.disabled) j["disabled"] = true;
    if (n.role == Role::checkbox || n.role == Role::radio) j["checked"] = n.checked;
    if (n.expanded) j["expanded"] = *n.expanded;
    if (n.landmark == Landmark::banner) j["lm"] = "banner";
    if (n.parent) j["parent"] = n.parent;
    if (!n.described_by.empty()) j["describedby"] = n.described_by;
    if (n.value_now >= 0) j["now"] = n.value_now;
    list.push_back(std::move(j));
  }
  return nlohmann::json{{"title", title}, {"depth", depth}, {"nodes", std::move(list)}}.dump();
}

}  // namespace cpa::ui
