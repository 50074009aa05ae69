// Result<T>: a value or an Error. Expected failures (HTTP errors, refused connections, odd
// bodies) are values in this library; GCC 12 has no std::expected, so this is a small one.
#pragma once

#include <type_traits>
#include <utility>
#include <variant>

#include "fakezoom/client/error.hpp"

namespace fakezoom::client {

template <class T>
class Result {
  static_assert(!std::is_same_v<T, Error>, "Result<Error> would be ambiguous");

public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  // Reading the wrong side is a programming bug, not an expected failure: std::get throws
  // std::bad_variant_access then.
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const Error& error() const& { return std::get<1>(state_); }
  Error&& error() && { return std::get<1>(std::move(state_)); }

private:
  std::variant<T, Error> state_;
};

}  // namespace fakezoom::client
