#include "fakezoom/model/render.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "fakezoom/model/outcome.hpp"
#include "fakezoom/model/text.hpp"
#include "fakezoom/model/wire_errors.hpp"

namespace fakezoom {

namespace {

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

namespace {

// Only Zoom's error shape for an undocumented body names the request's path parameters.
bool depends_on_request(const Example& example, BodyMode mode) {
  if (mode != BodyMode::zoom || !blank(example.body)) return false;
  const auto error = wire::documented_error(example.name, example.status);
  return error && error->message.find_first_of("${") != std::string::npos;
}

std::shared_ptr<const PreparedAnswer> prepare(const std::string& route_id, const Example& example, BodyMode mode) {
  if (depends_on_request(example, mode)) return nullptr;
  auto prepared = std::make_shared<PreparedAnswer>();
  prepared->response = render_example(example, {}, mode);
  set_matched_stub(prepared->response, example.id, example.folded_name);
  prepared->route_id = route_id;
  prepared->example_id = example.id;
  prepared->example_name = example.folded_name;
  return prepared;
}

bool same_response(const HttpResponse& a, const HttpResponse& b) {
  return a.status == b.status && a.body == b.body && std::equal(a.headers.begin(), a.headers.end(), b.headers.begin(), b.headers.end());
}

}  // namespace

void prepare_answers(const std::string& route_id, Example& example) {
  example.prepared_zoom = prepare(route_id, example, BodyMode::zoom);
  example.prepared_verbatim = prepare(route_id, example, BodyMode::verbatim);
  // Most examples answer alike in both modes: one copy of the body then.
  if (example.prepared_zoom && example.prepared_verbatim &&
      same_response(example.prepared_zoom->response, example.prepared_verbatim->response))
    example.prepared_verbatim = example.prepared_zoom;
  auto parsed = nlohmann::json::parse(example.body, nullptr, false);
  if (parsed.is_object()) example.body_json = std::make_shared<const nlohmann::json>(std::move(parsed));
}

const std::shared_ptr<const PreparedAnswer>& prepared_answer(const Example& example, BodyMode mode) {
  return mode == BodyMode::zoom ? example.prepared_zoom : example.prepared_verbatim;
}

}  // namespace fakezoom
