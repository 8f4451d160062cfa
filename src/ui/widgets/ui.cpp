#include "ui/widgets/ui.hpp"

#include "core/plans/plan_reviews.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>

namespace cpa::ui {
namespace {

constexpr ImU32 kDuplicateIdSeed = 0x5EED;  // any fixed seed: Ui::record's ids for repeated text

ImU32 background_for(const Theme& t, ButtonKind kind) {
  switch (kind) {
    case ButtonKind::primary: return t.primary_bg;
    case ButtonKind::secondary: return t.secondary_bg;
    case ButtonKind::help: return t.help_bg;
    case ButtonKind::quiet: return 0;
  }
  return t.primary_bg;
}

ImU32 text_for(const Theme& t, ButtonKind kind) {
  switch (kind) {
    case ButtonKind::primary: return t.primary_text;
    case ButtonKind::secondary: return t.secondary_text;
    case ButtonKind::help: return t.help_text;
    case ButtonKind::quiet: return t.link;
  }
  return t.primary_text;
}

// ImGui's word wrap cuts a word too long for a whole line anywhere ("co-ordina" / "tor", with
// large text on a narrow phone); a hyphen in the word is a better place.  Where the line that
// starts at `at` ends:
const char* wrap_line_end(const ImFont* font, const char* at, const char* end, float wrap) {
  const char* cut = font->CalcWordWrapPositionA(font->Scale, at, end, wrap);
  if (cut == at) {  // not even one letter fits: draw one anyway (a whole UTF-8 character)
    ++cut;
    while (cut < end && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80) ++cut;
    return cut;
  }
  if (cut >= end || *cut == ' ' || cut[-1] == ' ' || cut[-1] == '-') return cut;
  const char* word = cut;
  while (word > at && word[-1] != ' ') --word;
  for (const char* p = cut - 1; p > word; --p)
    if (*p == '-') return p + 1;
  return cut;
}

// Calls each(begin, end) for every line of text wrapped at wrap px.
template <class Each>
void for_each_line(const ImFont* font, std::string_view text, float wrap, Each each) {
  const char* at = text.data();
  const char* end = text.data() + text.size();
  while (at < end) {
    const char* line_end = wrap_line_end(font, at, end, wrap);
    each(at, line_end);
    at = line_end;
    while (at < end && *at == ' ') ++at;
  }
}

// Text of one paragraph (what people type keeps ImGui's own handling of new lines).
bool one_paragraph(std::string_view text, float wrap) {
  return wrap > 0 && !text.empty() && text.find('\n') == std::string_view::npos;
}

ImVec2 text_size(const ImFont* font, std::string_view text, float wrap_width) {
  const float size = font_px(font);
  if (!one_paragraph(text, wrap_width))
    return font->CalcTextSizeA(size, FLT_MAX, wrap_width, text.data(), text.data() + text.size());
  ImVec2 out(0, 0);
  for_each_line(font, text, wrap_width, [&](const char* begin, const char* end) {
    out.x = std::max(out.x, font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x);
    out.y += size;
  });
  return out;
}

void draw_text(ImDrawList* dl, const ImFont* font, ImVec2 pos, ImU32 color, std::string_view text, float wrap) {
  const float size = font_px(font);
  if (!one_paragraph(text, wrap)) {
    dl->AddText(font, size, pos, color, text.data(), text.data() + text.size(), wrap);
    return;
  }
  for_each_line(font, text, wrap, [&](const char* begin, const char* end) {
    dl->AddText(font, size, pos, color, begin, end);
    pos.y += size;
  });
}

// Wrapped text with each line centred on centre_x (a button label that takes two lines).
void draw_text_centred(ImDrawList* dl, const ImFont* font, float centre_x, float y, ImU32 color, std::string_view text,
                       float wrap) {
  const float size = font_px(font);
  for_each_line(font, text, wrap, [&](const char* begin, const char* end) {
    const float width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x;
    dl->AddText(font, size, ImVec2(centre_x - width * 0.5f, y), color, begin, end);
    y += size;
  });
}

// A line under every line a link's (or link-like button's) words take, raised from the foot by
// `raise`: a link is told from text by more than its colour on each of its lines (WCAG 1.4.1).
void underline_lines(ImDrawList* dl, const ImFont* font, ImVec2 pos, std::string_view text, float wrap, ImU32 colour,
                     float raise) {
  const float size = font_px(font);
  if (!one_paragraph(text, wrap)) {
    const ImVec2 whole = text_size(font, text, wrap);
    dl->AddLine(ImVec2(pos.x, pos.y + whole.y - raise), ImVec2(pos.x + whole.x, pos.y + whole.y - raise), colour, 1.5f);
    return;
  }
  for_each_line(font, text, wrap, [&](const char* begin, const char* end) {
    const float width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x;
    dl->AddLine(ImVec2(pos.x, pos.y + size - raise), ImVec2(pos.x + width, pos.y + size - raise), colour, 1.5f);
    pos.y += size;
  });
}

// A chevron ">" drawn with lines, so it needs no glyph.
void draw_chevron(ImDrawList* dl, ImVec2 centre, float size, ImU32 color) {
  const float h = size * 0.5f;
  dl->AddPolyline(
      std::array<ImVec2, 3>{ImVec2(centre.x - h * 0.5f, centre.y - h), ImVec2(centre.x + h * 0.5f, centre.y),
                            ImVec2(centre.x - h * 0.5f, centre.y + h)}
          .data(),
      3, color, ImDrawFlags_None, std::max(2.0f, size * 0.14f));
}

// The widest word of text in this font: a word wider than the line is cut mid-word by ImGui.
float widest_word(const ImFont* font, std::string_view text) {
  float widest = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    widest = std::max(widest, text_size(font, text.substr(start, end - start), 0.0f).x);
    start = end + 1;
  }
  return widest;
}

}  // namespace

