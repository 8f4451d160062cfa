#include "ui/widgets/semantics.hpp"

#include <cmath>
#include <string>

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
    case Role::form: return "form";
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

namespace {

// The mirror's JSON, written straight into one string: it is made on every frame that changes
// the screen, and a JSON library's tree of objects cost more than the frame itself.
float tenths(float v) { return std::round(v * 10.0f) / 10.0f; }

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  void raw(const char* text) { out_ += text; }
  void key(const char* name) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += name;
    out_ += "\":";
  }
  void open(char bracket) {
    out_ += bracket;
    first_ = true;
  }
  void close(char bracket) {
    out_ += bracket;
    first_ = false;
  }
  void item() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  void string(const std::string& text) {
    out_ += '"';
    for (const char c : text) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += c;
      } else if (u < 0x20) {
        static constexpr char hex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += hex[u >> 4];
        out_ += hex[u & 0xF];
      } else {
        out_ += c;  // UTF-8 passes through as it is
      }
    }
    out_ += '"';
  }
  void number(long long v) { out_ += std::to_string(v); }
  void number(float v) {  // to a tenth, as 12 or 12.5 or -3.1
    long long t = std::llround(static_cast<double>(v) * 10.0);
    if (t < 0) {
      out_ += '-';
      t = -t;
    }
    out_ += std::to_string(t / 10);
    if (t % 10 != 0) {
      out_ += '.';
      out_ += static_cast<char>('0' + t % 10);
    }
  }
  void boolean(bool v) { out_ += v ? "true" : "false"; }

 private:
  std::string& out_;
  bool first_ = true;
};

bool same_but_geometry(const Node& a, const Node& b) {
  return a.id == b.id && a.role == b.role && a.name == b.name && a.href == b.href && a.value == b.value &&
         a.level == b.level && a.disabled == b.disabled && a.checked == b.checked && a.expanded == b.expanded &&
         a.landmark == b.landmark && a.parent == b.parent && a.described_by == b.described_by && a.live == b.live &&
         a.hidden == b.hidden && a.submit == b.submit && a.value_now == b.value_now && a.invalid == b.invalid &&
         a.input_type == b.input_type && a.autofill == b.autofill && a.font_px == b.font_px && a.pad_x == b.pad_x &&
         a.pad_y == b.pad_y && a.clip == b.clip && a.lang == b.lang;
}

}  // namespace

std::string SemanticTree::to_json() const {
  std::string out;
  out.reserve(128 + nodes.size() * 160);
  JsonWriter j(out);
  j.open('{');
  j.key("title");
  j.string(title);
  j.key("lang");
  j.string(lang);
  j.key("depth");
  j.number(static_cast<long long>(depth));
  j.key("nodes");
  j.open('[');
  for (const auto& n : nodes) {
    j.item();
    j.open('{');
    j.key("id");
    j.number(static_cast<long long>(n.id));
    j.key("role");
    j.raw("\"");
    j.raw(role_name(n.role));
    j.raw("\"");
    j.key("name");
    j.string(n.name);
    j.key("x");
    j.number(n.rect.x);
    j.key("y");
    j.number(n.rect.y);
    j.key("w");
    j.number(n.rect.w);
    j.key("h");
    j.number(n.rect.h);
    j.key("clip");
    j.open('[');
    for (const float v : {n.clip.x, n.clip.y, n.clip.w, n.clip.h}) {
      j.item();
      j.number(v);
    }
    j.close(']');
    if (!n.href.empty()) {
      j.key("href");
      j.string(n.href);
    }
    if (n.role == Role::text_input || n.role == Role::text_area) {
      j.key("value");
      j.string(n.value);
      j.key("itype");
      j.string(n.input_type.empty() ? std::string("text") : n.input_type);
      j.key("ac");
      j.string(n.autofill.empty() ? std::string("off") : n.autofill);
      j.key("fs");
      j.number(n.font_px);
      j.key("px");
      j.number(n.pad_x);
      j.key("py");
      j.number(n.pad_y);
      if (n.invalid) {
        j.key("invalid");
        j.boolean(true);
      }
    }
    if (n.level) {
      j.key("level");
      j.number(static_cast<long long>(n.level));
    }
    if (n.disabled) {
      j.key("disabled");
      j.boolean(true);
    }
    if (n.role == Role::checkbox || n.role == Role::radio) {
      j.key("checked");
      j.boolean(n.checked);
    }
    if (n.expanded) {
      j.key("expanded");
      j.boolean(*n.expanded);
    }
    if (n.landmark == Landmark::banner) {
      j.key("lm");
      j.raw("\"banner\"");
    }
    if (n.parent) {
      j.key("parent");
      j.number(static_cast<long long>(n.parent));
    }
    if (!n.described_by.empty()) {
      j.key("describedby");
      j.open('[');
      for (const auto id : n.described_by) {
        j.item();
        j.number(static_cast<long long>(id));
      }
      j.close(']');
    }
    if (!n.live.empty()) {
      j.key("live");
      j.string(n.live);
    }
    if (n.hidden) {
      j.key("hidden");
      j.boolean(true);
    }
    if (n.submit) {
      j.key("submit");
      j.boolean(true);
    }
    if (n.value_now >= 0) {
      j.key("now");
      j.number(static_cast<long long>(n.value_now));
    }
    if (!n.lang.empty()) {
      j.key("lang");
      j.string(n.lang);
    }
    j.close('}');
  }
  j.close(']');
  j.close('}');
  return out;
}

bool SemanticTree::same_but_positions(const SemanticTree& other) const {
  if (title != other.title || lang != other.lang || depth != other.depth || nodes.size() != other.nodes.size())
    return false;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (!same_but_geometry(nodes[i], other.nodes[i])) return false;
  return true;
}

void SemanticTree::positions(std::vector<float>& out) const {
  out.clear();
  out.reserve(nodes.size() * 4);
  for (const auto& n : nodes)
    for (const float v : {n.rect.x, n.rect.y, n.rect.w, n.rect.h}) out.push_back(tenths(v));
}

}  // namespace cpa::ui
