#include "platform/memory/memory_platform.hpp"

#include "core/support/overloaded.hpp"

namespace cpa::platform {

// Every effect recorded as the browser would leave it, never answered: a test answers saves,
// lock and share requests itself (PlansSaved, LockUnlocked, ShareSealed ...), as the page would.
void MemoryPlatform::carry_out(const core::Effect& effect) {
  std::visit(
      core::Overloaded{
          [&](const core::OpenUrl& e) { opened_urls.push_back(e.url); },
          [&](const core::PushHistory& e) { history_push(e.path); },
          [&](const core::ReplaceHistory& e) { history_replace(e.path); },
          [&](const core::HistoryBack&) { history_back(); },
          [&](const core::Announce& e) {
            announcements.push_back(e.text);
            if (e.urgent) urgent_announcements.push_back(e.text);
          },
          [&](const core::PrintDocument& e) {
            printed.push_back({e.title, e.html_body});
          },
          [&](const core::DownloadFile& e) {
            downloads.push_back({e.filename, e.mime_type, e.data});
          },
          [&](const core::SaveRecords& e) {
            saved_records.push_back({e.document, e.revision, e.fallback, e.keep_replaced, e.keep_fallback, e.urgent});
          },
          [&](const core::DeleteRecords&) {  // every database the app made: records, settings, kept copy
            ++records_deleted;
            stored_settings.clear();
            stored_quick_exit = -1;
            kept_copy.clear();
          },
          [&](const core::AskPersistentStorage&) { ++persistence_requests; },
          [&](const core::UnlockStore& e) { unlock_requests.push_back(e); },
          [&](const core::ChangeStoreLock& e) { lock_changes.push_back(e); },
          [&](const core::ForgetStoreKey&) { ++keys_forgotten; },
          [&](const core::WakeAt& e) { wake_ats.push_back(e.at_ms); },
          [&](const core::ClearVisit&) {  // as the page does it: print area emptied, history Home alone
            ++visits_cleared;
            printed.clear();
            history = {"#/"};
            history_index = 0;
          },
          [&](const core::SealShare& e) { seal_requests.push_back(e); },
          [&](const core::OpenShare& e) { open_requests.push_back(e); },
          [&](const core::CopyText& e) { copied.push_back(e.text); },
          [&](const core::SystemShare& e) { system_shares.push_back(e); },
          [&](const core::ShareStartup&) { ++share_startups; },
          [&](const core::KeepSharedCopy& e) { kept_copy = e.document; },
          [&](const core::DeleteSharedCopy&) { kept_copy.clear(); },
          [&](const core::QuickExit& e) {
            quick_exits.push_back(e.url);
            exit_title = e.title;
          },
          [&](const core::LoadLanguage& e) { language_requests.push_back(e); },
          [&](const core::SaveSettings& e) {
            stored_settings = e.document;
            stored_quick_exit = core::read_settings_document(e.document).quick_exit ? 1 : 0;
          },
      },
      effect);
}

void MemoryPlatform::history_push(const std::string& path) {
  if (!history.empty()) history.resize(history_index + 1);
  history.push_back(path);
  history_index = history.size() - 1;
}

void MemoryPlatform::history_replace(const std::string& path) {
  if (history.empty()) {
    history.push_back(path);
    history_index = 0;
  } else {
    history[history_index] = path;
  }
}

void MemoryPlatform::history_back() {
  if (history_index == 0) return;
  --history_index;
  popstate_events.push_back(history[history_index]);
}

std::string MemoryPlatform::browser_back() {
  history_back();
  return current_path();
}

}  // namespace cpa::platform
