#include "core/content.hpp"

#include <algorithm>

#include "core/eligibility.hpp"

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
  return s;
}

std::vector<Source> read_sources(const Fields& f, bool required) {
  std::vector<Source> out;
  const auto& list = f.array("sources", required);
  for (std::size_t i = 0; i < list.size(); ++i)
    out.push_back(read_source(f.child(list[i], "sources[" + std::to_string(i) + "]")));
  if (required && list.empty() && f.has("sources")) f.problem("sources", "needs at least one source");
  return out;
}


void load_strings(const Fields& f, Content& content) {
  f.date("checked");
  const auto& strings = f.object("strings");
  for (auto it = strings.begin(); it != strings.end(); ++it) {
    if (!it.value().is_string() || it.value().get<std::string>().empty()) {
      f.problem("strings." + it.key(), "should be non-empty text");
      continue;
    }
    content.strings[it.key()] = it.value().get<std::string>();
  }
}

CrisisLine read_crisis_line(const Fields& f) {
  CrisisLine line;
  line.id = f.text("id");
  line.name = f.text("name");
  line.number = f.text("number");
  if (!line.number.empty() && digits_of(line.number).size() < 3)
    f.problem("number", "should be a phone number");
  const auto action = f.text("action");
  if (action == "call") {
    line.action = ContactAction::call;
  } else if (action == "text") {
    line.action = ContactAction::text;
  } else if (!action.empty()) {
    f.problem("action", "should be \"call\" or \"text\"");
  }
  line.text_body = f.optional_text("text_body");
  line.purpose = f.text("for");
  line.hours = f.text("hours");
  line.email = f.optional_text("email");
  line.nations = f.text_list("nations");
  line.source_id = f.text("source");
  line.checked = f.date("checked");
  return line;
}

void load_crisis_lines(const Fields& f, Content& content) {
  f.date("checked");
  remember_sources(read_sources(f, true), content, f);
  const auto& lines = f.array("lines");
  if (lines.empty()) f.problem("lines", "needs at least one crisis line");
  for (std::size_t i = 0; i < lines.size(); ++i)
    content.crisis_lines.push_back(read_crisis_line(f.child(lines[i], "lines[" + std::to_string(i) + "]")));
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
  page.sources = read_sources(f, true);
  if (page.sources.empty()) f.problem("sources", "every page needs at least one source");
  return page;
}

void add_page(const Fields& f, Content& content) {
  auto page = read_page(f);
  if (page.id.empty()) return;
  if (content.pages.count(page.id)) f.problem("id", "\"" + page.id + "\" is used by another page too");
  remember_sources(page.sources, content, f);
  content.pages[page.id] = std::move(page);
}

// explainers.json: the "Understand your care" pages, in the order a person reads them.
void load_explainers(const Fields& f, Content& content) {
  f.date("checked");
  content.explainer_order = f.text_list("pages");
  if (content.explainer_order.empty()) f.problem("pages", "needs at least one page");
}

// Checks that need the whole content: references between files, required entries.
void check_references(const Content& content, std::vector<ContentProblem>& problems) {
  for (std::size_t i = 0; i < content.crisis_lines.size(); ++i) {
    const auto& line = content.crisis_lines[i];
    if (!line.source_id.empty() && !content.sources.count(line.source_id))
      problems.push_back({"crisis_lines.json", "lines[" + std::to_string(i) + "].source",
                          "names an unknown source \"" + line.source_id + "\""});
  }
  for (const auto& [id, page] : content.pages) {
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
      const auto& block = page.blocks[i];
      if (block.kind == Block::Kind::link && !block.page.empty() && !content.pages.count(block.page))
        problems.push_back({page.file, "blocks[" + std::to_string(i) + "].link.page",
                            "names an unknown page \"" + block.page + "\""});
    }
  }
  for (std::size_t i = 0; i < content.explainer_order.size(); ++i)
    if (!content.pages.count(content.explainer_order[i]))
      problems.push_back({"explainers.json", "pages[" + std::to_string(i) + "]",
                          "names an unknown page \"" + content.explainer_order[i] + "\""});
  if (content.explainer_order.empty()) problems.push_back({"explainers.json", "", "missing"});
  if (content.eligibility) {
    check_eligibility_references(content, problems);
  } else {
    problems.push_back({"eligibility.json", "", "missing"});
  }
  if (!content.pages.count("about")) problems.push_back({"about.json", "", "missing"});
  if (content.plans.fields.empty()) problems.push_back({"plans.json", "", "missing"});
  if (content.strings.empty()) problems.push_back({"strings.json", "", "missing"});
}

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
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
std::vector<Source> read_source_list(const Fields& fields, bool required) { return read_sources(fields, required); }

