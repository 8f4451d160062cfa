// "Could I get CPA support?": the steps a person walks, and the rules read over their answers.
#include "core/eligibility/eligibility.hpp"

#include <algorithm>

#include "core/support/overloaded.hpp"
#include "core/state.hpp"

namespace cpa::core {
namespace {

// After a question: the next question, or the summary after the last one.
Route step_after(const EligibilityContent& e, std::string_view question) {
  const int index = e.question_index(question);
  const auto next = static_cast<std::size_t>(index) + 1;
  return eligibility_route(index >= 0 && next < e.questions.size() ? e.questions[next].id
                                                                   : std::string(eligibility_steps::summary));
}

// True when the person came to this question from the summary, to change one answer.
bool changing_from_summary(const State& state, std::size_t depth) {
  const auto& stack = state.stack;
  return stack.size() > depth && stack[stack.size() - 1 - depth] == eligibility_route(eligibility_steps::summary);
}

// Marked only: the steps drawn follow `nation`, which Continue sets (a deep link to a question
// shows "Where do you live?" until then, and must not turn into the question at a tap).
Effects pick_nation(State& state, const PickNation& action) {
  const Nation* nation = state.content->eligibility->nation(action.nation);
  if (!nation) return {};
  state.eligibility.nation_marked = nation->id;
  state.eligibility.nothing_chosen.reset();
  return {};
}

Effects continue_from_nation(State& state) {
  const auto& e = *state.content->eligibility;
  const Nation* nation = e.nation(marked_nation(state.eligibility));
  if (!nation) {
    state.eligibility.nothing_chosen = std::string(eligibility_steps::nation);
    return {};
  }
  state.eligibility.nation = nation->id;
  state.eligibility.nation_marked = nation->id;
  state.eligibility.nothing_chosen.reset();
  const bool ask = nation->asks_questions && !e.questions.empty();
  return update(state,
                Navigate{eligibility_route(ask ? e.questions.front().id : std::string(eligibility_steps::result))});
}

Effects choose_nation(State& state, const ChooseNation& action) {
  if (!state.content->eligibility->nation(action.nation)) return {};
  pick_nation(state, PickNation{action.nation});
  return continue_from_nation(state);
}

Effects pick_answer(State& state, const PickAnswer& action) {
  if (!state.content->eligibility->question(action.question) || action.answer == Answer::unanswered) return {};
  state.eligibility.answers[action.question] = action.answer;
  state.eligibility.nothing_chosen.reset();
  return {};
}

// Continue from a question, with its answer marked.
Effects continue_from_question(State& state, const ContinueFromQuestion& action) {
  const auto& e = *state.content->eligibility;
  const Question* question = e.question(action.question);
  if (!question) return {};
  const Answer answer = answer_to(state.eligibility, question->id);
  if (answer == Answer::unanswered) {
    state.eligibility.nothing_chosen = question->id;
    return {};
  }
  state.eligibility.nothing_chosen.reset();
  // Help first: an answer that shows risk brings help now, before anything else is asked.
  if (shows_help_at_once(*question, answer)) return update(state, Navigate{eligibility_help_route(question->id)});
  // Changing one answer from the summary goes straight back to the summary.
  if (changing_from_summary(state, 1) && state.route() == eligibility_route(action.question))
    return update(state, GoBack{});
  return update(state, Navigate{step_after(e, action.question)});
}

Effects answer_question(State& state, const AnswerQuestion& action) {
  if (!state.content->eligibility->question(action.question) || action.answer == Answer::unanswered) return {};
  pick_answer(state, PickAnswer{action.question, action.answer});
  return continue_from_question(state, ContinueFromQuestion{action.question});
}

Effects continue_after_help(State& state, const ContinueAfterHelp& action) {
  const auto& e = *state.content->eligibility;
  if (!e.question(action.question)) return {};
  // summary -> question -> help: back to the summary, as after any changed answer.
  if (changing_from_summary(state, 2) && state.route() == eligibility_help_route(action.question)) {
    auto effects = update(state, GoBack{});
    auto more = update(state, GoBack{});
    effects.insert(effects.end(), more.begin(), more.end());
    return effects;
  }
  return update(state, Navigate{step_after(e, action.question)});
}

Effects toggle_why(State& state, const ToggleWhyWeAsk& action) {
  auto& open = state.eligibility.why_open;
  if (!open.erase(action.question)) open.insert(action.question);
  return {};
}

Effects print_result(const State& state) {
  const auto view = result_view(*state.content, state.eligibility);
  if (view.title.empty()) return {};
  return {PrintDocument{state.content->str("eligibility.print.title"), result_html(*state.content, view)}};
}

Effects save_result(const State& state) {
  const auto view = result_view(*state.content, state.eligibility);
  if (view.title.empty()) return {};
  return {DownloadFile{state.content->str("eligibility.save.file_name"), "text/html",
                       result_document(*state.content, view)},
          Announce{state.content->str("eligibility.save.announce")}};
}

Effects restart(State& state) {
  state.eligibility = {};
  return update(state, Navigate{eligibility_route(eligibility_steps::nation)});
}

bool rule_matches(const EligibilityContent& content, const Rule& rule, const EligibilityState& state) {
  auto matches = [&](const std::string& id) {
    return std::find(rule.answers.begin(), rule.answers.end(), answer_to(state, id)) != rule.answers.end();
  };
  std::vector<std::string> ids = rule.questions;
  if (ids.empty())
    for (const auto& q : content.questions) ids.push_back(q.id);
  return rule.match_all ? std::all_of(ids.begin(), ids.end(), matches) : std::any_of(ids.begin(), ids.end(), matches);
}

}  // namespace

std::string_view answer_key(Answer answer) {
  switch (answer) {
    case Answer::yes: return "yes";
    case Answer::no: return "no";
    case Answer::not_sure: return "not_sure";
    case Answer::skip: return "skip";
    case Answer::unanswered: return "unanswered";
  }
  return "unanswered";
}

Route eligibility_route(std::string_view step) { return Route{Screen::eligibility, std::string(step)}; }

Route eligibility_help_route(std::string_view question) {
  return eligibility_route(std::string(question) + std::string(eligibility_steps::help_suffix));
}

std::string_view help_step_question(std::string_view step) {
  const auto suffix = eligibility_steps::help_suffix;
  if (step.size() <= suffix.size() || step.substr(step.size() - suffix.size()) != suffix) return {};
  return step.substr(0, step.size() - suffix.size());
}

EligibilityStep eligibility_step(const Content& content, const EligibilityState& state, std::string_view step) {
  EligibilityStep out;
  const auto* e = content.eligibility.get();
  if (!e || step.empty() || state.nation.empty()) return out;
  if (step == eligibility_steps::summary) {
    out.kind = EligibilityStepKind::summary;
  } else if (step == eligibility_steps::result) {
    out.result = result_view(content, state);
    if (!out.result.title.empty()) out.kind = EligibilityStepKind::result;
  } else if (const auto* q = e->question(help_step_question(step))) {
    out.kind = EligibilityStepKind::help;
    out.question = q;
  } else if (const int index = e->question_index(step); index >= 0) {
    out.kind = EligibilityStepKind::question;
    out.index = static_cast<std::size_t>(index);
    out.question = &e->questions[out.index];
  }
  return out;
}

bool shows_help_at_once(const Question& question, Answer answer) {
  // Skip is not a "No": someone who will not say whether they are safe is offered help too.
  return question.offers_help_now && answer != Answer::no && answer != Answer::unanswered;
}

Effects update_eligibility(State& state, const EligibilityAction& action) {
  if (!state.content || !state.content->eligibility) return {};
  return std::visit(Overloaded{
                        [&](const PickNation& a) { return pick_nation(state, a); },
                        [&](const PickAnswer& a) { return pick_answer(state, a); },
                        [&](const ContinueFromNation&) { return continue_from_nation(state); },
                        [&](const ContinueFromQuestion& a) { return continue_from_question(state, a); },
                        [&](const ChooseNation& a) { return choose_nation(state, a); },
                        [&](const AnswerQuestion& a) { return answer_question(state, a); },
                        [&](const ToggleWhyWeAsk& a) { return toggle_why(state, a); },
                        [&](const ContinueAfterHelp& a) { return continue_after_help(state, a); },
                        [&](const PrintEligibilityResult&) { return print_result(state); },
                        [&](const SaveEligibilityResult&) { return save_result(state); },
                        [&](const RestartEligibility&) { return restart(state); },
                    },
                    action);
}

const std::string& marked_nation(const EligibilityState& state) {
  return state.nation_marked.empty() ? state.nation : state.nation_marked;
}

bool close_why_we_ask(State& state) {
  if (state.route().screen != Screen::eligibility) return false;
  return state.eligibility.why_open.erase(state.route().param) > 0;
}

Answer answer_to(const EligibilityState& state, std::string_view question) {
  const auto it = state.answers.find(std::string(question));
  return it == state.answers.end() ? Answer::unanswered : it->second;
}

bool crisis_lines_first(const EligibilityContent& content, const EligibilityState& state) {
  const Nation* nation = content.nation(state.nation);
  if (!nation || !nation->asks_questions) return false;
  return std::any_of(content.questions.begin(), content.questions.end(),
                     [&](const Question& q) { return q.offers_help_now && answer_to(state, q.id) != Answer::no; });
}

EligibilityResult evaluate_eligibility(const EligibilityContent& content, const EligibilityState& state) {
  EligibilityResult result;
  result.nation = content.nation(state.nation);
  if (!result.nation) return result;
  result.page = content.result(result.nation->result);
  if (!result.nation->asks_questions) return result;
  for (const auto& q : content.questions) {
    const Answer answer = answer_to(state, q.id);
    if (answer == Answer::yes) result.said_yes.push_back(&q);
    if (answer == Answer::not_sure) result.not_sure.push_back(&q);
  }
  result.crisis_lines_first = crisis_lines_first(content, state);
  for (const auto& rule : content.rules) {
    if (!rule.nation.empty() && rule.nation != result.nation->id) continue;
    if (!rule_matches(content, rule, state)) continue;
    result.page = content.result(rule.result);
    result.rule_matched = rule.id;
    break;
  }
  return result;
}

std::vector<const CrisisLine*> crisis_lines_for(const Content& content, std::string_view nation) {
  std::vector<const CrisisLine*> out;
  for (bool local : {false, true})
    for (const auto& line : content.crisis_lines)
      if (line.local == local && std::find(line.nations.begin(), line.nations.end(), nation) != line.nations.end())
        out.push_back(&line);
  return out;
}

}  // namespace cpa::core
