#pragma once
// A Platform in plain memory: what tests and headless runs use.  It keeps a browser-like
// history so Back behaves as in the browser, and records every effect for assertions.
#include <string>
#include <vector>

#include "core/display/display.hpp"
#include "platform/platform.hpp"

namespace cpa::platform {

class MemoryPlatform : public Platform {
 public:
  void carry_out(const core::Effect& effect) override;

  // The browser's history as the page keeps it (a test may push an entry as a person's own
  // navigation would).
  void history_push(const std::string& path);
  void history_replace(const std::string& path);
  void history_back();

  int persistence_requests = 0;
  // Lock requests are recorded, not answered: a test answers them (LockUnlocked, LockChanged).
  std::vector<core::UnlockStore> unlock_requests;
  std::vector<core::ChangeStoreLock> lock_changes;
  int keys_forgotten = 0;
  // Recorded: a test moves time on itself (dispatching KioskTick), as the browser's timer would.
  std::vector<double> wake_ats;
  int visits_cleared = 0;
  std::string stored_settings;  // the settings document, "" when nothing is stored
  std::vector<std::string> quick_exits;
  std::string exit_title;
  int stored_quick_exit = -1;  // -1 nothing stored, 0 off, 1 on

  std::vector<core::SealShare> seal_requests;
  std::vector<core::OpenShare> open_requests;
  std::vector<std::string> copied;
  std::vector<core::SystemShare> system_shares;
  int share_startups = 0;
  std::string kept_copy;  // the carer's kept copy, under its own key
  // Recorded, not answered: a test hands over the file (LanguageFileArrived), as the page would.
  std::vector<core::LoadLanguage> language_requests;

  struct SavedRecord {
    std::string document;
    std::uint64_t revision = 0;
    std::string fallback;
    core::ReplacedCopy keep_replaced = core::ReplacedCopy::previous;
    bool keep_fallback = true;
    bool urgent = false;
  };
  std::vector<SavedRecord> saved_records;
  int records_deleted = 0;

  struct Printed {
    std::string title, html_body;
  };
  struct Download {
    std::string filename, mime_type, data;
  };
  std::vector<Printed> printed;
  std::vector<Download> downloads;

  // The browser's Back button: returns the path the page would be told about (popstate).
  std::string browser_back();
  std::string current_path() const { return history.empty() ? std::string() : history[history_index]; }

  std::vector<std::string> opened_urls;
  std::vector<std::string> announcements;
  std::vector<std::string> urgent_announcements;  // the ones said at once (errors that lose work)
  std::vector<std::string> history;
  std::size_t history_index = 0;
  std::vector<std::string> popstate_events;  // paths the app should be told about
};

}  // namespace cpa::platform