float font_px(const ImFont* font) { return font->FontSize * font->Scale; }

Ui::Ui(const core::State& state, const Theme& theme, const Fonts& fonts, const FrameInput& input, SemanticTree& tree,
       std::vector<core::Action>& actions, FrameOutput* output)
    : state_(state), theme_(theme), fonts_(fonts), input_(input), tree_(tree), actions_(actions), output_(output) {}

float Ui::margin(float width) const {
  // One em at the side, but never more than a twentieth of a narrow screen: with large text on a
  // small phone the words need the room more than the margin does.
  return std::min(em(), std::max(12.0f, 0.05f * width));
}

void Ui::begin_column(float width) {
  const float margin = this->margin(width);
  const float max_width = theme_.content_max_em * em();
  column_width_ = std::min(width - 2 * margin, max_width);
  const float offset = std::max(margin, (width - column_width_) * 0.5f);
  ImGui::Indent(offset);
  ImGui::PushTextWrapPos(offset + column_width_);
}

void Ui::end_column() {
  ImGui::PopTextWrapPos();
  ImGui::Unindent(ImGui::GetCursorPosX() - ImGui::GetStyle().WindowPadding.x);
}

void Ui::gap(Space space) { ImGui::Dummy(ImVec2(1, theme_.size.space[static_cast<int>(space)] * em())); }

std::uint32_t Ui::record(Role role, std::string_view name, ImGuiID id, const ImVec2& min, const ImVec2& max,
                         std::string_view href, int level) {
  Node node;
  // Two nodes must never share an id (the same text twice on a screen): the second gets a fresh
  // one made from the first, the third from the second, and so on.  Made from the id alone (not
  // from where the node falls in the frame), so it stays the same when the text size or the
  // screen's size changes what else is drawn: the mirror keeps the element, and its focus.
  node.id = id;
  while (std::any_of(tree_.nodes.begin(), tree_.nodes.end(), [&](const Node& other) { return other.id == node.id; }))
    node.id = ImHashData(&node.id, sizeof node.id, kDuplicateIdSeed);
  node.role = role;
  node.name = std::string(name);
  node.href = std::string(href);
  node.level = level;
  node.rect = {min.x, min.y, max.x - min.x, max.y - min.y};
  const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
  const ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
  node.clip = {clip_min.x, clip_min.y, clip_max.x - clip_min.x, clip_max.y - clip_min.y};
  node.landmark = landmark_;
  if (!groups_.empty()) node.parent = tree_.nodes[groups_.back()].id;
  tree_.nodes.push_back(std::move(node));
  at_panel_top_ = false;
  return tree_.nodes.back().id;
}

void Ui::describe_last(std::string_view words) {
  if (tree_.nodes.empty() || words.empty()) return;
  const std::size_t control = tree_.nodes.size() - 1;
  const Rect r = tree_.nodes[control].rect;
  const ImVec2 at(r.x, r.y);
  const std::uint32_t text = record(Role::text, words, ImHashStr("description", 0, tree_.nodes[control].id), at, at);
  tree_.nodes.back().hidden = true;
  tree_.nodes[control].described_by.push_back(text);
}

void Ui::set_last_lang(std::string_view lang) {
  if (!tree_.nodes.empty()) tree_.nodes.back().lang = std::string(lang);
}

void Ui::mark_submit() {
  if (!tree_.nodes.empty()) tree_.nodes.back().submit = true;
}

std::uint32_t Ui::error_message(std::string_view error, std::string_view said) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float wrap = column_width_ - 0.8f * em();
  const ImVec2 size = text_size(fonts_.bold, error, wrap);
  dl->AddRectFilled(pos, ImVec2(pos.x + 0.25f * em(), pos.y + size.y), theme_.error);
  draw_text(dl, fonts_.bold, ImVec2(pos.x + 0.6f * em(), pos.y), theme_.error, error, wrap);
  ImGui::Dummy(ImVec2(size.x, size.y - ImGui::GetStyle().ItemSpacing.y * 0.5f));
  const std::uint32_t id =
      record(Role::text, error, ImGui::GetID("error"), pos, ImVec2(pos.x + 0.6f * em() + size.x, pos.y + size.y));
  tree_.nodes.back().live = std::string(said);
  return id;
}

