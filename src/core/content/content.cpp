#include "core/content/content.hpp"

#include <algorithm>
#include <set>

#include "core/eligibility/eligibility.hpp"
#include "core/support/json_safe.hpp"
#include "core/content/locale_words.hpp"
#include "core/plans/records/records_store.hpp"

namespace cpa::core {
namespace {

using nlohmann::json;

std::string digits_of(std::string_view number) {
  std::string out;
  for (char c : number)
    if ((c >= '0' && c <= '9') || c == '+') out += c;
  return out;
}

std::string percent_encode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Source read_source(const Fields& f) {
  Source s;
  s.id = f.text("id");
  s.title = f.text("title");
  s.publisher = f.text("publisher");
  s.url = f.optional_text("url");
  if (!s.url.empty() && s.url.rfind("https://", 0) != 0) f.problem("url", "should start with https://");
  s.checked = f.date("checked");
  s.what_checked = f.optional_text("what_checked");
  if (f.has("page_reviewed")) s.page_reviewed = f.date("page_reviewed");
  s.not_opened = f.optional_text("not_opened");
  // Each source says what was checked on it, or why its page could not be opened to check it.
  if (s.what_checked.empty() && s.not_opened.empty())
    f.problem("what_checked", "say what was checked on the page, or use not_opened to say why it could not be opened");
  return s;
}

// sources.json: every source the content rests on, each written once.
void load_sources(const Fields& f, Content& content) {
  f.date("checked");
  const auto& list = f.array("sources");
  if (list.empty()) f.problem("sources", "needs at least one source");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string where = "sources[" + std::to_string(i) + "]";
    Source source = read_source(f.child(list[i], where));
    if (source.id.empty()) continue;
    if (!content.sources.emplace(source.id, source).second)
      f.problem(where + ".id", "\"" + source.id + "\" is used by another source too");
  }
}

// A list of source ids, as pages, questions and plans.json cite them.
std::vector<std::string> read_source_ids(const Fields& f, bool required) {
  auto ids = f.text_list("sources", required);
  if (required && ids.empty() && f.has("sources")) f.problem("sources", "needs at least one source");
  return ids;
}

void check_source_ids(const std::vector<std::string>& ids, const std::string& file, const std::string& field,
                      const Content& content, std::vector<ContentProblem>& problems) {
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!content.source(ids[i]))
      problems.push_back({file, field + "[" + std::to_string(i) + "]", "names an unknown source \"" + ids[i] + "\""});
}

void load_strings(const Fields& f, Content& content) {
  f.date("checked");
  const auto& strings = f.object("strings");
  for (auto it = strings.begin(); it != strings.end(); ++it) {
    if (!it.value().is_string() || it.value().get<std::string>().empty()) {
      f.problem("strings." + it.key(), "should be non-empty text");
      continue;
    }
    if (!content.strings.emplace(it.key(), it.value().get<std::string>()).second)
      f.problem("strings." + it.key(), "is also in another strings file");
  }
}

ContactAction read_call_or_text(const Fields& f) {
  const auto action = f.text("action");
  if (action == "text") return ContactAction::text;
  if (action != "call" && !action.empty()) f.problem("action", "should be \"call\" or \"text\"");
  return ContactAction::call;
}

// common/crisis_lines.json: a line's number, how to reach it, where and its sources (no words).
CrisisLine read_crisis_line_data(const Fields& f) {
  CrisisLine line;
  line.id = f.text("id");
  line.number = f.text("number");
  if (!line.number.empty() && digits_of(line.number).size() < 3) f.problem("number", "should be a phone number");
  line.action = read_call_or_text(f);
  line.text_body = f.optional_text("text_body");
  line.email = f.optional_text("email");
  line.nations = f.text_list("nations");
  line.source_ids = read_source_ids(f, true);
  line.checked = f.date("checked");
  return line;
}

void load_crisis_line_data(const Fields& f, Content& content) {
  f.optional_text("about");
  content.crisis_lines_checked = f.date("checked");
  const auto& lines = f.array("lines");
  if (lines.empty()) f.problem("lines", "needs at least one crisis line");
  for (std::size_t i = 0; i < lines.size(); ++i)
    content.crisis_lines.push_back(read_crisis_line_data(f.child(lines[i], indexed("lines", i))));
}

