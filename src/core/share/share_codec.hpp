#pragma once
// The share link's format, defined once: what a "#share=" link carries and how it is checked.
//
//   <site>#share=1.<flags>.<data>.<check>
//     1       the format version (a newer app may write 2; this app says so instead of guessing)
//     flags   one hex digit: bit 0 = data is deflate-raw compressed, bit 1 = data is locked
//             with a passphrase (see below)
//     data    base64url (no padding) of the payload bytes
//     check   CRC-32 of "1.<flags>.<data>" as 8 lowercase hex digits: any damage to the link
//             (a cut-off end, a changed character) is caught before anything is shown
//
// The payload (before compression and locking) is UTF-8 JSON written from the records schema:
//   {"v":1,"d":"2026-11-23","n":"wales","b":"Sam",
//    "f":{"<field id>": "text" | ["item", ...] | [["name","rel","phone","when"], ...]}}
// "n" (where the person lives, when they told the app), "b" (the name they gave) and "l" (the
// language they shared in: "cy", "en-GB") are optional; an app that does not know them ignores them.  Only fields of
// the share parts (share_parts()) are read; every value is cleaned and checked against the schema's limits on the way
// in, exactly as if typed.  Nothing in a payload is trusted as checked: the carer's crisis lines come from the app's
// own content (core/share/share.hpp), never from the link.
//
// A locked payload: salt (16 bytes) | iv (12 bytes) | AES-256-GCM ciphertext with its tag, the key
// from the passphrase by PBKDF2-HMAC-SHA256 (kShareKdfIterations) and the additional data
// share_aad(flags), so a locked link's flags cannot be changed unnoticed.  The platform does the
// cryptography and the compression (WebCrypto, CompressionStream); core decides all of the above.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/plans/records/records.hpp"

namespace cpa::core {

inline constexpr int kShareVersion = 1;
inline constexpr unsigned kShareCompressed = 1u;
inline constexpr unsigned kShareLocked = 2u;
inline constexpr std::uint32_t kShareKdfIterations = 600000;
// A locked link can be copied and guessed at offline, as often and as fast as an attacker's
// hardware allows: the slow key derivation above only multiplies the work of each guess.  So the
// passphrase must be long: 12 characters at least (three or four words are easy to pass on by
// phone and hard to guess).
inline constexpr std::size_t kMinSharePassphraseChars = 12;
inline constexpr std::size_t kShareSaltBytes = 16, kShareIvBytes = 12, kShareTagBytes = 16;

std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);  // strict: nullopt on any bad input
std::uint32_t crc32(std::string_view bytes);

// The additional authenticated data of a locked payload.
std::string share_aad(unsigned flags);

// "1.<flags>.<data>.<check>" for data already in base64url.
std::string share_fragment_body(unsigned flags, std::string_view data_b64);
// "<base>#share=<body>"
std::string share_link(std::string_view base_url, unsigned flags, std::string_view data_b64);

// Limits on what a link may hold, derived from the records schema (the largest plan the app lets
// a person write, every character needing JSON's escape), and checked before any work: a link
// made by hand to inflate to megabytes is refused, never decoded.
std::size_t max_share_payload_bytes();  // the payload's JSON, after inflating
std::size_t max_share_link_chars();     // "1.<flags>.<data>.<check>" after "#share="

enum class LinkProblem { none, damaged, newer_version, too_large };
struct ShareLink {
  LinkProblem problem = LinkProblem::damaged;
  unsigned flags = 0;
  std::string data_b64;  // checked: decodes, and is long enough for its flags
  bool compressed() const { return flags & kShareCompressed; }
  bool locked() const { return flags & kShareLocked; }
};
// True when a URL or fragment is meant as a share link ("#share" anywhere in it).
bool is_share_fragment(std::string_view url_or_fragment);
// Reads a whole link or just its fragment.  Any damage gives LinkProblem::damaged.
ShareLink parse_share_link(std::string_view url_or_fragment);

// The payload from a link's data once unlocked (the data itself when not locked): inflated when
// the link says it is compressed (core/support/inflate.hpp: every browser, with or without
// DecompressionStream), within max_share_payload_bytes().  Decided here, for the carer's page and
// for the person's own check of the link they made.
struct UnpackedShare {
  LinkProblem problem = LinkProblem::damaged;  // none, damaged or too_large
  std::string payload;
};
UnpackedShare unpack_share_data(std::string_view bytes, bool compressed);

// What a carer receives: the shared fields in a Records (everything else empty) and the date.
struct SharedPlan {
  Records records;
  std::string shared_on;  // YYYY-MM-DD
  std::string nation;     // "wales", or "" when not known; only ever used to order the app's own lines
  std::string shared_by;  // the name the person gave, cleaned; "" when none
  std::string language;   // the sharer's ("cy", "en-GB"), for the carer's view; "" when not known
  bool operator==(const SharedPlan&) const = default;
};
inline constexpr std::size_t kMaxSharedByBytes = 60;  // a first name or two

// The payload JSON for these sections of the records (section ids from share_parts()).
std::string share_payload(const Records& records, const std::vector<std::string>& section_ids,
                          std::string_view shared_on, std::string_view nation = {}, std::string_view shared_by = {},
                          std::string_view language = {});
// The name a person gives for a shared plan, as it will be shown: cleaned like typed text (no
// control or invisible characters), at most kMaxSharedByBytes (cut at a character).
std::string clean_shared_by(std::string_view typed);
// nullopt when the payload is not a v1 share payload (bad JSON, a wrong type, a bad date).
std::optional<SharedPlan> read_share_payload(std::string_view payload);

// The sections a person can share, straight from the records schema: every section of the
// crisis plan, and the care co-ordinator from the care plan.
std::vector<const SectionSpec*> share_parts();

}  // namespace cpa::core