void Ui::detail_text(std::string_view detail, ImVec2 pos, float wrap, ImU32 colour) {
  if (detail.empty() || tree_.nodes.empty()) return;
  draw_text(ImGui::GetWindowDrawList(), fonts_.body, pos, colour, detail, wrap);
  const ImVec2 size = text_size(fonts_.body, detail, wrap);
  const std::size_t control = tree_.nodes.size() - 1;
  const std::uint32_t text = record(Role::text, detail, ImHashStr("detail", 0, tree_.nodes[control].id), pos,
                                    ImVec2(pos.x + size.x, pos.y + size.y));
  tree_.nodes[control].described_by.push_back(text);
}

void Ui::begin_group(Role role, std::string_view name, std::string_view id_text, std::string_view error) {
  const std::string_view key = id_text.empty() ? name : id_text;
  ImGui::PushID(key.data(), key.data() + key.size());
  // The message comes first, outside the group (a group of answers holds only answers), and
  // describes it.
  const std::uint32_t message = error.empty() ? 0 : error_message(error, error);
  ImGui::PopID();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  record(role, name, ImGui::GetID(key.data(), key.data() + key.size()), at, at);
  if (message) tree_.nodes.back().described_by.push_back(message);
  groups_.push_back(tree_.nodes.size() - 1);
}

// The group's rect is the union of its children's, so the mirror can place it (and them in it).
void Ui::end_group() {
  if (groups_.empty()) return;
  const std::size_t at = groups_.back();
  groups_.pop_back();
  Node& group = tree_.nodes[at];
  bool any = false;
  float x0 = group.rect.x, y0 = group.rect.y, x1 = x0, y1 = y0;
  for (std::size_t i = at + 1; i < tree_.nodes.size(); ++i) {
    const Rect& r = tree_.nodes[i].rect;
    if (!any) {
      x0 = r.x, y0 = r.y, x1 = r.x + r.w, y1 = r.y + r.h;
      any = true;
      continue;
    }
    x0 = std::min(x0, r.x), y0 = std::min(y0, r.y);
    x1 = std::max(x1, r.x + r.w), y1 = std::max(y1, r.y + r.h);
  }
  group.rect = {x0, y0, x1 - x0, y1 - y0};
}

void Ui::bring_into_view_if_focused(ImGuiID id) {
  if (id == 0 || id != input_.focus_id) return;
  const float top = ImGui::GetItemRectMin().y, bottom = ImGui::GetItemRectMax().y;
  const ImVec2 win_min = ImGui::GetWindowPos();
  const float win_bottom = win_min.y + ImGui::GetWindowHeight();
  if (top < win_min.y || bottom > win_bottom) ImGui::SetScrollHereY(0.3f);
}

void Ui::heading(std::string_view text, int level) {
  ImFont* font = level <= 1 ? fonts_.h1 : level == 2 ? fonts_.h2 : fonts_.bold;
  // Large text on a narrow phone: a heading whose longest word ("co-ordinator") would not fit on
  // a line steps down a size rather than being cut in the middle of the word.
  while (font != fonts_.bold && widest_word(font, text) > column_width_)
    font = font == fonts_.h1 ? fonts_.h2 : fonts_.bold;
  if (level > 1 && !at_panel_top_) gap(Space::group);
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, theme_.heading);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  const ImGuiID id = ImGui::GetID(text.data(), text.data() + text.size());
  record(Role::heading, text, id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), {}, level);
  bring_into_view_if_focused(id);
}

void Ui::paragraph(std::string_view text, ImU32 color, ImFont* font) {
  ImGui::PushFont(font ? font : fonts_.body);
  ImGui::PushStyleColor(ImGuiCol_Text, color ? color : theme_.text);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  const ImGuiID id = ImGui::GetID(text.data(), text.data() + text.size());
  record(Role::text, text, id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  bring_into_view_if_focused(id);
}

void Ui::bullets(const std::vector<std::string>& items) {
  const float indent = theme_.size.bullet_indent * em();
  if (items.empty()) return;
  begin_group(Role::list, {}, items.front() + "#list");
  for (const auto& item : items) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float line = font_px(fonts_.body);
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(start.x + 0.45f * em(), start.y + line * 0.5f), 0.17f * em(),
                                                theme_.text);
    ImGui::Indent(indent);
    ImGui::PushFont(fonts_.body);
    ImGui::TextUnformatted(item.c_str());
    ImGui::PopFont();
    ImGui::Unindent(indent);
    const ImGuiID id = ImGui::GetID(item.c_str());
    record(Role::list_item, item, id, start, ImGui::GetItemRectMax());
    bring_into_view_if_focused(id);
  }
  end_group();
}

bool Ui::pressable(ImGuiID& id_out, std::string_view id_text, const ImVec2& size) {
  ImGui::PushID(id_text.data(), id_text.data() + id_text.size());
  const bool tapped = ImGui::InvisibleButton("##press", size);
  id_out = ImGui::GetItemID();
  ImGui::PopID();
  return tapped || activated(id_out);
}

