#include "fakezoom/model/path_template.hpp"

#include <algorithm>

namespace fakezoom {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  out.reserve(static_cast<std::size_t>(std::count(path.begin(), path.end(), '/')) + 1);  // one allocation
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

std::string PathTemplate::to_string() const {
  if (segments_.empty()) return "/";
  std::string out;
  for (const auto& s : segments_) {
    out += '/';
    out += s.is_param ? "{" + s.text + "}" : s.text;
  }
  return out;
}

std::optional<PathParams> PathTemplate::match(const std::vector<std::string_view>& path) const {
  if (path.size() != segments_.size()) return std::nullopt;
  PathParams params;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (segments_[i].is_param)
      params.emplace_back(segments_[i].text, std::string(path[i]));
    else if (segments_[i].text != path[i])
      return std::nullopt;
  }
  return params;
}

std::optional<std::string> param_value(const PathParams& params, std::string_view name) {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return std::nullopt;
}

std::vector<PathSegment> operation_segments(std::string_view path) {
  std::vector<PathSegment> out;
  for (auto segment : split_path(path)) {
    if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}')
      out.push_back({std::string(segment.substr(1, segment.size() - 2)), true});
    else if (segment.size() > 1 && segment.front() == ':')
      out.push_back({std::string(segment.substr(1)), true});
    else
      out.push_back({std::string(segment), false});
  }
  return out;
}

bool same_shape(const std::vector<PathSegment>& a, const std::vector<PathSegment>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].is_param != b[i].is_param || (!a[i].is_param && a[i].text != b[i].text)) return false;
  return true;
}

}  // namespace fakezoom
