#pragma once
// "Share with a carer": the person picks parts of their crisis plan, sees what the carer will
// see, and confirms; out come a printable crisis card, a file, and a link (with its QR code)
// whose data lives only in the URL fragment (core/share/share_codec.hpp).  A carer who opens the link
// sees a read-only "Shared crisis plan" and can keep a copy, stored apart from any plan of their
// own.
//
// Making a link (the platform's side is in platform.hpp):
//   ShareConfirm -> SealShare{payload, compress, passphrase, ...} -> the platform compresses
//   (and locks) -> ShareSealed{ok, data_b64} -> the link and its QR code.
// Opening one:
//   Start / HistoryChanged with "#share=..." -> the link is checked here; the fragment is
//   replaced in the address bar at once -> unlocked: inflated and read here, at once; locked:
//   OpenShare{...} after the passphrase -> ShareOpened{ok, data} -> inflated and read here
//   -> the carer's view.  Before the person is told "Your link is ready", the link is opened
//   the same way and must give back exactly the plan they previewed.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/help_now/access_routes.hpp"
#include "core/help_now/crisis_view.hpp"
#include "core/effects.hpp"
#include "core/help_now/help_now.hpp"
#include "core/share/qr.hpp"
#include "core/share/share_codec.hpp"
#include "core/support/variant_traits.hpp"

namespace cpa::core {

struct State;

enum class IncomingStatus {
  none,           // no link opened
  damaged,        // cut off, changed or not a share link: nothing from it is shown
  too_large,      // holds more than any plan the app can make: refused before any work
  newer_version,  // made by a newer app
  needs_passphrase,
  opening,  // the platform is unlocking / unpacking it
  wrong_passphrase,
  ready,
};

struct ShareState {
  // ---- the person sharing ----
  std::vector<std::string> chosen;  // section ids of share_parts(), in schema order
  bool chosen_set = false;          // the person has changed the choice (else: every part with something written)
  std::string passphrase;           // optional; never saved
  Message passphrase_error;         // too short to resist guessing (kMinSharePassphraseChars)
  bool sealing = false;
  bool verifying = false;      // the link is made; the browser is opening it again to check it
  std::string link;            // the whole link ("" until made)
  std::optional<QrMatrix> qr;  // nullopt when the link is too long for a QR code
  bool locked = false;         // the link needs the passphrase
  Message link_error;          // making the link failed
  std::string shared_by;       // the name the person gives (optional; memory only)
  Message copy_message;        // after Copy link

  // ---- the device ----
  std::string base_url;      // the site's address, for links ("" in tests)
  bool web_share = false;    // navigator.share exists
  bool compression = false;  // CompressionStream('deflate-raw') exists: links are compressed
  unsigned sealing_flags = 0;

  // ---- a carer opening a link ----
  IncomingStatus incoming = IncomingStatus::none;
  ShareLink incoming_link;
  std::string incoming_passphrase;
  std::optional<SharedPlan> received;

