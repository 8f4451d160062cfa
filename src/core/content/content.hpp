#pragma once
// What the app says, loaded from content/ (bundled at build time) and validated.  Nothing a
// user reads is written in C++: screens look their words up here.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/content/deployment.hpp"
#include "core/support/json_fields.hpp"
#include "core/help_now/national_services.hpp"
#include "core/plans/plan_dates.hpp"
#include "core/plans/plans_content.hpp"

namespace cpa::core {

// sources.json is shared by every locale and names each source as it was published, in English:
// on a screen in another language its title is marked as English, so a screen reader says it so.
inline constexpr std::string_view kSourcesLocale = "en-GB";

struct Source {
  std::string id;
  std::string title;
  std::string publisher;
  std::string url;      // may be empty where only the publisher is known
  std::string checked;  // YYYY-MM-DD: the last day someone opened the page and compared the facts with it
  // What was compared on the page that day ("the list of who might be offered CPA; 24 hours").
  std::string what_checked;
  std::string page_reviewed;  // YYYY-MM-DD: the page's own "last reviewed" or "updated" date, if it shows one
  // Set when the page could not be opened at the last attempt: when, and what is therefore unconfirmed.
  // Such a source must not be shown as freshly checked.
  std::string not_opened;
  bool operator==(const Source&) const = default;
};

// web: only a route for people who cannot make a voice call (access_routes.json), never a
// crisis line: a website or an app ("999 BSL").
enum class ContactAction { call, text, web };

struct CrisisLine {
  std::string id;
  std::string name;
  std::string number;  // as people say it: "116 123"; empty for a web address
  ContactAction action = ContactAction::call;
  std::string text_body;  // what to text, for text lines ("SHOUT"); may be empty ("Send a text to 999")
  std::string url;        // web: https://...
  std::string purpose;    // who it is for
  std::string hours;      // may be empty for a route (access_routes.json)
  std::string email;
  std::vector<std::string> nations;
  std::vector<std::string> source_ids;
  std::string checked;
  bool local = false;  // added by a trust's deployment file
  // A trust's line whose words this language lacks is shown in English: "en-GB", so a screen
  // reader speaks them as English ("" when they are in the content's own language).
  std::string words_lang;

  std::string href() const;  // tel:116123, sms:85258?body=SHOUT, or the web address
};

// access_routes.json: ways to reach help for people who are deaf or cannot speak on the phone
// (999 in BSL, a text to 999, text relay).  Each route is a CrisisLine, so every surface draws,
// prints and pins it as it does a crisis line; which show where is core/help_now/access_routes.hpp's.
struct SmsRegistration {
  std::string heading;
  std::string intro;
  std::vector<std::string> steps;
  std::string route;  // the route whose number the text goes to ("emergency-sms")
  CrisisLine text;    // "Text register to 999": that route's number, with the body to send
};
struct AccessRoutes {
  std::string heading;  // "If you are deaf or cannot speak on the phone"
  std::string intro;
  std::vector<CrisisLine> routes;
  // Parallel to routes: a crisis line whose number follows this route's relay prefix ("18001"
  // before Samaritans), so that number is written once, in crisis_lines.json; "" for none.
  std::vector<std::string> before_line;
  SmsRegistration registration;  // for the crisis plan: register for emergency SMS before it is needed
};

// One piece of a page: a heading, a paragraph, a bullet list or a link.
struct Block {
  enum class Kind { heading, paragraph, bullets, link };
  Kind kind = Kind::paragraph;
  std::string text;
  std::vector<std::string> items;
  std::string page;  // link to another page of the app
  std::string url;   // or to a web address
};

struct Page {
  std::string id;
  std::string title;
  std::string summary;
  std::vector<Block> blocks;
  std::vector<std::string> source_ids;  // as cited: "sources": ["nhs-cpa", ...]
  std::vector<Source> sources;          // the same, resolved from sources.json after loading
  std::string checked;
  std::string file;
  std::string sources_field;  // "results[2].sources", for problems
};

struct EligibilityContent;  // core/eligibility/eligibility.hpp: "Could I get CPA support?"

// Whether a locale's words were checked by a qualified translator: every file of a translated
// locale carries the same "review" record ({"status": "not reviewed", "note": "..."}), and the
// About screen says it plainly.  en-GB is the original the others are translated from: its files
// carry no record, and its review reads {"original", ""}.
struct ContentReview {
  std::string status;
  std::string note;
  bool operator==(const ContentReview&) const = default;
};

// A locale's calendar words (dates.json): month names January first, day names Monday first
// (ISO 8601 weekday 1 to 7), and the order of a long date ("{day} {month} {year}").
struct DateNames {
  std::vector<std::string> months;
  std::vector<std::string> days;
  std::string long_date;
};

// A string's forms by CLDR plural category ("zero", "one", "two", "few", "many", "other").
using PluralForms = std::map<std::string, std::string, std::less<>>;

struct Content {
  std::string locale = "en-GB";  // "en-GB" or "cy"
  ContentReview review;
  DateNames dates;
  // plurals.json: for a locale with more forms than English's two, each counted string's forms
  // by category.  English keeps the form for 1 in strings as "<key>_one".
  std::map<std::string, PluralForms, std::less<>> plurals;
  std::map<std::string, std::string> strings;
  std::vector<CrisisLine> crisis_lines;
  std::string crisis_lines_checked;                // YYYY-MM-DD: crisis_lines.json's own date, for the whole list
  std::vector<NationalService> national_services;  // services people write in their contacts (numbers.json)
  std::vector<RefusedNumberRule> refused_numbers;  // the phone parser's refusals and their sources
  AccessRoutes access;                             // for people who cannot make a voice call
  std::map<std::string, Source> sources;           // every source named anywhere, by id
  std::map<std::string, Page> pages;               // "about" and the explainers, by id
  std::vector<std::string> explainer_order;        // "Understand your care" pages, in reading order
  PlansContent plans;                              // words for the plan forms (plans.json)
  std::shared_ptr<const EligibilityContent> eligibility;  // questions, rules and result pages
  DramaNumbers drama_numbers;                             // Ofcom's ranges that reach no one (drama_numbers.json)
  Deployment deployment;                                  // a trust's deployment file, if the site was built with one

