// A JSON Schema with its local $refs inlined, so valijson sees one document (request bodies,
// and response bodies for the conformance check).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "fakezoom/fixtures/rules_file.hpp"

namespace fakezoom {

// Every local $ref replaced by what it names; a $ref back into a schema being inlined (a
// recursive schema) becomes {} (anything passes there); OpenAPI 3.0's `nullable: true` becomes
// `"type": [T, "null"]`. Nothing, with a problem naming the pointer, when a $ref leads nowhere
// or the result would pass its bounds (a hostile spec).
std::optional<nlohmann::json> inline_schema(const nlohmann::json& schema, const std::string& pointer, LocalRefs& refs);

}  // namespace fakezoom
