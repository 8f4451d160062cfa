#include "core/deployment.hpp"

#include <algorithm>

#include "core/content.hpp"
#include "core/eligibility.hpp"
#include "core/plan_phone.hpp"

namespace cpa::core {
namespace {

// A number people can call or text, normalised; a problem naming the field otherwise.
std::string checked_phone(const Fields& f, const char* key, bool required) {
  std::string typed = required ? f.text(key) : f.optional_text(key);
  if (typed.empty()) return {};
  const auto parsed = parse_uk_phone(typed);
  if (!parsed.ok()) {
    f.problem(key, "\"" + typed + "\" is not a UK phone number (like 0800 123 4567, 020 7946 0000 or 111)");
    return {};
  }
  return typed;
}

std::string checked_url(const Fields& f, const char* key, bool required) {
  std::string url = required ? f.text(key) : f.optional_text(key);
  if (!url.empty() && url.rfind("https://", 0) != 0) f.problem(key, "should start with https://");
  return url;
}

CrisisLine read_local_line(const Fields& f, const std::string& nation) {
  CrisisLine line;
  line.local = true;
  line.id = f.text("id");
  line.name = f.text("name");
  line.number = checked_phone(f, "number", true);
  const std::string action = f.text("action");
  line.text_body = f.optional_text("text_body");
  if (action == "text") {
    line.action = ContactAction::text;
  } else if (action != "call" && !action.empty()) {
    f.problem("action", "should be \"call\" or \"text\"");
  }
  if (line.action == ContactAction::call && !line.number.empty() && !parse_uk_phone(line.number).number->can_call())
    f.problem("number", "is a text short code: set \"action\": \"text\"");
  line.purpose = f.text("for");
  line.hours = f.text("hours");
  line.checked = f.date("checked");
  if (!nation.empty()) line.nations = {nation};
  return line;
}

LocalService read_service(const Fields& f) {
  LocalService s;
  s.name = f.text("name");
  s.purpose = f.text("for");
  s.phone = checked_phone(f, "phone", false);
  s.url = checked_url(f, "url", false);
  return s;
}

KioskSettings read_kiosk(const Fields& f) {
  KioskSettings k;
  k.enabled = f.flag("enabled", false);
  k.public_address = checked_url(f, "public_address", k.enabled);
  k.idle_seconds = f.integer("idle_seconds", k.idle_seconds);
  k.warning_seconds = f.integer("warning_seconds", k.warning_seconds);
  if (k.idle_seconds < kMinKioskIdleSeconds)
    f.problem("idle_seconds", "should be at least " + std::to_string(kMinKioskIdleSeconds) + " seconds");
  if (k.warning_seconds < kMinKioskWarningSeconds)
    f.problem("warning_seconds", "should be at least " + std::to_string(kMinKioskWarningSeconds) +
                                     " seconds, so a person has time to ask for more (WCAG 2.2.1)");
  return k;
}

}  // namespace

Deployment load_deployment(const Fields& f, Content& content) {
  Deployment d;
  d.present = true;
  const Fields trust = f.child(f.object("trust"), "trust");
  d.trust_name = trust.text("name");
  d.nation = trust.text("nation");
  if (!d.nation.empty() && content.eligibility && !content.eligibility->nation(d.nation))
    trust.problem("nation", "names an unknown nation \"" + d.nation + "\" (eligibility.json lists the nations)");

  const auto& lines = f.array("crisis_lines", false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string where = indexed("crisis_lines", i);
    CrisisLine line = read_local_line(f.child(lines[i], where), d.nation);
    if (!line.id.empty() && content.crisis_line(line.id))
      f.problem(where + ".id", "\"" + line.id + "\" is already a crisis line's id");
    content.crisis_lines.push_back(std::move(line));
  }
  const auto& services = f.array("services", false);
  for (std::size_t i = 0; i < services.size(); ++i)
    d.services.push_back(read_service(f.child(services[i], indexed("services", i))));
  if (f.has("kiosk")) d.kiosk = read_kiosk(f.child(f.object("kiosk"), "kiosk"));
  d.review_interval_months = f.integer("review_interval_months", 12);
  if (d.review_interval_months != 6 && d.review_interval_months != 12)
    f.problem("review_interval_months", "should be 6 or 12");
  return d;
}

}  // namespace cpa::core
