// "Could I get CPA support?": where you live, one question a screen (with help straight away
// after a risk answer), a summary where any answer can be changed, and the result.  Every word
// comes from content; which step shows (core::eligibility_step), the rules and the result
// (core::result_view) are core's, never decided here.
#include <string>

#include "core/eligibility/eligibility.hpp"
#include "ui/screens/screens.hpp"

namespace cpa::ui {
namespace {

using core::Answer;

const std::string& answer_label(const Ui& ui, Answer answer) {
  return ui.str("eligibility.answer." + std::string(core::answer_key(answer)));
}

// When Continue was pressed on this step with nothing chosen: what to do, in the group it is
// about (read with the answers, and said once as it appears).
std::string nothing_chosen_message(const Ui& ui, std::string_view step, const char* key) {
  const auto& missing = ui.state().eligibility.nothing_chosen;
  return missing && *missing == step ? ui.str(key) : std::string();
}

// A question page, as GOV.UK's and the NHS's are: radios that mark an answer (the arrow keys
// move between them), then Continue, which moves on.  Choosing never moves on by itself: a
// screen reader user expects radios to stay put, and a slip of the finger can be put right.
void draw_nation_step(Ui& ui, const core::EligibilityContent& e) {
  ui.set_title(ui.str("eligibility.title"));
  ui.paragraph(ui.str("eligibility.title"), ui.theme().text_muted);
  ui.heading(ui.str("eligibility.nation.heading"), 1);
  ui.paragraph(ui.str("eligibility.nation.intro"));
  ui.gap(Space::item);
  const std::string& chosen = core::marked_nation(ui.state().eligibility);
  ui.begin_group(Role::radio_group, ui.str("eligibility.nation.heading"), "nations",
                 nothing_chosen_message(ui, core::eligibility_steps::nation, "eligibility.nation.error"));
  for (const auto& nation : e.nations) {
    if (ui.answer_button(nation.name, nation.id == chosen)) ui.emit(core::PickNation{nation.id});
  }
  ui.end_group();
  ui.gap(Space::item);
  if (ui.button(ui.str("eligibility.continue"), ButtonKind::primary, true, "continue"))
    ui.emit(core::ContinueFromNation{});
  ui.gap(Space::section);
  ui.paragraph(ui.str("eligibility.nation.privacy"), ui.theme().text_muted);
}

// For questions about harm: help is offered right there, before any answer is asked for.
void draw_help_offer(Ui& ui) {
  ImGui::PushID("help-offer");
  ui.begin_panel();
  ui.paragraph(ui.str("eligibility.help_offer"));
  ui.gap(Space::small);
  if (ui.button(ui.str("help_now"), ButtonKind::help, true)) ui.go(core::Route{core::Screen::help_now, {}});
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
  ui.gap(Space::small);
  ui.heading(q.text, 1);
  if (!q.hint.empty()) ui.paragraph(q.hint, ui.theme().text_muted);

  const bool why_open = ui.state().eligibility.why_open.contains(q.id);
  if (ui.disclosure(ui.str("eligibility.why"), why_open)) ui.emit(core::ToggleWhyWeAsk{q.id});
  if (why_open) {
    ui.begin_panel();
    ui.paragraph(q.why);
    ui.end_panel();
  }
  if (q.offers_help_now) draw_help_offer(ui);

  ui.gap(Space::group);
  const Answer given = core::answer_to(ui.state().eligibility, q.id);
  ui.begin_group(Role::radio_group, q.text, "answers", nothing_chosen_message(ui, q.id, "eligibility.answer_error"));
  for (Answer answer : {Answer::yes, Answer::no, Answer::not_sure}) {
    if (ui.answer_button(answer_label(ui, answer), given == answer)) ui.emit(core::PickAnswer{q.id, answer});
  }
  ui.end_group();
  ui.gap(Space::item);
  if (ui.button(ui.str("eligibility.continue"), ButtonKind::primary, true, "continue"))
    ui.emit(core::ContinueFromQuestion{q.id});
  // Skip says that it moves on: it answers "Skip" and goes to what comes next.
  if (ui.text_button(ui.str("eligibility.skip"))) ui.emit(core::AnswerQuestion{q.id, Answer::skip});
  ImGui::PopID();
}

void draw_summary_step(Ui& ui, const core::EligibilityContent& e) {
  const auto& content = ui.text();
  ui.set_title(ui.str("eligibility.summary.heading"));
  ui.heading(ui.str("eligibility.summary.heading"), 1);
  ui.paragraph(ui.str("eligibility.summary.intro"));
  ui.gap(Space::item);
  for (const auto& q : e.questions) {
    const std::string& answer = answer_label(ui, core::answer_to(ui.state().eligibility, q.id));
    if (ui.card(q.short_text, content.format("eligibility.summary.answer", {{"answer", answer}})))
      ui.go(core::eligibility_route(q.id));
  }
  ui.gap(Space::section);
  if (ui.button(ui.str("eligibility.summary.see_result"), ButtonKind::primary, true))
    ui.go(core::eligibility_route(core::eligibility_steps::result));
}

// The crisis lines, then the routes for someone who cannot make a voice call (always together).
void draw_crisis_lines(Ui& ui, const std::vector<const core::CrisisLine*>& lines,
                       const std::vector<const core::CrisisLine*>& routes, const std::string& heading, int level,
                       const std::string& intro) {
  ImGui::PushID("crisis-lines");
  ui.begin_panel();
  ui.heading(heading, level);
  if (!intro.empty()) ui.paragraph(intro);
  for (const auto& line : core::crisis_line_views(ui.state(), lines)) {
    ui.gap(Space::item);
    draw_crisis_line(ui, line, 0);
  }
  ui.end_panel(ui.theme().notice_bg, ui.theme().notice_border);
  ImGui::PopID();
  ui.gap(Space::group);
  draw_access_panel(ui, core::access_panel_view(ui.text(), routes, ui.state().kiosk.active), level + 1);
}

// Straight after a risk answer of "Yes" or "Not sure": help now, before any other question.
void draw_help_step(Ui& ui, const core::Question& q) {
  ui.set_title(ui.str("eligibility.help_step.heading"));
  const std::string& nation = ui.state().eligibility.nation;
  draw_crisis_lines(ui, core::crisis_lines_for(ui.text(), nation), core::access_routes_for(ui.text(), nation),
                    ui.str("eligibility.help_step.heading"), 1, ui.str("eligibility.help_step.intro"));
  ui.paragraph(ui.str("eligibility.help_step.later"));
  ui.gap(Space::item);
  ImGui::PushID(q.id.c_str());
  if (ui.button(ui.str("eligibility.help_step.continue"), ButtonKind::secondary, true))
    ui.emit(core::ContinueAfterHelp{q.id});
  ImGui::PopID();
}

void draw_keep_and_change(Ui& ui, const core::ResultView& view) {
  ImGui::PushID("keep");
  ui.heading(ui.str("eligibility.result.keep_heading"), 2);
  if (ui.state().kiosk.active) {
    // A shared screen keeps, prints and saves nothing: the visitor's own phone can.
    ui.paragraph(ui.str("kiosk.result.keep_intro"));
    ui.gap(Space::small);
    if (ui.button(ui.str("kiosk.phone.title"), ButtonKind::primary, true))
      ui.go(core::Route{core::Screen::continue_on_phone, {}});
  } else {
    ui.paragraph(ui.str("eligibility.result.keep_intro"));
    ui.gap(Space::small);
    if (ui.button(ui.str("eligibility.result.print"), ButtonKind::primary, true))
      ui.emit(core::PrintEligibilityResult{});
    ui.gap(Space::hairline);
    if (ui.button(ui.str("eligibility.result.save"), ButtonKind::secondary, true))
      ui.emit(core::SaveEligibilityResult{});
  }
  ui.gap(Space::hairline);
  if (view.asks_questions && ui.button(ui.str("eligibility.result.change"), ButtonKind::secondary, true))
    ui.go(core::eligibility_route(core::eligibility_steps::summary));
  if (ui.text_button(ui.str("eligibility.result.restart"))) ui.emit(core::RestartEligibility{});
  ImGui::PopID();
}

// Draws core::result_view, the same view the printed page and the saved file are written from.
void draw_result_step(Ui& ui, const core::ResultView& view) {
  ui.set_title(view.title);
  // Help first when any answer touched on safety: the first thing read and heard.
  if (view.crisis_lines_first)
    draw_crisis_lines(ui, view.crisis_lines, view.access_routes, view.crisis_heading, 1, view.crisis_intro);
  ui.heading(view.title, view.crisis_lines_first ? 2 : 1);
  if (!view.summary.empty()) ui.paragraph(view.summary);
  if (!view.said_yes.empty()) {
    ui.heading(ui.str("eligibility.result.said_yes"), 2);
    ui.bullets(view.said_yes);
  }
  if (!view.not_sure.empty()) {
    ui.heading(ui.str("eligibility.result.talk_heading"), 2);
    ui.paragraph(ui.str("eligibility.result.talk_intro"));
    ui.bullets(view.not_sure);
  }
  draw_page_blocks(ui, view.page->page);
  for (const core::Page* section : view.sections) {
    ImGui::PushID(section->id.c_str());
    ui.heading(section->title, 2);
    draw_page_blocks(ui, *section);
    ImGui::PopID();
  }
  if (!view.crisis_lines_first) {
    ui.gap(Space::group);
    draw_crisis_lines(ui, view.crisis_lines, view.access_routes, view.crisis_heading, 2, {});
  }
  draw_keep_and_change(ui, view);
  draw_sources(ui, view.sources);
}

}  // namespace

void draw_eligibility(Ui& ui) {
  const auto* e = ui.text().eligibility.get();
  if (!e) return;  // content validation guarantees it; never crash on a screen
  // Which step shows is core's (core::eligibility_step); this only draws it.
  const auto step = core::eligibility_step(ui.text(), ui.state().eligibility, ui.state().route().param);
  switch (step.kind) {
    case core::EligibilityStepKind::nation: return draw_nation_step(ui, *e);
    case core::EligibilityStepKind::question: return draw_question_step(ui, *e, step.index);
    case core::EligibilityStepKind::help: return draw_help_step(ui, *step.question);
    case core::EligibilityStepKind::summary: return draw_summary_step(ui, *e);
    case core::EligibilityStepKind::result: return draw_result_step(ui, step.result);
  }
}

}  // namespace cpa::ui