  // The text for a key, or the key itself in brackets so a missing string is visible, never blank.
  const std::string& str(std::string_view key) const;
  // str(key) with {name} placeholders filled in.
  std::string format(std::string_view key,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> values) const;
  // The form of a counted string for n, by the locale's CLDR plural rules, with {name}
  // placeholders filled (the count among them, as the caller names it: {count}, {days} ...).
  std::string plural(std::string_view key, long n,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> values) const;
  // The form itself, placeholders unfilled.
  const std::string& plural_form(std::string_view key, long n) const;
  const Page* page(std::string_view id) const;
  const Source* source(std::string_view id) const;
  const CrisisLine* crisis_line(std::string_view id) const;
  const CrisisLine* access_route(std::string_view id) const;
};

// The pieces a person reads on a content page: title, summary, headings, paragraphs, list
// items and link text (not the list of sources, which are names, not sentences).
std::vector<std::string> page_text(const Page& page);

// The words on a line's button: "Call 116 123", "Text SHOUT to 85258", "Send a text to 999", "Go to
// www.999bsl.co.uk" (strings help_now.call / .text / .text_number / .web).
std::string crisis_line_action_label(const Content& content, const CrisisLine& line);
// A web address as people write it: "www.999bsl.co.uk" for https://www.999bsl.co.uk/.
std::string web_address_shown(std::string_view url);

// For content files that hold pages inside them (eligibility.json): the same reading and checks
// as a pages/*.json file, with problems named by the file and field.
Page read_page_fields(const Fields& fields);
// Every source is written once, in sources.json; pages, questions and lines cite it by id.  This
// fills page.sources from page.source_ids, and an unknown id is a problem naming the citation.
void resolve_page_sources(Page& page, const Content& content, std::vector<ContentProblem>& problems);

// "{name}" markers filled in one pass (a value is never searched for markers itself).
std::string fill_placeholders(const std::string& text,
                              std::initializer_list<std::pair<std::string_view, std::string_view>> values);
std::string fill_placeholders(const std::string& text, const std::vector<std::pair<std::string, std::string>>& values);

// A locale the site ships in a file of its own ("content-cy.json"), fetched only when someone
// needs it: a reader of English never downloads the Welsh (about 27 KB gzip), and a reader of
// Welsh fetches it once (the offline copy keeps it).  The main bundle names the file, the
// language's own name for the switch before its words are here, and the checksum of the very
// file the site build checked with the rest, so a file from another release is refused.
struct LaterLanguage {
  std::string locale;      // "cy"
  std::string name;        // its language.name: "Cymraeg"
  std::string not_loaded;  // its language.not_loaded: said in its own words when it cannot be fetched
  std::string file;        // "content-cy.json"
  std::string checksum;    // fnv1a64_hex of the file's text
};

// What a later language is loaded against: the main bundle's files (common/, en-GB/, the
// deployment), whether the site is an example, and the later languages it names.
struct LanguageSource {
  std::map<std::string, std::string> files;
  bool example = false;
  std::vector<LaterLanguage> later;
};

struct ContentLoad {
  std::shared_ptr<const Content> content;  // en-GB's; null when there are problems
  // Every locale the files hold, "en-GB" first, then the others ("cy"); empty when there are
  // problems.  languages[0] is content.
  std::vector<std::shared_ptr<const Content>> languages;
  // A problem in any locale is a problem.  load_content names a locale's file inside its folder
  // ("strings.json"); load_content_languages and the bundle name it with the folder
  // ("cy/strings.json", "en-GB/strings.json"); shared files keep their names
  // ("common/crisis_lines.json", "deployment.json").
  std::vector<ContentProblem> problems;
  // The main bundle's files and its later languages (load_content_bundle; null without any).
  std::shared_ptr<const LanguageSource> source;
  bool ok() const { return content != nullptr; }
  // The loaded locale, or null.
  const Content* language(std::string_view locale) const;
};

// files: path relative to content/ ("en-GB/strings.json") -> its JSON text.  Files under
// "common/" are shared by every locale (numbers, not words).  A trust's deployment file, when
// there is one, is "deployment.json" (no locale: it is not words); build says what the site
// build knows beyond the files (an example site, today's date).
ContentLoad load_content(const std::map<std::string, std::string>& files, std::string_view locale = "en-GB",
                         const DeploymentBuild& build = {});

// Every locale the files hold (each top-level folder but common/), each loaded by load_content,
// and the key table between them (core/content/content_locales.cpp): a key, page, question or list in
// one locale and not the other, or a non-text field that differs, is a problem.
ContentLoad load_content_languages(const std::map<std::string, std::string>& files, const DeploymentBuild& build = {});

// The bundle the site build writes: {"example": true, "files": {path: json, ...}} with every
// locale's files and common/'s, each file's JSON written compactly; "example" only for a site
// built as an example.  The app loads it with no date: a built site's checked-dates were held to
// the build's date, and a site left up for a year must still show its crisis lines.
ContentLoad load_content_bundle(std::string_view bundle_text);
std::string make_content_bundle(const std::map<std::string, std::string>& files, bool example = false);

// The site's bundles: "content.json" with common/, the deployment, en-GB and the locale the
// deployment shows first, naming each other locale ("later"), and "content-<locale>.json" for
// each other locale: {"locale": "cy", "files": {"cy/strings.json": ...}}.
std::map<std::string, std::string> make_site_bundles(const std::map<std::string, std::string>& files, bool example,
                                                     std::string_view first_locale);
// A later language's file, as fetched: checked against its checksum, then loaded with the main
// bundle's files and held to the key table.  content is null, with the problems, when it is not
// the file this release was built with, or does not load.
ContentLoad load_later_language(const LanguageSource& source, const LaterLanguage& later, std::string_view text);

// A source, page, crisis line or access route last checked more than a year before today: it may have changed
// since, so someone must open its page again.  The site build names these (and a trust's
// deployment build refuses them); no test reads the clock (hazard log H4).
struct StaleFact {
  std::string what;     // "source nhs-cpa", "page about", "crisis line samaritans"
  std::string checked;  // YYYY-MM-DD
};
std::vector<StaleFact> stale_facts(const Content& content, const Date& today);

// The CLDR cardinal plural category of a whole number n in a locale: "one" or "other" for English
// ("en-GB"); "zero", "one", "two", "few", "many" or "other" for Welsh ("cy").  Written out rather
// than taken from ICU: two languages' rules for whole numbers are six comparisons, and ICU's data
// would add megabytes to a page that must load fast on a poor phone (unicode.org/cldr plurals.xml).
std::string_view plural_category(std::string_view locale, long n);

// Every piece of text the content could show, for cutting the font to the glyphs it needs.
std::string all_display_text(const std::map<std::string, std::string>& files);

}  // namespace cpa::core
