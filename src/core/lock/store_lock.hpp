#pragma once
// Two records the store keeps beside the person's plans, both defined here once:
//
// 1. The locked record.  With a passphrase set, the store holds this instead of the sealed
//    envelope (records_store.hpp), under the same keys ("current", "previous"):
//      { "envelope": "cpa-companion-locked", "envelope_version": 1,
//        "kdf": "PBKDF2-SHA256", "iterations": 600000, "salt": "<base64url, 16 bytes>",
//        "cipher": "AES-256-GCM", "iv": "<base64url, 12 bytes>", "data": "<base64url>",
//        "lock_after_minutes": 5 }
//    data is AES-256-GCM (additional data kLockAad) of the sealed envelope's text, with a key
//    derived from the passphrase by PBKDF2-SHA256 over the salt.  The browser's WebCrypto does
//    the cryptography (web/lib_storage.js); the core decides the format, the iterations and
//    when to lock, and reads nothing it cannot check.  Only the lock time is readable without
//    the passphrase.
//
// 2. The fallback record ("fallback", and "fallback_previous" for the last good one): what the
//    plain-HTML page shows if the app cannot start, already decided by help_now_personal:
//      { "fallback": "cpa-companion-fallback", "version": 1, "length": <payload bytes>,
//        "fnv1a64": "<16 hex digits>", "payload": "<JSON text>" }
//    payload: { "locked": false, "sections": [ { "heading": "...", "items": ["..."],
//               "contacts": [ { "label": "Call Sam on 07700 900123", "href": "tel:+44...",
//                               "relationship": "...", "when": "..." } ] } ] }
//    With a passphrase set it says {"locked": true, "sections": []}: the page then shows the
//    national lines only.  shell/loader.js checks length and checksum (the same FNV-1a, pinned
//    by tests/vectors/fnv1a64.json from both sides) and draws with textContent only.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.hpp"
#include "core/help_now/help_now.hpp"

namespace cpa::core {

struct PlansState;

inline constexpr std::string_view kLockedEnvelopeName = "cpa-companion-locked";
inline constexpr int kLockedEnvelopeVersion = 1;
inline constexpr std::uint32_t kLockIterations = 600'000;  // OWASP's figure for PBKDF2-HMAC-SHA256
inline constexpr std::string_view kLockAad = "cpa-companion-locked/1";
inline constexpr std::size_t kMinPassphraseChars = 8;
inline constexpr std::array<int, 4> kLockAfterChoices = {2, 5, 15, 30};  // minutes without use
inline constexpr int kDefaultLockAfterMinutes = 5;
// Hidden (another app, the phone locked) for this long locks too, if the chosen time is longer.
inline constexpr double kLockWhenHiddenMs = 60'000;

struct LockedRecord {
  std::uint32_t iterations = kLockIterations;
  std::string salt;  // base64url
  std::string iv;    // base64url
  std::string data;  // base64url
  int lock_after_minutes = kDefaultLockAfterMinutes;
};

std::string locked_record_text(const LockedRecord& record);
// Whether stored text says it is a locked record (even a damaged one: never read as plain).
bool is_locked_record(std::string_view stored);
// The record's fields, checked (sizes, base64url, a known lock time); nullopt if any is wrong.
std::optional<LockedRecord> read_locked_record(std::string_view stored);
// The lock time a stored record asks for (the default when it is not a good locked record).
int lock_after_minutes(std::string_view stored);
bool is_lock_after_choice(int minutes);

// ---- the fallback record ----
std::string fallback_record(const Content& content, const PlansState& plans, bool locked);
struct FallbackView {
  bool locked = false;
  std::vector<PersonalSection> sections;  // contacts carry label, href, relationship, when and warning text
};
// nullopt when damaged (wrong length or checksum, not JSON, not ours).
std::optional<FallbackView> open_fallback_record(std::string_view stored);

}  // namespace cpa::core
