// What was wrong with something a caller sent (admin JSON, an x-mock-* header, the overrides
// file, a parameter: one entry of Zoom's `errors` array), naming the field, and `Checked<T>`: a value or the problem that stopped it.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace fakezoom {

struct InputProblem {
  std::string field;  // a JSON pointer ("/headers/Accept/equalTo") or a header or parameter name
  std::string message;

  // "/fixedDelay: must be a whole number of milliseconds"
  std::string to_string() const { return field.empty() ? message : field + ": " + message; }
  bool operator==(const InputProblem&) const = default;
};

template <typename T>
class Checked {
public:
  Checked(T value) : value_(std::move(value)) {}                  // NOLINT: implicit on purpose
  Checked(InputProblem problem) : problem_(std::move(problem)) {}  // NOLINT

  explicit operator bool() const { return value_.has_value(); }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  const InputProblem& problem() const { return problem_; }

private:
  std::optional<T> value_;
  InputProblem problem_;
};

}  // namespace fakezoom