// A locale's words for the shared entries, joined by id: an id in one file and not the other is
// a problem naming the file and the id, so no line can be shown without its words or its number.
template <class Entries, class Read>
void join_words(const Fields& f, const char* list, Entries& entries, const std::string& common_file, Read read) {
  const auto& words = f.array(list);
  std::set<std::string> worded;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Fields entry = f.child(words[i], indexed(list, i));
    const std::string id = entry.text("id");
    auto it = std::find_if(entries.begin(), entries.end(), [&](const CrisisLine& e) { return e.id == id; });
    if (it == entries.end()) {
      entry.other_keys_checked_here();
      if (!id.empty()) entry.problem("id", "\"" + id + "\" is not in " + common_file);
      continue;
    }
    if (!worded.insert(id).second) entry.problem("id", "\"" + id + "\" has words twice");
    read(entry, *it, static_cast<std::size_t>(it - entries.begin()));
  }
  for (const auto& entry : entries)
    if (!entry.local && !worded.contains(entry.id))
      f.problem(list, "has no words for \"" + entry.id + "\", which " + common_file + " lists");
}

// crisis_lines.json: each line's name, who it is for and its hours, in the locale's words.
void load_crisis_line_words(const Fields& f, Content& content) {
  f.date("checked");
  join_words(f, "lines", content.crisis_lines, "common/crisis_lines.json",
             [](const Fields& entry, CrisisLine& line, std::size_t) {
               line.name = entry.text("name");
               line.purpose = entry.text("for");
               line.hours = entry.text("hours");
             });
}

// common/access_routes.json: one route's way in, kept as a CrisisLine.  How to reach it is
// exactly one of "call" (a number, or a relay prefix with "before_line"), "text" (a number, with
// an optional "text_body") or "web" (an https address).
CrisisLine read_access_route_data(const Fields& f, std::string& before_line) {
  CrisisLine route;
  route.id = f.text("id");
  const int ways = static_cast<int>(f.has("call")) + static_cast<int>(f.has("text")) + static_cast<int>(f.has("web"));
  if (ways != 1) f.problem("", "needs exactly one of \"call\", \"text\" or \"web\"");
  const char* number_key = f.has("call") ? "call" : "text";
  if (f.has("call") || f.has("text")) {
    route.action = f.has("call") ? ContactAction::call : ContactAction::text;
    route.number = f.text(number_key);
    if (route.action == ContactAction::text) route.text_body = f.optional_text("text_body");
  } else if (f.has("web")) {
    route.action = ContactAction::web;
    route.url = f.text("web");
    if (route.url.rfind("https://", 0) != 0) f.problem("web", "should start with https://");
  }
  if (!route.number.empty() && digits_of(route.number).size() < 3) f.problem(number_key, "should be a phone number");
  before_line = f.optional_text("before_line");
  if (!before_line.empty() && route.action != ContactAction::call)
    f.problem("before_line", "goes only with \"call\" (a relay prefix before a line's number)");
  route.nations = f.text_list("nations");
  if (route.nations.empty() && f.has("nations")) f.problem("nations", "needs at least one nation");
  route.source_ids = read_source_ids(f, true);
  route.checked = f.date("checked");
  return route;
}

// The crisis plan's step, register for emergency SMS now: which route, what to text, its
// sources.  Its number is its route's, filled in once every file is read (resolve_access_routes).
void read_sms_registration_data(const Fields& f, SmsRegistration& registration) {
  registration.route = f.text("route");
  auto& text = registration.text;
  text.id = "sms-registration";
  text.action = ContactAction::text;
  text.text_body = f.text("text_body");
  text.source_ids = read_source_ids(f, true);
  text.checked = f.date("checked");
}

void load_access_route_data(const Fields& f, Content& content) {
  f.optional_text("about");
  f.date("checked");
  auto& access = content.access;
  const auto& routes = f.array("routes");
  if (routes.empty()) f.problem("routes", "needs at least one route");
  for (std::size_t i = 0; i < routes.size(); ++i) {
    std::string before_line;
    access.routes.push_back(read_access_route_data(f.child(routes[i], indexed("routes", i)), before_line));
    access.before_line.push_back(std::move(before_line));
  }
  const auto& registration = f.object("sms_registration");
  if (registration.is_object())
    read_sms_registration_data(f.child(registration, "sms_registration"), access.registration);
}

