#include "yaml_json.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <regex>

#include <yaml-cpp/yaml.h>

namespace fakezoom {

namespace {

using nlohmann::json;

constexpr int kMaxDepth = 256;

struct Problem {
  YAML::Mark mark;
  std::string message;
};

std::string where(const YAML::Mark& mark) {
  if (mark.is_null()) return "";
  return "line " + std::to_string(mark.line + 1) + ", column " + std::to_string(mark.column + 1) + ": ";
}

// YAML 1.2 core schema for plain scalars.
json plain_scalar(const std::string& text) {
  static const std::regex null_re("~|null|Null|NULL|");
  static const std::regex true_re("true|True|TRUE");
  static const std::regex false_re("false|False|FALSE");
  static const std::regex int_re("[-+]?[0-9]+");
  static const std::regex float_re(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  static const std::regex inf_re(R"([-+]?\.(inf|Inf|INF))");
  if (std::regex_match(text, null_re)) return nullptr;
  if (std::regex_match(text, true_re)) return true;
  if (std::regex_match(text, false_re)) return false;
  if (std::regex_match(text, int_re)) {
    errno = 0;
    char* end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (errno != ERANGE) return value;
    return std::strtod(text.c_str(), nullptr);  // too large for 64 bits: a float, as JSON would read it
  }
  if (std::regex_match(text, float_re)) return std::strtod(text.c_str(), nullptr);
  if (std::regex_match(text, inf_re))
    return text.front() == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  return text;
}

json convert(const YAML::Node& node, int depth) {
  if (depth > kMaxDepth) throw Problem{node.Mark(), "nested deeper than " + std::to_string(kMaxDepth) + " levels"};
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return nullptr;
    case YAML::NodeType::Scalar: {
      // yaml-cpp tags quoted scalars "!" and plain ones "?"; "!!str" is an explicit string.
      const std::string& tag = node.Tag();
      if (tag == "!" || tag == "tag:yaml.org,2002:str") return node.Scalar();
      return plain_scalar(node.Scalar());
    }
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const auto& item : node) out.push_back(convert(item, depth + 1));
      return out;
    }
    case YAML::NodeType::Map: {
      json out = json::object();
      for (const auto& entry : node) {
        if (!entry.first.IsScalar()) throw Problem{entry.first.Mark(), "a mapping key must be a plain value, not a list or a mapping"};
        out[entry.first.Scalar()] = convert(entry.second, depth + 1);
      }
      return out;
    }
  }
  return nullptr;
}

}  // namespace

std::optional<json> yaml_to_json(const std::string& text, std::string& error) {
  try {
    return convert(YAML::Load(text), 0);
  } catch (const Problem& problem) {
    error = where(problem.mark) + problem.message;
  } catch (const YAML::Exception& e) {
    error = where(e.mark) + e.msg;
  }
  return std::nullopt;
}

}  // namespace fakezoom