bool Ui::button(std::string_view label, ButtonKind kind, bool full_width, std::string_view id_text,
                std::string_view accessible_name) {
  ImFont* font = fonts_.bold;
  // A quiet button reads as a link: it lines up with the text around it.
  const bool quiet = kind == ButtonKind::quiet;
  const Sizes& s = theme_.size;
  const ImVec2 pad((quiet ? s.quiet_pad_x : s.button_pad_x) * em(), s.button_pad_y * em());
  const float wrap = column_width_ - 2 * pad.x;
  const ImVec2 label_size = text_size(font, label, wrap);
  const float min_height = std::max(s.button_min_height * em(), s.button_min_px);
  ImVec2 size(full_width ? column_width_ : std::min(column_width_, std::max(s.touch_min_px, label_size.x + 2 * pad.x)),
              std::max(min_height, label_size.y + 2 * pad.y));
  ImGuiID id = 0;
  const bool pressed = pressable(id, id_text.empty() ? label : id_text, size);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = theme_.rounding_em * em();
  if (ImU32 bg = background_for(theme_, kind)) dl->AddRectFilled(min, max, bg, rounding);
  // A secondary button's edge is its label's colour; under forced colours every button has an
  // edge (its fill may be the page's own colour).
  const ImU32 edge = kind == ButtonKind::quiet       ? 0
                     : theme_.button_border != 0     ? theme_.button_border
                     : kind == ButtonKind::secondary ? theme_.secondary_text
                                                     : 0;
  if (edge) dl->AddRect(min, max, edge, rounding, 0, 2.0f);
  if (ImGui::IsItemActive()) dl->AddRectFilled(min, max, theme_.pressed_overlay, rounding);
  const ImVec2 text_pos(quiet ? min.x + pad.x : min.x + (size.x - label_size.x) * 0.5f,
                        min.y + (size.y - label_size.y) * 0.5f);
  if (quiet) {
    draw_text(dl, font, text_pos, text_for(theme_, kind), label, wrap);
  } else {
    draw_text_centred(dl, font, (min.x + max.x) * 0.5f, text_pos.y, text_for(theme_, kind), label, wrap);
  }
  if (kind == ButtonKind::quiet) underline_lines(dl, font, text_pos, label, wrap, theme_.link, 0.0f);
  record(Role::button, accessible_name.empty() ? label : accessible_name, id, min, max);
  bring_into_view_if_focused(id);
  return pressed;
}

void Ui::notice(std::string_view title, std::string_view text) {
  begin_panel();
  if (!title.empty()) heading(title, 3);
  if (!text.empty()) paragraph(text);
  end_panel(theme_.notice_bg, theme_.notice_border);
}

void Ui::warning(std::string_view text) {
  const float bar = 0.25f * em(), inset = 0.6f * em(), pad = 0.2f * em();
  const float wrap = column_width_ - inset - pad;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 size = text_size(fonts_.bold, text, wrap);
  const ImVec2 end(pos.x + column_width_, pos.y + size.y + 2 * pad);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, end, theme_.notice_bg);
  dl->AddRectFilled(pos, ImVec2(pos.x + bar, end.y), theme_.notice_border);
  draw_text(dl, fonts_.bold, ImVec2(pos.x + inset, pos.y + pad), theme_.text, text, wrap);
  ImGui::Dummy(ImVec2(column_width_, end.y - pos.y));
  record(Role::text, text, ImGui::GetID(text.data(), text.data() + text.size()), pos, end);
}

bool Ui::back_button() {
  const std::string& label = str("back");
  ImFont* font = fonts_.body;
  const ImVec2 label_size = text_size(font, label, column_width_);
  const float chevron = 0.9f * em();
  const ImVec2 size(label_size.x + chevron + 0.6f * em(), std::max(2.4f * em(), theme_.size.touch_min_px));
  ImGuiID id = 0;
  const bool pressed = pressable(id, "back", size);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float mid = (min.y + max.y) * 0.5f;
  // A "<" drawn as two lines, then the word.
  const float h = chevron * 0.35f;
  const ImVec2 tip(min.x + 0.1f * em(), mid);
  dl->AddLine(ImVec2(tip.x + h, mid - h), tip, theme_.link, 2.0f);
  dl->AddLine(tip, ImVec2(tip.x + h, mid + h), theme_.link, 2.0f);
  const ImVec2 text_pos(min.x + chevron, mid - label_size.y * 0.5f);
  draw_text(dl, font, text_pos, theme_.link, label, column_width_);
  dl->AddLine(ImVec2(text_pos.x, text_pos.y + label_size.y - theme_.size.underline_offset * em()),
              ImVec2(text_pos.x + label_size.x, text_pos.y + label_size.y - theme_.size.underline_offset * em()),
              theme_.link, 1.5f);
  if (ImGui::IsItemActive()) dl->AddRectFilled(min, max, theme_.pressed_overlay, theme_.size.press_rounding * em());
  record(Role::button, label, id, min, max);
  bring_into_view_if_focused(id);
  return pressed;
}