// access_routes.json: the heading, and each route's and the SMS step's words in the locale.
void load_access_route_words(const Fields& f, Content& content) {
  f.date("checked");
  auto& access = content.access;
  access.heading = f.text("heading");
  access.intro = f.text("intro");
  join_words(f, "routes", access.routes, "common/access_routes.json",
             [&access](const Fields& entry, CrisisLine& route, std::size_t i) {
               route.name = entry.text("name");
               route.purpose = entry.text("for");
               route.hours = entry.optional_text("hours");
               if (access.before_line[i].empty() && route.purpose.find('{') != std::string::npos)
                 entry.problem("for", "has a {placeholder}, which only a route with \"before_line\" fills");
             });
  const auto& object = f.object("sms_registration");
  if (!object.is_object()) return;
  const Fields words = f.child(object, "sms_registration");
  auto& registration = access.registration;
  registration.heading = words.text("heading");
  registration.intro = words.text("intro");
  registration.steps = words.text_list("steps");
  if (registration.steps.empty() && words.has("steps")) words.problem("steps", "needs at least one step");
  registration.text.name = registration.heading;
  registration.text.purpose = registration.intro;
}

// Once crisis_lines.json is read: a relay prefix takes its line's number ("18001" before
// Samaritans' "116 123" is "18001 116 123"), so no number is written twice; the text that
// registers a phone goes to its route's number.
void resolve_access_routes(Content& content, std::vector<ContentProblem>& problems) {
  auto& access = content.access;
  const std::string file = "common/access_routes.json";
  for (std::size_t i = 0; i < access.routes.size() && i < access.before_line.size(); ++i) {
    const std::string& line_id = access.before_line[i];
    if (line_id.empty()) continue;
    auto& route = access.routes[i];
    const CrisisLine* line = content.crisis_line(line_id);
    if (!line || line->action != ContactAction::call) {
      problems.push_back(
          {file, indexed("routes", i) + ".before_line", "names no crisis line to call: \"" + line_id + "\""});
      continue;
    }
    route.purpose = fill_placeholders(route.purpose, {{"prefix", route.number}, {"line", line->name}});
    route.number += " " + line->number;
  }
  auto& registration = access.registration;
  if (registration.route.empty()) return;
  const CrisisLine* route = content.access_route(registration.route);
  if (!route || route->action != ContactAction::text) {
    problems.push_back(
        {file, "sms_registration.route", "names no route that is a text: \"" + registration.route + "\""});
    return;
  }
  registration.text.number = route->number;
}

void check_access_routes(const Content& content, std::vector<ContentProblem>& problems) {
  const auto& access = content.access;
  const std::string file = "common/access_routes.json";
  std::set<std::string> ids;
  for (std::size_t i = 0; i < access.routes.size(); ++i) {
    const auto& route = access.routes[i];
    const std::string field = indexed("routes", i);
    if (!route.id.empty() && !ids.insert(route.id).second)
      problems.push_back({file, field + ".id", "\"" + route.id + "\" is used by another route too"});
    check_source_ids(route.source_ids, file, field + ".sources", content, problems);
    for (std::size_t n = 0; n < route.nations.size(); ++n)
      if (content.eligibility && !content.eligibility->nation(route.nations[n]))
        problems.push_back({file, field + ".nations[" + std::to_string(n) + "]",
                            "names an unknown nation \"" + route.nations[n] + "\""});
  }
  check_source_ids(access.registration.text.source_ids, file, "sms_registration.sources", content, problems);
  if (access.registration.route.empty()) problems.push_back({file, "sms_registration", "missing"});
}

Block read_block(const Fields& f) {
  Block block;
  int kinds = 0;
  if (f.has("h")) {
    block.kind = Block::Kind::heading;
    block.text = f.text("h");
    ++kinds;
  }
  if (f.has("p")) {
    block.kind = Block::Kind::paragraph;
    block.text = f.text("p");
    ++kinds;
  }
  if (f.has("ul")) {
    block.kind = Block::Kind::bullets;
    block.items = f.text_list("ul");
    if (block.items.empty()) f.problem("ul", "needs at least one item");
    ++kinds;
  }
  if (f.has("link")) {
    block.kind = Block::Kind::link;
    const auto link = f.child(f.object("link"), "link");
    block.text = link.text("text");
    block.page = link.optional_text("page");
    block.url = link.optional_text("url");
    if (block.page.empty() == block.url.empty()) link.problem("", "needs either \"page\" or \"url\"");
    if (!block.url.empty() && block.url.rfind("https://", 0) != 0) link.problem("url", "should start with https://");
    ++kinds;
  }
  if (kinds != 1) f.problem("", "should have exactly one of \"h\", \"p\", \"ul\" or \"link\"");
  return block;
}

