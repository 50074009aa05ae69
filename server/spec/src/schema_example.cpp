#include "schema_example.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "document_text.hpp"

namespace fakezoom {

namespace {

using nlohmann::json;

// Bounds on what one example may cost: a spec may be hostile.
constexpr std::size_t kMaxNodes = 50'000;
constexpr int kMaxDepth = 48;
constexpr std::size_t kMaxItems = 100;  // minItems beyond this is refused

const json& field(const json& object, const char* key) { return json_field(object, key); }

class Sampler {
public:
  explicit Sampler(LocalRefs& refs) : refs_(refs) {}

  // Nothing: leave it out (a recursive $ref), or a problem was recorded (failed()).
  std::optional<json> sample(const json& node, const std::string& pointer, int depth) {
    if (failed_) return std::nullopt;
    if (++nodes_ > kMaxNodes || depth > kMaxDepth) {
      return fail(pointer, "the response example would grow past " + std::to_string(kMaxNodes) + " values or " +
                               std::to_string(kMaxDepth) + " levels");
    }
    if (!node.is_object()) return json::object();  // `true` or a broken schema: anything goes
    if (node.contains("$ref")) {
      std::string at = pointer;
      const json* target = refs_.follow(node, at);
      if (!target) return fail(pointer, "");
      if (std::find(within_.begin(), within_.end(), at) != within_.end()) return std::nullopt;
      within_.push_back(at);
      auto out = sample(*target, at, depth + 1);
      within_.pop_back();
      return out;
    }
    if (node.contains("example")) return node["example"];
    if (const json& examples = field(node, "examples"); examples.is_array() && !examples.empty()) return examples[0];
    if (node.contains("const")) return node["const"];
    if (node.contains("default")) return node["default"];
    if (const json& values = field(node, "enum"); values.is_array() && !values.empty()) return values[0];
    if (const json& all = field(node, "allOf"); all.is_array() && !all.empty()) return all_of(all, pointer + "/allOf", depth);
    for (const char* key : {"oneOf", "anyOf"})
      if (const json& options = field(node, key); options.is_array() && !options.empty())
        return sample(options[0], pointer + "/" + key + "/0", depth + 1);
    const std::string type = type_of(node);
    if (type == "object") return object(node, pointer, depth);
    if (type == "array") return array(node, pointer, depth);
    if (type == "string") return string(node);
    if (type == "integer" || type == "number") return number(node, type == "integer");
    if (type == "boolean") return true;
    if (type == "null") return nullptr;
    return json::object();  // no type: openapi-sampler gives {} too
  }

  bool failed() const { return failed_; }

private:
  std::optional<json> fail(const std::string& pointer, std::string message) {
    if (!message.empty()) refs_.problem(pointer, std::move(message));
    failed_ = true;
    return std::nullopt;
  }

  // OpenAPI 3.1 allows a list of types: the first that is not "null".
  static std::string type_of(const json& node) {
    const json& type = field(node, "type");
    if (type.is_string()) return type.get<std::string>();
    if (type.is_array())
      for (const auto& each : type)
        if (each.is_string() && each != "null") return each.get<std::string>();
    if (node.contains("properties")) return "object";
    if (node.contains("items")) return "array";
    return "";
  }

  std::optional<json> all_of(const json& parts, const std::string& pointer, int depth) {
    json merged;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      auto part = sample(parts[i], pointer + "/" + std::to_string(i), depth + 1);
      if (failed_) return std::nullopt;
      if (!part) continue;
      if (part->is_object() && (merged.is_null() || merged.is_object())) {
        if (merged.is_null()) merged = json::object();
        for (auto& [key, value] : part->items())
          if (!merged.contains(key)) merged[key] = std::move(value);
      } else {
        merged = std::move(*part);
      }
    }
    return merged.is_null() ? json::object() : merged;
  }

  std::optional<json> object(const json& node, const std::string& pointer, int depth) {
    json out = json::object();
    const json& properties = field(node, "properties");
    if (!properties.is_object()) return out;
    for (const auto& [name, schema] : properties.items()) {
      if (field(schema, "writeOnly") == true) continue;
      auto value = sample(schema, pointer + "/properties/" + pointer_token(name), depth + 1);
      if (failed_) return std::nullopt;
      if (value) out[name] = std::move(*value);
    }
    return out;
  }

