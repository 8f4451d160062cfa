#pragma once
// What the core asks the outside world to do.  The platform carries these out; tests read them.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace cpa::core {

struct OpenUrl {
  std::string url;
};  // tel:, sms:, mailto: or https:
struct PushHistory {
  std::string path;
};  // a new browser history entry ("#/help-now")
struct ReplaceHistory {
  std::string path;
};
struct HistoryBack {};  // the in-app Back button: same as the browser's
struct Announce {
  std::string text;
  bool urgent = false;  // an error that loses work: said at once (aria-live assertive), not after what is being read
};                      // said by a screen reader (aria-live polite)
// A clean printable page (real HTML, not a picture of the canvas), then the browser's print dialog.
struct PrintDocument {
  std::string title;
  std::string html_body;
};
// A file the person saves to their device (a result, a calendar entry, an export).
struct DownloadFile {
  std::string filename;
  std::string mime_type;
  std::string data;
};

// Write the person's records to the device's store (the record is a sealed, checksummed envelope
// from core/plans/records/records_store.hpp: store it byte for byte).  The core decides everything about the
// write (core/plans/plans_store.hpp); the platform carries out this one kind of write and answers for
// each: PlansSaved{revision} once it is durable, PlansSaveFailed, or PlansStoreChanged when
// another tab wrote first (the core merges and asks again).
//  - Only the newest revision matters: wait up to a second for the person to pause, unless
//    urgent (the page is being hidden or closed: write in this very task, and commit).
//  - The copy it replaces becomes "previous" (keep_replaced), or, when the core could not read
//    it, is kept aside as damaged (never thrown away).
//  - The fallback record for the plain-HTML page goes in the same transaction; the one it
//    replaces becomes "fallback_previous" when the core knows it was good (keep_fallback).
//  - While this tab holds a passphrase's key (UnlockStore / ChangeStoreLock), the document is
//    stored encrypted.
enum class ReplacedCopy { previous, damaged };
struct SaveRecords {
  std::string document;
  std::uint64_t revision = 0;
  std::string fallback;
  ReplacedCopy keep_replaced = ReplacedCopy::previous;
  bool keep_fallback = true;
  bool urgent = false;
};
// "Delete everything": every database and cache the app ever made on this device (the records
// and their copies, the settings, a carer's kept copy, the offline copy of the site).  Answers
// PlansDeleted{failed parts}; every other tab hears it and forgets what it showed.
struct DeleteRecords {};
// Ask the browser to keep this site's storage even when the device is short of space
// (navigator.storage.persist()); answers with a new PlansDurability.
struct AskPersistentStorage {};

// The passphrase lock (core/lock/plans_lock.hpp, core/lock/store_lock.hpp).  The platform derives the key
// (PBKDF2-SHA256, the stored salt and iterations) and decrypts both stored copies (AES-256-GCM,
// additional data aad); it answers LockUnlocked{ok, latest, previous} and keeps the key for saves.
struct UnlockStore {
  std::string passphrase;
  std::string aad;
};
// Set (passphrase not ""), change, or remove (passphrase "") the lock.  With a lock on, current
// must unlock the stored record first.  Then, in one transaction: document (this tab's records,
// sealed) becomes the latest copy, the previous copy is re-encrypted the new way, and fallback
// replaces the fallback record; only once it commits does the platform use the new key.
// A copy the old key cannot open (damaged, or locked another way) is kept as it is, set aside
// with the damaged copies, never deleted.  rewrite: the store held the plans unencrypted until
// now, so the whole database is written anew (deleted and made again) rather than overwritten
// in place, leaving no plain copy in the browser's files that a delete can reach.
// Answers LockChanged.
struct ChangeStoreLock {
  std::string current;
  std::string passphrase;
  std::uint32_t iterations = 0;
  int lock_after_minutes = 0;
  std::string aad;
  std::string document;
  std::string fallback;
  bool rewrite = false;
};
// Lock: once the saves already asked for are written, forget the key.
struct ForgetStoreKey {};

// Kiosk mode (core/kiosk/kiosk.hpp): dispatch KioskTick at this time (the platform's monotonic ms,
// as in the kiosk actions).  Each WakeAt replaces the one before; nothing runs in between.
struct WakeAt {
  double at_ms = 0;
};
// Kiosk mode: a visit is over.  Forget what the browser holds of it beyond the app's memory: the
// print area and live regions, the visit's history entries (their titles name the screens seen,
// the risk question's among them) as far as a page may change them, so that Back and Forward
// reach only Home.  The page's address becomes Home's.
struct ClearVisit {};

// Share with a carer (core/share/share.hpp, core/share/share_codec.hpp): the platform compresses
// (deflate-raw) when asked and, given a passphrase, locks with PBKDF2-SHA256(iterations) +
// AES-256-GCM (random 16-byte salt, random 12-byte iv, additional data aad): data is
// salt|iv|ciphertext+tag.  It answers ShareSealed{ok, base64url data}.
struct SealShare {
  std::string payload;
  bool compress = false;
  std::string passphrase;  // "" for an unlocked link
  std::string aad;
  std::uint32_t iterations = 0;
};
// The reverse, for a locked link: unlock data (salt|iv|ciphertext+tag, as SealShare makes it)
// with the passphrase; answers ShareOpened{ok, base64url of the unlocked bytes}.  The core
// inflates and reads them itself (core/support/inflate.hpp), so no browser needs DecompressionStream.
struct OpenShare {
  std::string data_b64;
  std::string passphrase;
  std::string aad;
  std::uint32_t iterations = 0;
};
struct CopyText {
  std::string text;
};  // to the clipboard; answers ShareCopied{ok}
struct SystemShare {
  std::string title;
  std::string text;
  std::string url;
};  // navigator.share
// At start: report the site's address, what the browser can do and the carer's kept copy
// (ShareDeviceReady).
struct ShareStartup {};
// The carer's kept copy of a plan shared with them: its own store key, apart from their records.
struct KeepSharedCopy {
  std::string document;
};  // answers ShareCopyKept{ok}
struct DeleteSharedCopy {};

// Quick exit (core/quick_exit/quick_exit.hpp): take the app off the screen at once (canvas, accessibility
// mirror, the tab's title becomes `title`), let a pending save finish without showing anything,
// replace this tab's history entries as far as the browser allows, then location.replace(url).
struct QuickExit {
  std::string url;
  std::string title;
};
// The settings (Quick exit's and the display's), in their own small store on the device (not the
// records store): one small document (core/display/display.hpp), stored as it is.
struct SaveSettings {
  std::string document;
};

// Fetch a language the site ships in a file of its own ("content-cy.json", core/content/content.hpp);
// answers LanguageFileArrived with its text, or with "" when it could not be fetched, or when no
// answer came within wait_ms (a stalled network: the reader is not left without the app).
struct LoadLanguage {
  std::string locale;
  std::string file;
  int wait_ms = 0;
};

using Effect = std::variant<OpenUrl, PushHistory, ReplaceHistory, HistoryBack, Announce, PrintDocument, DownloadFile,
                            SaveRecords, DeleteRecords, AskPersistentStorage, SealShare, OpenShare, CopyText,
                            SystemShare, ShareStartup, KeepSharedCopy, DeleteSharedCopy, WakeAt, ClearVisit,
                            UnlockStore, ChangeStoreLock, ForgetStoreKey, QuickExit, SaveSettings, LoadLanguage>;
using Effects = std::vector<Effect>;

}  // namespace cpa::core
