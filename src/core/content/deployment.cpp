#include "core/content/deployment.hpp"

#include <algorithm>
#include <cctype>
#include <span>

#include "core/content/content.hpp"
#include "core/eligibility/eligibility.hpp"
#include "core/support/html.hpp"
#include "core/help_now/national_services.hpp"
#include "core/plans/plan_dates.hpp"
#include "core/plans/plan_phone.hpp"

namespace cpa::core {
namespace {

// "01632 960xxx" -> prefix "01632960", 11 digits.  No prefix when it is not a 0, more digits,
// then at least one x.
DramaRange read_drama_range(const std::string& written) {
  std::string compact;
  for (char c : written)
    if (c != ' ') compact += c;
  const auto first_x = compact.find('x');
  const bool shape_ok = first_x != std::string::npos && first_x > 0 &&
                        std::all_of(compact.begin(), compact.begin() + static_cast<long>(first_x),
                                    [](char c) { return c >= '0' && c <= '9'; }) &&
                        compact.find_first_not_of('x', first_x) == std::string::npos && compact.front() == '0';
  if (!shape_ok) return {written, {}, 0};
  return {written, compact.substr(0, first_x), compact.size()};
}

// A UK number as it is dialled at home: "+441632960000" -> "01632960000"; short numbers as they are.
std::string dialled_at_home(const PhoneNumber& number) {
  const std::string& n = number.normalised;
  return n.rfind("+44", 0) == 0 ? "0" + n.substr(3) : n;
}

// What every check of one file needs besides its fields.
struct DeploymentCheck {
  const Content& content;
  const DeploymentBuild& build;
};

constexpr const char* kExampleHint = " (a demonstration site is built with --example)";

// A drama number reaches no one: refused on a real site.  An example site tells every visitor
// its local numbers reach no one, so there every local number must be a drama number.
void check_reaches_someone(const Fields& f, const char* key, const std::string& typed, const PhoneNumber& number,
                           const DeploymentCheck& check) {
  const DramaRange* drama = drama_range_of(check.content.drama_numbers, number);
  if (drama && !check.build.example)
    f.problem(key, typed + " is in Ofcom's range for TV and radio drama (" + drama->written +
                       "); it reaches no one. Put the real number here" + kExampleHint);
  if (!drama && check.build.example)
    f.problem(key, typed +
                       " is not one of Ofcom's drama numbers, but this site is built as an example, which tells "
                       "people its local numbers reach no one: use a drama number (content/en-GB/drama_numbers.json "
                       "lists them), or build without --example");
}

// A number people can call or text, normalised; a problem naming the field otherwise.
std::string checked_phone(const Fields& f, const char* key, bool required, const DeploymentCheck& check) {
  std::string typed = required ? f.text(key) : f.optional_text(key);
  if (typed.empty()) return {};
  const auto parsed = parse_uk_phone(typed);
  if (!parsed.ok()) {
    // Beyond "not a number", the parser's own reason (abroad, and any kind it refuses later).
    f.problem(key, parsed.problem == PhoneProblem::not_a_number
                       ? "\"" + typed + "\" is not a UK phone number (like 0800 123 4567 or 111)"
                       : "\"" + typed + "\" is refused: " + check.content.str(phone_problem_key(parsed.problem)));
    return {};
  }
  check_reaches_someone(f, key, typed, *parsed.number, check);
  return typed;
}

std::string checked_url(const Fields& f, const char* key, bool required) {
  std::string url = required ? f.text(key) : f.optional_text(key);
  if (!url.empty() && url.rfind("https://", 0) != 0) f.problem(key, "should start with https://");
  return url;
}

// "Example NHS Trust", "an EXAMPLE line" say so; "Exampleton" does not (a word, in any case).
bool says_example(const std::string& name) {
  std::string word;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    const auto c = static_cast<unsigned char>(i < name.size() ? name[i] : ' ');
    if (c >= 0x80 || std::isalnum(c)) {
      word += static_cast<char>(std::tolower(c));
      continue;
    }
    if (word == "example") return true;
    word.clear();
  }
  return false;
}

std::string checked_name(const Fields& f, const char* key, const DeploymentCheck& check) {
  std::string name = f.text(key);
  if (!check.build.example && says_example(name))
    f.problem(key, "\"" + name + "\" says it is an example: give the real name" + kExampleHint);
  return name;
}

// A number last checked more than a year before the build may no longer reach the service; a
// date after the build is a typo.  Only the build knows today's date (the app checks none, so a
// site left up does not lose its lines), and an example's numbers reach no one whatever the date.
std::string checked_date(const Fields& f, const char* key, bool required, const DeploymentCheck& check) {
  if (!f.has(key)) {
    if (required) f.problem(key, "missing: the date you last checked the number reaches the service, like 2026-11-23");
    return {};
  }
  std::string checked = f.date(key);
  const auto day = parse_iso_date(checked);
  const auto today = parse_iso_date(check.build.today);
  if (check.build.example || !day || !today) return checked;
  if (more_than_a_year_before(*day, *today))
    f.problem(key, checked + " is more than a year before today (" + check.build.today +
                       "): check the number still reaches the service, then put the date you checked it");
  if (*day > *today) f.problem(key, checked + " is after today (" + check.build.today + "): a typo?");
  return checked;
}

// A local line or service named like a national one ("Samaritans", "NHS 111 mental health") with
// another number would be shown beside the checked national lines as if it were one of them.
void check_not_named_like_national(const Fields& f, const std::string& name, const std::string& number,
                                   const DeploymentCheck& check) {
  if (name.empty() || number.empty()) return;
  const auto warning = national_service_warning(check.content, name, number);
  if (warning.shown())
    f.problem("name", "\"" + name + "\" is named like a national service, but " + number +
                          " is not its number: " + warning.text + " Name the trust's own service instead");
}

// The words of a trust's line or service: English in the file's own fields, and another
// language's in "translations": {"cy": {"name", "for", "hours"}}.  On that language's screens its
// words are used; where it has none, the English stays, marked as English.
struct LocalWords {
  std::string name, purpose, hours;
  std::string lang;  // "en-GB" when the English stands in for the content's language
};

LocalWords local_words(const Fields& f, const DeploymentCheck& check, bool with_hours) {
  LocalWords words{checked_name(f, "name", check), f.text("for"), with_hours ? f.text("hours") : std::string(), {}};
  const std::string& locale = check.content.locale;
  const bool english = locale.empty() || locale == kLocales[0];
  if (!f.has("translations")) {
    if (!english) words.lang = kLocales[0];
    return words;
  }
  // Each language the app has besides English; any other key is an unknown field (Fields says so).
  const Fields all = f.child(f.object("translations"), "translations");
  for (const char* other : std::span(kLocales).subspan(1)) {
    if (!all.has(other)) continue;
    const Fields tr = all.child(all.object(other), other);
    LocalWords translated{tr.has("name") ? checked_name(tr, "name", check) : std::string(),
                          tr.optional_text("for"),
                          with_hours ? tr.optional_text("hours") : std::string(),
                          {}};
    if (other != locale) continue;
    if (!translated.name.empty()) words.name = translated.name;
    if (!translated.purpose.empty()) words.purpose = translated.purpose;
    if (!translated.hours.empty()) words.hours = translated.hours;
    const bool whole =
        !translated.name.empty() && !translated.purpose.empty() && (!with_hours || !translated.hours.empty());
    if (!whole) words.lang = kLocales[0];
    return words;
  }
  if (!english) words.lang = kLocales[0];
  return words;
}

CrisisLine read_local_line(const Fields& f, const std::string& nation, const DeploymentCheck& check) {
  CrisisLine line;
  line.local = true;
  line.id = f.text("id");
  const LocalWords words = local_words(f, check, true);
  line.name = words.name;
  line.words_lang = words.lang;
  line.number = checked_phone(f, "number", true, check);
  const std::string action = f.text("action");
  line.text_body = f.optional_text("text_body");
  if (action == "text") {
    line.action = ContactAction::text;
  } else if (action != "call" && !action.empty()) {
    f.problem("action", "should be \"call\" or \"text\"");
  }
  if (line.action == ContactAction::call && !line.number.empty() && !parse_uk_phone(line.number).number->can_call())
    f.problem("number", "is a text short code: set \"action\": \"text\"");
  check_not_named_like_national(f, line.name, line.number, check);
  line.purpose = words.purpose;
  line.hours = words.hours;
  line.checked = checked_date(f, "checked", true, check);
  if (!nation.empty()) line.nations = {nation};
  return line;
}

LocalService read_service(const Fields& f, const DeploymentCheck& check) {
  LocalService s;
  const LocalWords words = local_words(f, check, false);
  s.name = words.name;
  s.purpose = words.purpose;
  s.words_lang = words.lang;
  s.phone = checked_phone(f, "phone", false, check);
  check_not_named_like_national(f, s.name, s.phone, check);
  s.url = checked_url(f, "url", false);
  // A phone goes stale as a crisis line's does; a web address shows it when it has gone.
  s.checked = checked_date(f, "checked", f.has("phone"), check);
  return s;
}

bool is_deployment_locale(const std::string& text) {
  return std::any_of(std::begin(kLocales), std::end(kLocales), [&](const char* l) { return text == l; });
}

// "languages": {"offered": ["en-GB", "cy"], "first": "browser", "switch": true,
//               "welsh_review": {"by": "...", "date": "YYYY-MM-DD"}}
LanguageSettings read_deployment_languages(const Fields& f) {
  LanguageSettings out;
  const std::string known = "\"en-GB\" or \"cy\"";
  out.offered = f.text_list("offered", false);
  for (std::size_t i = 0; i < out.offered.size(); ++i)
    if (!is_deployment_locale(out.offered[i])) f.problem(indexed("offered", i), "should be " + known);
  if (f.has("offered") && out.offered.empty()) f.problem("offered", "should name at least one language");
  out.first = f.has("first") ? f.text("first") : "browser";
  if (out.first != "browser" && !is_deployment_locale(out.first))
    f.problem("first", "should be \"browser\" (the person's browser decides) or " + known);
  const auto offers = [&](const std::string& l) {
    return out.offered.empty() || std::find(out.offered.begin(), out.offered.end(), l) != out.offered.end();
  };
  if (is_deployment_locale(out.first) && !offers(out.first)) f.problem("first", "is not one of the languages offered");
  out.show_switch = f.flag("switch", true);
  if (f.has("welsh_review")) {
    const Fields review = f.child(f.object("welsh_review"), "welsh_review");
    out.welsh_reviewed_by = review.text("by");
    out.welsh_reviewed_on = review.date("date");
  }
  return out;
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

void load_drama_numbers(const Fields& f, DramaNumbers& out) {
  f.date("checked");
  f.optional_text("about");
  out.source_ids = f.text_list("sources");
  if (out.source_ids.empty() && f.has("sources")) f.problem("sources", "needs at least one source");
  const auto written = f.text_list("ranges");
  if (written.empty() && f.has("ranges")) f.problem("ranges", "needs at least one range");
  for (std::size_t i = 0; i < written.size(); ++i) {
    DramaRange range = read_drama_range(written[i]);
    if (range.prefix.empty()) {
      f.problem(indexed("ranges", i),
                "\"" + written[i] + "\" should be digits then x for each free digit, like 01632 960xxx");
      continue;
    }
    out.ranges.push_back(std::move(range));
  }
}

const DramaRange* drama_range_of(const DramaNumbers& drama, const PhoneNumber& number) {
  const std::string digits = dialled_at_home(number);
  for (const auto& range : drama.ranges)
    if (digits.size() == range.digits && digits.rfind(range.prefix, 0) == 0) return &range;
  return nullptr;
}

Deployment load_deployment(const Fields& f, Content& content, const DeploymentBuild& build) {
  const DeploymentCheck check{content, build};
  Deployment d;
  d.present = true;
  d.example = build.example;
  if (!build.today.empty() && !parse_iso_date(build.today))
    f.problem("", "the build's date \"" + build.today + "\" is not a date like 2026-11-23");
  const Fields trust = f.child(f.object("trust"), "trust");
  d.trust_name = checked_name(trust, "name", check);
  d.nation = trust.text("nation");
  if (!d.nation.empty() && content.eligibility && !content.eligibility->nation(d.nation))
    trust.problem("nation", "names an unknown nation \"" + d.nation + "\" (eligibility.json lists the nations)");

  const auto& lines = f.array("crisis_lines", false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string where = indexed("crisis_lines", i);
    CrisisLine line = read_local_line(f.child(lines[i], where), d.nation, check);
    if (!line.id.empty() && content.crisis_line(line.id))
      f.problem(where + ".id", "\"" + line.id + "\" is already a crisis line's id");
    content.crisis_lines.push_back(std::move(line));
  }
  const auto& services = f.array("services", false);
  for (std::size_t i = 0; i < services.size(); ++i)
    d.services.push_back(read_service(f.child(services[i], indexed("services", i)), check));
  if (f.has("kiosk")) d.kiosk = read_kiosk(f.child(f.object("kiosk"), "kiosk"));
  d.review_interval_months = f.integer("review_interval_months", 12);
  if (d.review_interval_months != 6 && d.review_interval_months != 12)
    f.problem("review_interval_months", "should be 6 or 12");
  if (f.has("languages")) d.languages = read_deployment_languages(f.child(f.object("languages"), "languages"));
  return d;
}

bool LanguageSettings::welsh_unreviewed() const {
  const bool welsh = offered.empty() || std::find(offered.begin(), offered.end(), "cy") != offered.end();
  return welsh && (welsh_reviewed_by.empty() || welsh_reviewed_on.empty());
}

ExampleNotice example_notice(const Content& content) {
  if (!content.deployment.example) return {};
  return {content.str("deployment.example.title"), content.str("deployment.example.text")};
}

std::string example_notice_html(const Content& content) {
  const ExampleNotice notice = example_notice(content);
  if (!notice.shown()) return {};
  return "<p class=\"example-notice\"><strong>" + escape_html(notice.title) + "</strong> " + escape_html(notice.text) +
         "</p>\n";
}

std::vector<std::string> untranslated_local_words(const std::vector<std::shared_ptr<const Content>>& languages) {
  std::vector<std::string> out;
  for (const auto& content : languages) {
    if (!content || content->locale == kLocales[0]) continue;
    const auto& offered = content->deployment.languages.offered;
    if (!offered.empty() && std::find(offered.begin(), offered.end(), content->locale) == offered.end()) continue;
    const std::string in = " has no words in " + content->str("language.name") + " (" + content->locale + ")";
    for (const auto& line : content->crisis_lines)
      if (line.local && !line.words_lang.empty()) out.push_back("crisis line \"" + line.id + "\"" + in);
    for (const auto& service : content->deployment.services)
      if (!service.words_lang.empty()) out.push_back("service \"" + service.name + "\"" + in);
  }
  return out;
}

}  // namespace cpa::core