void remember_sources(const std::vector<Source>& sources, Content& content, const Fields& where) {
  for (const auto& s : sources) {
    if (s.id.empty()) continue;
    auto [it, added] = content.sources.emplace(s.id, s);
    if (!added && !(it->second == s))
      where.problem("sources", "source \"" + s.id + "\" is written differently in another file (title, publisher, url and checked must match)");
  }
}

std::string CrisisLine::href() const {
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

std::string fill_placeholders(std::string text,
                              std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  for (const auto& [name, value] : values) {
    const std::string marker = "{" + std::string(name) + "}";
    for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at + value.size()))
      text.replace(at, marker.size(), value);
  }
  return text;
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

ContentLoad load_content(const std::map<std::string, std::string>& files, std::string_view locale) {
  ContentLoad result;
  auto content = std::make_shared<Content>();
  content->locale = std::string(locale);
  const std::string prefix = std::string(locale) + "/";
  for (const auto& [path, text] : files) {
    if (path.rfind(prefix, 0) != 0) continue;
    const std::string name = path.substr(prefix.size());
    const json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded()) {
      result.problems.push_back({name, "", "is not valid JSON"});
      continue;
    }
    const Fields fields(parsed, name, "", result.problems);
    if (name == "strings.json") {
      load_strings(fields, *content);
    } else if (name == "crisis_lines.json") {
      load_crisis_lines(fields, *content);
    } else if (name == "about.json") {
      add_page(fields, *content);
    } else if (name == "eligibility.json") {
      content->eligibility = load_eligibility(fields, *content);
    } else if (name == "plans.json") {
      load_plans_content(fields, content->plans);
      remember_sources(read_sources(fields, true), *content, fields);
    } else if (name == "explainers.json") {
      load_explainers(fields, *content);
    } else if (name.rfind("pages/", 0) == 0 && ends_with(name, ".json")) {
      add_page(fields, *content);
    } else {
      result.problems.push_back({name, "", "is not a content file the app knows"});
    }
  }
  check_references(*content, result.problems);
  if (result.problems.empty()) result.content = std::move(content);
  return result;
}

std::string make_content_bundle(const std::map<std::string, std::string>& files, std::string_view locale) {
  json bundle = {{"locale", locale}, {"files", json::object()}};
  for (const auto& [path, text] : files) bundle["files"][path] = text;
  return bundle.dump();
}

ContentLoad load_content_bundle(std::string_view bundle_text) {
  const json bundle = json::parse(bundle_text, nullptr, false);
  if (bundle.is_discarded() || !bundle.is_object() || !bundle.contains("files") || !bundle["files"].is_object()) {
    ContentLoad result;
    result.problems.push_back({"content bundle", "", "is damaged (not the JSON the site build writes)"});
    return result;
  }
  std::map<std::string, std::string> files;
  for (auto it = bundle["files"].begin(); it != bundle["files"].end(); ++it)
    if (it.value().is_string()) files[it.key()] = it.value().get<std::string>();
  return load_content(files, bundle.value("locale", "en-GB"));
}

std::string all_display_text(const std::map<std::string, std::string>& files) {
  std::string out;
  for (const auto& [path, text] : files) {
    const json parsed = json::parse(text, nullptr, false);
    if (!parsed.is_discarded()) collect_strings(parsed, out);
  }
  return out;
}

}  // namespace cpa::core