Page read_page(const Fields& f) {
  Page page;
  page.file = f.file();
  page.id = f.text("id");
  page.title = f.text("title");
  page.summary = f.optional_text("summary");
  page.checked = f.date("checked");
  const auto& blocks = f.array("blocks");
  if (blocks.empty()) f.problem("blocks", "needs at least one block");
  for (std::size_t i = 0; i < blocks.size(); ++i)
    page.blocks.push_back(read_block(f.child(blocks[i], "blocks[" + std::to_string(i) + "]")));
  page.source_ids = read_source_ids(f, true);
  page.sources_field = f.field_path("sources");
  if (page.source_ids.empty()) f.problem("sources", "every page needs at least one source");
  return page;
}

void add_page(const Fields& f, Content& content) {
  auto page = read_page(f);
  if (page.id.empty()) return;
  if (content.pages.contains(page.id)) f.problem("id", "\"" + page.id + "\" is used by another page too");
  content.pages[page.id] = std::move(page);
}

// explainers.json: the "Understand your care" pages, in the order a person reads them.
void load_explainers(const Fields& f, Content& content) {
  f.date("checked");
  content.explainer_order = f.text_list("pages");
  if (content.explainer_order.empty()) f.problem("pages", "needs at least one page");
}

// About lists every source as what the app rests on: a source nobody cites would claim a basis
// the app does not use, so it is a problem (remove it, or cite it where its fact is used).
void check_every_source_cited(const Content& content, std::vector<ContentProblem>& problems) {
  std::set<std::string> cited(content.plans.source_ids.begin(), content.plans.source_ids.end());
  auto cite_page = [&](const Page& page) { cited.insert(page.source_ids.begin(), page.source_ids.end()); };
  for (const auto& line : content.crisis_lines) cited.insert(line.source_ids.begin(), line.source_ids.end());
  cited.insert(content.drama_numbers.source_ids.begin(), content.drama_numbers.source_ids.end());
  for (const auto& id : national_services_source_ids(content)) cited.insert(id);
  for (const auto& route : content.access.routes) cited.insert(route.source_ids.begin(), route.source_ids.end());
  const auto& registration = content.access.registration.text;
  cited.insert(registration.source_ids.begin(), registration.source_ids.end());
  for (const auto& [id, page] : content.pages) cite_page(page);
  if (content.eligibility) {
    for (const auto& [id, result] : content.eligibility->results) cite_page(result.page);
    for (const auto& [id, section] : content.eligibility->sections) cite_page(section);
    for (const auto& q : content.eligibility->questions) cited.insert(q.sources.begin(), q.sources.end());
  }
  for (const auto& [id, source] : content.sources)
    if (!cited.contains(id))
      problems.push_back({"common/sources.json", "sources", "\"" + id + "\" is cited by nothing: remove it"});
}

