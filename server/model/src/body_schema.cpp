#include "fakezoom/model/body_schema.hpp"

#include <algorithm>
#include <stdexcept>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace fakezoom {

struct BodySchema::Compiled {
  valijson::Schema schema;
};

BodySchema::BodySchema(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
BodySchema::~BodySchema() = default;

std::shared_ptr<const BodySchema> BodySchema::compile(const nlohmann::json& schema) {
  auto compiled = std::make_unique<Compiled>();
  // OpenAPI 3.0's schema object is JSON Schema draft 4 with extra keywords, which valijson
  // leaves alone (example, x-enum-descriptions, deprecated).
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
  const valijson::adapters::NlohmannJsonAdapter adapter(schema);
  try {
    parser.populateSchema(adapter, compiled->schema);
  } catch (const std::exception& e) {
    throw std::invalid_argument(std::string("not a schema valijson can read: ") + e.what());
  }
  return std::shared_ptr<const BodySchema>(new BodySchema(std::move(compiled)));
}

namespace {

// valijson's context: "<root>", then "[name]" per property and "[0]" per item.
std::string field_name(const std::vector<std::string>& context) {
  std::string field;
  for (const auto& step : context) {
    if (step == "<root>" || step.size() < 2) continue;
    const std::string inner = step.substr(1, step.size() - 2);
    const bool index =
        !inner.empty() && std::all_of(inner.begin(), inner.end(), [](char c) { return c >= '0' && c <= '9'; });
    field += index ? "[" + inner + "]" : (field.empty() ? "" : ".") + inner;
  }
  return field;
}

bool is_prefix(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  return shorter.size() < longer.size() && std::equal(shorter.begin(), shorter.end(), longer.begin());
}

}  // namespace

std::vector<InputProblem> BodySchema::check(const nlohmann::json& body) const {
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  const valijson::adapters::NlohmannJsonAdapter target(body);
  if (validator.validate(compiled_->schema, target, &results)) return {};

  const std::vector<valijson::ValidationResults::Error> errors(results.begin(), results.end());
  std::vector<InputProblem> problems;
  const std::string missing = "Missing required property '";
  for (const auto& error : errors) {
    InputProblem problem{field_name(error.context), error.description};
    if (error.description.rfind(missing, 0) == 0) {
      // A missing property is a problem of that property, not of its parent.
      const auto name = error.description.substr(missing.size(), error.description.size() - missing.size() - 2);
      problem = {problem.field.empty() ? name : problem.field + "." + name, "is required"};
    } else if (std::any_of(errors.begin(), errors.end(),
                           [&](const auto& other) { return is_prefix(error.context, other.context); })) {
      // valijson also reports each parent of a broken field ("Failed to validate against
      // schema associated with property name 'user_info'."): the deepest says what is wrong.
      continue;
    }
    // One problem per field, as Zoom's `errors` has (a wrong type also misses the enum).
    if (std::none_of(problems.begin(), problems.end(), [&](const InputProblem& p) { return p.field == problem.field; }))
      problems.push_back(std::move(problem));
  }
  // valijson's order follows its walk; by field name it is the same for every run and reader.
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) { return a.field < b.field; });
  return problems;
}

bool BodyRule::is_documented(const std::string& text, const nlohmann::json& parsed) const {
  if (std::find(documented_text.begin(), documented_text.end(), text) != documented_text.end()) return true;
  return !parsed.is_discarded() && std::find(documented.begin(), documented.end(), parsed) != documented.end();
}

}  // namespace fakezoom
