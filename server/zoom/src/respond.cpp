#include <algorithm>

#include "fakezoom/model/choice.hpp"
#include "fakezoom/model/url_codec.hpp"
#include "fakezoom/model/wire_errors.hpp"
#include "fakezoom/zoom/account_routes.hpp"
#include "fakezoom/zoom/respond.hpp"
#include "fakezoom/zoom/wire_oauth.hpp"

namespace fakezoom {

namespace {

bool knows_user(const FixtureSet& fixtures, const Route& route, const std::string& user) {
  if (fixtures.users.knows(user)) return true;
  auto documented = route.documented_params.find("userId");
  return documented != route.documented_params.end() && documented->second.count(user);
}

Outcome rule(HttpResponse response, std::string id, std::string name, bool matched, const Route* route = nullptr) {
  Outcome outcome;
  outcome.matched = matched;
  if (route) outcome.route_id = route->id;
  if (route) outcome.rate_limit_label = route->rate_limit_label;
  outcome.answer_by_rule(std::move(response), std::move(id), std::move(name));
  return outcome;
}

Outcome from_example(const Route& route, const Example& example, const PathParams& params, BodyMode mode,
                     std::string reason) {
  Outcome outcome;
  if (const auto& prepared = prepared_answer(example, mode)) {
    outcome.response = prepared->response;
    outcome.prepared = prepared;
  } else {
    outcome.response = render_example(example, params, mode);
    set_matched_stub(outcome.response, example.id, example.folded_name);
  }
  outcome.matched = true;
  outcome.route_id = route.id;
  outcome.rate_limit_label = route.rate_limit_label;
  outcome.example_id = example.id;
  outcome.example_name = example.folded_name;
  outcome.reason = std::move(reason);
  return outcome;
}

std::string list_examples(const Route& route) {
  std::string out;
  for (const auto& example : route.examples)
    out += (out.empty() ? "" : "; ") + std::to_string(example.status) + " '" + example.folded_name + "' (id " +
           example.id + ")";
  return out.empty() ? "none" : out;
}

// The body against the route's schema, after the parameters: a body that is not a JSON
// object is Zoom's own 300, a broken field the validation 300 listing every one. A body in
// another media type (Content-Type given and not JSON) is not the schema's to judge.
std::optional<Outcome> check_body(const Route& route, const HttpRequest& request) {
  if (!route.body_rule) return std::nullopt;
  if (auto type = request.headers.get("Content-Type"); type && type->find("json") == std::string::npos)
    return std::nullopt;
  const auto parsed = nlohmann::json::parse(request.body, nullptr, false);
  if (route.body_rule.is_documented(request.body, parsed)) return std::nullopt;
  if (!parsed.is_object())
    return rule(wire::body_not_json(), "fakezoom.body-not-json", "Zoom rule: the body is not a JSON object", true,
                &route);
  if (auto errors = route.body_rule.schema->check(parsed); !errors.empty())
    return rule(wire::validation_failed(errors), "fakezoom.validation-failed", "Zoom rule: validation failed", true,
                &route);
  return std::nullopt;
}

Outcome choose(const FixtureSet& fixtures, const HttpRequest& request, BodyMode mode, const CallerAuth& caller,
               Account* account, const AccountGate* gate) {
  // The query without fakezoom's own __code and __example: copied only when it holds them.
  const bool names_example = std::any_of(request.query.begin(), request.query.end(), [](const auto& parameter) {
    return parameter.first == "__code" || parameter.first == "__example";
  });
  QueryParams stripped = names_example ? request.query : QueryParams{};
  const ExplicitChoice choice = take_explicit_choice(request.headers, stripped);
  const QueryParams& query = names_example ? stripped : request.query;
  // HEAD is answered as GET without a body (the HTTP adapter drops it).
  const std::string_view method = request.method == "HEAD" ? std::string_view("GET") : request.method;
  const PathSegments path = path_segments(request);
  const RouteLookup lookup = fixtures.routes.lookup(method, path.segments);

  if (!lookup.route) {
    if (!lookup.allowed_methods.empty()) {
      std::string allow;
      for (const auto& m : lookup.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
      return rule(wire::method_not_allowed(request.method, request.path, allow), "fakezoom.method-not-allowed",
                  "No documented " + request.method + " on this path", false);
    }
    std::string message = "No documented route matches " + request.method + " " + request.path + ".";
    if (lookup.closest)
      message += " Closest route: " + lookup.closest->method + " " + lookup.closest->path.to_string() + ".";
    auto response = wire::mock_not_found("No matching requests", message);
    response.headers.set("X-Mock-Unmatched", "true");
    return rule(std::move(response), "fakezoom.unmatched", "No matching route", false);
  }
  const Route& route = *lookup.route;

  // a. The caller's explicit choice comes before any of Zoom's rules, rate limits included.
  if (choice.any()) {
    if (auto selection = select_explicit(route, choice)) {
      Outcome chosen = from_example(route, *selection->example, lookup.params, mode, std::move(selection->reason));
      chosen.rate_limit_label.clear();
      return chosen;
    }
    auto response = wire::mock_not_found(
        "No matching example", "No example of " + route.method + " " + route.path.to_string() + " fits the requested " +
                                   choice.describe() + ". Documented examples: " + list_examples(route) + ".");
    Outcome missing =
        rule(std::move(response), "fakezoom.example-not-found", "Requested example not found", false, &route);
    missing.rate_limit_label.clear();
    return missing;
  }

  // b. Zoom's behaviour.
  if (first_value(query, "access_token")) {
    auto refused = wire::access_token_in_query();
    refused.status = caller.options.invalid_token_status;  // code 124: 401, or the spec's 400
    return rule(std::move(refused), "fakezoom.auth.token-in-query", "Zoom rule: access token in the query string", true,
                &route);
  }
  if (!bearer_token(request.headers))
    return rule(wire::invalid_access_token(caller.options.invalid_token_status), "fakezoom.auth.no-bearer-token",
                "Zoom rule: no bearer token", true, &route);
  if (auto denied = deny_access(route, caller))
    return rule(std::move(denied->response), std::move(denied->id), std::move(denied->name), true, &route);
  // Zoom checks the parameters after the token and before it looks the user up.
  if (auto errors = validate(route.parameter_rules, lookup.params, query); !errors.empty())
    return rule(wire::validation_failed(errors), "fakezoom.validation-failed", "Zoom rule: validation failed", true,
                &route);
  if (auto refused = check_body(route, request)) return std::move(*refused);
  if (auto user = param_value(lookup.params, "userId")) {
    const bool known = account ? account->has_user(resolve_user(*account, *user, caller.me)) : knows_user(fixtures, route, *user);
    if (!known) {
      if (const Example* not_found = first_with_status(route, 404))
        return from_example(route, *not_found, lookup.params, mode, "Zoom rule: unknown user " + *user);
      return rule(wire::user_not_found(*user), "fakezoom.unknown-user", "Zoom rule: unknown user", true, &route);
    }
  }
  if (account && gate && *gate && account_route(route) != AccountRoute::none)
    if (auto refused = (*gate)(route)) return std::move(*refused);
  if (account) {
    // Every route under /meetings/{meetingId} asks the account whether the meeting exists.
    if (auto meeting = param_value(lookup.params, "meetingId"); meeting && !account->meeting(*meeting))
      return rule(wire::meeting_not_found(*meeting), "fakezoom.unknown-meeting", "Zoom rule: unknown meeting", true,
                  &route);
    if (auto answer = answer_from_account(*account, route, account_route(route), lookup.params, query, request, caller.me))
      return std::move(*answer);
  }

  // c. The documented example that fits best.
  if (auto selection = select_best(route, lookup.params, query))
    return from_example(route, *selection->example, lookup.params, mode, std::move(selection->reason));
  return rule(
      wire::mock_not_found("No examples", route.method + " " + route.path.to_string() + " has no documented example."),
      "fakezoom.no-examples", "Route has no examples", false, &route);
}

}  // namespace

Outcome respond(const FixtureSet& fixtures, const HttpRequest& request, BodyMode mode) {
  return respond(fixtures, request, mode, CallerAuth{});
}

Outcome respond(const FixtureSet& fixtures, const HttpRequest& request, BodyMode mode, const CallerAuth& caller,
                Account* account) {
  return choose(fixtures, request, mode, caller, account, nullptr);
}

Outcome respond(const FixtureSet& fixtures, const HttpRequest& request, BodyMode mode, const CallerAuth& caller,
                Account* account, const AccountGate& gate) {
  return choose(fixtures, request, mode, caller, account, &gate);
}

}  // namespace fakezoom
