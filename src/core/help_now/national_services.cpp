#include "core/help_now/national_services.hpp"

#include <algorithm>

#include "core/content/content.hpp"
#include "core/plans/plan_phone.hpp"
#include "core/plans/records/records.hpp"

namespace cpa::core {
namespace {

constexpr const char* kNumbersFile = "common/numbers.json";
constexpr const char* kNamesFile = "service_names.json";

// ---- reading a name's words ----
std::size_t utf8_length(unsigned char lead) {
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

char32_t decode(std::string_view text, std::size_t at, std::size_t length) {
  const auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[at + k])); };
  if (length == 2) return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
  if (length == 3) return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
}

// Characters that show nothing: a soft hyphen, zero-width spaces and joiners, direction marks
// and overrides, the byte order mark.
bool invisible(char32_t c) {
  return c == 0xAD || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) ||
         c == 0xFEFF;
}

// Spaces and punctuation outside ASCII: no-break and other spaces, dashes, curly quotes (the
// invisible ones in this block are dropped first).
bool separator(char32_t c) { return c == 0xA0 || (c >= 0x2000 && c <= 0x205F) || c == 0x3000; }

class WordSplitter {
 public:
  void letter(std::string_view bytes) { add(bytes, Kind::letter); }
  void digit(char c) { add(std::string_view(&c, 1), Kind::digit); }
  void gap() {
    if (!word_.empty()) words_.push_back(std::move(word_));
    word_.clear();
    kind_ = Kind::none;
  }
  std::vector<std::string> take() {
    gap();
    return std::move(words_);
  }

 private:
  enum class Kind { none, letter, digit };
  void add(std::string_view bytes, Kind kind) {
    if (kind_ != Kind::none && kind_ != kind) gap();  // "NHS111" is "nhs" "111"
    word_ += bytes;
    kind_ = kind;
  }
  std::vector<std::string> words_;
  std::string word_;
  Kind kind_ = Kind::none;
};

// ---- matching ----
bool has_phrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
  if (phrase.empty() || phrase.size() > words.size()) return false;
  return std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
}

bool any_phrase(const std::vector<std::string>& words, const std::vector<std::vector<std::string>>& phrases) {
  return std::any_of(phrases.begin(), phrases.end(), [&](const auto& p) { return has_phrase(words, p); });
}

bool names(const NationalService& service, const std::vector<std::string>& words) {
  if (words.empty() || any_phrase(words, service.except)) return false;
  if (std::find(service.whole_names.begin(), service.whole_names.end(), words) != service.whole_names.end())
    return true;
  return any_phrase(words, service.names);
}

// The number a stored phone reaches, the parser's way; "" when it is not a number.
std::string reached(std::string_view phone) {
  const auto parsed = parse_uk_phone(phone);
  return parsed.ok() ? parsed.number->reaches : std::string();
}

// ---- loading ----
std::vector<std::vector<std::string>> phrases(const Fields& f, const char* key, bool required) {
  std::vector<std::vector<std::string>> out;
  const auto texts = f.text_list(key, required);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    out.push_back(name_words(texts[i]));
    if (out.back().empty()) f.problem(indexed(key, i), "has no letters or digits to match");
  }
  return out;
}

NationalService read_service_numbers(const Fields& f) {
  NationalService service;
  service.id = f.text("id");
  service.line_ids = f.text_list("lines", false);
  service.number = f.optional_text("number");
  if (service.line_ids.empty() == service.number.empty())
    f.problem("", "needs either \"lines\" (crisis line ids) or its own \"number\"");
  if (!service.number.empty()) {
    service.source_ids = f.text_list("sources");
    if (service.source_ids.empty()) f.problem("sources", "its own number needs at least one source");
    service.checked = f.date("checked");
    if (!parse_uk_phone(service.number).ok()) f.problem("number", "is not a UK phone number the app can call");
  }
  return service;
}

RefusedNumberRule read_refused_rule(const Fields& f) {
  RefusedNumberRule rule;
  rule.message_key = f.text("message");
  rule.example = f.text("example");
  rule.source_ids = f.text_list("sources");
  if (rule.source_ids.empty()) f.problem("sources", "needs at least one source");
  return rule;
}

NationalService* find_service(Content& content, std::string_view id) {
  for (auto& service : content.national_services)
    if (service.id == id) return &service;
  return nullptr;
}

void check_sources(const Content& content, const std::vector<std::string>& ids, const std::string& field,
                   std::vector<ContentProblem>& problems) {
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!content.source(ids[i]))
      problems.push_back({kNumbersFile, indexed(field, i), "names an unknown source \"" + ids[i] + "\""});
}

void check_service(const Content& content, const NationalService& service, const std::string& where,
                   std::vector<ContentProblem>& problems) {
  for (std::size_t k = 0; k < service.line_ids.size(); ++k)
    if (!content.crisis_line(service.line_ids[k]))
      problems.push_back(
          {kNumbersFile, indexed(where + ".lines", k), "names an unknown crisis line \"" + service.line_ids[k] + "\""});
  check_sources(content, service.source_ids, where + ".sources", problems);
  if (service.name.empty())
    problems.push_back(
        {kNamesFile, "services", "has no name or names for \"" + service.id + "\" (every service needs them)"});
}

}  // namespace

