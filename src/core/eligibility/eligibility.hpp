#pragma once
// "Could I get CPA support?": where the person lives, one question a screen, and a result.
// Who might be offered what is content (en-GB/eligibility.json): the questions, the rules that
// read the answers, and the result pages.  This file loads and checks that content, keeps the
// person's answers (in memory only), evaluates the rules and writes the printable result.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/content/content.hpp"
#include "core/support/html.hpp"
#include "core/effects.hpp"
#include "core/route.hpp"
#include "core/support/variant_traits.hpp"

namespace cpa::core {

struct State;

// ---- content ----
struct Nation {
  std::string id;    // "england", as crisis lines name nations
  std::string name;  // "England"
  bool asks_questions = false;
  std::string result;  // the result shown when no rule picks another
};

struct Question {
  std::string id;          // also the route step: #/eligibility/<id>
  std::string text;        // the question, as asked
  std::string hint;        // optional: examples under the question
  std::string short_text;  // how the answer is named in lists ("A learning disability")
  std::string why;         // "Why we ask"
  bool offers_help_now = false;
  std::vector<std::string> sources;  // source ids
};

enum class Answer { yes, no, not_sure, skip, unanswered };
inline constexpr Answer all_answers[] = {Answer::yes, Answer::no, Answer::not_sure, Answer::skip, Answer::unanswered};
// "yes", "no", "not_sure", "skip", "unanswered": content names answers by these, and the words
// for each are strings.json's eligibility.answer.<key>.
std::string_view answer_key(Answer answer);

// A rule picks a result page when its questions' answers match: "any" of them (or "all" of
// them) is one of the listed answers.  No questions listed means every question.  Rules are
// read top to bottom, like the policy they come from: the first that matches wins, and when
// none matches the nation's own result is shown.
// Where help comes first is not a rule: it follows from the questions that offer help now (see
// crisis_lines_first), so no content edit can take it away.
struct Rule {
  std::string id;
  std::string nation;  // empty: every nation that asks the questions
  std::vector<std::string> questions;
  bool match_all = false;
  std::vector<Answer> answers;
  std::string result;
};

struct ResultPage {
  std::string where;                  // "results[2]", for problems
  Page page;                          // title, summary, blocks, sources, checked
  std::vector<std::string> sections;  // shared sections, after the page's own blocks
};

struct EligibilityContent {
  std::string file;
  std::vector<Nation> nations;
  std::vector<Question> questions;
  std::vector<Rule> rules;
  std::map<std::string, ResultPage> results;
  std::map<std::string, Page> sections;
  std::map<std::string, std::string> section_paths;  // "sections[1]", for problems

