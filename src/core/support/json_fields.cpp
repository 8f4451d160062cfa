#include "core/support/json_fields.hpp"

#include "core/support/json_safe.hpp"
#include "core/plans/plan_dates.hpp"

namespace cpa::core {

std::string indexed(const std::string& list, std::size_t i) { return list + "[" + std::to_string(i) + "]"; }
namespace {
const nlohmann::json& null_json() {
  static const nlohmann::json null_value;
  return null_value;
}
}  // namespace

std::string ContentProblem::to_string() const {
  std::string out = file;
  if (!field.empty()) out += ": " + field;
  return out + ": " + message;
}

Fields::Fields(const nlohmann::json& object, std::string file, std::string path, std::vector<ContentProblem>& problems)
    : json_(object), file_(std::move(file)), path_(std::move(path)), problems_(problems) {
  if (!json_.is_object()) problem("", "should be an object");
}

std::string Fields::field_path(const std::string& key) const {
  if (path_.empty()) return key;
  if (key.empty()) return path_;
  return path_ + "." + key;
}

void Fields::problem(const std::string& field, const std::string& message) const {
  problems_.push_back({file_, field_path(field), message});
}

Fields::~Fields() {
  if (seen_.use_count() != 1 || !*check_keys_ || !json_.is_object()) return;
  for (auto it = json_.begin(); it != json_.end(); ++it)
    if (!seen_->count(it.key()))
      problem(printable_key(it.key()), "is not a field the app knows (a typo, or in the wrong place?)");
}

void Fields::other_keys_checked_here() const { *check_keys_ = false; }

bool Fields::has(const char* key) const {
  seen_->insert(key);
  return json_.is_object() && json_.contains(key);
}

std::string Fields::text(const char* key) const {
  if (!has(key)) {
    problem(key, "missing");
    return {};
  }
  const auto& value = json_.at(key);
  if (!value.is_string()) {
    problem(key, "should be text");
    return {};
  }
  auto result = value.get<std::string>();
  if (result.find_first_not_of(" \t\r\n") == std::string::npos) problem(key, "is empty");
  return result;
}

std::string Fields::optional_text(const char* key) const {
  if (!has(key)) return {};
  return text(key);
}

std::vector<std::string> Fields::text_list(const char* key, bool required) const {
  std::vector<std::string> out;
  const auto& list = array(key, required);
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_string() || list[i].get<std::string>().empty()) {
      problem(std::string(key) + "[" + std::to_string(i) + "]", "should be non-empty text");
      continue;
    }
    out.push_back(list[i].get<std::string>());
  }
  return out;
}

bool is_iso_date(const std::string& text) { return parse_iso_date(text).has_value(); }  // 30 February is not a date

std::string Fields::date(const char* key) const {
  auto value = text(key);
  if (!value.empty() && !is_iso_date(value)) problem(key, "should be a date like 2026-11-23");
  return value;
}

bool Fields::flag(const char* key, bool fallback) const {
  if (!has(key)) return fallback;
  if (!json_.at(key).is_boolean()) {
    problem(key, "should be true or false");
    return fallback;
  }
  return json_.at(key).get<bool>();
}

int Fields::integer(const char* key, int fallback, bool required) const {
  if (!has(key)) {
    if (required) problem(key, "missing");
    return fallback;
  }
  if (!json_.at(key).is_number_integer()) {
    problem(key, "should be a whole number");
    return fallback;
  }
  return json_.at(key).get<int>();
}

const nlohmann::json& Fields::object(const char* key, bool required) const {
  if (!has(key)) {
    if (required) problem(key, "missing");
    return null_json();
  }
  if (!json_.at(key).is_object()) {
    problem(key, "should be an object");
    return null_json();
  }
  return json_.at(key);
}

const nlohmann::json& Fields::array(const char* key, bool required) const {
  static const nlohmann::json empty_array = nlohmann::json::array();
  if (!has(key)) {
    if (required) problem(key, "missing");
    return empty_array;
  }
  if (!json_.at(key).is_array()) {
    problem(key, "should be a list");
    return empty_array;
  }
  return json_.at(key);
}

Fields Fields::child(const nlohmann::json& object, const std::string& sub_path) const {
  return Fields(object, file_, field_path(sub_path), problems_);
}

}  // namespace cpa::core
