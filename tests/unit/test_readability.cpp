#include <doctest/doctest.h>

#include "tools/readability/readability.hpp"

using namespace cpa;

TEST_CASE("syllables of everyday words, counted as people say them") {
  const std::pair<const char*, int> words[] = {
      {"cat", 1},          {"care", 1},      {"plan", 1},         {"the", 1},          {"you", 1},
      {"help", 1},         {"free", 1},      {"takes", 1},        {"asked", 1},        {"planned", 1},
      {"while", 1},        {"year", 1},      {"table", 2},        {"people", 2},       {"money", 2},
      {"carer", 2},        {"needed", 2},    {"changes", 2},      {"houses", 2},       {"issue", 2},
      {"being", 2},        {"doing", 2},     {"agreed", 2},       {"reviewed", 2},     {"service", 2},
      {"advance", 2},      {"social", 2},    {"crisis", 2},       {"children", 2},     {"violence", 3},
      {"medium", 3},       {"area", 3},      {"assessment", 3},   {"usually", 4},      {"medicines", 3},
      {"co-ordinator", 5}, {"self-harm", 2}, {"occupational", 5}, {"professional", 4}, {"ombudsman", 3},
  };
  for (const auto& entry : words) {
    const std::string word = entry.first;  // CAPTURE cannot take a structured binding on clang 14
    CAPTURE(word);
    CHECK(readability::count_syllables(word) == entry.second);
  }
}

TEST_CASE("short capitals are read letter by letter, digits one by one, and & as \"and\"") {
  CHECK(readability::count_syllables("NHS") == 3);
  CHECK(readability::count_syllables("GP") == 2);
  CHECK(readability::count_syllables("CPA") == 3);
  CHECK(readability::count_syllables("SHOUT") == 1);  // a word in capitals, not letters
  CHECK(readability::count_syllables("111") == 3);
  CHECK(readability::count_syllables("A&E") == 3);
  CHECK(readability::count_syllables("45A") == 3);
  CHECK(readability::count_syllables("carer's") == 2);
  CHECK(readability::count_syllables("carer\xE2\x80\x99s") == 2);  // a curly apostrophe
  CHECK(readability::count_syllables("I") == 1);
}

TEST_CASE("sentences end at full stops, question and exclamation marks, but not inside numbers") {
  const auto counts = readability::count_text("Call 999. Or go to A&E! Is it 5.2 now?");
  CHECK(counts.sentences == 3);
  CHECK(counts.words == 10);
  // A heading or list item with no full stop still counts as one sentence.
  CHECK(readability::count_text("What to do next").sentences == 1);
  CHECK(readability::count_text("  ").words == 0);
  CHECK(readability::count_text("-- & --").words == 0);
}

TEST_CASE("Flesch reading ease matches the formula on a worked example") {
  // 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 * 6 - 84.6 * 1
  const auto counts = readability::count_text("The cat sat on the mat.");
  CHECK(counts.words == 6);
  CHECK(counts.syllables == 6);
  CHECK(readability::flesch_reading_ease(counts) == doctest::Approx(116.145));
  CHECK(readability::flesch_reading_ease({}) == 0.0);
}

TEST_CASE("plain words score high and legal prose scores low") {
  const double plain = readability::flesch_reading_ease(
      readability::count_text("You can ask for help. Your care team will talk to you. You can bring a friend."));
  const double legal = readability::flesch_reading_ease(readability::count_text(
      "Notwithstanding the aforementioned provisions, individuals experiencing significant psychological "
      "difficulties are entitled to a comprehensive multidisciplinary assessment of their requirements."));
  CHECK(plain > 80);
  CHECK(legal < 0);
}

TEST_CASE("pieces add up as separate sentences, and a page gives its title, blocks and list items") {
  const auto total = readability::count_pieces({"One two three.", "Four five"});
  CHECK(total.sentences == 2);
  CHECK(total.words == 5);

  core::Page page;
  page.title = "Title here";
  page.summary = "A summary.";
  page.blocks.push_back({core::Block::Kind::heading, "Heading", {}, {}, {}});
  page.blocks.push_back({core::Block::Kind::bullets, {}, {"first item", "second item"}, {}, {}});
  page.blocks.push_back({core::Block::Kind::link, "A link", {}, "about", {}});
  const auto pieces = core::page_text(page);
  CHECK(pieces ==
        std::vector<std::string>{"Title here", "A summary.", "Heading", "first item", "second item", "A link"});
}
