// OpenAPI 3 (JSON or YAML) and Swagger 2.0 specs to parameter rules for the routes the Postman
// fixtures serve (`fakezoom serve --spec FILE`): path and query parameters' type, enum,
// minimum, maximum and required, with local `$ref`s followed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "fakezoom/zoom/fixture_set.hpp"
#include "fakezoom/model/parameter_rules.hpp"
#include "fakezoom/fixtures/diagnostic.hpp"
#include "fakezoom/fixtures/loader.hpp"
#include "fakezoom/fixtures/postman.hpp"

namespace fakezoom {

struct Spec {
  std::string file;
  std::string format;     // "OpenAPI 3.0.0", "Swagger 2.0"
  std::string base_path;  // Swagger's basePath, or the path of OpenAPI's servers[0].url; "" for none
  // One per operation (parameters or not), paths relative to the base path.
  std::vector<OperationRules> operations;
  // The same operations as routes to serve, each documented response an example (made from
  // its schema where none is documented); paths relative to the base path, which
  // read_spec_fixture adds.
  std::vector<Route> routes;
};

// No file I/O: problems go to `problems`, each with the file and the JSON pointer.
Spec read_spec_json(const std::string& file, const nlohmann::json& document, std::vector<Problem>& problems);
// YAML when the name ends in .yaml or .yml, or when the text does not start with '{';
// JSON otherwise. Syntax errors name the line and column.
Spec read_spec_text(const std::string& file, const std::string& text, std::vector<Problem>& problems);
// Reads the file; throws FixtureError listing every problem.
Spec load_spec(const std::string& file);

// An OpenAPI 3 or Swagger 2.0 document given as a fixture (`--fixtures users.openapi.json`):
// its operations as routes with their examples, and its parameter rules, scopes and body
// schemas for every route of the fixtures. Nothing when the text is not a spec (a YAML file,
// or JSON whose top level has "openapi" or "swagger", is one); `base_path` replaces the
// spec's own (servers[0].url's path, or basePath).
std::optional<FixtureDocument> read_spec_fixture(const std::string& file, const std::string& text,
                                                 const std::optional<std::string>& base_path);
// `options` with read_spec_fixture as the reader of documents the fixtures part does not know.
LoadOptions with_spec_fixtures(LoadOptions options);

// What one spec did to the fixtures.
struct SpecCoverage {
  std::string file;
  std::string format;
  std::size_t operations = 0;
  std::vector<std::string> routes;  // ids of the routes its operations matched
  // Where a rule gave way to a documented request (see attach_rules).
  std::vector<std::string> concessions;
};

// Reads every spec first (one FixtureError with the problems of all of them, the fixtures
// untouched), then gives the routes the rules in the order given: for a parameter with rules
// from several sources (the rules file, then each spec), the last one wins. A spec operation
// that matches no route is normal: specs document more than fixtures serve.
std::vector<SpecCoverage> apply_specs(FixtureSet& fixtures, const std::vector<std::string>& files);

// load_fixtures, then apply_specs: what `fakezoom serve --fixtures ... --spec ...` loads, and
// reloads. Throws FixtureError.
FixtureSet load_fixtures_with_specs(const std::vector<std::string>& paths, const LoadOptions& options,
                                    const std::vector<std::string>& spec_files);

}  // namespace fakezoom