// Checks that need the whole content: references between files, required entries.
void check_references(const Content& content, std::vector<ContentProblem>& problems) {
  for (std::size_t i = 0; i < content.crisis_lines.size(); ++i) {
    const auto& line = content.crisis_lines[i];
    if (line.local) continue;  // the deployment's reader checks its own lines
    check_source_ids(line.source_ids, "common/crisis_lines.json", indexed("lines", i) + ".sources", content, problems);
  }
  for (const auto& [id, page] : content.pages) {
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
      const auto& block = page.blocks[i];
      if (block.kind == Block::Kind::link && !block.page.empty() && !content.pages.contains(block.page))
        problems.push_back(
            {page.file, "blocks[" + std::to_string(i) + "].link.page", "names an unknown page \"" + block.page + "\""});
    }
  }
  for (std::size_t i = 0; i < content.explainer_order.size(); ++i)
    if (!content.pages.contains(content.explainer_order[i]))
      problems.push_back({"explainers.json", "pages[" + std::to_string(i) + "]",
                          "names an unknown page \"" + content.explainer_order[i] + "\""});
  if (content.explainer_order.empty()) problems.push_back({"explainers.json", "", "missing"});
  if (content.eligibility) {
    check_eligibility_references(content, problems);
  } else {
    problems.push_back({"eligibility.json", "", "missing"});
  }
  check_access_routes(content, problems);
  if (!content.pages.contains("about")) problems.push_back({"about.json", "", "missing"});
  if (content.plans.fields.empty()) problems.push_back({"plans.json", "", "missing"});
  if (content.strings.empty()) problems.push_back({"strings.json", "", "missing"});
  if (content.sources.empty()) problems.push_back({"common/sources.json", "", "missing"});
  // Without Ofcom's ranges a deployment's drama number would pass unseen: the file is required.
  if (content.drama_numbers.ranges.empty()) problems.push_back({"common/drama_numbers.json", "", "missing"});
  check_source_ids(content.drama_numbers.source_ids, "common/drama_numbers.json", "sources", content, problems);
  check_national_services(content, problems);
  check_every_source_cited(content, problems);
}

std::string safe_json_problem(const SafeJson& safe) {
  switch (safe.problem) {
    case SafeJson::Problem::duplicate_key: return "has \"" + safe.duplicate_key + "\" twice in one place";
    case SafeJson::Problem::too_deep: return "is nested too deeply to be content";
    default: return "is not valid JSON";
  }
}

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// content/common/: what every locale shares (numbers, not words).
void load_common_files(const std::map<std::string, std::string>& files, Content& content,
                       std::vector<ContentProblem>& problems) {
  for (const auto& [path, text] : files) {
    if (path.rfind("common/", 0) != 0) continue;
    const SafeJson safe = parse_untrusted(text);
    if (!safe.ok()) {
      problems.push_back({path, "", safe_json_problem(safe)});
      continue;
    }
    const Fields fields(safe.value, path, "", problems);
    if (path == "common/numbers.json") load_numbers(fields, content);
    else if (path == "common/sources.json") load_sources(fields, content);
    else if (path == "common/drama_numbers.json") load_drama_numbers(fields, content.drama_numbers);
    else if (path == "common/crisis_lines.json") load_crisis_line_data(fields, content);
    else if (path == "common/access_routes.json") load_access_route_data(fields, content);
    else problems.push_back({path, "", "is not a content file the app knows"});
  }
  for (const char* needed : {"common/crisis_lines.json", "common/access_routes.json"})
    if (!files.contains(needed)) problems.push_back({needed, "", "missing"});
}

// A translated locale's files each say whether a translator has checked them, and say the same.
void read_review(const Fields& f, Content& content, bool& seen) {
  if (!f.has("review")) {
    if (content.locale != "en-GB")
      f.problem("review", "missing: every translated file says whether a qualified translator has checked it");
    return;
  }
  const Fields record = f.child(f.object("review"), "review");
  ContentReview review{record.text("status"), record.text("note")};
  if (!seen) content.review = review;
  else if (review != content.review) f.problem("review", "differs from another file's review record");
  seen = true;
}

void collect_strings(const json& value, std::string& out) {
  if (value.is_string()) {
    out += value.get<std::string>();
    out += '\n';
  } else if (value.is_structured()) {
    for (const auto& child : value) collect_strings(child, out);
  }
}

}  // namespace

Page read_page_fields(const Fields& fields) { return read_page(fields); }

std::vector<std::string> page_text(const Page& page) {
  std::vector<std::string> pieces{page.title};
  if (!page.summary.empty()) pieces.push_back(page.summary);
  for (const auto& block : page.blocks) {
    if (block.kind == Block::Kind::bullets) {
      pieces.insert(pieces.end(), block.items.begin(), block.items.end());
    } else {
      pieces.push_back(block.text);
    }
  }
  return pieces;
}

void resolve_page_sources(Page& page, const Content& content, std::vector<ContentProblem>& problems) {
  check_source_ids(page.source_ids, page.file, page.sources_field, content, problems);
  page.sources.clear();
  for (const auto& id : page.source_ids)
    if (const Source* source = content.source(id)) page.sources.push_back(*source);
}

