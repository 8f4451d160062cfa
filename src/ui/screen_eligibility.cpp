// "Could I get CPA support?": where you live, one question a screen, a summary where any answer
// can be changed, and the result.  Every word comes from content; the rules are evaluated by
// core::evaluate_eligibility, never here.
#include <string>

#include "core/eligibility.hpp"
#include "ui/screens.hpp"

namespace cpa::ui {
namespace {

using core::Answer;

const std::string& answer_label(const Ui& ui, Answer answer) {
  return ui.str("eligibility.answer." + std::string(core::answer_key(answer)));
}

const Answer* given_answer(const Ui& ui, const std::string& question) {
  const auto& answers = ui.state().eligibility.answers;
  const auto it = answers.find(question);
  return it == answers.end() ? nullptr : &it->second;
}

void draw_nation_step(Ui& ui, const core::EligibilityContent& e) {
  ui.set_title(ui.str("eligibility.title"));
  ui.paragraph(ui.str("eligibility.title"), ui.theme().text_muted);
  ui.heading(ui.str("eligibility.nation.heading"), 1);
  ui.paragraph(ui.str("eligibility.nation.intro"));
  ui.gap(0.3f);
  const std::string& chosen = ui.state().eligibility.nation;
  for (const auto& nation : e.nations) {
    if (ui.answer_button(nation.name, nation.id == chosen, ui.str("eligibility.answer.chosen")))
      ui.emit(core::ChooseNation{nation.id});
  }
  ui.gap(0.5f);
  ui.paragraph(ui.str("eligibility.nation.privacy"), ui.theme().text_muted);
}

// For questions about harm: help is offered right there, before any answer is asked for.
void draw_help_offer(Ui& ui) {
  ImGui::PushID("help-offer");
  ui.begin_panel();
  ui.paragraph(ui.str("eligibility.help_offer"));
  ui.gap(0.2f);
  if (ui.button(ui.str("help_now"), ButtonKind::help, true))
    ui.go(core::Route{std::string(core::screens::help_now), {}});
  ui.end_panel(ui.theme().notice_bg, ui.theme().notice_border);
  ImGui::PopID();
}

void draw_question_step(Ui& ui, const core::EligibilityContent& e, std::size_t index) {
  const auto& q = e.questions[index];
  const auto& content = ui.text();
  const std::string number = std::to_string(index + 1), total = std::to_string(e.questions.size());
  const std::string progress = content.format("eligibility.progress", {{"number", number}, {"total", total}});
  ui.set_title(progress + ": " + q.short_text);
  ImGui::PushID(q.id.c_str());
  ui.progress(progress, static_cast<float>(index + 1) / static_cast<float>(e.questions.size()));
  ui.gap(0.2f);
  ui.heading(q.text, 1);
  if (!q.hint.empty()) ui.paragraph(q.hint, ui.theme().text_muted);

  const bool why_open = ui.state().eligibility.why_open.count(q.id) > 0;
  if (ui.disclosure(ui.str("eligibility.why"), why_open)) ui.emit(core::ToggleWhyWeAsk{q.id});
  if (why_open) {
    ui.begin_panel();
    ui.paragraph(q.why);
    ui.end_panel();
  }
  if (q.offers_help_now) draw_help_offer(ui);

  ui.gap(0.4f);
  const Answer* given = given_answer(ui, q.id);
  for (Answer answer : {Answer::yes, Answer::no, Answer::not_sure}) {
    if (ui.answer_button(answer_label(ui, answer), given && *given == answer, ui.str("eligibility.answer.chosen")))
      ui.emit(core::AnswerQuestion{q.id, answer});
  }
  if (ui.text_button(answer_label(ui, Answer::skip))) ui.emit(core::AnswerQuestion{q.id, Answer::skip});
  ImGui::PopID();
}

void draw_summary_step(Ui& ui, const core::EligibilityContent& e) {
  const auto& content = ui.text();
  ui.set_title(ui.str("eligibility.summary.heading"));
  ui.heading(ui.str("eligibility.summary.heading"), 1);
  ui.paragraph(ui.str("eligibility.summary.intro"));
  ui.gap(0.3f);
  for (const auto& q : e.questions) {
    const Answer* given = given_answer(ui, q.id);
    const std::string& answer = given ? answer_label(ui, *given) : ui.str("eligibility.answer.none");
    if (ui.card(q.short_text, content.format("eligibility.summary.answer", {{"answer", answer}})))
      ui.go(core::eligibility_route(q.id));
  }
  ui.gap(0.5f);
  if (ui.button(ui.str("eligibility.summary.see_result"), ButtonKind::primary, true))
    ui.go(core::eligibility_route(core::eligibility_steps::result));
}

void draw_crisis_lines(Ui& ui, const std::string& nation, const std::string& heading, int level,
                       const std::string& intro) {
  const auto& content = ui.text();
  ImGui::PushID("crisis-lines");
  ui.begin_panel();
  ui.heading(heading, level);
  if (!intro.empty()) ui.paragraph(intro);
  for (const auto* line : core::crisis_lines_for(content, nation)) {
    ImGui::PushID(line->id.c_str());
    ui.gap(0.3f);
    ui.paragraph(line->name, ui.theme().text, ui.fonts().bold);
    ui.paragraph(line->purpose);
    const std::string label =
        line->action == core::ContactAction::text
            ? content.format("help_now.text", {{"body", line->text_body}, {"number", line->number}})
            : content.format("help_now.call", {{"number", line->number}});
    ui.link_button(label, line->href(), ButtonKind::primary, line->name);
    ImGui::PopID();
  }
  ui.end_panel(ui.theme().notice_bg, ui.theme().notice_border);
  ImGui::PopID();
  ui.gap(0.4f);
}

std::vector<std::string> short_names(const std::vector<const core::Question*>& questions) {
  std::vector<std::string> out;
  for (const auto* q : questions) out.push_back(q->short_text);
  return out;
}

void draw_keep_and_change(Ui& ui, const core::EligibilityResult& result) {
  ImGui::PushID("keep");
  ui.heading(ui.str("eligibility.result.keep_heading"), 2);
  ui.paragraph(ui.str("eligibility.result.keep_intro"));
  ui.gap(0.2f);
  if (ui.button(ui.str("eligibility.result.print"), ButtonKind::primary, true)) ui.emit(core::PrintEligibilityResult{});
  ui.gap(0.1f);
  if (ui.button(ui.str("eligibility.result.save"), ButtonKind::secondary, true)) ui.emit(core::SaveEligibilityResult{});
  ui.gap(0.1f);
  if (result.nation->asks_questions &&
      ui.button(ui.str("eligibility.result.change"), ButtonKind::secondary, true))
    ui.go(core::eligibility_route(core::eligibility_steps::summary));
  if (ui.text_button(ui.str("eligibility.result.restart"))) ui.emit(core::RestartEligibility{});
  ImGui::PopID();
}

void draw_result_step(Ui& ui, const core::EligibilityContent& e, const core::EligibilityResult& result) {
  const core::Page& page = result.page->page;
  const std::string& nation = result.nation->id;
  ui.set_title(page.title);
  // A Yes to the risk question: help comes first, so it is the first thing read and heard.
  if (result.crisis_lines_first)
    draw_crisis_lines(ui, nation, ui.str("eligibility.result.crisis_first.heading"), 1,
                      ui.str("eligibility.result.crisis_first.intro"));
  ui.heading(page.title, result.crisis_lines_first ? 2 : 1);
  if (!page.summary.empty()) ui.paragraph(page.summary);
  if (!result.said_yes.empty()) {
    ui.heading(ui.str("eligibility.result.said_yes"), 2);
    ui.bullets(short_names(result.said_yes));
  }
  if (!result.not_sure.empty()) {
    ui.heading(ui.str("eligibility.result.talk_heading"), 2);
    ui.paragraph(ui.str("eligibility.result.talk_intro"));
    ui.bullets(short_names(result.not_sure));
  }
  draw_page_blocks(ui, page);
  for (const auto& id : result.page->sections) {
    const core::Page* section = e.section(id);
    if (!section) continue;
    ImGui::PushID(id.c_str());
    ui.heading(section->title, 2);
    draw_page_blocks(ui, *section);
    ImGui::PopID();
  }
  if (result.page->shows_crisis_lines && !result.crisis_lines_first) {
    ui.gap(0.4f);
    draw_crisis_lines(ui, nation, ui.str("eligibility.result.crisis_end.heading"), 2, {});
  }
  draw_keep_and_change(ui, result);
  draw_sources(ui, core::result_sources(ui.text(), result));
}

}  // namespace

void draw_eligibility(Ui& ui) {
  const auto* e = ui.text().eligibility.get();
  if (!e) return;  // content validation guarantees it; never crash on a screen
  const std::string& step = ui.state().route().param;
  const auto& state = ui.state().eligibility;
  // Without a nation (a deep link, or after a reload: answers live in memory only) start there.
  if (step.empty() || state.nation.empty()) return draw_nation_step(ui, *e);
  if (step == core::eligibility_steps::summary) return draw_summary_step(ui, *e);
  if (step == core::eligibility_steps::result) {
    const auto result = core::evaluate_eligibility(*e, state);
    return result.page ? draw_result_step(ui, *e, result) : draw_nation_step(ui, *e);
  }
  const int index = e->question_index(step);
  if (index < 0) return draw_nation_step(ui, *e);
  draw_question_step(ui, *e, static_cast<std::size_t>(index));
}

}  // namespace cpa::ui
