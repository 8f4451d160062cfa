#include "core/share/share_codec.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/support/inflate.hpp"
#include "core/plans/plan_dates.hpp"

namespace cpa::core {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kPrefix = "#share=";

int sextet(char c) {
  const auto at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

std::string hex8(std::uint32_t value) {
  char out[9];
  std::snprintf(out, sizeof out, "%08x", value);
  return out;
}

bool is_hex8(std::string_view text) {
  if (text.size() != 8) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

bool is_number(std::string_view text) {
  if (text.empty() || text.size() > 4 || text[0] == '0') return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

using json = nlohmann::json;

json item_json(const std::string& item) { return item; }
json item_json(const Contact& c) { return json::array({c.name, c.relationship, c.phone, c.when}); }
json item_json(const Need& n) { return json::array({n.need, n.support}); }

json field_json(const Records& records, const FieldSpec& field) {
  return std::visit(
      [](auto slot) -> json {
        if constexpr (std::is_same_v<decltype(slot), std::string*>) {
          return *slot;
        } else {
          json list = json::array();
          for (const auto& item : *slot) list.push_back(item_json(item));
          return list;
        }
      },
      field.slot(const_cast<Records&>(records)));  // read only
}

bool has_value(const json& value) {
  return value.is_string() ? !value.get_ref<const std::string&>().empty() : !value.empty();
}

bool is_share_section(std::string_view id) {
  for (const auto* section : share_parts())
    if (section->id == id) return true;
  return false;
}

// One list item into the records through the schema's own edits; false on a wrong shape.
bool read_item(Records& records, const FieldSpec& field, std::size_t index, const json& item) {
  const auto subs = item_fields(field.kind);
  if (field.kind == FieldKind::text_list) {
    if (!item.is_string()) return false;
    return append_blank_item(records, field.id) && (set_item(records, field.id, index, "", item.get<std::string>()) ||
                                                    item.get_ref<const std::string&>().empty());
  }
  if (!item.is_array() || item.size() != subs.size()) return false;
  if (!append_blank_item(records, field.id)) return false;
  for (std::size_t k = 0; k < subs.size(); ++k) {
    if (!item[k].is_string()) return false;
    set_item(records, field.id, index, subs[k].id, item[k].get<std::string>());
  }
  return true;
}

bool read_field(Records& records, const FieldSpec& field, const json& value) {
  if (!is_list(field.kind)) {
    if (!value.is_string()) return false;
    set_field(records, field.id, value.get<std::string>());
    return true;
  }
  if (!value.is_array() || value.size() > kMaxListItems) return false;
  for (std::size_t i = 0; i < value.size(); ++i)
    if (!read_item(records, field, i, value[i])) return false;
  return true;
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::size_t i = 0;
  auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k])); };
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t n = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(n >> s) & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 1) {
    const std::uint32_t n = byte(i) << 16;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
  } else if (rest == 2) {
    const std::uint32_t n = byte(i) << 16 | byte(i + 1) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
  }
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    const int v = sextet(c);
    if (v < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  // Leftover bits must be zero: one text for one set of bytes.
  if (count > 0 && (bits & ((1u << count) - 1)) != 0) return std::nullopt;
  return out;
}

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (char ch : bytes) {
    crc ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string share_aad(unsigned flags) {
  return "cpa-share." + std::to_string(kShareVersion) + "." + std::to_string(flags);
}

std::string share_fragment_body(unsigned flags, std::string_view data_b64) {
  const std::string signed_part =
      std::to_string(kShareVersion) + "." + std::to_string(flags) + "." + std::string(data_b64);
  return signed_part + "." + hex8(crc32(signed_part));
}

std::string share_link(std::string_view base_url, unsigned flags, std::string_view data_b64) {
  return std::string(base_url) + std::string(kPrefix) + share_fragment_body(flags, data_b64);
}

std::size_t max_share_payload_bytes() {
  // Every field of every share part at its limit, each byte escaped ("\\" for "\"), with its
  // key and punctuation; lists at their most items.  Generous: a bound, not an estimate.
  std::size_t bytes = 1024;  // {"v":1,"d":"...","n":"...","b":"...","f":{...}}
  for (const auto* part : share_parts())
    for (const auto& field : part->fields) {
      std::size_t value = 2 * field.max_bytes + 8;
      if (is_list(field.kind)) {
        std::size_t item = 8;
        for (const auto& sub : item_fields(field.kind)) item += 2 * sub.max_bytes + 8;
        value = kMaxListItems * item + 8;
      }
      bytes += field.id.size() + 8 + value;
    }
  return bytes;
}

std::size_t max_share_link_chars() {
  const std::size_t data = kShareSaltBytes + kShareIvBytes + kShareTagBytes + max_share_payload_bytes();
  return 4 * ((data + 2) / 3) + 32;  // base64url, with the version, flags and check around it
}

UnpackedShare unpack_share_data(std::string_view bytes, bool compressed) {
  UnpackedShare out;
  if (!compressed) {
    if (bytes.size() > max_share_payload_bytes()) {
      out.problem = LinkProblem::too_large;
      return out;
    }
    out.problem = LinkProblem::none;
    out.payload = std::string(bytes);
    return out;
  }
  auto inflated = inflate_raw(bytes, max_share_payload_bytes());
  out.problem = inflated.ok()                                 ? LinkProblem::none
                : inflated.status == InflateStatus::too_large ? LinkProblem::too_large
                                                              : LinkProblem::damaged;
  if (inflated.ok()) out.payload = std::move(inflated.output);
  return out;
}

bool is_share_fragment(std::string_view url) { return url.find("#share") != std::string_view::npos; }

ShareLink parse_share_link(std::string_view url) {
  ShareLink link;
  const auto at = url.find(kPrefix);
  if (at == std::string_view::npos) return link;
  const std::string_view body = url.substr(at + kPrefix.size());
  if (body.size() > max_share_link_chars()) {  // before any work
    link.problem = LinkProblem::too_large;
    return link;
  }
  const auto d1 = body.find('.');
  const auto d2 = d1 == std::string_view::npos ? d1 : body.find('.', d1 + 1);
  const auto d3 = d2 == std::string_view::npos ? d2 : body.find('.', d2 + 1);
  if (d3 == std::string_view::npos || body.find('.', d3 + 1) != std::string_view::npos) return link;
  const std::string_view signed_part = body.substr(0, d3), check = body.substr(d3 + 1);
  if (!is_hex8(check) || hex8(crc32(signed_part)) != check) return link;
  const std::string_view version = body.substr(0, d1), flags = body.substr(d1 + 1, d2 - d1 - 1);
  const std::string_view data = body.substr(d2 + 1, d3 - d2 - 1);
  if (version != std::to_string(kShareVersion)) {
    if (is_number(version)) link.problem = LinkProblem::newer_version;
    return link;
  }
  if (flags.size() != 1 || flags[0] < '0' || flags[0] > '3') return link;
  link.flags = static_cast<unsigned>(flags[0] - '0');
  const auto bytes = base64url_decode(data);
  const std::size_t least = link.locked() ? kShareSaltBytes + kShareIvBytes + kShareTagBytes : 1;
  if (!bytes || bytes->size() < least) return link;
  link.data_b64 = std::string(data);
  link.problem = LinkProblem::none;
  return link;
}

std::vector<const SectionSpec*> share_parts() {
  std::vector<const SectionSpec*> parts;
  for (const auto& section : plan_sections())
    if (section.plan == "crisis_plan") parts.push_back(&section);
  if (const auto* coordinator = find_section("care_plan.coordinator")) parts.push_back(coordinator);
  return parts;
}

std::string clean_shared_by(std::string_view typed) {
  std::string name = clean_value(FieldKind::text, typed);
  if (name.size() > kMaxSharedByBytes) {
    std::size_t end = kMaxSharedByBytes;
    while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;  // not inside a character
    name.resize(end);
  }
  const auto first = name.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return name.substr(first, name.find_last_not_of(' ') - first + 1);
}

namespace {
// A nation id as content writes them ("northern-ireland"); anything else is not read.
bool looks_like_nation_id(std::string_view id) {
  if (id.empty() || id.size() > 32) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}
// A language as the app names them ("cy", "en-GB"); which ones the site offers is core/language's.
bool looks_like_language_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 16) return false;
  return std::all_of(tag.begin(), tag.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'; });
}
}  // namespace

