#include "fakezoom/replay/replay.hpp"

namespace fakezoom::replay {

namespace {

std::string documented_value(const Route& route, const Example& example, const std::string& name) {
  // Zoom's export leaves some documented values empty: an empty segment would change the path.
  if (auto value = param_value(example.path_values, name); value && !value->empty()) return *value;
  auto documented = route.documented_params.find(name);
  if (documented != route.documented_params.end())
    for (const auto& value : documented->second)
      if (!value.empty() && value[0] != ':') return value;
  return "1";
}

}  // namespace

client::Request request_for(const Route& route, const Example& example) {
  client::Request request;
  request.method = example.method.empty() ? route.method : example.method;
  // The base URL holds the base path ("/v2"): only what follows it is sent.
  const auto& segments = route.path.segments();
  std::size_t skip = 0;
  for (const auto& prefix : split_path(route.base_path)) {
    if (skip < segments.size() && !segments[skip].is_param && segments[skip].text == prefix) ++skip;
  }
  std::vector<std::string> path;
  for (std::size_t i = skip; i < segments.size(); ++i)
    path.push_back(segments[i].is_param ? documented_value(route, example, segments[i].text) : segments[i].text);
  request.path = client::Path::from_segments(path);
  request.query = example.query;
  if (!example.request_body.empty()) {
    request.raw_body = example.request_body;
    request.raw_content_type = example.request_content_type;
  }
  request.headers.emplace_back("x-mock-response-name", example.folded_name);
  return request;
}

}  // namespace fakezoom::replay
