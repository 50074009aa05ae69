#include "fakezoom/core/render.hpp"

#include <algorithm>
#include <cctype>

#include "fakezoom/core/wire_errors.hpp"

namespace fakezoom {

namespace {

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace

std::string fill_placeholders(std::string text, const PathParams& params) {
  for (const auto& [name, value] : params) {
    replace_all(text, "{" + name + "}", value);
    // "$userId" but not the "$userId" inside "$userIds".
    const std::string dollar = "$" + name;
    for (std::size_t at = text.find(dollar); at != std::string::npos; at = text.find(dollar, at)) {
      const std::size_t end = at + dollar.size();
      if (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
        at = end;
        continue;
      }
      text.replace(at, dollar.size(), value);
      at += value.size();
    }
  }
  return text;
}

HttpResponse render_example(const Example& example, const PathParams& params, BodyMode mode) {
  HttpResponse response;
  response.status = example.status;
  // HTTP sends no body with 204 or 304, so Zoom's JSON error is not made up for them either.
  const bool bodiless = example.status == 204 || example.status == 304;
  if (mode == BodyMode::zoom && blank(example.body) && !bodiless) {
    if (auto error = wire::documented_error(example.name, example.status)) {
      response = wire::zoom_error(example.status, error->code, fill_placeholders(error->message, params));
      for (const auto& [key, value] : example.headers)
        if (!iequals(key, "Content-Type")) response.headers.add(key, value);
      return response;
    }
  }
  for (const auto& [key, value] : example.headers) response.headers.add(key, value);
  // HTTP sends no body with 204 or 304, though 38 of Zoom's 204 examples document "{}".
  if (!bodiless) response.body = example.body;
  return response;
}

}  // namespace fakezoom
