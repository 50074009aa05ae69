#include "schema_inlining.hpp"

#include <algorithm>
#include <vector>

namespace fakezoom {

namespace {

using nlohmann::json;

// Bounds on a schema once its $refs are inlined: a spec may be hostile.
constexpr std::size_t kMaxSchemaNodes = 100'000;
constexpr int kMaxSchemaDepth = 64;

struct Inlining {
  LocalRefs& refs;
  std::vector<std::string> within;  // pointers of the $ref targets being inlined
  std::size_t nodes = 0;
  bool failed = false;
};

// The schema with every local $ref replaced by what it names, so valijson sees one document.
// A $ref back into a schema being inlined (a recursive schema) becomes {}: anything passes
// there. OpenAPI 3.0's `nullable: true` becomes JSON Schema's `"type": [T, "null"]`.
json inline_refs(const json& node, const std::string& pointer, Inlining& in, int depth) {
  if (in.failed) return json::object();
  if (++in.nodes > kMaxSchemaNodes || depth > kMaxSchemaDepth) {
    in.refs.problem(pointer, "the schema is too large once its $refs are inlined (over " +
                                 std::to_string(kMaxSchemaNodes) + " nodes or " + std::to_string(kMaxSchemaDepth) +
                                 " levels)");
    in.failed = true;
    return json::object();
  }
  if (node.is_array()) {
    json out = json::array();
    for (std::size_t i = 0; i < node.size(); ++i)
      out.push_back(inline_refs(node[i], pointer + "/" + std::to_string(i), in, depth + 1));
    return out;
  }
  if (!node.is_object()) return node;
  if (node.contains("$ref")) {
    std::string at = pointer;
    const json* target = in.refs.follow(node, at);
    if (!target) {
      in.failed = true;
      return json::object();
    }
    if (std::find(in.within.begin(), in.within.end(), at) != in.within.end()) return json::object();
    in.within.push_back(at);
    json out = inline_refs(*target, at, in, depth + 1);
    in.within.pop_back();
    return out;
  }
  json out = json::object();
  for (const auto& [key, value] : node.items())
    out[key] = inline_refs(value, pointer + "/" + pointer_token(key), in, depth + 1);
  if (out.value("nullable", false) && out.contains("type") && out["type"].is_string())
    out["type"] = json::array({out["type"], "null"});
  return out;
}

}  // namespace

std::optional<json> inline_schema(const json& schema, const std::string& pointer, LocalRefs& refs) {
  Inlining inlining{refs};
  json inlined = inline_refs(schema, pointer, inlining, 0);
  if (inlining.failed) return std::nullopt;
  return inlined;
}

}  // namespace fakezoom
