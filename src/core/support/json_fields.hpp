#pragma once
// Reading JSON content with messages a content editor can act on: every problem names the
// file and the field ("crisis_lines.json: lines[2].number: missing"), and reading goes on so
// that one run lists every problem, not just the first.
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace cpa::core {

// The path of a list's element in a problem's field: indexed("lines", 2) is "lines[2]".
std::string indexed(const std::string& list, std::size_t i);

struct ContentProblem {
  std::string file;
  std::string field;
  std::string message;
  std::string to_string() const;
};

// Every key a reader looks at (through any accessor, or has()) is remembered; when the last copy
// of a Fields goes, any key nobody looked at is a problem ("sumary" is a typo, not a summary).
class Fields {
 public:
  Fields(const nlohmann::json& object, std::string file, std::string path, std::vector<ContentProblem>& problems);
  Fields(const Fields&) = default;
  Fields& operator=(const Fields&) = delete;
  ~Fields();
  // For an object whose keys are ids the reader checks itself against its own table.
  void other_keys_checked_here() const;

  // Required fields record a problem when missing or of the wrong type and return a default.
  std::string text(const char* key) const;
  std::string optional_text(const char* key) const;
  std::vector<std::string> text_list(const char* key, bool required = true) const;
  // A date as YYYY-MM-DD.
  std::string date(const char* key) const;
  bool flag(const char* key, bool fallback) const;
  int integer(const char* key, int fallback, bool required = false) const;
  bool has(const char* key) const;

  // Child object or array; a missing or mistyped one records a problem and yields null.
  const nlohmann::json& object(const char* key, bool required = true) const;
  const nlohmann::json& array(const char* key, bool required = true) const;
  Fields child(const nlohmann::json& object, const std::string& sub_path) const;

  void problem(const std::string& field, const std::string& message) const;
  const std::string& path() const { return path_; }
  const std::string& file() const { return file_; }
  std::string field_path(const std::string& key) const;
  const nlohmann::json& raw() const { return json_; }

 private:
  const nlohmann::json& json_;
  std::string file_;
  std::string path_;
  std::vector<ContentProblem>& problems_;
  std::shared_ptr<std::set<std::string>> seen_ = std::make_shared<std::set<std::string>>();
  std::shared_ptr<bool> check_keys_ = std::make_shared<bool>(true);
};

bool is_iso_date(const std::string& text);

}  // namespace cpa::core