std::string crisis_line_action_label(const Content& content, const CrisisLine& line) {
  switch (line.action) {
    case ContactAction::text:
      return line.text_body.empty()
                 ? content.format("help_now.text_number", {{"number", line.number}})
                 : content.format("help_now.text", {{"body", line.text_body}, {"number", line.number}});
    case ContactAction::web: return content.format("help_now.web", {{"address", web_address_shown(line.url)}});
    case ContactAction::call: break;
  }
  return content.format("help_now.call", {{"number", line.number}});
}

std::string web_address_shown(std::string_view url) {
  if (url.rfind("https://", 0) == 0) url.remove_prefix(8);
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return std::string(url);
}

std::string CrisisLine::href() const {
  if (action == ContactAction::web) return url;
  if (action == ContactAction::text)
    return "sms:" + digits_of(number) + (text_body.empty() ? "" : "?body=" + percent_encode(text_body));
  return "tel:" + digits_of(number);
}

const std::string& Content::str(std::string_view key) const {
  auto it = strings.find(std::string(key));
  if (it != strings.end()) return it->second;
  static thread_local std::map<std::string, std::string> missing;
  auto [slot, fresh] = missing.try_emplace(std::string(key), "[" + std::string(key) + "]");
  return slot->second;
}

namespace {
// One pass over the template: a value put in is never searched again, so a value that holds
// "{problem}" stays as it is and cannot make the message grow.
template <class Values>
std::string fill_once(const std::string& text, const Values& values) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    bool filled = false;
    if (text[i] == '{') {
      for (const auto& [name, value] : values) {
        const std::size_t close = i + 1 + std::string_view(name).size();
        if (close < text.size() && text[close] == '}' &&
            text.compare(i + 1, std::string_view(name).size(), name) == 0) {
          out += value;
          i = close + 1;
          filled = true;
          break;
        }
      }
    }
    if (!filled) out += text[i++];
  }
  return out;
}
}  // namespace

std::string fill_placeholders(const std::string& text,
                              std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  return fill_once(text, values);
}

std::string fill_placeholders(const std::string& text, const std::vector<std::pair<std::string, std::string>>& values) {
  return fill_once(text, values);
}

std::string Content::format(std::string_view key,
                            std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
  return fill_placeholders(str(key), values);
}

const Page* Content::page(std::string_view id) const {
  auto it = pages.find(std::string(id));
  return it == pages.end() ? nullptr : &it->second;
}

const Source* Content::source(std::string_view id) const {
  auto it = sources.find(std::string(id));
  return it == sources.end() ? nullptr : &it->second;
}

const CrisisLine* Content::crisis_line(std::string_view id) const {
  for (const auto& line : crisis_lines)
    if (line.id == id) return &line;
  return nullptr;
}

const CrisisLine* Content::access_route(std::string_view id) const {
  for (const auto& route : access.routes)
    if (route.id == id) return &route;
  return nullptr;
}

namespace {

bool is_strings_file(const std::string& name) {
  // strings.json, and a feature's own strings-<feature>.json beside it.
  return name == "strings.json" ||
         (name.rfind("strings-", 0) == 0 && ends_with(name, ".json") && name.find('/') == std::string::npos);
}

// One file of a locale, by its name; false for a file the app does not know.
bool load_locale_file(const std::string& name, const Fields& fields, Content& content,
                      std::shared_ptr<EligibilityContent>& eligibility) {
  if (is_strings_file(name)) load_strings(fields, content);
  else if (name == "crisis_lines.json") load_crisis_line_words(fields, content);
  else if (name == "access_routes.json") load_access_route_words(fields, content);
  else if (name == "about.json" || (name.rfind("pages/", 0) == 0 && ends_with(name, ".json")))
    add_page(fields, content);
  else if (name == "eligibility.json") eligibility = load_eligibility(fields);
  else if (name == "plans.json") load_plans_content(fields, content.plans);
  else if (name == "explainers.json") load_explainers(fields, content);
  else if (name == "service_names.json") load_service_names(fields, content);
  else if (name == "dates.json") load_date_names(fields, content.dates);
  else if (name == "plurals.json") load_plural_forms(fields, content);
  // The glossary is for translators and tools/welsh/check_prose.py (are the official terms used?),
  // not for the app: it is read for its review record only.
  else if (name == "glossary.json") fields.other_keys_checked_here();
  else return false;
  return true;
}

// The files every locale must have (pages/ and strings-*.json are checked by what they hold).
void check_locale_files_present(const std::set<std::string>& seen, std::vector<ContentProblem>& problems) {
  for (const char* needed : {"crisis_lines.json", "access_routes.json", "dates.json"})
    if (!seen.contains(needed)) problems.push_back({needed, "", "missing"});
}

void load_deployment_file(const std::map<std::string, std::string>& files, Content& content,
                          const DeploymentBuild& build, std::vector<ContentProblem>& problems) {
  if (const auto it = files.find("deployment.json"); it != files.end()) {
    const SafeJson safe = parse_untrusted(it->second);
    if (!safe.ok()) {
      problems.push_back({"deployment.json", "", safe_json_problem(safe)});
    } else {
      const Fields fields(safe.value, "deployment.json", "", problems);
      content.deployment = load_deployment(fields, content, build);
    }
  } else if (build.example) {
    problems.push_back(
        {"deployment.json", "", "missing: only a site with a deployment file can be built as an example"});
  }
}

}  // namespace

