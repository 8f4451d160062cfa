#pragma once
// std::visit with a set of lambdas.
namespace cpa::core {
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;  // clang 14 (Emscripten 3.1.6) needs the guide
}  // namespace cpa::core
