#include "core/state.hpp"

#include <type_traits>

#include "core/kiosk/kiosk.hpp"
#include "core/kiosk/kiosk_guard.hpp"

namespace cpa::core {
namespace {

// A share link ("#share=..."): its data stays in this page's memory only.  The address bar's
// entry is replaced at once, so the fragment is not kept in history, session restore or a
// bookmark, and Back never brings it back.
Effects open_shared(State& state, std::string_view fragment, bool at_start) {
  const Route shared{Screen::shared, {}};
  Effects out = at_start ? Effects{ShareStartup{}, ReplaceHistory{Route{}.to_path()}, PushHistory{shared.to_path()}}
                         : Effects{ReplaceHistory{shared.to_path()}};
  if (state.route() != shared) state.stack.push_back(shared);
  for (auto& e : open_share_link(state, fragment)) out.push_back(std::move(e));
  return out;
}

Effects start(State& state, const Start& action) {
  state.stack = {Route{}};
  if (is_share_fragment(action.initial_path)) return open_shared(state, action.initial_path, true);
  const Route route = Route::from_path(action.initial_path);
  if (route == Route{}) return {ShareStartup{}, ReplaceHistory{Route{}.to_path()}};
  // A deep link still gets Home underneath, so Back stays inside the app.
  state.stack.push_back(route);
  return {ShareStartup{}, ReplaceHistory{Route{}.to_path()}, PushHistory{route.to_path()}};
}

Effects navigate(State& state, const Navigate& action) {
  if (action.to == state.route()) return {};
  if (action.to == Route{}) {
    // Going Home clears the trail, as a person expects from a Home button.
    state.stack = {Route{}};
    return {PushHistory{Route{}.to_path()}};
  }
  state.stack.push_back(action.to);
  return {PushHistory{action.to.to_path()}};
}

Effects go_back(State& state) {
  if (state.stack.size() < 2) return {};
  state.stack.pop_back();
  return {HistoryBack{}};
}

Effects history_changed(State& state, const HistoryChanged& action) {
  if (is_share_fragment(action.path)) return open_shared(state, action.path, false);
  const Route route = Route::from_path(action.path);
  if (route == state.route()) return {};  // our own Back, echoed by the browser
  if (state.stack.size() >= 2 && state.stack[state.stack.size() - 2] == route) {
    state.stack.pop_back();
    return {};
  }
  if (route == Route{}) {
    state.stack = {Route{}};
  } else {
    state.stack.push_back(route);
  }
  return {};
}

// "Delete everything": the plans, a carer's kept copy and the settings, then the confirmation
// closes (Back, to where the person came from).
Effects delete_everything(State& state) {
  Effects out = delete_plans(state);
  state.share.kept.reset();
  // What happens next is read in the language being read now (a Welsh speaker is not told
  // "Deleting everything" in English); only the stored choice goes, with the other settings.
  const std::string reading = state.content ? state.content->locale : std::string();
  forget_settings(state);
  keep_language_until_closed(state, reading);
  if (state.route().screen == Screen::delete_everything)
    for (auto& e : go_back(state)) out.push_back(std::move(e));
  return out;
}

// The page said which release it is (About shows it; core/content/about.hpp).
Effects release_known(State& state, const ReleaseKnown& action) {
  state.about.release = clean_release(action.release);
  return {};
}

// Each action to its feature (each feature's actions are a variant in its own header).  Written
// with if constexpr rather than overloaded lambdas with requires-clauses, which clang-format 14
// cannot lay out.
Effects dispatch(State& state, const Action& action) {
  return std::visit(
      [&]<class A>(const A& a) -> Effects {
        if constexpr (std::is_same_v<A, Start>) return start(state, a);
        else if constexpr (std::is_same_v<A, Navigate>) return navigate(state, a);
        else if constexpr (std::is_same_v<A, GoBack>) return go_back(state);
        else if constexpr (std::is_same_v<A, EscapePressed>)
          return close_why_we_ask(state) ? Effects{} : go_back(state);
        else if constexpr (std::is_same_v<A, HistoryChanged>) return history_changed(state, a);
        else if constexpr (std::is_same_v<A, OpenLink>) return Effects{OpenUrl{a.href}};
        else if constexpr (std::is_same_v<A, DeleteEverything>) return delete_everything(state);
        else if constexpr (is_plans_action<A>) return update_plans(state, a);
        else if constexpr (is_plans_store_action<A>) return update_plans_store(state, a);
        else if constexpr (is_lock_action<A>) return update_lock(state, a);
        else if constexpr (is_eligibility_action<A>) return update_eligibility(state, a);
        else if constexpr (is_kiosk_action<A>) return update_kiosk(state, a);
        else if constexpr (is_share_action<A>) return update_share(state, a);
        else if constexpr (is_quick_exit_action<A>) return update_quick_exit(state, a);
        else if constexpr (is_display_action<A>) return update_display(state, a);
        else if constexpr (is_language_action<A>) return update_language(state, a);
        else if constexpr (std::is_same_v<A, ReleaseKnown>) return release_known(state, a);
        else static_assert(sizeof(A) == 0, "an action no feature handles");
      },
      action);
}

}  // namespace

Effects update(State& state, const Action& action) {
  // After a quick exit the app has left the screen: nothing navigates or draws it back
  // (the platform's own history steps on the way out must not bring a screen back).
  if (state.quick_exit.exited &&
      (std::holds_alternative<Navigate>(action) || std::holds_alternative<HistoryChanged>(action) ||
       std::holds_alternative<GoBack>(action) || std::holds_alternative<EscapePressed>(action) ||
       std::holds_alternative<OpenLink>(action)))
    return {};
  if (const auto instead = kiosk_redirect(state, action)) return update(state, *instead);
  Effects out = kiosk_keep_nothing(state, dispatch(state, action));
  if (std::holds_alternative<Start>(action))
    for (auto& e : kiosk_wake(state)) out.push_back(std::move(e));
  // Whatever changed what the language rule reads (a choice, the settings, a shared plan's
  // language, a kiosk's next visitor), a later language it now picks is fetched.
  for (auto& e : fetch_missing_language(state)) out.push_back(std::move(e));
  return out;
}

}  // namespace cpa::core