ContentLoad load_content(const std::map<std::string, std::string>& files, std::string_view locale,
                         const DeploymentBuild& build) {
  ContentLoad result;
  auto content = std::make_shared<Content>();
  content->locale = std::string(locale);
  content->review = {"original", ""};
  const std::string prefix = std::string(locale) + "/";
  std::shared_ptr<EligibilityContent> eligibility;
  std::set<std::string> seen;
  bool review_seen = false;
  // The shared numbers first: a locale's words for them are joined to them by id.
  load_common_files(files, *content, result.problems);
  for (const auto& [path, text] : files) {
    if (path.rfind(prefix, 0) != 0) continue;
    const std::string name = path.substr(prefix.size());
    seen.insert(name);
    const SafeJson safe = parse_untrusted(text);
    if (!safe.ok()) {
      result.problems.push_back({name, "", safe_json_problem(safe)});
      continue;
    }
    const Fields fields(safe.value, name, "", result.problems);
    read_review(fields, *content, review_seen);
    if (!load_locale_file(name, fields, *content, eligibility))
      result.problems.push_back({name, "", "is not a content file the app knows"});
  }
  check_locale_files_present(seen, result.problems);
  resolve_access_routes(*content, result.problems);
  check_source_ids(content->plans.source_ids, "plans.json", "sources", *content, result.problems);
  for (auto& [id, page] : content->pages) resolve_page_sources(page, *content, result.problems);
  if (eligibility) resolve_eligibility_sources(*eligibility, *content, result.problems);
  content->eligibility = eligibility;
  load_deployment_file(files, *content, build, result.problems);
  check_references(*content, result.problems);
  check_plural_forms(*content, result.problems);
  if (result.problems.empty()) {
    result.content = std::move(content);
    result.languages = {result.content};
  }
  return result;
}

namespace {

// Each file without its indentation (about 13% of the bundle's bytes): the app parses it the
// same.  A file that does not parse goes in as it is, for the app to report.  The translators'
// glossary (about 7 KB compressed) is read by tools/welsh, never by the app.
json compact_files(const std::map<std::string, std::string>& files, std::string_view only_prefix) {
  json out = json::object();
  for (const auto& [path, text] : files) {
    if (ends_with(path, "/glossary.json") || path.rfind(only_prefix, 0) != 0) continue;
    const SafeJson safe = parse_untrusted(text);
    out[path] = safe.ok() ? safe.value.dump() : text;
  }
  return out;
}

bool is_later_language(const json& item) {
  static const char* const keys[] = {"locale", "name", "not_loaded", "file", "checksum"};
  if (!item.is_object() || item.size() != std::size(keys)) return false;
  return std::all_of(std::begin(keys), std::end(keys),
                     [&](const char* key) { return item.contains(key) && item[key].is_string(); });
}

ContentLoad damaged_bundle() {
  ContentLoad result;
  result.problems.push_back({"content bundle", "", "is damaged (not the JSON the site build writes)"});
  return result;
}

// The name of a locale's word in its own strings.json ("" when it has none).
std::string locale_string(const std::map<std::string, std::string>& files, const std::string& locale,
                          const std::string& key) {
  const auto it = files.find(locale + "/strings.json");
  if (it == files.end()) return {};
  const SafeJson safe = parse_untrusted(it->second);
  if (!safe.ok() || !safe.value.is_object()) return {};
  const json strings = safe.value.value("strings", json::object());
  return strings.is_object() && strings.contains(key) && strings[key].is_string() ? strings[key].get<std::string>()
                                                                                  : std::string();
}

}  // namespace