  const Nation* nation(std::string_view id) const;
  const Question* question(std::string_view id) const;
  int question_index(std::string_view id) const;  // -1 when unknown
  const ResultPage* result(std::string_view id) const;
  const Page* section(std::string_view id) const;
};

// Reads eligibility.json (problems name the file and the field).
std::shared_ptr<EligibilityContent> load_eligibility(const Fields& fields);
// Once sources.json is loaded: fills each result's and section's sources from their ids.
void resolve_eligibility_sources(EligibilityContent& e, const Content& content, std::vector<ContentProblem>& problems);
// Checks that need every file loaded: source ids, links to pages.
void check_eligibility_references(const Content& content, std::vector<ContentProblem>& problems);

// ---- the person's answers: memory only, never stored ----
struct EligibilityState {
  std::string nation;                     // where the person lives, once they pressed Continue (the steps follow it)
  std::string nation_marked;              // the radio marked on "Where do you live?", before Continue
  std::map<std::string, Answer> answers;  // by question id; a question not in here is unanswered
  std::set<std::string> why_open;         // questions whose "Why we ask" is open
  // The step whose Continue was pressed with nothing chosen ("" for where you live, or a
  // question id): it says what to do.  Empty optional: no such message.
  std::optional<std::string> nothing_chosen;
};

// ---- actions ----
// Each step is a question page, as GOV.UK's and the NHS's are: radios, then Continue.  Choosing
// an answer (a radio, or the arrow keys moving between them) only marks it; Continue moves on.
// Choosing by mistake, with a shaky hand or a screen reader's arrow keys, moves nowhere.
struct PickNation {
  std::string nation;
};  // a radio: marks where the person lives
struct PickAnswer {
  std::string question;
  Answer answer;
};  // a radio: marks the answer (kept at once: it is what the result reads)
struct ContinueFromNation {};
struct ContinueFromQuestion {
  std::string question;
};  // with the answer marked (help at once after a risk answer that is not a plain No)
// Pick and Continue in one (tests, and "Skip this question", which says it moves on).
struct ChooseNation {
  std::string nation;
};
struct AnswerQuestion {
  std::string question;
  Answer answer;
};
struct ToggleWhyWeAsk {
  std::string question;
};
struct ContinueAfterHelp {
  std::string question;
};  // from the help shown straight after a risk answer
struct PrintEligibilityResult {};
struct SaveEligibilityResult {};
struct RestartEligibility {};
using EligibilityAction =
    std::variant<PickNation, PickAnswer, ContinueFromNation, ContinueFromQuestion, ChooseNation, AnswerQuestion,
                 ToggleWhyWeAsk, ContinueAfterHelp, PrintEligibilityResult, SaveEligibilityResult, RestartEligibility>;

// True for the action structs above: update.cpp dispatches them all with one line.
template <class T>
inline constexpr bool is_eligibility_action = is_variant_member_v<T, EligibilityAction>;

Effects update_eligibility(State& state, const EligibilityAction& action);
// Escape on a question with "Why we ask" open closes it (and nothing else); true when it did.
bool close_why_we_ask(State& state);

// ---- steps (the route param of #/eligibility/...) ----
namespace eligibility_steps {
inline constexpr std::string_view nation = "";  // NOLINT(readability-redundant-string-init): says it is empty
inline constexpr std::string_view summary = "summary";
inline constexpr std::string_view result = "result";
inline constexpr std::string_view help_suffix = ".help";  // "risk.help": help, straight after a risk answer
}  // namespace eligibility_steps
Route eligibility_route(std::string_view step);
Route eligibility_help_route(std::string_view question);
// The question whose help step this is ("risk" for "risk.help"), or empty.
std::string_view help_step_question(std::string_view step);
// True when an answer to this question shows help straight away, before the next question.
bool shows_help_at_once(const Question& question, Answer answer);

// ---- the result ----
struct EligibilityResult {
  const Nation* nation = nullptr;
  const ResultPage* page = nullptr;
  bool crisis_lines_first = false;
  std::vector<const Question*> said_yes;
  std::vector<const Question*> not_sure;  // named as things to ask about
  std::string rule_matched;               // empty: the nation's own result
};

// The nation the radios on "Where do you live?" show as chosen: the one marked, or the one given.
const std::string& marked_nation(const EligibilityState& state);
// The answer given to a question ("unanswered" when none was).
Answer answer_to(const EligibilityState& state, std::string_view question);
// Evaluates the rules over the answers; page is null only when no nation has been chosen.
EligibilityResult evaluate_eligibility(const EligibilityContent& content, const EligibilityState& state);
// Help comes first on the result whenever a question that offers help now was answered anything
// but a plain "No": "Yes", "Not sure", "Skip", or left unanswered.  Hazard log H2.
bool crisis_lines_first(const EligibilityContent& content, const EligibilityState& state);

// The crisis lines for a nation (a line lists the nations it serves), national before local.
std::vector<const CrisisLine*> crisis_lines_for(const Content& content, std::string_view nation);
// Every source the result rests on, each once, in order of first use.
std::vector<Source> result_sources(const Content& content, const EligibilityResult& result);

// The result as the person sees it, on screen, on paper and in the saved file: one view, drawn
// by the screen and written as HTML, so the three can never differ.
struct ResultView {
  std::string nation_name;
  bool asks_questions = false;
  std::string title;
  std::string summary;
  bool crisis_lines_first = false;
  std::string crisis_heading;  // "Help is there for you now" first, or "If you need help now" last
  std::string crisis_intro;
  std::vector<const CrisisLine*> crisis_lines;  // never empty for a real nation (checked at load)
  // For people who cannot make a voice call (core/help_now/access_routes.hpp), after the crisis lines.
  std::vector<const CrisisLine*> access_routes;
  std::vector<std::string> said_yes;  // short names of the questions answered "Yes"
  std::vector<std::string> not_sure;  // ... and "Not sure"
  const ResultPage* page = nullptr;
  std::vector<const Page*> sections;
  std::vector<std::pair<std::string, std::string>> answers;  // question, the answer's words
  std::vector<Source> sources;
};
// Empty title when no nation has been chosen.
ResultView result_view(const Content& content, const EligibilityState& state);

// ---- which step the screen shows: decided here, from the route's step and the answers ----
enum class EligibilityStepKind { nation, question, help, summary, result };
struct EligibilityStep {
  EligibilityStepKind kind = EligibilityStepKind::nation;
  const Question* question = nullptr;  // question: the one asked; help: the one just answered
  std::size_t index = 0;               // question: its place in the list, from 0
  ResultView result;                   // result: what it shows
};
// The step #/eligibility/<step> shows.  Without a nation (a deep link, or after a reload: the
// answers live in memory only), with a step that names nothing, or a result with nothing to show,
// the walk-through starts again at "Where do you live?".
EligibilityStep eligibility_step(const Content& content, const EligibilityState& state, std::string_view step);

std::string result_html(const Content& content, const ResultView& view);
std::string result_document(const Content& content, const ResultView& view);

}  // namespace cpa::core
