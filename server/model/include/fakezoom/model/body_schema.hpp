// A route's request-body rule: a JSON Schema (as an OpenAPI requestBody or a Swagger body
// parameter writes it, local $refs inlined by the spec loader) and the check behind Zoom's
// 400 code 300 "Validation Failed." for a broken body. valijson does the validating; this
// header keeps it out of everyone else's includes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakezoom/model/input_problem.hpp"

namespace fakezoom {

class BodySchema {
public:
  // Throws std::invalid_argument with valijson's reason when it cannot read the schema
  // (only ever at load).
  static std::shared_ptr<const BodySchema> compile(const nlohmann::json& schema);
  ~BodySchema();

  // Every broken field, named as Zoom's `errors` name them ("user_info.email",
  // "settings.alternative_hosts[0]"), the deepest problem per field; empty when the body
  // keeps the schema.
  std::vector<InputProblem> check(const nlohmann::json& body) const;

  struct Compiled;  // valijson's schema

private:
  explicit BodySchema(std::unique_ptr<Compiled> compiled);
  std::unique_ptr<Compiled> compiled_;
};

// What a route checks request bodies against, and the bodies its documented requests send,
// which always pass (see attach_rules).
struct BodyRule {
  std::shared_ptr<const BodySchema> schema;  // null: bodies are not checked
  std::vector<std::string> documented_text;  // as sent, when not a JSON object
  std::vector<nlohmann::json> documented;    // parsed
  std::string source;                        // "file: /json/pointer"

  explicit operator bool() const { return schema != nullptr; }
  bool is_documented(const std::string& text, const nlohmann::json& parsed) const;
};

}  // namespace fakezoom