std::string make_content_bundle(const std::map<std::string, std::string>& files, bool example) {
  json bundle = {{"files", compact_files(files, "")}};
  if (example) bundle["example"] = true;
  return bundle.dump();
}

std::map<std::string, std::string> make_site_bundles(const std::map<std::string, std::string>& files, bool example,
                                                     std::string_view first_locale) {
  std::map<std::string, std::string> main_files, out;
  json later = json::array();
  std::set<std::string> later_locales;
  for (const auto& [path, text] : files) {
    const auto slash = path.find('/');
    const std::string folder = slash == std::string::npos ? std::string() : path.substr(0, slash);
    if (!folder.empty() && folder != "common" && folder != "en-GB" && folder != first_locale)
      later_locales.insert(folder);
    else main_files[path] = text;
  }
  for (const auto& locale : later_locales) {
    const std::string file = "content-" + locale + ".json";
    const std::string text = json{{"locale", locale}, {"files", compact_files(files, locale + "/")}}.dump();
    later.push_back({{"locale", locale},
                     {"name", locale_string(files, locale, "language.name")},
                     {"not_loaded", locale_string(files, locale, "language.not_loaded")},
                     {"file", file},
                     {"checksum", fnv1a64_hex(text)}});
    out[file] = text;
  }
  json bundle = {{"files", compact_files(main_files, "")}};
  if (example) bundle["example"] = true;
  if (!later.empty()) bundle["later"] = later;
  out["content.json"] = bundle.dump();
  return out;
}

ContentLoad load_content_bundle(std::string_view bundle_text) {
  const SafeJson safe = parse_untrusted(bundle_text);
  const json& bundle = safe.value;
  if (!safe.ok() || !bundle.is_object() || !bundle.contains("files") || !bundle["files"].is_object() ||
      (bundle.contains("example") && !bundle["example"].is_boolean()) ||
      (bundle.contains("later") && !bundle["later"].is_array()))
    return damaged_bundle();
  auto source = std::make_shared<LanguageSource>();
  for (auto it = bundle["files"].begin(); it != bundle["files"].end(); ++it)
    if (it.value().is_string()) source->files[it.key()] = it.value().get<std::string>();
  source->example = bundle.value("example", false);
  for (const auto& item : bundle.value("later", json::array())) {
    if (!is_later_language(item)) return damaged_bundle();
    source->later.push_back({item["locale"], item["name"], item["not_loaded"], item["file"], item["checksum"]});
  }
  DeploymentBuild build;
  build.example = source->example;
  ContentLoad result = load_content_languages(source->files, build);
  if (result.ok() && !source->later.empty()) result.source = std::move(source);
  return result;
}

const Content* ContentLoad::language(std::string_view locale) const {
  for (const auto& loaded : languages)
    if (loaded && loaded->locale == locale) return loaded.get();
  return nullptr;
}

std::string all_display_text(const std::map<std::string, std::string>& files) {
  std::string out;
  for (const auto& [path, text] : files) {
    const SafeJson safe = parse_untrusted(text);
    if (safe.ok()) collect_strings(safe.value, out);
  }
  return out;
}

std::vector<StaleFact> stale_facts(const Content& content, const Date& today) {
  std::vector<StaleFact> stale;
  auto look_at = [&](std::string what, const std::string& checked) {
    const auto day = parse_iso_date(checked);
    if (day && more_than_a_year_before(*day, today)) stale.push_back({std::move(what), checked});
  };
  for (const auto& [id, source] : content.sources) look_at("source " + id, source.checked);
  for (const auto& [id, page] : content.pages) look_at("page " + id, page.checked);
  for (const auto& line : content.crisis_lines) look_at("crisis line " + line.id, line.checked);
  for (const auto& route : content.access.routes) look_at("access route " + route.id, route.checked);
  return stale;
}

}  // namespace cpa::core
