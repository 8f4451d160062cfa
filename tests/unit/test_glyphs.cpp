// The fonts are cut to what the app shows (tools/cpa-lib.sh subset_font: the content's own
// characters, from core::all_display_text, plus fixed ranges for what people type), and the
// app's font atlas holds fixed ranges (src/ui/widgets/fonts.cpp).  A character outside them is drawn as
// a box: in Welsh (issue 27) that would be ŵ, ŷ and the other accented letters.  This reads both
// lists where they are written, so the test holds what the build really does.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "content_files.hpp"
#include "core/content/content.hpp"

using namespace cpa;

namespace {

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

bool glyph_within(const Ranges& ranges, char32_t c) {
  for (const auto& [first, last] : ranges)
    if (c >= first && c <= last) return true;
  return false;
}

// UTF-8 to code points (the content is checked as UTF-8 when it is parsed).
std::vector<char32_t> glyph_code_points(const std::string& text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? lead : lead & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out.push_back(c);
    i += length;
  }
  return out;
}

// subset_font's --unicodes="U+0020-017F,U+2000-206F,U+20AC".
Ranges subset_ranges() {
  const std::string lib = test::read_text(test::source_dir() + "/tools/cpa-lib.sh");
  std::smatch list;
  REQUIRE(std::regex_search(lib, list, std::regex(R"re(--unicodes="([^"]+)")re")));
  Ranges out;
  const std::string text = list[1];
  const std::regex range(R"(U\+([0-9A-Fa-f]+)(?:-([0-9A-Fa-f]+))?)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), range); it != std::sregex_iterator(); ++it) {
    const auto first = static_cast<char32_t>(std::stoul((*it)[1], nullptr, 16));
    const auto last = (*it)[2].matched ? static_cast<char32_t>(std::stoul((*it)[2], nullptr, 16)) : first;
    out.emplace_back(first, last);
  }
  return out;
}

// fonts.cpp's body_ranges[] = {0x0020, 0x017F, ..., 0}: pairs, ended by 0.
Ranges atlas_ranges() {
  const std::string fonts = test::read_text(test::source_dir() + "/src/ui/widgets/fonts.cpp");
  std::smatch list;
  REQUIRE(std::regex_search(fonts, list, std::regex(R"(body_ranges\[\] = \{([^}]*)\})")));
  std::vector<char32_t> values;
  const std::string text = list[1];
  const std::regex number("0x([0-9A-Fa-f]+)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it)
    values.push_back(static_cast<char32_t>(std::stoul((*it)[1], nullptr, 16)));
  Ranges out;
  for (std::size_t i = 0; i + 1 < values.size(); i += 2) out.emplace_back(values[i], values[i + 1]);
  return out;
}

void glyph_strings_of(const nlohmann::json& value, std::vector<std::string>& out) {
  if (value.is_string()) out.push_back(value.get<std::string>());
  if (value.is_structured())
    for (const auto& child : value) glyph_strings_of(child, out);
}

}  // namespace

TEST_CASE("every character of every content file, in every locale, is in the font subset and the font atlas") {
  const auto files = test::content_files();
  const Ranges subset = subset_ranges();
  const Ranges atlas = atlas_ranges();
  REQUIRE_FALSE(subset.empty());
  REQUIRE_FALSE(atlas.empty());
  std::set<char32_t> glyph_file;  // what the site build writes for the cut (--glyphs)
  for (const char32_t c : glyph_code_points(core::all_display_text(files))) glyph_file.insert(c);
  std::map<std::string, int> files_per_folder;
  for (const auto& file : files) {
    const std::string& path = file.first;
    const std::string& text = file.second;
    ++files_per_folder[path.substr(0, path.find('/'))];
    std::vector<std::string> strings;
    glyph_strings_of(nlohmann::json::parse(text), strings);
    for (const auto& s : strings)
      for (const char32_t c : glyph_code_points(s)) {
        if (c == '\n') continue;  // a line break is layout, not a glyph
        CAPTURE(path);
        CAPTURE(s);
        CHECK((glyph_within(subset, c) || glyph_file.contains(c)));
        CHECK(glyph_within(atlas, c));
      }
  }
  CHECK(files_per_folder["en-GB"] > 10);
  CHECK(files_per_folder["cy"] > 10);
  // What people type in Welsh, in their names and notes, whether or not the content uses it yet:
  // the circumflex (to bach) and the diaeresis on every vowel, w and y included.
  for (const char32_t c : glyph_code_points("âêîôûŵŷÂÊÎÔÛŴŶäëïöüÿÄËÏÖÜŸáéíóúýÁÉÍÓÚÝàèìòùÀÈÌÒÙ’‘“”–")) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(glyph_within(subset, c));
    CHECK(glyph_within(atlas, c));
  }
  // The Welsh the content really holds is cut in: ŵ and ŷ are in it today.
  CHECK(glyph_file.contains(U'ŵ'));
  CHECK(glyph_file.contains(U'ŷ'));
}