  // ---- the carer's kept copy (its own store key, never mixed with their own records) ----
  std::optional<SharedPlan> kept;
  Message kept_message;  // "Kept on this device", or why not
};

// ---- actions from the screens ----
struct ShareTogglePart {
  std::string section_id;
};
struct ShareSetPassphrase {
  std::string passphrase;
};
struct ShareSetName {
  std::string name;
};
struct ShareConfirm {};  // from the preview: make the link
struct SharePrintCard {};
struct ShareSaveFile {};
struct ShareCopyLink {};
struct ShareSystemShare {};  // navigator.share
struct ShareSetIncomingPassphrase {
  std::string passphrase;
};
struct ShareUnlock {};  // the carer typed the passphrase
struct ShareKeepCopy {};
struct ShareDeleteCopy {};
struct ShareOpenKept {};  // Home's "shared with you" card

// ---- actions from the platform ----
// At start: the site's address, whether navigator.share exists, and the kept copy ("" if none).
struct ShareDeviceReady {
  std::string base_url;
  bool web_share = false;
  bool compression = false;
  std::string kept_document;
};
struct ShareSealed {
  bool ok = false;
  std::string data_b64;
};
// The answer to OpenShare: the link's data unlocked (base64url of the bytes, which may still be
// compressed: the core inflates them); !ok: a wrong passphrase or changed data.
struct ShareOpened {
  bool ok = false;
  std::string data_b64;
};
struct ShareCopied {
  bool ok = false;
};
struct ShareCopyKept {
  bool ok = false;
};

using ShareAction = std::variant<ShareTogglePart, ShareSetPassphrase, ShareSetName, ShareConfirm, SharePrintCard,
                                 ShareSaveFile, ShareCopyLink, ShareSystemShare, ShareSetIncomingPassphrase,
                                 ShareUnlock, ShareKeepCopy, ShareDeleteCopy, ShareOpenKept, ShareDeviceReady,
                                 ShareSealed, ShareOpened, ShareCopied, ShareCopyKept>;

template <class T>
inline constexpr bool is_share_action = is_variant_member_v<T, ShareAction>;

Effects update_share(State& state, const ShareAction& action);
// Why a link that is too large was not opened, with the limit.
std::string share_too_large_text(const Content& content);
// Forget everything of this visit's sharing: a plan opened from a link, a link being made, its
// passphrase (kiosk mode's reset).  What the device can do stays.
void clear_shared_plan(State& state);
// A "#share=..." fragment arrived (at start or in an open tab): check it, and ask the platform
// to unpack it unless it needs a passphrase.  The caller routes to the Shared screen.
Effects open_share_link(State& state, std::string_view fragment);

// ---- what the screens show ----
struct PartChoice {
  std::string section_id;
  std::string label;   // the section's title
  std::string detail;  // "3 things written" / "Not filled in yet"
  bool chosen = false;
  bool has_content = false;
};
std::vector<PartChoice> share_choices(const Content& content, const State& state);
// The chosen section ids (the default when the person has not changed anything).
std::vector<std::string> chosen_parts(const State& state);

// One field of a shared section: its label when the section has several (so "Has helped" and
// "Has not helped" never run together), its contacts with call links, and its texts.
struct SharedGroup {
  std::string label;
  std::vector<PersonalContact> contacts;
  std::vector<std::string> items;
};
struct SharedSectionView {
  std::string heading;
  std::vector<SharedGroup> groups;
};
// A group of the app's own checked lines under a heading ("In Scotland"; "" for the first group
// when the nation is known), as Help now orders them.
struct CrisisLineViewGroup {
  std::string heading;
  std::vector<CrisisLineView> lines;
};
// What a carer sees (and the person, in the preview; the card and the file are written from it).
// First the app's own checked crisis lines for the nation the link names (all of the UK's when it
// names none), never anything from the link; then, under a heading that says so, what the person
// wrote, which the app has not checked (hazard log H12).
struct SharedPlanView {
  std::string title;          // "Shared crisis plan"
  std::string shared_on;      // "Shared on 23 November 2026"; empty when the date is wrong
  std::string date_warning;   // a date still to come: the plan's date is wrong, and says so
  std::string check_nudge;    // check the numbers are still right
  std::string lines_heading;  // "Crisis lines checked by this app"
  std::string lines_intro;
  std::vector<CrisisLineViewGroup> national_lines;
  std::string local_heading;  // the trust's own crisis lines, when deployed
  std::vector<CrisisLineView> local_lines;
  AccessPanelView access;   // for someone who cannot make a voice call, after the checked lines
  std::string own_heading;  // "From Sam's plan"
  std::string own_intro;    // the person wrote these; the app has not checked them
  std::vector<SharedSectionView> sections;
  bool empty() const { return sections.empty(); }
};
// today: the device's date (YYYY-MM-DD; "" when not known); kiosk: lines to copy, not to tap.
SharedPlanView shared_plan_view(const Content& content, const SharedPlan& plan, std::string_view today = {},
                                bool kiosk = false);
SharedPlanView shared_plan_view(const State& state, const SharedPlan& plan);
// The plan the person is about to share, as the carer will see it.
SharedPlan plan_to_share(const State& state);

// The printable card and the saved file (a whole HTML document), from the same view.
std::string share_card_html(const Content& content, const SharedPlanView& view);
std::string share_card_document(const Content& content, const SharedPlanView& view);

// The kept copy's stored form: the payload with a checksum (read back through read_share_payload).
std::string kept_copy_document(const SharedPlan& plan);
std::optional<SharedPlan> read_kept_copy(std::string_view document);

}  // namespace cpa::core
