// A response body made from its JSON Schema when the spec documents none, as Prism's static
// mode makes one (openapi-sampler's values): deterministic, built once at load.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "fakezoom/fixtures/rules_file.hpp"

namespace fakezoom {

// The schema's own `example` (or the first of OpenAPI 3.1's `examples`), else its `const`,
// `default` or first `enum` value, else one built from its type: every property (not the
// writeOnly ones: this is a response), `minItems` items (at least one), strings by `format`
// and within `minLength`/`maxLength`, numbers within `minimum`/`maximum`; `allOf` merged,
// the first of `oneOf`/`anyOf`; local `$ref`s followed, and a `$ref` back into a schema being
// built (a recursive schema) left out. Nothing, with a problem naming the pointer, when a
// `$ref` leads nowhere or the example would grow past its bounds (a hostile spec).
std::optional<nlohmann::json> schema_example(const nlohmann::json& schema, const std::string& pointer, LocalRefs& refs);

}  // namespace fakezoom
