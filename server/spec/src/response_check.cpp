#include "fakezoom/spec/response_check.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "document_text.hpp"
#include "fakezoom/model/body_schema.hpp"
#include "fakezoom/model/headers.hpp"
#include "schema_inlining.hpp"

namespace fakezoom {

namespace {

using nlohmann::json;

// "settings.alternative_hosts[0]" (BodySchema's names, as Zoom's errors write them) as the
// JSON pointer "/settings/alternative_hosts/0".
std::string pointer_of(const std::string& field) {
  std::string out;
  std::string token;
  const auto flush = [&] {
    if (!token.empty()) out += "/" + pointer_token(token);
    token.clear();
  };
  for (char c : field) {
    if (c == '.' || c == '[') flush();
    else if (c != ']') token += c;
  }
  flush();
  return out;
}

}  // namespace

struct ResponseCheck::Operation {
  std::string method;
  std::vector<PathSegment> path;  // base path included
  struct Documented {
    std::string content_type;                   // "" when the status documents no content
    std::shared_ptr<const BodySchema> schema;   // null: any body of that type
  };
  std::map<std::string, Documented> responses;  // by status ("200", "default")
};

ResponseCheck::ResponseCheck() = default;
ResponseCheck::ResponseCheck(ResponseCheck&&) noexcept = default;
ResponseCheck& ResponseCheck::operator=(ResponseCheck&&) noexcept = default;
ResponseCheck::~ResponseCheck() = default;

std::size_t ResponseCheck::operations() const { return operations_.size(); }

ResponseCheck ResponseCheck::read(const std::string& file, const std::string& text, std::vector<Problem>& problems) {
  ResponseCheck out;
  auto document = parse_document(file, text, problems);
  if (!document) return out;
  LocalRefs refs(*document, file, problems);
  const bool swagger = document->contains("swagger");
  const json& servers = json_field(*document, "servers");
  const json& base_url = swagger ? json_field(*document, "basePath")
                                 : (servers.is_array() && !servers.empty() ? json_field(servers[0], "url") : servers);
  const std::string base = base_url.is_string() ? url_path(base_url.get<std::string>()) : "";
  const json& paths = json_field(*document, "paths");
  if (!paths.is_object()) {
    refs.problem("/paths", "missing: a spec needs \"paths\"");
    return out;
  }
  for (const auto& [key, item] : paths.items()) {
    if (!item.is_object()) continue;
    for (const char* method : kOperationMethods) {
      const json& operation = json_field(item, method);
      const json& responses = json_field(operation, "responses");
      if (!responses.is_object()) continue;
      Operation op;
      op.method = upper_case(method);
      op.path = operation_segments(base + key);
      const std::string at = "/paths/" + pointer_token(key) + "/" + method + "/responses";
      for (const auto& [status, node] : responses.items()) {
        std::string pointer = at + "/" + pointer_token(status);
        const json* response = refs.follow(node, pointer);
        if (!response) continue;
        Operation::Documented documented;
        const json* schema = nullptr;
        if (swagger) {
          if (response->contains("schema")) {
            documented.content_type = "application/json";
            schema = &(*response)["schema"];
            pointer += "/schema";
          }
        } else if (const json& content = json_field(*response, "content"); content.is_object() && !content.empty()) {
          auto media = content.begin();
          for (auto it = content.begin(); it != content.end(); ++it)
            if (it.key().find("json") != std::string::npos) media = it;
          documented.content_type = media.key();
          if (media->contains("schema")) {
            schema = &(*media)["schema"];
            pointer += "/content/" + pointer_token(media.key()) + "/schema";
          }
        }
        if (schema && documented.content_type.find("json") != std::string::npos)
          if (auto inlined = inline_schema(*schema, pointer, refs)) {
            try {
              documented.schema = BodySchema::compile(*inlined);
            } catch (const std::invalid_argument& e) {
              refs.problem(pointer, e.what());
            }
          }
        op.responses.emplace(status, std::move(documented));
      }
      out.operations_.push_back(std::move(op));
    }
  }
  return out;
}

ResponseCheck ResponseCheck::load(const std::string& file) {
  std::vector<Problem> problems;
  std::string error;
  auto text = read_file_text(file, error);
  if (!text) throw FixtureError({{file, "", "cannot read spec: " + error}});
  auto check = read(file, *text, problems);
  if (!problems.empty()) throw FixtureError(std::move(problems));
  return check;
}

std::optional<std::vector<InputProblem>> ResponseCheck::check(const std::string& method, const PathTemplate& route_path,
                                                              int status, const std::string& content_type,
                                                              const std::string& body) const {
  const auto& segments = route_path.segments();
  const Operation* found = nullptr;
  for (const auto& op : operations_)
    if (op.method == method && same_shape(op.path, segments)) {
      found = &op;
      break;
    }
  if (!found) return std::nullopt;
  std::vector<InputProblem> problems;
  auto documented = found->responses.find(std::to_string(status));
  if (documented == found->responses.end()) documented = found->responses.find("default");
  if (documented == found->responses.end()) {
    std::string listed;
    for (const auto& [key, value] : found->responses) listed += (listed.empty() ? "" : ", ") + key;
    problems.push_back({"", "status " + std::to_string(status) + " is not documented (documented: " + listed + ")"});
    return problems;
  }
  const auto& expected = documented->second;
  if (expected.content_type.empty()) {
    if (status < 400 && !body.empty()) problems.push_back({"", "the spec documents no body for status " + std::to_string(status)});
    return problems;
  }
  const std::string type = content_type.substr(0, content_type.find(';'));
  if (!iequals(type, expected.content_type)) {
    problems.push_back({"", "Content-Type " + (type.empty() ? std::string("(none)") : type) + ", documented " +
                                expected.content_type});
    return problems;
  }
  if (!expected.schema) return problems;
  const auto parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded()) {
    problems.push_back({"", "the body is not JSON"});
    return problems;
  }
  for (auto& problem : expected.schema->check(parsed)) problems.push_back({pointer_of(problem.field), problem.message});
  return problems;
}

}  // namespace fakezoom
