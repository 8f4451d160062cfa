#pragma once
// Two small helpers for std::variant, so each feature lists its actions once, in its own header.
#include <type_traits>
#include <variant>

namespace cpa::core {

// True when T is one of the variant's alternatives: update.cpp dispatches a feature's actions
// with one line (requires is_variant_member<A, PlansAction>).
template <class T, class Variant>
struct is_variant_member;
template <class T, class... Ts>
struct is_variant_member<T, std::variant<Ts...>> : std::bool_constant<(std::is_same_v<T, Ts> || ...)> {};
template <class T, class Variant>
inline constexpr bool is_variant_member_v = is_variant_member<T, Variant>::value;

// One variant of every alternative of several: the app's Action is its own actions plus each
// feature's, so a new feature action is added in the feature's header only.
template <class... Variants>
struct variant_cat;
template <class... Ts>
struct variant_cat<std::variant<Ts...>> {
  using type = std::variant<Ts...>;
};
template <class... As, class... Bs, class... Rest>
struct variant_cat<std::variant<As...>, std::variant<Bs...>, Rest...>
    : variant_cat<std::variant<As..., Bs...>, Rest...> {};
template <class... Variants>
using variant_cat_t = typename variant_cat<Variants...>::type;

}  // namespace cpa::core