  std::optional<json> array(const json& node, const std::string& pointer, int depth) {
    json out = json::array();
    std::size_t count = 1;
    if (const json& min = field(node, "minItems"); min.is_number_unsigned()) count = std::max<std::size_t>(1, min.get<std::size_t>());
    if (const json& max = field(node, "maxItems"); max.is_number_unsigned()) count = std::min(count, max.get<std::size_t>());
    if (count > kMaxItems) return fail(pointer + "/minItems", "asks for more than " + std::to_string(kMaxItems) + " items");
    if (count == 0) return out;
    const std::size_t before = nodes_;
    auto item = sample(field(node, "items"), pointer + "/items", depth + 1);
    if (failed_) return std::nullopt;
    if (!item) return out;  // recursive items: an empty list ends the recursion
    // The copies cost what the item did, each: a wide tree is bounded like a deep one.
    nodes_ += (nodes_ - before) * (count - 1);
    if (nodes_ > kMaxNodes)
      return fail(pointer, "the response example would grow past " + std::to_string(kMaxNodes) + " values");
    for (std::size_t i = 0; i < count; ++i) out.push_back(*item);
    return out;
  }

  static json string(const json& node) {
    const json& format = field(node, "format");
    if (format.is_string()) {
      const std::string& f = format.get_ref<const std::string&>();
      if (f == "date-time") return "2019-08-24T14:15:22Z";
      if (f == "date") return "2019-08-24";
      if (f == "time") return "14:15:22Z";
      if (f == "email") return "user@example.com";
      if (f == "uri" || f == "url" || f == "uri-reference") return "http://example.com";
      if (f == "uuid") return "095be615-a8ad-4c33-8e9c-c7612fbf6c9f";
      if (f == "hostname") return "example.com";
      if (f == "ipv4") return "192.168.0.1";
      if (f == "ipv6") return "2001:db8::1";
      if (f == "byte") return "c3RyaW5n";
    }
    std::string text = "string";
    if (const json& min = field(node, "minLength"); min.is_number_unsigned())
      text.resize(std::max(text.size(), std::min<std::size_t>(min.get<std::size_t>(), 10'000)), 'x');
    if (const json& max = field(node, "maxLength"); max.is_number_unsigned() && max.get<std::size_t>() < text.size())
      text.resize(max.get<std::size_t>());
    return text;
  }

  // 0 moved into [minimum, maximum] (exclusive bounds as OpenAPI 3.0's booleans or 3.1's
  // numbers). An int64 is at least 2^32, so a client that keeps such ids in 32 bits notices.
  static json number(const json& node, bool integer) {
    double value = integer && field(node, "format") == "int64" ? 4294967296.0 : 0.0;
    const json& min = field(node, "minimum");
    const json& max = field(node, "maximum");
    const json& exclusive_min = field(node, "exclusiveMinimum");
    const json& exclusive_max = field(node, "exclusiveMaximum");
    const double step = integer ? 1.0 : 0.5;
    if (exclusive_min.is_number()) value = std::max(value, exclusive_min.get<double>() + step);
    if (min.is_number()) value = std::max(value, min.get<double>() + (exclusive_min == true ? step : 0.0));
    if (exclusive_max.is_number()) value = std::min(value, exclusive_max.get<double>() - step);
    if (max.is_number()) value = std::min(value, max.get<double>() - (exclusive_max == true ? step : 0.0));
    if (integer) {
      value = std::ceil(value);
      if (std::fabs(value) < 9.2e18) return static_cast<std::int64_t>(value);
    }
    return value;
  }

  LocalRefs& refs_;
  std::vector<std::string> within_;  // pointers of the $ref targets being sampled
  std::size_t nodes_ = 0;
  bool failed_ = false;
};

}  // namespace

std::optional<json> schema_example(const json& schema, const std::string& pointer, LocalRefs& refs) {
  Sampler sampler(refs);
  auto value = sampler.sample(schema, pointer, 0);
  if (sampler.failed()) return std::nullopt;
  return value ? std::move(value) : json(nullptr);
}

}  // namespace fakezoom
