#include "fakezoom/model/choice.hpp"

#include <cctype>
#include <charconv>

#include "fakezoom/model/wire_errors.hpp"

namespace fakezoom {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<int> parse_code(std::string_view text) {
  text = trim(text);
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 100 || value > 599)
    return std::nullopt;
  return value;
}

void set_code(ExplicitChoice& choice, std::string_view text, std::string_view source) {
  if (auto code = parse_code(text))
    choice.code = code;
  else
    choice.malformed = std::string(source) + " must be an HTTP status code, got '" + std::string(text) + "'";
}

// The end of one `key=value` of a Prefer header: the next comma outside double quotes.
std::size_t preference_end(std::string_view prefer) {
  bool quoted = false;
  for (std::size_t i = 0; i < prefer.size(); ++i) {
    if (prefer[i] == '"') quoted = !quoted;
    else if (prefer[i] == ',' && !quoted) return i;
  }
  return std::string_view::npos;
}

// Prism: `Prefer: code=404, example=NAME` (values may be quoted, and Zoom's names hold commas).
void read_prefer(ExplicitChoice& choice, std::string_view prefer) {
  while (!prefer.empty()) {
    auto comma = preference_end(prefer);
    auto part = trim(prefer.substr(0, comma));
    prefer = comma == std::string_view::npos ? std::string_view{} : prefer.substr(comma + 1);
    auto eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    auto key = trim(part.substr(0, eq));
    auto value = trim(part.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (iequals(key, "code"))
      set_code(choice, value, "Prefer code");
    else if (iequals(key, "example"))
      choice.name = fold_whitespace(value);
  }
}

bool contains_ignoring_case(std::string_view text, std::string_view part) {
  if (part.size() > text.size()) return false;
  for (std::size_t i = 0; i + part.size() <= text.size(); ++i)
    if (iequals(text.substr(i, part.size()), part)) return true;
  return false;
}

int path_score(const Example& example, const PathParams& params) {
  int score = 0;
  for (const auto& [name, value] : example.path_values)
    if (param_value(params, name) == value) ++score;
  return score;
}

int query_score(const Example& example, const QueryParams& query) {
  int score = 0;
  for (const auto& [key, value] : example.query) {
    bool key_seen = false, value_seen = false;
    for (const auto& [k, v] : query)
      if (k == key) {
        key_seen = true;
        value_seen = value_seen || v == value;
      }
    score += value_seen ? 2 : key_seen ? 1 : 0;
  }
  return score;
}

}  // namespace

std::string ExplicitChoice::describe() const {
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  if (code) add("code " + std::to_string(*code));
  if (name) add("name '" + *name + "'");
  if (id) add("id '" + *id + "'");
  if (!malformed.empty()) add(malformed);
  return out;
}

ExplicitChoice take_explicit_choice(const Headers& headers, QueryParams& query) {
  ExplicitChoice choice;
  if (auto prefer = headers.get("Prefer")) read_prefer(choice, *prefer);
  for (auto it = query.begin(); it != query.end();) {
    if (it->first == "__code")
      set_code(choice, it->second, "__code");
    else if (it->first == "__example")
      choice.name = fold_whitespace(it->second);
    else {
      ++it;
      continue;
    }
    it = query.erase(it);
  }
  // Postman's headers are the most specific and win over Prism's forms.
  if (auto code = headers.get("x-mock-response-code")) set_code(choice, *code, "x-mock-response-code");
  if (auto name = headers.get("x-mock-response-name")) choice.name = fold_whitespace(*name);
  if (auto id = headers.get("x-mock-response-id")) choice.id = std::string(trim(*id));
  return choice;
}

std::optional<Selection> select_explicit(const Route& route, const ExplicitChoice& choice) {
  if (!choice.malformed.empty()) return std::nullopt;
  for (const auto& example : route.examples) {
    if (choice.id && example.id != *choice.id) continue;
    if (choice.name && example.folded_name != *choice.name) continue;
    if (choice.code && example.status != *choice.code) continue;
    return Selection{&example, "chosen by the caller (" + choice.describe() + ")"};
  }
  return std::nullopt;
}

std::optional<Selection> select_best(const Route& route, const PathParams& params,
                                    const QueryParams& query) {
  const Example* best = nullptr;
  int best_score = -1, best_preference = 0;
  for (const auto& example : route.examples) {
    if (!example.method.empty() && example.method != route.method) continue;
    // Path score outweighs any query score, as in Postman's matching.
    const int score = path_score(example, params) * 1000 + query_score(example, query);
    const int pref = example.preference >= 0 ? example.preference : example_preference(example);
    if (!best || score > best_score || (score == best_score && pref < best_preference)) {
      best = &example;
      best_score = score;
      best_preference = pref;
    }
  }
  if (!best) return std::nullopt;
  std::string reason;  // built in one allocation: this runs for nearly every request
  reason.reserve(64);
  reason.append("best documented example (path and query score ").append(std::to_string(best_score)).append(")");
  return Selection{best, std::move(reason)};
}

int example_preference(const Example& example) {
  const bool documented_error = contains_ignoring_case(example.name, "Error Code") &&
                                !contains_ignoring_case(example.name, "HTTP Status Code");
  if (example.status == 200 && !documented_error) return 0;
  if (example.status >= 200 && example.status < 300 && !documented_error) return 1;
  if (example.status < 400 && !documented_error) return 2;
  return 3;
}

const Example* first_with_status(const Route& route, int status) {
  for (const auto& example : route.examples)
    if (example.status == status) return &example;
  return nullptr;
}

}  // namespace fakezoom
