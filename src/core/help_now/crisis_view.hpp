#pragma once
// One crisis line as every surface shows it: Help now, the walk-through's help step and result,
// the carer's view of a shared plan, the printed result and card.  Decided once here, so a kiosk
// (a shared screen with no phone line) draws every line the same way everywhere: the number
// written large to copy into your own phone, and nothing to tap that would try to call.
#include <string>
#include <vector>

#include "core/content/content.hpp"

namespace cpa::core {

struct State;

struct CrisisLineView {
  std::string id;
  std::string name;
  std::string purpose;
  std::string hours;
  std::string words_lang;    // "en-GB": a trust's words shown in English on another language's screen
  std::string action_label;  // "Call 116 123", "Text SHOUT to 85258"
  std::string href;          // tel: / sms:; empty on a kiosk: there is nothing to tap
  // On a kiosk: what to do ("Copy this number into your own phone to call it:") and what to
  // copy, written large ("116 123", "Text SHOUT to 85258").  Empty elsewhere.
  std::string copy_instruction;
  std::string copy_text;
  std::string email_label;  // "Email jo@samaritans.org", or empty
  std::string email_href;   // mailto:..., empty on a kiosk (no mail program there either)
  std::vector<std::string> source_ids;
};

CrisisLineView crisis_line_view(const Content& content, const CrisisLine& line, bool kiosk);
// For this device: a kiosk when kiosk mode is on.
CrisisLineView crisis_line_view(const State& state, const CrisisLine& line);
std::vector<CrisisLineView> crisis_line_views(const State& state, const std::vector<const CrisisLine*>& lines);
std::vector<CrisisLineView> crisis_line_views(const Content& content, const std::vector<const CrisisLine*>& lines,
                                              bool kiosk);

// The lines as HTML list items for paper and files: "<li><strong>Samaritans</strong>: <a ...>Call
// 116 123</a>. Who it is for. Hours.</li>" (no link on a kiosk, though a kiosk prints nothing).
std::string crisis_lines_html(const std::vector<CrisisLineView>& lines);

}  // namespace cpa::core