std::vector<std::string> name_words(std::string_view text) {
  WordSplitter words;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') words.letter(std::string(1, static_cast<char>(c - 'A' + 'a')));
      else if (c >= 'a' && c <= 'z') words.letter(std::string_view(&text[i], 1));
      else if (c >= '0' && c <= '9') words.digit(text[i]);
      else words.gap();
      ++i;
      continue;
    }
    const std::size_t length = std::min(utf8_length(c), text.size() - i);
    const char32_t code = length > 1 ? decode(text, i, length) : 0xFFFD;
    if (invisible(code)) {
      // dropped: "Sama<zero-width space>ritans" is Samaritans
    } else if (separator(code)) {
      words.gap();
    } else {
      words.letter(text.substr(i, length));  // é, ŵ: part of a word
    }
    i += length;
  }
  return words.take();
}

void load_numbers(const Fields& f, Content& content) {
  f.date("checked");
  const auto& services = f.array("services");
  for (std::size_t i = 0; i < services.size(); ++i) {
    NationalService service = read_service_numbers(f.child(services[i], indexed("services", i)));
    if (!service.id.empty() && find_service(content, service.id))
      f.problem(indexed("services", i) + ".id", "\"" + service.id + "\" is used by another service too");
    content.national_services.push_back(std::move(service));
  }
  const auto& rules = f.array("refused");
  for (std::size_t i = 0; i < rules.size(); ++i)
    content.refused_numbers.push_back(read_refused_rule(f.child(rules[i], indexed("refused", i))));
}

void load_service_names(const Fields& f, Content& content) {
  f.date("checked");
  const auto& services = f.array("services");
  for (std::size_t i = 0; i < services.size(); ++i) {
    const Fields entry = f.child(services[i], indexed("services", i));
    const std::string id = entry.text("id");
    NationalService* service = find_service(content, id);
    if (!service) {
      entry.problem("id", "\"" + id + "\" is not a service in " + kNumbersFile);
      entry.other_keys_checked_here();  // one problem for the entry, not one per key
      continue;
    }
    service->name = entry.text("name");
    service->names = phrases(entry, "names", true);
    service->whole_names = phrases(entry, "whole_names", false);
    service->except = phrases(entry, "except", false);
  }
}

void check_national_services(const Content& content, std::vector<ContentProblem>& problems) {
  if (content.national_services.empty()) problems.push_back({kNumbersFile, "", "missing"});
  for (std::size_t i = 0; i < content.national_services.size(); ++i)
    check_service(content, content.national_services[i], indexed("services", i), problems);
  for (std::size_t i = 0; i < content.refused_numbers.size(); ++i) {
    const auto& rule = content.refused_numbers[i];
    if (!content.strings.contains(rule.message_key))
      problems.push_back(
          {kNumbersFile, indexed("refused", i) + ".message", "names an unknown string \"" + rule.message_key + "\""});
    check_sources(content, rule.source_ids, indexed("refused", i) + ".sources", problems);
  }
}

std::vector<std::string> national_services_source_ids(const Content& content) {
  std::vector<std::string> ids;
  for (const auto& service : content.national_services)
    ids.insert(ids.end(), service.source_ids.begin(), service.source_ids.end());
  for (const auto& rule : content.refused_numbers)
    ids.insert(ids.end(), rule.source_ids.begin(), rule.source_ids.end());
  return ids;
}

std::vector<std::string> service_numbers(const Content& content, const NationalService& service) {
  std::vector<std::string> out;
  for (const auto& id : service.line_ids)
    if (const CrisisLine* line = content.crisis_line(id)) out.push_back(reached(line->number));
  if (!service.number.empty()) out.push_back(reached(service.number));
  return out;
}

std::string service_number_shown(const Content& content, const NationalService& service) {
  for (const auto& id : service.line_ids)
    if (const CrisisLine* line = content.crisis_line(id)) return line->number;
  return service.number;
}

ContactWarning national_service_warning(const Content& content, std::string_view name, std::string_view phone) {
  if (is_blank(phone)) return {};
  const auto words = name_words(name);
  const std::string number = reached(phone);
  const NationalService* named = nullptr;
  for (const auto& service : content.national_services) {
    if (!names(service, words)) continue;
    const auto numbers = service_numbers(content, service);
    // A name can name two services ("NHS 24 (111)"): the number of any of them is right.
    if (!number.empty() && std::find(numbers.begin(), numbers.end(), number) != numbers.end()) return {};
    if (!named) named = &service;
  }
  if (!named) return {};
  const std::string shown = service_number_shown(content, *named);
  return {content.format("contacts.not_service_number", {{"service", named->name}, {"number", shown}}), named->id,
          shown};
}

ContactWarning contact_warning(const Content& content, std::string_view name, std::string_view phone) {
  auto warning = national_service_warning(content, name, phone);
  if (warning.shown() || is_blank(phone)) return warning;
  const auto parsed = parse_uk_phone(phone);
  if (!parsed.ok() && is_unsafe_number(parsed.problem))
    warning.text = render(content, Message{phone_problem_key(parsed.problem), {}});
  return warning;
}

}  // namespace cpa::core
