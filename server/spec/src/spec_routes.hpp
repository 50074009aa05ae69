// An OpenAPI 3 or Swagger 2.0 operation as a route that fakezoom serves, each documented
// response status an example (`fakezoom serve --fixtures users.openapi.json`).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "fakezoom/fixtures/rules_file.hpp"
#include "fakezoom/model/route.hpp"

namespace fakezoom {

// The route for `method` (upper case) on `path` ("/users/{userId}", relative to the base path:
// the caller adds the prefix), `at` the operation's pointer. Its examples, per response:
// OpenAPI 3's named `examples` (one example each, named by key) or `example` of the JSON
// content, Swagger 2.0's `examples["application/json"]`, else a body made from the schema
// (schema_example.hpp), else none (a 204, or an error whose description Zoom's rendering turns
// into `{"code","message"}`, as it does for Postman's). Each is named by the response's
// description, as Zoom's Postman export names them, and points at its source in the spec.
// Problems (a broken `$ref`, an example past its bounds) go to `refs`.
Route operation_route(const nlohmann::json& operation, const std::string& method, const std::string& path,
                      const std::string& at, LocalRefs& refs);

}  // namespace fakezoom