bool Ui::card(std::string_view title, std::string_view detail, bool enabled) {
  const Sizes& s = theme_.size;
  const float pad = s.card_pad * em();
  const float chevron_space = enabled ? s.card_chevron_space * em() : 0.0f;
  const float wrap = column_width_ - 2 * pad - chevron_space;
  const ImVec2 title_size = text_size(fonts_.bold, title, wrap);
  const ImVec2 detail_size = text_size(fonts_.body, detail, wrap);
  const float gap_y = s.card_line_gap * em();
  const ImVec2 size(column_width_, std::max(s.card_min_height * em(), title_size.y + gap_y + detail_size.y + 2 * pad));
  ImGuiID id = 0;
  ImGui::BeginDisabled(!enabled);
  const bool pressed = pressable(id, title, size) && enabled;
  ImGui::EndDisabled();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = theme_.rounding_em * em();
  dl->AddRectFilled(min, max, enabled ? theme_.card_bg : theme_.page_bg, rounding);
  dl->AddRect(min, max, theme_.card_border, rounding, 0, 1.5f);
  if (enabled && ImGui::IsItemActive()) dl->AddRectFilled(min, max, theme_.pressed_overlay, rounding);
  const ImU32 title_color = enabled ? theme_.link : theme_.text_muted;
  draw_text(dl, fonts_.bold, ImVec2(min.x + pad, min.y + pad), title_color, title, wrap);
  if (enabled) draw_chevron(dl, ImVec2(max.x - pad - 0.3f * em(), (min.y + max.y) * 0.5f), 0.9f * em(), theme_.link);
  // Named by its title; its detail ("Not filled in yet", "Your answer: Yes") is text of its own
  // after it, which describes it.
  record(Role::button, title, id, min, max);
  tree_.nodes.back().disabled = !enabled;
  detail_text(detail, ImVec2(min.x + pad, min.y + pad + title_size.y + gap_y), wrap, theme_.text_muted);
  bring_into_view_if_focused(id);
  return pressed;
}

void Ui::link_button(std::string_view label, const std::string& href, ButtonKind kind, std::uint32_t described_by) {
  if (button(label, kind, true, href)) open(href);
  // The button recorded itself as a button; it is a link to a phone number or address.
  auto& node = tree_.nodes.back();
  node.role = Role::link;
  node.href = href;
  if (described_by) node.described_by.push_back(described_by);
}

bool Ui::text_link(std::string_view label, const std::string& href, std::string_view id_text) {
  ImFont* font = fonts_.body;
  const ImVec2 size_text = text_size(font, label, column_width_);
  const Sizes& s = theme_.size;
  const float height = std::max(size_text.y + 2 * s.link_pad_y * em(), s.touch_min_px);
  ImGuiID id = 0;
  const bool pressed = pressable(id, id_text.empty() ? label : id_text,
                                 ImVec2(std::min(column_width_, size_text.x + 0.2f * em()), height));
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 text_pos(min.x, min.y + (height - size_text.y) * 0.5f);
  draw_text(dl, font, text_pos, theme_.link, label, column_width_);
  underline_lines(dl, font, text_pos, label, column_width_, theme_.link, theme_.size.underline_offset * em());
  if (ImGui::IsItemActive()) dl->AddRectFilled(min, max, theme_.pressed_overlay, theme_.size.press_rounding * em());
  record(Role::link, label, id, min, max, href);
  bring_into_view_if_focused(id);
  if (pressed && !href.empty()) open(href);
  return pressed;
}

