#pragma once
// What Help now shows, decided once: which crisis lines, in what order and under which
// heading, and which of the person's own contacts.  The screen and the plain-HTML page both
// draw these; neither decides anything itself.
#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.hpp"
#include "core/eligibility/eligibility.hpp"
#include "core/plans/plans.hpp"

namespace cpa::core {

struct CrisisLineGroup {
  std::string heading;  // "In Scotland"; empty for the first group when the nation is known
  std::vector<const CrisisLine*> lines;
  std::vector<std::string> nations;  // the nations the group's lines serve; empty for the first group
};

// National lines (a trust's local lines are drawn apart).  When the nation is known (the
// walk-through, or a trust's deployment), its lines come first with the UK-wide ones, in
// content order, and the other nations' lines follow, each under its nation's name.  When it is
// not known, the UK-wide lines come first ("Anywhere in the UK"), then each nation's own lines
// under its name, so no one is told another nation's number as if it were theirs.  Hazard log H3.
std::vector<CrisisLineGroup> help_now_line_groups(const Content& content, std::string_view nation);
// Where the person is, for ordering lines: the nation chosen in the walk-through, else the
// deployment's nation, else none.
std::string help_now_nation(const Content& content, const EligibilityState& eligibility);
// The trust's own lines (added by a deployment file).
std::vector<const CrisisLine*> local_crisis_lines(const Content& content);

// One of the person's own contacts, ready to draw: a name (or the number), who they are, when
// to call, the call link, and a warning when the name is a national service's but the number is
// not, or the number is one the app will not call (core/help_now/national_services.hpp).
struct PersonalContact {
  std::string name;
  std::string relationship;
  std::string when;
  std::string number;  // as shown
  std::string href;    // tel:...; empty when the number is not a valid phone number
  std::string label;   // "Call Sam on 07700 900123"
  ContactWarning warning;
};
// The one way a contact is prepared for showing: on Help now, the shared plan and its card.
PersonalContact personal_contact(const Content& content, const Contact& contact);

struct PersonalSection {
  std::string heading;
  std::vector<PersonalContact> contacts;
  std::vector<std::string> items;  // "Things that help me"
};

// The person's own part of Help now, in this order: their team (out of hours first, then the
// team, the care co-ordinator and in-hours contacts), the people they chose, and what helps
// them.  If the latest save is damaged, the last good copy is used: the numbers are still there.
std::vector<PersonalSection> help_now_personal(const Content& content, const PlansState& plans);

}  // namespace cpa::core
