#pragma once
// What the core asks the outside world to do.  The platform carries these out; tests read them.
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

using Effect = std::variant<OpenUrl, PushHistory, ReplaceHistory, HistoryBack, Announce, PrintDocument, DownloadFile>;
using Effects = std::vector<Effect>;

}  // namespace cpa::core