std::optional<std::string> Ui::text_field(std::string_view id_text, std::string_view label, const std::string& value,
                                          InputKind kind, std::string_view hint, std::string_view error,
                                          bool error_while_typing, bool label_shown) {
  ImGui::PushID(id_text.data(), id_text.data() + id_text.size());
  const float pad_x = theme_.size.input_pad_x * em(), pad_y = theme_.size.input_pad_y * em();
  const float line = font_px(fonts_.body);
  // The label and hint are drawn here and read from the input itself (its name and description).
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (label_shown) {
    const ImVec2 label_pos = ImGui::GetCursorScreenPos();
    const ImVec2 label_size = text_size(fonts_.bold, label, column_width_);
    draw_text(dl, fonts_.bold, label_pos, theme_.text, label, column_width_);
    ImGui::Dummy(ImVec2(label_size.x, label_size.y - ImGui::GetStyle().ItemSpacing.y * 0.5f));
  }
  // The error and the hint are text of their own, and the field's description points at them
  // (aria-describedby), error first.
  std::vector<std::uint32_t> described_by;
  std::uint32_t hint_node = 0;
  if (!hint.empty()) {
    const ImVec2 hint_pos = ImGui::GetCursorScreenPos();
    const ImVec2 hint_size = text_size(fonts_.body, hint, column_width_);
    draw_text(dl, fonts_.body, hint_pos, theme_.text_muted, hint, column_width_);
    ImGui::Dummy(ImVec2(hint_size.x, hint_size.y - ImGui::GetStyle().ItemSpacing.y * 0.5f));
    hint_node = record(Role::text, hint, ImGui::GetID("hint"), hint_pos,
                       ImVec2(hint_pos.x + hint_size.x, hint_pos.y + hint_size.y));
  }
  // A message that more typing could still put right waits until the person has finished with
  // the box (it has lost focus); one that no typing can shows as it becomes known.
  ImGui::PushID("field");
  const ImGuiID field_id = ImGui::GetID("##press");  // the id pressable() gives the box below
  ImGui::PopID();
  if (input_.editing_id != 0 && input_.editing_id == field_id && !error_while_typing) error = {};
  // Said once as it appears: which box, and what is wrong (the person may have moved on).
  if (!error.empty())
    described_by.push_back(
        error_message(error, text().format("a11y.field_message", {{"label", label}, {"message", error}})));
  if (hint_node) described_by.push_back(hint_node);

  const bool multiline = kind == InputKind::long_text;
  const float inner_width = column_width_ - 2 * pad_x;
  const float text_height = multiline ? std::max(3 * line, text_size(fonts_.body, value, inner_width).y + line) : line;
  const ImVec2 size(kind == InputKind::date ? std::min(column_width_, 10.0f * em()) : column_width_,
                    std::max(theme_.size.touch_min_px, text_height + 2 * pad_y));
  ImGuiID id = 0;
  const bool tapped = pressable(id, "field", size);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const bool editing = input_.editing_id != 0 && input_.editing_id == id;
  if (tapped && !editing && output_) output_->focus_input = id;

  const bool invalid = !error.empty();
  dl->AddRectFilled(min, max, theme_.card_bg, 0.15f * em());
  if (editing) {
    // The NHS focus style: a yellow ring with a border in the text's colour inside it (the inner
    // ring is what contrasts with the page in every theme).
    dl->AddRect(ImVec2(min.x - 3, min.y - 3), ImVec2(max.x + 3, max.y + 3), theme_.focus, 0.2f * em(), 0, 4.0f);
    dl->AddRect(min, max, theme_.text, 0.15f * em(), 0, 3.0f);
  } else {
    dl->AddRect(min, max, invalid ? theme_.error : theme_.input_border, 0.15f * em(), 0, invalid ? 3.0f : 2.0f);
    // While the DOM input has focus it draws the text itself (with its caret and selection).
    ImGui::PushClipRect(ImVec2(min.x + 2, min.y + 2), ImVec2(max.x - 2, max.y - 2), true);
    std::string shown = kind == InputKind::date ? core::long_date(text(), value) : value;
    if (kind == InputKind::password || kind == InputKind::new_password) {
      shown.clear();
      for (const char c : value)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) shown += "\xE2\x80\xA2";  // one dot a character
    }
    draw_text(dl, fonts_.body, ImVec2(min.x + pad_x, min.y + pad_y), theme_.text, shown,
              multiline ? inner_width : 0.0f);
    ImGui::PopClipRect();
  }
  static constexpr const char* type_names[] = {"text", "text", "tel", "email", "date", "password", "password"};
  record(multiline ? Role::text_area : Role::text_input, label, id, min, max);
  Node& node = tree_.nodes.back();
  node.described_by = std::move(described_by);
  node.value = value;
  node.invalid = invalid;
  node.input_type = type_names[static_cast<int>(kind)];
  // Every number, email and name in the plans is someone else's (a care co-ordinator's, a
  // friend's): the browser must not offer the person's own.  Passphrases are for a password
  // manager: the one the person has, or a new one it may save.
  node.autofill = kind == InputKind::password       ? "current-password"
                  : kind == InputKind::new_password ? "new-password"
                                                    : "off";
  node.font_px = fonts_.css_px;
  node.pad_x = pad_x;
  node.pad_y = pad_y;
  bring_into_view_if_focused(id);
  ImGui::PopID();

  for (const auto& edit : input_.text_edits)
    if (edit.id == id && edit.value != value) return edit.value;
  return std::nullopt;
}

bool Ui::disclosure(std::string_view label, bool expanded) {
  ImFont* font = fonts_.bold;
  const float arrow = 1.3f * em();
  const ImVec2 label_size = text_size(font, label, column_width_ - arrow);
  const ImVec2 size(std::min(column_width_, label_size.x + arrow + 0.3f * em()),
                    std::max(label_size.y + 2 * theme_.size.link_pad_y * em(), theme_.size.touch_min_px));
  ImGuiID id = 0;
  const bool pressed = pressable(id, label, size);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // A solid triangle: pointing right when closed, down when open.
  const ImVec2 c(min.x + 0.45f * em(), (min.y + max.y) * 0.5f);
  const float r = 0.32f * em();
  if (expanded) {
    dl->AddTriangleFilled(ImVec2(c.x - r, c.y - r * 0.6f), ImVec2(c.x + r, c.y - r * 0.6f), ImVec2(c.x, c.y + r * 0.7f),
                          theme_.link);
  } else {
    dl->AddTriangleFilled(ImVec2(c.x - r * 0.6f, c.y - r), ImVec2(c.x + r * 0.7f, c.y), ImVec2(c.x - r * 0.6f, c.y + r),
                          theme_.link);
  }
  const ImVec2 text_pos(min.x + arrow, min.y + (size.y - label_size.y) * 0.5f);
  draw_text(dl, font, text_pos, theme_.link, label, column_width_ - arrow);
  underline_lines(dl, font, text_pos, label, column_width_ - arrow, theme_.link, theme_.size.underline_offset * em());
  if (ImGui::IsItemActive()) dl->AddRectFilled(min, max, theme_.pressed_overlay, theme_.size.press_rounding * em());
  record(Role::button, label, id, min, max);
  tree_.nodes.back().expanded = expanded;
  bring_into_view_if_focused(id);
  return pressed;
}

