// Routes and examples through the admin API: list them (each example is a WireMock stub
// mapping), reload them from disk, and set faults and delays on them by id.
#include <algorithm>

#include "admin_answer.hpp"

namespace fakezoom::admin {

using nlohmann::json;

namespace {

json source_json(const SourceLocation& source) { return {{"file", source.file}, {"pointer", source.pointer}}; }

// The override in force for an id, in WireMock's response-definition fields.
void add_overrides(json& into, const std::string& id, const Overrides& overrides) {
  if (auto it = overrides.faults.find(id); it != overrides.faults.end()) into["fault"] = fault_name(it->second);
  if (auto it = overrides.delays.find(id); it != overrides.delays.end())
    into["fixedDelayMilliseconds"] = it->second.count();
}

json mapping_json(const Route& route, const Example& example, const Overrides& overrides) {
  json headers = json::object();
  for (const auto& [name, value] : example.headers) headers[name] = value;
  json response = {{"status", example.status}, {"headers", headers}, {"body", example.body}};
  add_overrides(response, example.id, overrides);
  return {{"id", example.id},
          {"name", example.folded_name},
          {"request", {{"method", route.method}, {"urlPathTemplate", route.path.to_string()}}},
          {"response", std::move(response)},
          {"metadata", {{"routeId", route.id}, {"routeName", route.name}, {"source", source_json(example.source)}}}};
}

json route_json(const Route& route, bool shadowed, const Overrides& overrides) {
  json examples = json::array();
  for (const auto& example : route.examples) examples.push_back(example.id);
  json shown = {{"id", route.id},
                {"name", route.name},
                {"method", route.method},
                {"urlPathTemplate", route.path.to_string()},
                {"source", source_json(route.source)},
                {"examples", std::move(examples)},
                {"shadowed", shadowed}};
  add_overrides(shown, route.id, overrides);
  return shown;
}

bool is_shadowed(const RouteTable& table, std::size_t index) {
  const auto& shadowed = table.shadowed();
  return std::find(shadowed.begin(), shadowed.end(), index) != shadowed.end();
}

// A route id or an example id of the fixtures serving now.
bool known_id(const FixtureSet& fixtures, std::string_view id) {
  for (const auto& route : fixtures.routes.routes()) {
    if (route.id == id) return true;
    for (const auto& example : route.examples)
      if (example.id == id) return true;
  }
  return false;
}

HttpResponse unknown_id(std::string_view id) {
  return error(404, "No route or example has the id " + std::string(id) + " (GET the mappings to see them).");
}

}  // namespace

HttpResponse list_mappings(AdminContext context) {
  const Overrides overrides = context.target.overrides();
  const auto& routes = context.fixtures.routes.routes();
  json mappings = json::array(), route_list = json::array();
  for (std::size_t i = 0; i < routes.size(); ++i) {
    route_list.push_back(route_json(routes[i], is_shadowed(context.fixtures.routes, i), overrides));
    for (const auto& example : routes[i].examples) mappings.push_back(mapping_json(routes[i], example, overrides));
  }
  const std::size_t total = mappings.size();
  return json_answer(200, {{"mappings", std::move(mappings)},
                           {"routes", std::move(route_list)},
                           {"overrides", to_json(overrides)},
                           {"meta", {{"total", total}, {"generation", context.target.generation()}}}});
}

HttpResponse get_mapping(std::string_view id, AdminContext context) {
  const Overrides overrides = context.target.overrides();
  const auto& routes = context.fixtures.routes.routes();
  for (std::size_t i = 0; i < routes.size(); ++i) {
    if (routes[i].id == id) return json_answer(200, route_json(routes[i], is_shadowed(context.fixtures.routes, i), overrides));
    for (const auto& example : routes[i].examples)
      if (example.id == id) return json_answer(200, mapping_json(routes[i], example, overrides));
  }
  return unknown_id(id);
}

// Reads the fixtures from disk again; a set that does not load cleanly is not swapped in and
// the answer lists every problem.
HttpResponse reset_mappings(AdminContext context) {
  const ReloadReport report = context.target.reload();
  if (!report.available)
    return error(409, "This fakezoom was given its fixtures as values, not files: there is nothing to reload.");
  if (!report.ok) {
    json errors = json::array();
    for (const auto& p : report.problems)
      errors.push_back({{"code", 422},
                        {"source", {{"file", p.file}, {"pointer", p.pointer}}},
                        {"title", (p.file.empty() ? "" : p.file + ": ") + (p.pointer.empty() ? "" : p.pointer + ": ") + p.message}});
    return json_answer(422, {{"errors", std::move(errors)}, {"generation", report.generation}, {"reloaded", false}});
  }
  const auto fixtures = context.target.fixtures();
  return json_answer(200, {{"reloaded", true},
                           {"generation", report.generation},
                           {"routes", fixtures->routes.routes().size()},
                           {"examples", fixtures->example_count()}});
}

// POST {"fault": "EMPTY_RESPONSE"} sets, DELETE clears.
HttpResponse set_fault(const HttpRequest& request, std::string_view id, AdminContext context) {
  if (!known_id(context.fixtures, id)) return unknown_id(id);
  if (request.method == "DELETE") {
    context.target.set_fault(std::string(id), std::nullopt);
    return json_answer(200, {{"id", id}, {"fault", nullptr}});
  }
  auto body = json_body(request);
  if (!body) return bad_input(body.problem());
  auto fault = parse_fault_request(body.value());
  if (!fault) return bad_input(fault.problem());
  context.target.set_fault(std::string(id), fault.value());
  return json_answer(200, {{"id", id}, {"fault", fault_name(fault.value())}});
}

// POST {"fixedDelayMilliseconds": 200} sets, DELETE clears.
HttpResponse set_delay(const HttpRequest& request, std::string_view id, AdminContext context) {
  if (!known_id(context.fixtures, id)) return unknown_id(id);
  if (request.method == "DELETE") {
    context.target.set_delay(std::string(id), std::nullopt);
    return json_answer(200, {{"id", id}, {"fixedDelayMilliseconds", nullptr}});
  }
  auto body = json_body(request);
  if (!body) return bad_input(body.problem());
  const json& spec = body.value();
  if (!spec.is_object()) return bad_input({"", "must be a JSON object such as {\"fixedDelayMilliseconds\": 200}"});
  for (const auto& [name, value] : spec.items())
    if (name != "fixedDelayMilliseconds") return bad_input({"/" + name, "unknown field (expected fixedDelayMilliseconds)"});
  if (!spec.contains("fixedDelayMilliseconds")) return bad_input({"/fixedDelayMilliseconds", "is missing"});
  auto delay = parse_delay(spec["fixedDelayMilliseconds"], "/fixedDelayMilliseconds");
  if (!delay) return bad_input(delay.problem());
  context.target.set_delay(std::string(id), delay.value());
  return json_answer(200, {{"id", id}, {"fixedDelayMilliseconds", delay.value().count()}});
}

}  // namespace fakezoom::admin
