// A route's path as Postman documents it: literal segments and `:name` parameters.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fakezoom {

struct PathSegment {
  std::string text;  // the literal, or the parameter's name without ':'
  bool is_param = false;

  bool operator==(const PathSegment& o) const { return text == o.text && is_param == o.is_param; }
};

using PathParams = std::vector<std::pair<std::string, std::string>>;

// Splits "/v2/users/me/" into {"v2","users","me"}: empty segments carry no meaning to Zoom.
std::vector<std::string_view> split_path(std::string_view path);

// "/users/{userId}/token" (OpenAPI) or "/users/:userId/token" (Postman) to segments.
std::vector<PathSegment> operation_segments(std::string_view path);
// The same literals in the same places and parameters in the same places, whatever their names.
bool same_shape(const std::vector<PathSegment>& a, const std::vector<PathSegment>& b);

class PathTemplate {
public:
  PathTemplate() = default;
  explicit PathTemplate(std::vector<PathSegment> segments) : segments_(std::move(segments)) {}

  const std::vector<PathSegment>& segments() const { return segments_; }
  // "/v2/users/{userId}/token": the OpenAPI / WireMock urlPathTemplate spelling.
  std::string to_string() const;
  // The parameter values when `path` fits this template.
  std::optional<PathParams> match(const std::vector<std::string_view>& path) const;
  bool operator==(const PathTemplate& o) const { return segments_ == o.segments_; }

private:
  std::vector<PathSegment> segments_;
};

std::optional<std::string> param_value(const PathParams& params, std::string_view name);

}  // namespace fakezoom
