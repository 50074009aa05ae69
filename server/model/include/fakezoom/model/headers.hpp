// HTTP header fields as the model keeps them, and the checks on what may go on the wire. Apart
// from http_message.hpp, so that routes and examples (which keep documented headers) do not
// rebuild whenever the request or response values change.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fakezoom {

bool iequals(std::string_view a, std::string_view b);

// What may go on the wire as a header, in both directions: a name is an RFC 9110 token
// (letters, digits and !#$%&'*+-.^_`|~), a value holds no control byte but tab (RFC 9110 5.5;
// CR, LF or NUL would split or cut the message). The one check: fixtures, requests read and
// answers written all use it.
bool is_header_name(std::string_view name);
bool is_header_value(std::string_view value);

// Header names compare case-insensitively (RFC 9110); order and repeats are kept because
// the journal must show exactly what a client sent.
class Headers {
public:
  using Entry = std::pair<std::string, std::string>;
  using const_iterator = std::vector<Entry>::const_iterator;

  Headers() = default;
  Headers(std::initializer_list<Entry> entries) : entries_(entries) {}

  void add(std::string name, std::string value);
  // Replaces every header of that name with one.
  void set(std::string name, std::string value);
  void remove(std::string_view name);
  std::optional<std::string> get(std::string_view name) const;
  // The first value of that name, without a copy: for the per-request path.
  const std::string* find(std::string_view name) const;
  std::vector<std::string> get_all(std::string_view name) const;
  std::size_t count(std::string_view name) const;
  bool empty() const { return entries_.empty(); }
  void reserve(std::size_t count) { entries_.reserve(count); }

  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  std::size_t size() const { return entries_.size(); }

private:
  std::vector<Entry> entries_;
};

// Whether the body is a form (`Content-Type: application/x-www-form-urlencoded`, parameters
// such as `; charset=utf-8` and case aside): where OAuth's fields and secrets travel.
bool is_form_urlencoded(const Headers& headers);

}  // namespace fakezoom
