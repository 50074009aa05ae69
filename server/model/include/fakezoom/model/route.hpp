// What a fixture defines: routes, each with its documented examples.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "fakezoom/model/body_schema.hpp"
#include "fakezoom/model/headers.hpp"
#include "fakezoom/model/query_params.hpp"
#include "fakezoom/model/parameter_rules.hpp"
#include "fakezoom/model/path_template.hpp"

namespace fakezoom {

// Where a route or example is defined: the fixture file and the JSON pointer inside it.
struct SourceLocation {
  std::string file;
  std::string pointer;  // "/item/3/response/1"
};

struct PreparedAnswer;  // render.hpp

// One saved response of a Postman request.
struct Example {
  std::string id;           // stable: the route's id and the example's position, e.g. "get-v2-users-userId-token-1"
  std::string name;         // as documented (Zoom's hold markdown, <br> and newlines)
  std::string folded_name;  // white space runs folded, ends trimmed: what callers can send in a header
  int status = 200;
  Headers headers;  // documented headers, Content-Type among them
  std::string body;
  std::string method;                // the originalRequest's method (upper case)
  QueryParams query;                 // the originalRequest's query, variables resolved
  PathParams path_values;            // the originalRequest's path variables, as documented
  std::string request_body;          // the originalRequest's body, as `fakezoom replay` sends it
  std::string request_content_type;  // empty without a body
  SourceLocation source;

  // Derived from the fields above when the route table is built, so that answering repeats
  // none of it; on an example built by hand they stay unset and are derived on every use.
  int preference = -1;  // Postman's rank among equally good fits (choice.hpp), -1: not derived
  // The answer in each body mode as sent (render.hpp); null when it depends on the request.
  std::shared_ptr<const PreparedAnswer> prepared_zoom;
  std::shared_ptr<const PreparedAnswer> prepared_verbatim;
  // The body parsed, when it is a JSON object: what the account's answers are shaped like.
  std::shared_ptr<const nlohmann::json> body_json;
};

struct Route {
  std::string id;  // method and path template as a slug
  std::string name;
  std::string method;     // upper case
  PathTemplate path;      // prefix included
  std::string base_path;  // the prefix taken from the base URL ("/v2"), "" for none
  std::vector<Example> examples;
  // Values the fixture documents for each path parameter: a documented request must always
  // be answered as documented, so these count as known (see users.hpp).
  std::map<std::string, std::set<std::string>> documented_params;
  std::string description;
  SourceLocation source;
  // Path and query parameter rules from a spec or a rules file; broken ones answer Zoom's 400
  // code 300 (see parameter_rules.hpp). Empty: nothing is validated.
  std::vector<ParameterRule> parameter_rules;
  // The request body's schema from a spec or a rules file; a broken body answers the same 400.
  BodyRule body_rule;
  // From the description's `**Scopes:**` line (or a spec): what a token needs under --auth strict.
  std::vector<std::string> scopes;
  // Provenance when a collection and a spec are loaded together: whether the route came from a
  // supplement (a spec) alone, and the supplements' operations merged into this route.
  bool from_supplement = false;
  std::vector<SourceLocation> merged;
  // From the description's `**Rate Limit Label:**` line: "Light", "Medium", "Heavy",
  // "Resource-intensive", or "" when undocumented.
  std::string rate_limit_label;
};

// Runs of white space and control characters become one space; the ends are trimmed.
std::string fold_whitespace(std::string_view text);
std::string route_id(const std::string& method, const PathTemplate& path);

}  // namespace fakezoom
