#include "core/lock/store_lock.hpp"

#include <algorithm>

#include "core/support/input_limits.hpp"
#include "core/support/json_safe.hpp"
#include "core/plans/plans.hpp"
#include "core/plans/records/records_store.hpp"
#include "core/share/share_codec.hpp"

namespace cpa::core {
namespace {

using nlohmann::json;

constexpr std::string_view kFallbackName = "cpa-companion-fallback";
constexpr int kFallbackVersion = 1;

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

const std::string* text_at(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

bool decodes_to(const std::string* text, std::size_t min_bytes, std::size_t max_bytes) {
  if (!text) return false;
  const auto bytes = base64url_decode(*text);
  return bytes && bytes->size() >= min_bytes && bytes->size() <= max_bytes;
}

}  // namespace

bool is_lock_after_choice(int minutes) {
  return std::find(kLockAfterChoices.begin(), kLockAfterChoices.end(), minutes) != kLockAfterChoices.end();
}

std::string locked_record_text(const LockedRecord& record) {
  return dump({{"envelope", kLockedEnvelopeName},
               {"envelope_version", kLockedEnvelopeVersion},
               {"kdf", "PBKDF2-SHA256"},
               {"iterations", record.iterations},
               {"salt", record.salt},
               {"cipher", "AES-256-GCM"},
               {"iv", record.iv},
               {"data", record.data},
               {"lock_after_minutes", record.lock_after_minutes}});
}

bool is_locked_record(std::string_view stored) {
  // A cheap look first: the name must be there, and a sealed envelope's payload is escaped
  // JSON, so the exact pair appears only at the top of a locked record.
  if (stored.find(kLockedEnvelopeName) == std::string_view::npos) return false;
  if (stored.size() > max_store_record_bytes()) return false;  // never parsed: read as too large
  const SafeJson parsed = parse_untrusted(stored);
  if (!parsed.ok() || !parsed.value.is_object()) return false;
  const auto* name = text_at(parsed.value, "envelope");
  return name && *name == kLockedEnvelopeName;
}

std::optional<LockedRecord> read_locked_record(std::string_view stored) {
  if (stored.size() > max_store_record_bytes()) return std::nullopt;  // before any work
  const SafeJson parsed = parse_untrusted(stored);
  if (!parsed.ok() || !parsed.value.is_object()) return std::nullopt;
  const json& v = parsed.value;
  const auto* name = text_at(v, "envelope");
  const auto* kdf = text_at(v, "kdf");
  const auto* cipher = text_at(v, "cipher");
  if (!name || *name != kLockedEnvelopeName || !kdf || *kdf != "PBKDF2-SHA256" || !cipher || *cipher != "AES-256-GCM")
    return std::nullopt;
  const auto version = v.find("envelope_version");
  const auto iterations = v.find("iterations");
  const auto after = v.find("lock_after_minutes");
  if (version == v.end() || !version->is_number_unsigned() || version->get<std::uint64_t>() != kLockedEnvelopeVersion)
    return std::nullopt;
  // At least the figure this app writes; at most ten times it (a record asking for more would
  // hang the page deriving the key).
  if (iterations == v.end() || !iterations->is_number_unsigned() ||
      iterations->get<std::uint64_t>() < kLockIterations || iterations->get<std::uint64_t>() > 10ull * kLockIterations)
    return std::nullopt;
  if (after == v.end() || !after->is_number_unsigned() || after->get<std::uint64_t>() > 1000 ||
      !is_lock_after_choice(after->get<int>()))
    return std::nullopt;
  const auto* salt = text_at(v, "salt");
  const auto* iv = text_at(v, "iv");
  const auto* data = text_at(v, "data");
  // 16 bytes of tag at least; never more than a store record may hold.
  if (!decodes_to(salt, 16, 64) || !decodes_to(iv, 12, 12) || !decodes_to(data, 16, max_store_record_bytes()))
    return std::nullopt;
  return LockedRecord{static_cast<std::uint32_t>(iterations->get<std::uint64_t>()), *salt, *iv, *data,
                      after->get<int>()};
}

int lock_after_minutes(std::string_view stored) {
  const auto record = read_locked_record(stored);
  return record ? record->lock_after_minutes : kDefaultLockAfterMinutes;
}

std::string fallback_record(const Content& content, const PlansState& plans, bool locked) {
  json sections = json::array();
  if (!locked) {
    for (const auto& section : help_now_personal(content, plans)) {
      json contacts = json::array();
      for (const auto& c : section.contacts)
        contacts.push_back({{"label", c.label},
                            {"href", c.href},
                            {"relationship", c.relationship},
                            {"when", c.when},
                            {"warning", c.warning.text}});
      sections.push_back({{"heading", section.heading}, {"contacts", contacts}, {"items", section.items}});
    }
  }
  const std::string payload = dump({{"locked", locked}, {"sections", sections}});
  return dump({{"fallback", kFallbackName},
               {"version", kFallbackVersion},
               {"length", payload.size()},
               {"fnv1a64", fnv1a64_hex(payload)},
               {"payload", payload}});
}

std::optional<FallbackView> open_fallback_record(std::string_view stored) {
  if (stored.size() > max_store_record_bytes()) return std::nullopt;  // before any work
  const SafeJson outer = parse_untrusted(stored);
  if (!outer.ok() || !outer.value.is_object()) return std::nullopt;
  const json& v = outer.value;
  const auto* name = text_at(v, "fallback");
  const auto* payload = text_at(v, "payload");
  const auto* check = text_at(v, "fnv1a64");
  const auto version = v.find("version");
  const auto length = v.find("length");
  if (!name || *name != kFallbackName || !payload || !check || version == v.end() || *version != kFallbackVersion ||
      length == v.end() || !length->is_number_unsigned() || length->get<std::uint64_t>() != payload->size() ||
      *check != fnv1a64_hex(*payload))
    return std::nullopt;
  const SafeJson inner = parse_untrusted(*payload);
  if (!inner.ok() || !inner.value.is_object()) return std::nullopt;
  const auto locked = inner.value.find("locked");
  const auto sections = inner.value.find("sections");
  if (locked == inner.value.end() || !locked->is_boolean() || sections == inner.value.end() || !sections->is_array())
    return std::nullopt;
  FallbackView out;
  out.locked = locked->get<bool>();
  for (const auto& s : *sections) {
    if (!s.is_object()) return std::nullopt;
    PersonalSection section;
    if (const auto* heading = text_at(s, "heading")) section.heading = *heading;
    if (const auto items = s.find("items"); items != s.end() && items->is_array())
      for (const auto& item : *items)
        if (item.is_string()) section.items.push_back(item.get<std::string>());
    if (const auto contacts = s.find("contacts"); contacts != s.end() && contacts->is_array())
      for (const auto& c : *contacts) {
        if (!c.is_object()) return std::nullopt;
        PersonalContact contact;
        for (auto [key, field] : {std::pair{"label", &contact.label},
                                  {"href", &contact.href},
                                  {"relationship", &contact.relationship},
                                  {"when", &contact.when},
                                  {"warning", &contact.warning.text}})
          if (const auto* text = text_at(c, key)) *field = *text;
        section.contacts.push_back(std::move(contact));
      }
    out.sections.push_back(std::move(section));
  }
  return out;
}

}  // namespace cpa::core