bool Ui::answer_button(std::string_view label, bool chosen) {
  ImFont* font = fonts_.bold;
  const float pad = 0.9f * em();
  const float mark = 1.5f * em();  // the round mark and the space after it
  const float wrap = column_width_ - 2 * pad - mark;
  const ImVec2 label_size = text_size(font, label, wrap);
  const ImVec2 size(column_width_, std::max({3.0f * em(), 52.0f, label_size.y + 2 * pad}));
  ImGuiID id = 0;
  const bool pressed = pressable(id, label, size);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = theme_.rounding_em * em();
  dl->AddRectFilled(min, max, theme_.card_bg, rounding);
  dl->AddRect(min, max, chosen ? theme_.link : theme_.input_border, rounding, 0, chosen ? 3.0f : 1.5f);
  if (ImGui::IsItemActive()) dl->AddRectFilled(min, max, theme_.pressed_overlay, rounding);
  const ImVec2 centre(min.x + pad + 0.5f * em(), (min.y + max.y) * 0.5f);
  dl->AddCircle(centre, 0.5f * em(), theme_.text, 0, 2.0f);
  if (chosen) dl->AddCircleFilled(centre, 0.28f * em(), theme_.link);
  draw_text(dl, font, ImVec2(min.x + pad + mark, min.y + (size.y - label_size.y) * 0.5f), theme_.link, label, wrap);
  record(Role::radio, label, id, min, max);
  tree_.nodes.back().checked = chosen;
  bring_into_view_if_focused(id);
  return pressed;
}

void Ui::progress(std::string_view label, float fraction) {
  // One progress bar for assistive technology, named and valued by its label ("Question 3 of 10").
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::PushFont(fonts_.body);
  ImGui::PushStyleColor(ImGuiCol_Text, theme_.text_muted);
  ImGui::TextUnformatted(label.data(), label.data() + label.size());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  const ImGuiID id = ImGui::GetID("progress");
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float height = 0.45f * em();
  ImGui::Dummy(ImVec2(column_width_, height));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end(start.x + column_width_, start.y + height);
  const float filled = column_width_ * std::clamp(fraction, 0.0f, 1.0f);
  if (theme_.progress_edge) {  // forced colours: an outline, filled as far as the person has come
    dl->AddRect(start, end, theme_.progress_edge, height * 0.5f, 0, 1.5f);
    if (filled > 0) dl->AddRectFilled(start, ImVec2(start.x + filled, end.y), theme_.progress_edge, height * 0.5f);
  } else {
    dl->AddRectFilled(start, end, theme_.card_border, height * 0.5f);
    if (filled > 0) dl->AddRectFilled(start, ImVec2(start.x + filled, end.y), theme_.primary_bg, height * 0.5f);
  }
  record(Role::progressbar, label, id, top, end);
  tree_.nodes.back().value_now = static_cast<int>(std::lround(std::clamp(fraction, 0.0f, 1.0f) * 100.0f));
}

bool Ui::checkbox(std::string_view label, std::string_view detail, bool checked, bool enabled) {
  const Sizes& s = theme_.size;
  const float pad = s.card_pad * em();
  const float box = 1.3f * em(), mark_space = box + 0.7f * em();
  const float wrap = column_width_ - 2 * pad - mark_space;
  const ImVec2 label_size = text_size(fonts_.bold, label, wrap);
  const ImVec2 detail_size = text_size(fonts_.body, detail, wrap);
  const float gap_y = s.card_line_gap * em();
  const ImVec2 size(column_width_, std::max(s.touch_min_px, label_size.y + gap_y + detail_size.y + 2 * pad));
  ImGuiID id = 0;
  ImGui::BeginDisabled(!enabled);
  const bool pressed = pressable(id, label, size) && enabled;
  ImGui::EndDisabled();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = theme_.rounding_em * em();
  dl->AddRectFilled(min, max, enabled ? theme_.card_bg : theme_.page_bg, rounding);
  dl->AddRect(min, max, checked ? theme_.link : theme_.card_border, rounding, 0, checked ? 3.0f : 1.5f);
  if (enabled && ImGui::IsItemActive()) dl->AddRectFilled(min, max, theme_.pressed_overlay, rounding);
  const ImVec2 box_min(min.x + pad, min.y + pad);
  const ImVec2 box_max(box_min.x + box, box_min.y + box);
  if (checked) {
    dl->AddRectFilled(box_min, box_max, theme_.link, 0.15f * em());
    const ImVec2 tick[] = {{box_min.x + 0.22f * box, box_min.y + 0.52f * box},
                           {box_min.x + 0.42f * box, box_min.y + 0.72f * box},
                           {box_min.x + 0.80f * box, box_min.y + 0.28f * box}};
    dl->AddPolyline(tick, 3, theme_.card_bg, 0, 0.14f * box);
  } else {
    dl->AddRect(box_min, box_max, enabled ? theme_.text : theme_.text_muted, 0.15f * em(), 0, 2.0f);
  }
  const float text_x = min.x + pad + mark_space;
  draw_text(dl, fonts_.bold, ImVec2(text_x, min.y + pad), enabled ? theme_.text : theme_.text_muted, label, wrap);
  record(Role::checkbox, label, id, min, max);
  tree_.nodes.back().checked = checked;
  tree_.nodes.back().disabled = !enabled;
  detail_text(detail, ImVec2(text_x, min.y + pad + label_size.y + gap_y), wrap, theme_.text_muted);
  bring_into_view_if_focused(id);
  return pressed;
}

