#pragma once
// Flesch reading ease for our English content, so a test can hold every page to plain words
// (the product aims at a reading age of about 9 to 11, which is a score of 60 or more).
// Used by the tests only: it is not part of the app the person downloads.
//   ease = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)
// The syllable counter is a rule-of-thumb for English spelling, not a dictionary: it errs on
// the side of counting more syllables, so a page that passes reads at least that easily.
#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.hpp"
#include "core/eligibility/eligibility.hpp"

namespace cpa::readability {

using core::EligibilityContent;
using core::Page;
using core::page_text;
using core::ResultPage;

// Syllables in one word.  Digits count one each (people say "one one one"); short words in
// capitals are read letter by letter ("NHS", "GP"); hyphenated words count each part.
int count_syllables(std::string_view word);

struct TextCounts {
  int sentences = 0;
  int words = 0;
  int syllables = 0;
  TextCounts& operator+=(const TextCounts& other);
};

// Counts for one piece of text that stands on its own (a paragraph, a heading, a list item):
// sentences end at . ! ? and a piece with words but no full stop is still one sentence.
TextCounts count_text(std::string_view text);

// Adds up pieces, each counted on its own.
TextCounts count_pieces(const std::vector<std::string>& pieces);

// 206.835 - 1.015 * words/sentence - 84.6 * syllables/word; 0 for empty text.
double flesch_reading_ease(const TextCounts& counts);

// The fixed words of a result page (its own text and its sections), and of the questions.
std::vector<std::string> result_page_text(const EligibilityContent& content, const ResultPage& page);
std::vector<std::string> questions_text(const EligibilityContent& content);

}  // namespace cpa::readability
