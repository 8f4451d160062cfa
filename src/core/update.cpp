#include "core/state.hpp"

#include "core/kiosk_guard.hpp"
#include "core/overloaded.hpp"

namespace cpa::core {
namespace {

Effects start(State& state, const Start& action) {
  const Route route = Route::from_path(action.initial_path);
  state.stack = {Route{}};
  if (route == Route{}) return {ReplaceHistory{Route{}.to_path()}};
  // A deep link still gets Home underneath, so Back stays inside the app.
  state.stack.push_back(route);
  return {ReplaceHistory{Route{}.to_path()}, PushHistory{route.to_path()}};
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

}  // namespace

Effects update(State& state, const Action& action) {
  if (const auto instead = kiosk_redirect(state, action)) return update(state, *instead);
  return std::visit(Overloaded{
                        [&](const Start& a) { return start(state, a); },
                        [&](const Navigate& a) { return navigate(state, a); },
                        [&](const GoBack&) { return go_back(state); },
                        [&](const HistoryChanged& a) { return history_changed(state, a); },
                        [&](const OpenLink& a) { return Effects{OpenUrl{a.href}}; },
                        [&]<class A>(const A& a) -> Effects
                          requires is_plans_action<A> { return update_plans(state, a); },
                        [&]<class A>(const A& a) -> Effects
                          requires is_eligibility_action<A> { return update_eligibility(state, a); },
                        [&]<class A>(const A& a) -> Effects
                          requires is_kiosk_action<A> { return update_kiosk(state, a); },
                    },
                    action);
}

}  // namespace cpa::core
