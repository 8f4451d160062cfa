#include "tools/readability/readability.hpp"

#include <algorithm>
#include <cctype>

namespace cpa::readability {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }
bool is_consonant(char c) { return c >= 'a' && c <= 'z' && !is_vowel(c); }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool ends_with(std::string_view word, std::string_view tail) {
  return word.size() >= tail.size() && word.substr(word.size() - tail.size()) == tail;
}

// Vowel pairs that are usually two sounds ("vi-o-lence", "me-di-um", "usu-al-ly"), unless the
// letter before makes them one ("so-cial", "ac-tion", "qual-i-ty").
int split_vowel_pairs(std::string_view w) {
  int extra = 0;
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    const char before = i > 0 ? w[i - 1] : ' ';
    const std::string_view pair = w.substr(i, 2);
    const bool soft = before == 'c' || before == 't' || before == 's' || before == 'x' || before == 'g';
    if ((pair == "ia" || pair == "io") && !soft && i > 0) ++extra;
    if (pair == "iu" && i > 0) ++extra;
    if (pair == "ua" && before != 'q' && i > 0) ++extra;
    if (pair == "ea" && i + 2 == w.size() && i > 0) ++extra;  // "area", "idea"
  }
  return extra;
}

// Silent endings: "care", "takes", "asked" lose a syllable; "table", "needed", "changes" do not.
int silent_endings(std::string_view w, int groups) {
  if (groups < 2 || w.size() < 3) return 0;
  const char before_e = w[w.size() - 2];
  if (w.back() == 'e') {
    const bool consonant_le = ends_with(w, "le") && w.size() >= 3 && is_consonant(w[w.size() - 3]);
    return is_consonant(before_e) && !consonant_le ? 1 : 0;
  }
  if (ends_with(w, "es")) {
    const char c = w[w.size() - 3];
    const bool sounded =
        c == 's' || c == 'x' || c == 'z' || c == 'c' || c == 'g' || ends_with(w, "ches") || ends_with(w, "shes");
    return is_consonant(c) && !sounded ? 1 : 0;
  }
  if (ends_with(w, "ed")) {
    const char c = w[w.size() - 3];
    return is_consonant(c) && c != 't' && c != 'd' ? 1 : 0;
  }
  return 0;
}

// One run of lower-case letters.
int count_letters(std::string_view w) {
  int groups = 0;
  bool in_vowels = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const bool vowel = is_vowel(w[i]) && !(w[i] == 'y' && i == 0);  // "you", "year": y is a consonant
    if (vowel && !in_vowels) ++groups;
    in_vowels = vowel;
  }
  int count = groups + split_vowel_pairs(w) - silent_endings(w, groups);
  if (ends_with(w, "ing") && w.size() > 3 && is_vowel(w[w.size() - 4])) ++count;  // "be-ing", "do-ing"
  return std::max(1, count);
}

// Letters said one by one: "NHS", "GP", "CPA".  W is "double-you".
int spelled_out(std::string_view letters) {
  int count = 0;
  for (char c : letters) count += c == 'W' ? 3 : 1;
  return count;
}

bool is_apostrophe_at(std::string_view text, std::size_t i) {
  return text[i] == '\'' || (text.compare(i, 3, "\xE2\x80\x99") == 0);
}

// A word is made of letters, digits, apostrophes, hyphens and "&", and a point inside a number
// ("5.2"); anything else separates.
bool is_word_byte(std::string_view text, std::size_t i) {
  const char c = text[i];
  const bool decimal_point = c == '.' && i > 0 && i + 1 < text.size() && is_digit(text[i - 1]) && is_digit(text[i + 1]);
  return is_letter(c) || is_digit(c) || c == '-' || c == '&' || decimal_point || is_apostrophe_at(text, i);
}

}  // namespace

int count_syllables(std::string_view word) {
  int total = 0;
  std::size_t i = 0;
  while (i < word.size()) {
    const char c = word[i];
    if (is_digit(c)) {
      ++total;
      ++i;
    } else if (c == '&') {  // "A&E": "and"
      ++total;
      ++i;
    } else if (is_letter(c)) {
      std::string run;
      bool all_caps = true;
      for (; i < word.size() && (is_letter(word[i]) || is_apostrophe_at(word, i)); ++i) {
        if (!is_letter(word[i])) {
          if (word[i] != '\'') i += 2;  // the rest of a curly apostrophe
          continue;
        }
        all_caps = all_caps && std::isupper(static_cast<unsigned char>(word[i]));
        run += static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
      }
      const bool acronym = all_caps && run.size() >= 2 && run.size() <= 4;
      if (acronym) {
        std::string upper;
        for (char r : run) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(r)));
        total += spelled_out(upper);
      } else {
        total += count_letters(run);
      }
    } else {
      ++i;  // hyphens and anything else between parts
    }
  }
  return total;
}

TextCounts& TextCounts::operator+=(const TextCounts& other) {
  sentences += other.sentences;
  words += other.words;
  syllables += other.syllables;
  return *this;
}

TextCounts count_text(std::string_view text) {
  TextCounts counts;
  int words_in_sentence = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_byte(text, i)) {
      // A sentence ends at . ! or ? after a word (a point inside a number is part of the word).
      const char c = text[i];
      if ((c == '.' || c == '!' || c == '?') && words_in_sentence > 0) {
        ++counts.sentences;
        words_in_sentence = 0;
      }
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && is_word_byte(text, i)) i += is_apostrophe_at(text, i) && text[i] != '\'' ? 3 : 1;
    const std::string_view token = text.substr(start, i - start);
    const bool has_sound = std::any_of(token.begin(), token.end(), [](char c) { return is_letter(c) || is_digit(c); });
    if (!has_sound) continue;  // a lone dash or "&"
    ++counts.words;
    ++words_in_sentence;
    counts.syllables += count_syllables(token);
  }
  if (words_in_sentence > 0) ++counts.sentences;
  return counts;
}

TextCounts count_pieces(const std::vector<std::string>& pieces) {
  TextCounts total;
  for (const auto& piece : pieces) total += count_text(piece);
  return total;
}

double flesch_reading_ease(const TextCounts& counts) {
  if (counts.words == 0 || counts.sentences == 0) return 0.0;
  const double words_per_sentence = static_cast<double>(counts.words) / counts.sentences;
  const double syllables_per_word = static_cast<double>(counts.syllables) / counts.words;
  return 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word;
}

std::vector<std::string> result_page_text(const EligibilityContent& content, const ResultPage& result) {
  std::vector<std::string> pieces = page_text(result.page);
  for (const auto& id : result.sections) {
    if (const Page* section = content.section(id)) {
      const auto more = page_text(*section);
      pieces.insert(pieces.end(), more.begin(), more.end());
    }
  }
  return pieces;
}

std::vector<std::string> questions_text(const EligibilityContent& content) {
  std::vector<std::string> pieces;
  for (const auto& q : content.questions) {
    pieces.push_back(q.text);
    if (!q.hint.empty()) pieces.push_back(q.hint);
    pieces.push_back(q.short_text);
    pieces.push_back(q.why);
  }
  return pieces;
}

}  // namespace cpa::readability