void Ui::qr_code(const core::QrMatrix& qr, float side, std::string_view name) {
  constexpr int kQuietZone = 4;  // modules of white around the code, as the standard asks
  const int modules = qr.size + 2 * kQuietZone;
  const float module = std::floor(std::min(side, column_width_) / static_cast<float>(modules));
  const float width = module * static_cast<float>(modules);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const ImVec2 min(start.x + std::floor((column_width_ - width) * 0.5f), start.y);
  ImGui::Dummy(ImVec2(column_width_, width));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // Black on white in every theme, on purpose: phone cameras read QR codes that way round.
  dl->AddRectFilled(min, ImVec2(min.x + width, min.y + width), IM_COL32_WHITE);
  for (int y = 0; y < qr.size; ++y)
    for (int x = 0; x < qr.size; ++x)
      if (qr.at(x, y)) {
        const ImVec2 a(min.x + static_cast<float>(x + kQuietZone) * module,
                       min.y + static_cast<float>(y + kQuietZone) * module);
        dl->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32_BLACK);
      }
  record(Role::image, name, ImGui::GetID("qr"), min, ImVec2(min.x + width, min.y + width));
}

void Ui::share_icon(std::string_view name) {
  const float side = 2.4f * em(), stroke = std::max(1.5f, 0.09f * em());
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(side, side));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 colour = theme_.link;
  const float cx = min.x + side * 0.5f;
  // The tray: open at the top, where the arrow leaves it.
  const float left = min.x + side * 0.18f, right = min.x + side * 0.82f;
  const float top = min.y + side * 0.38f, bottom = min.y + side * 0.95f, gap = side * 0.14f;
  const ImVec2 tray[] = {ImVec2(cx - gap, top), ImVec2(left, top),  ImVec2(left, bottom),
                         ImVec2(right, bottom), ImVec2(right, top), ImVec2(cx + gap, top)};
  dl->AddPolyline(tray, 6, colour, ImDrawFlags_None, stroke);
  // The arrow: a shaft from the middle of the tray up past its top, and its head.
  const float tip = min.y + side * 0.04f, head = side * 0.16f;
  dl->AddLine(ImVec2(cx, min.y + side * 0.66f), ImVec2(cx, tip + stroke * 0.5f), colour, stroke);
  const ImVec2 arrow[] = {ImVec2(cx - head, tip + head), ImVec2(cx, tip), ImVec2(cx + head, tip + head)};
  dl->AddPolyline(arrow, 3, colour, ImDrawFlags_None, stroke);
  record(Role::image, name, ImGui::GetID("share-icon"), min, ImVec2(min.x + side, min.y + side));
}

bool Ui::text_button(std::string_view label) {
  ImFont* font = fonts_.bold;
  const ImVec2 label_size = text_size(font, label, column_width_);
  const ImVec2 size(std::max(label_size.x + 0.2f * em(), theme_.size.touch_min_px),
                    std::max(label_size.y + 2 * theme_.size.link_pad_y * em(), theme_.size.touch_min_px));
  ImGuiID id = 0;
  const bool pressed = pressable(id, label, size);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 text_pos(min.x, min.y + (size.y - label_size.y) * 0.5f);
  draw_text(dl, font, text_pos, theme_.link, label, column_width_);
  underline_lines(dl, font, text_pos, label, column_width_, theme_.link, theme_.size.underline_offset * em());
  if (ImGui::IsItemActive()) dl->AddRectFilled(min, max, theme_.pressed_overlay, theme_.size.press_rounding * em());
  record(Role::button, label, id, min, max);
  bring_into_view_if_focused(id);
  return pressed;
}

void Ui::begin_panel() {
  const float pad = theme_.size.card_pad * em();
  IM_ASSERT(panel_starts_.empty() && "panels do not nest");
  panel_starts_.push_back(ImGui::GetCursorScreenPos());
  ImGui::GetWindowDrawList()->ChannelsSplit(2);
  ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
  ImGui::Dummy(ImVec2(1, pad - ImGui::GetStyle().ItemSpacing.y));
  ImGui::Indent(pad);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column_width_ - 2 * pad);
  column_width_ -= 2 * pad;
  at_panel_top_ = true;
}

void Ui::end_panel(ImU32 background, ImU32 border) {
  const float pad = theme_.size.card_pad * em();
  column_width_ += 2 * pad;
  ImGui::PopTextWrapPos();
  ImGui::Unindent(pad);
  ImGui::Dummy(ImVec2(1, pad - ImGui::GetStyle().ItemSpacing.y));
  const ImVec2 start = panel_starts_.back();
  panel_starts_.pop_back();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSetCurrent(0);
  const ImVec2 end(start.x + column_width_, ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y);
  const float rounding = theme_.rounding_em * em();
  dl->AddRectFilled(start, end, background ? background : theme_.card_bg, rounding);
  dl->AddRect(start, end, border ? border : theme_.card_border, rounding, 0, 1.5f);
  dl->ChannelsMerge();
}

}  // namespace cpa::ui
