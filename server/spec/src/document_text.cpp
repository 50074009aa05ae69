#include "document_text.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "yaml_json.hpp"

namespace fakezoom {

std::string line_and_column(const std::string& text, std::size_t byte) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i, ++column)
    if (text[i] == '\n') {
      ++line;
      column = 0;
    }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

bool looks_like_yaml(const std::string& file, const std::string& text) {
  const auto ends_with = [&](std::string_view suffix) { return file.ends_with(suffix); };
  const auto first = text.find_first_not_of(" \t\r\n");
  return ends_with(".yaml") || ends_with(".yml") || (first != std::string::npos && text[first] != '{');
}

std::optional<nlohmann::json> parse_document(const std::string& file, const std::string& text,
                                             std::vector<Problem>& problems) {
  if (looks_like_yaml(file, text)) {
    std::string error;
    auto converted = yaml_to_json(text, error);
    if (!converted) problems.push_back({file, "", "invalid YAML at " + error});
    return converted;
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::out_of_range& e) {  // a number like 1e400
    problems.push_back({file, "", std::string("invalid JSON: ") + e.what()});
  } catch (const nlohmann::json::parse_error& e) {
    problems.push_back({file, "", "invalid JSON at " + line_and_column(text, e.byte) + ": " + e.what()});
  }
  return std::nullopt;
}

std::string upper_case(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string url_path(std::string url) {
  if (auto scheme = url.find("://"); scheme != std::string::npos) {
    auto slash = url.find('/', scheme + 3);
    url = slash == std::string::npos ? "" : url.substr(slash);
  }
  if (auto end = url.find_first_of("?#"); end != std::string::npos) url.resize(end);
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

const nlohmann::json& json_field(const nlohmann::json& object, const char* key) {
  static const nlohmann::json null;
  if (!object.is_object()) return null;
  auto it = object.find(key);
  return it == object.end() ? null : *it;
}

std::optional<std::string> read_file_text(const std::string& file, std::string& error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    error = "read failed";
    return std::nullopt;
  }
  return text.str();
}

}  // namespace fakezoom
