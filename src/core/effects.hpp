#pragma once
// What the core asks the outside world to do.  The platform carries these out; tests read them.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace cpa::core {

struct OpenUrl { std::string url; };            // tel:, sms:, mailto: or https:
struct PushHistory { std::string path; };       // a new browser history entry ("#/help-now")
struct ReplaceHistory { std::string path; };
struct HistoryBack {};                          // the in-app Back button: same as the browser's
struct Announce { std::string text; };          // said by a screen reader (aria-live)
// A clean printable page (real HTML, not a picture of the canvas), then the browser's print dialog.
struct PrintDocument { std::string title; std::string html_body; };
// A file the person saves to their device (a result, a calendar entry, an export).
struct DownloadFile { std::string filename; std::string mime_type; std::string data; };

// Write the person's records to the device's store (the record is a sealed, checksummed envelope
// from core/records_store.hpp: store it byte for byte).  Only the newest revision matters: write
// it within a second and at once when the page is hidden, keep the previous good copy, then
// dispatch PlansSaved{revision} (or PlansSaveFailed) once the write is durable.
struct SaveRecords { std::string document; std::uint64_t revision = 0; };
// Delete everything the store holds for the records, the previous good copy too ("Delete everything").
struct DeleteRecords {};

// Kiosk mode (core/kiosk.hpp): dispatch KioskTick at this time (the platform's monotonic ms,
// as in the kiosk actions).  Each WakeAt replaces the one before; nothing runs in between.
struct WakeAt { double at_ms = 0; };

using Effect = std::variant<OpenUrl, PushHistory, ReplaceHistory, HistoryBack, Announce, PrintDocument, DownloadFile,
                            SaveRecords, DeleteRecords, WakeAt>;
using Effects = std::vector<Effect>;

}  // namespace cpa::core
