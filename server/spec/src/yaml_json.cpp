#include "yaml_json.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
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

// yaml-cpp passes bytes that are not UTF-8 through, and nlohmann's dump() throws on them
// later (type_error 316). A YAML stream must be Unicode (YAML 1.2, 5.2), so such a byte is a
// problem of the file. Returns the offset of the first bad byte, or npos.
std::size_t invalid_utf8_at(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (c < 0x80) length = 1;
    else if (c >= 0xC2 && c <= 0xDF) length = 2;
    else if (c == 0xE0) length = 3, low = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) length = 3;
    else if (c == 0xED) length = 3, high = 0x9F;  // no UTF-16 surrogates
    else if (c >= 0xEE && c <= 0xEF) length = 3;
    else if (c == 0xF0) length = 4, low = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) length = 4;
    else if (c == 0xF4) length = 4, high = 0x8F;  // nothing past U+10FFFF
    else return i;
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return i;
    }
    i += length;
  }
  return std::string::npos;
}

const std::string& utf8_scalar(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (const auto at = invalid_utf8_at(text); at != std::string::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[at]));
    throw Problem{node.Mark(), "not valid UTF-8 (byte " + std::string(byte) + " at offset " + std::to_string(at) +
                                   " of this value); a YAML file must be UTF-8"};
  }
  return text;
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
      if (tag == "!" || tag == "tag:yaml.org,2002:str") return utf8_scalar(node);
      return plain_scalar(utf8_scalar(node));
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
        out[utf8_scalar(entry.first)] = convert(entry.second, depth + 1);
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