std::string share_payload(const Records& records, const std::vector<std::string>& section_ids,
                          std::string_view shared_on, std::string_view nation, std::string_view shared_by,
                          std::string_view language) {
  json fields = json::object();
  for (const auto& id : section_ids) {
    const SectionSpec* section = find_section(id);
    if (!section || !is_share_section(id)) continue;
    for (const auto& field : section->fields) {
      json value = field_json(records, field);
      if (has_value(value)) fields[std::string(field.id)] = std::move(value);
    }
  }
  json doc{{"v", kShareVersion}, {"d", std::string(shared_on)}, {"f", std::move(fields)}};
  if (looks_like_nation_id(nation)) doc["n"] = std::string(nation);
  if (const auto by = clean_shared_by(shared_by); !by.empty()) doc["b"] = by;
  if (looks_like_language_tag(language)) doc["l"] = std::string(language);
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<SharedPlan> read_share_payload(std::string_view payload) {
  const json doc = json::parse(payload.begin(), payload.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
  const auto v = doc.find("v"), d = doc.find("d"), f = doc.find("f");
  if (v == doc.end() || d == doc.end() || f == doc.end()) return std::nullopt;
  if (!v->is_number_integer() || v->get<int>() != kShareVersion || !d->is_string() || !f->is_object())
    return std::nullopt;
  SharedPlan plan;
  const auto date = parse_iso_date(d->get<std::string>());
  if (!date) return std::nullopt;
  plan.shared_on = to_iso(*date);
  // Optional; a value of the wrong shape is left out rather than refusing the plan.
  if (const auto n = doc.find("n"); n != doc.end() && n->is_string() && looks_like_nation_id(n->get<std::string>()))
    plan.nation = n->get<std::string>();
  if (const auto b = doc.find("b"); b != doc.end() && b->is_string())
    plan.shared_by = clean_shared_by(b->get<std::string>());
  if (const auto l = doc.find("l"); l != doc.end() && l->is_string() && looks_like_language_tag(l->get<std::string>()))
    plan.language = l->get<std::string>();
  for (const auto& [id, value] : f->items()) {
    const FieldSpec* field = find_field(id);
    const auto dot = id.rfind('.');
    // Only the share parts' fields; a field of another part is never read.
    bool shareable = false;
    for (const auto* section : share_parts())
      for (const auto& candidate : section->fields) shareable = shareable || &candidate == field;
    if (!field || !shareable || dot == std::string::npos) return std::nullopt;
    if (!read_field(plan.records, *field, value)) return std::nullopt;
  }
  return plan;
}

}  // namespace cpa::core
