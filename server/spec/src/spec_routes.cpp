#include "spec_routes.hpp"

#include <cstdlib>
#include <optional>

#include "document_text.hpp"
#include "schema_example.hpp"

namespace fakezoom {

namespace {

using nlohmann::json;

std::optional<int> status_of(const std::string& key) {
  if (key.size() != 3 || key.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;  // "default", "2XX"
  const int status = std::atoi(key.c_str());
  return status >= 100 && status <= 599 ? std::optional<int>(status) : std::nullopt;
}

std::string text_of(const json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

// The JSON media type of an OpenAPI 3 response's content, or its first one.
const json* media_of(const json& content, std::string& pointer, bool& json_media) {
  if (!content.is_object() || content.empty()) return nullptr;
  for (const auto& [type, media] : content.items())
    if (type.find("json") != std::string::npos) {
      pointer += "/content/" + pointer_token(type);
      return &media;
    }
  json_media = false;
  pointer += "/content/" + pointer_token(content.begin().key());
  return &content.begin().value();
}

// A JSON media type's example is JSON text even when it is a string; another type's string
// example is its body as written.
Example example(const Route& route, int status, const std::string& name, std::optional<json> body,
                const std::string& file, const std::string& pointer, bool json_media = true) {
  Example out;
  out.name = name.empty() ? std::to_string(status) : name;
  out.folded_name = fold_whitespace(out.name);
  out.status = status;
  out.method = route.method;
  if (body) {
    const bool text = !json_media && body->is_string();
    out.body = text ? body->get<std::string>() : body->dump(-1, ' ', false, json::error_handler_t::replace);
    out.headers.set("Content-Type", text ? "text/plain" : "application/json");
  }
  out.source = {file, pointer};
  return out;
}

void add_examples(Route& route, int status, const json& response, const std::string& at, LocalRefs& refs) {
  const std::string description = text_of(json_field(response, "description"));
  std::string pointer = at;
  // Swagger 2.0: {schema, examples: {"application/json": value}}.
  if (const json& examples = json_field(response, "examples"); examples.is_object() && !response.contains("content")) {
    for (const auto& [type, value] : examples.items())
      if (type.find("json") != std::string::npos)
        return route.examples.push_back(
            example(route, status, description, value, refs.file(), at + "/examples/" + pointer_token(type)));
  }
  bool json_media = true;
  const json* media = response.contains("content") ? media_of(response["content"], pointer, json_media) : &response;
  if (!media) return route.examples.push_back(example(route, status, description, std::nullopt, refs.file(), at));
  if (const json& named = json_field(*media, "examples"); named.is_object() && !named.empty()) {
    for (const auto& [key, entry] : named.items()) {
      std::string entry_at = pointer + "/examples/" + pointer_token(key);
      const json* resolved = refs.follow(entry, entry_at);
      if (!resolved) continue;
      if (resolved->contains("value"))
        route.examples.push_back(
            example(route, status, key, (*resolved)["value"], refs.file(), entry_at + "/value", json_media));
    }
    return;
  }
  if (media->contains("example"))
    return route.examples.push_back(
        example(route, status, description, (*media)["example"], refs.file(), pointer + "/example", json_media));
  if (media->contains("schema")) {
    if (auto body = schema_example((*media)["schema"], pointer + "/schema", refs))
      route.examples.push_back(example(route, status, description, std::move(*body), refs.file(), pointer + "/schema"));
    return;
  }
  route.examples.push_back(example(route, status, description, std::nullopt, refs.file(), at));
}

}  // namespace

Route operation_route(const json& operation, const std::string& method, const std::string& path,
                      const std::string& at, LocalRefs& refs) {
  Route route;
  route.method = method;
  route.path = PathTemplate(operation_segments(path));
  route.name = text_of(json_field(operation, "summary"));
  if (route.name.empty()) route.name = text_of(json_field(operation, "operationId"));
  if (route.name.empty()) route.name = method + " " + path;
  route.description = text_of(json_field(operation, "description"));
  route.source = {refs.file(), at};
  const json& responses = json_field(operation, "responses");
  if (!responses.is_object()) return route;
  for (const auto& [key, response_node] : responses.items()) {
    const auto status = status_of(key);
    if (!status) continue;
    std::string response_at = at + "/responses/" + pointer_token(key);
    const json* response = refs.follow(response_node, response_at);
    if (response && response->is_object()) add_examples(route, *status, *response, response_at, refs);
  }
  return route;
}

}  // namespace fakezoom
