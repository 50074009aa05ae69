// The admin router and its small endpoints: health, version, settings, reset, shutdown.
#include "fakezoom/admin/admin.hpp"

#include "admin_answer.hpp"
#include "fakezoom/version.hpp"
#include "fakezoom/model/iso8601.hpp"
#include "fakezoom/model/path_template.hpp"

#include <algorithm>
#include <vector>

namespace fakezoom {

namespace admin {

using nlohmann::json;

HttpResponse json_answer(int status, const json& body) {
  HttpResponse response;
  response.status = status;
  response.headers.set("Content-Type", "application/json");
  response.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return response;
}

HttpResponse bad_input(const InputProblem& problem, int status) {
  json source = problem.field.empty() || problem.field.front() == '/' ? json{{"pointer", problem.field}}
                                                                       : json{{"parameter", problem.field}};
  return json_answer(status, {{"errors", json::array({{{"code", kBadInput},
                                                       {"source", source},
                                                       {"title", problem.to_string()}}})}});
}

HttpResponse error(int status, std::string_view title) {
  return json_answer(status, {{"errors", json::array({{{"code", status}, {"title", std::string(title)}}})}});
}

Checked<json> json_body(const HttpRequest& request) {
  if (request.body.find_first_not_of(" \t\r\n") == std::string::npos)
    return InputProblem{"", "a JSON body is required"};
  try {
    return json::parse(request.body);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for numbers like 1e400
    return InputProblem{"", std::string("the body is not valid JSON: ") + e.what()};
  }
}

namespace {

json reload_json(const ReloadReport& report) {
  json problems = json::array();
  for (const auto& p : report.problems) problems.push_back({{"file", p.file}, {"pointer", p.pointer}, {"message", p.message}});
  return {{"ok", report.ok}, {"at", to_iso8601(report.at)}, {"generation", report.generation}, {"problems", problems}};
}

HttpResponse health(AdminContext context) {
  const auto last = context.target.last_reload();
  return json_answer(200, {{"status", "healthy"},
                           {"message", "fakezoom is ok"},
                           {"version", kVersion},
                           {"timestamp", to_iso8601(context.target.now())},
                           {"routes", context.fixtures.routes.routes().size()},
                           {"examples", context.fixtures.example_count()},
                           {"fixtures",
                            {{"generation", context.target.generation()},
                             {"lastReload", last ? reload_json(*last) : json(nullptr)}}}});
}

HttpResponse settings(const HttpRequest& request, AdminContext context) {
  if (request.method == "GET") return json_answer(200, {{"settings", to_json(context.target.settings())}});
  auto body = json_body(request);
  if (!body) return bad_input(body.problem());
  auto parsed = parse_settings(body.value());
  if (!parsed) return bad_input(parsed.problem());
  context.target.set_settings(parsed.value());
  return json_answer(200, {{"settings", to_json(parsed.value())}});
}

// One admin endpoint: what `GET /__admin/routes` lists and the router matches. `{id}` segments
// are parameters, matched by the engine's PathTemplate like a fixture's route.
struct AdminCall {
  const HttpRequest& request;
  AdminContext context;
  PathParams params;
  std::string_view prefix;  // what the admin paths came under ("/__admin")
  std::string id() const { return param_value(params, "id").value_or(""); }
};

struct AdminRoute {
  const char* method;
  const char* path;
  const char* summary;
  HttpResponse (*handle)(const AdminCall&);
};

// In the order they are tried: a literal path before the `{id}` one it would also fit.
const std::vector<AdminRoute>& admin_routes();

PathTemplate template_of(std::string_view path) {
  std::vector<PathSegment> segments;
  for (auto segment : split_path(path)) {
    const bool param = segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
    segments.push_back({std::string(param ? segment.substr(1, segment.size() - 2) : segment), param});
  }
  return PathTemplate(std::move(segments));
}

HttpResponse list_routes(const AdminCall& call) {
  json routes = json::array();
  for (const auto& route : admin_routes())
    routes.push_back({{"method", route.method}, {"path", std::string(call.prefix) + route.path}, {"summary", route.summary}});
  return json_answer(200, {{"routes", std::move(routes)}});
}

// Endpoints that take several methods and tell them apart themselves: one handler for every row.
HttpResponse settings_call(const AdminCall& c) { return settings(c.request, c.context); }
HttpResponse fault_call(const AdminCall& c) { return set_fault(c.request, c.id(), c.context); }
HttpResponse delay_call(const AdminCall& c) { return set_delay(c.request, c.id(), c.context); }

const std::vector<AdminRoute>& admin_routes() {
  static const std::vector<AdminRoute> routes = {
      {"GET", "/", "the journal page: requests, near misses, webhook deliveries and the account, live",
       [](const AdminCall&) { return journal_page(); }},
      {"GET", "/health", "status, version, fixtures loaded and the last reload", [](const AdminCall& c) { return health(c.context); }},
      {"GET", "/version", "fakezoom's version", [](const AdminCall&) { return json_answer(200, {{"version", kVersion}}); }},
      {"GET", "/routes", "this table", list_routes},
      {"GET", "/settings", "the global settings (fixedDelay)", settings_call},
      {"POST", "/settings", "replace the global settings", settings_call},
      {"PUT", "/settings", "replace the global settings", settings_call},
      {"POST", "/reset", "journal, settings and overrides back to start-up",
       [](const AdminCall& c) {
         c.context.target.reset();
         return json_answer(200, json::object());
       }},
      {"POST", "/shutdown", "stop the server",
       [](const AdminCall& c) {
         if (!c.context.target.request_shutdown()) return error(501, "This fakezoom cannot be shut down from here.");
         return json_answer(200, {{"status", "shutting down"}});
       }},
      {"GET", "/state", "the account as a state document", [](const AdminCall& c) { return get_state(c.context); }},
      {"PUT", "/state", "replace the account (validated)", [](const AdminCall& c) { return put_state(c.request, c.context); }},
      {"POST", "/state/reset", "the account back to its seed", [](const AdminCall& c) { return reset_state(c.context); }},
      {"POST", "/state/save", "write the state file", [](const AdminCall& c) { return save_state(c.context); }},
      {"POST", "/oauth/tokens/expire", "expire one OAuth token ({\"access_token\"}) or, without a body, every one",
       [](const AdminCall& c) { return expire_tokens(c.request, c.context); }},
      {"POST", "/oauth/deauthorize", "the user removes an app ({\"client_id\"}): its tokens end, app_deauthorized is sent",
       [](const AdminCall& c) { return deauthorize_app(c.request, c.context); }},
      {"GET", "/webhooks", "the webhook subscriptions and delivery counts", [](const AdminCall& c) { return list_webhooks(c.context); }},
      {"GET", "/webhooks/deliveries", "every delivery attempt; ?event=, ?wait=N&timeout=S",
       [](const AdminCall& c) { return list_deliveries(c.request, c.context); }},
      {"POST", "/webhooks/events", "send one event to the subscriptions that want it",
       [](const AdminCall& c) { return send_event(c.request, c.context); }},
      {"POST", "/meetings/{id}/start", "start a meeting: meeting.started",
       [](const AdminCall& c) { return start_meeting(c.id(), c.context); }},
      {"POST", "/meetings/{id}/participants/join", "a participant joins: meeting.participant_joined",
       [](const AdminCall& c) { return meeting_participant(c.request, c.id(), true, c.context); }},
      {"POST", "/meetings/{id}/participants/leave", "a participant leaves: meeting.participant_left",
       [](const AdminCall& c) { return meeting_participant(c.request, c.id(), false, c.context); }},
      {"POST", "/meetings/{id}/end", "end a started meeting: meeting.ended",
       [](const AdminCall& c) { return end_meeting(c.id(), c.context); }},
      {"POST", "/meetings/{id}/recording", "its cloud recording is ready: recording.completed",
       [](const AdminCall& c) { return complete_recording(c.request, c.id(), c.context); }},
      {"GET", "/requests", "the journal, newest first", [](const AdminCall& c) { return list_requests(c.request, c.context); }},
      {"DELETE", "/requests", "empty the journal", [](const AdminCall& c) { return delete_requests(c.context); }},
      {"POST", "/requests/count", "count journaled requests matching a pattern",
       [](const AdminCall& c) { return count_requests(c.request, c.context); }},
      {"POST", "/requests/find", "journaled requests matching a pattern",
       [](const AdminCall& c) { return find_requests(c.request, c.context); }},
      {"GET", "/requests/unmatched", "requests no documented example answered",
       [](const AdminCall& c) { return unmatched_requests(c.context); }},
      {"GET", "/requests/unmatched/near-misses", "the closest routes for each unmatched request",
       [](const AdminCall& c) { return unmatched_near_misses(c.context); }},
      {"GET", "/requests/{id}", "one journal entry", [](const AdminCall& c) { return get_request(c.id(), c.context); }},
      {"GET", "/mappings", "every route and example", [](const AdminCall& c) { return list_mappings(c.context); }},
      {"POST", "/mappings/reset", "reload the fixtures from disk", [](const AdminCall& c) { return reset_mappings(c.context); }},
      {"GET", "/mappings/{id}", "one route or example", [](const AdminCall& c) { return get_mapping(c.id(), c.context); }},
      {"POST", "/mappings/{id}/fault", "set a route's or example's fault", fault_call},
      {"PUT", "/mappings/{id}/fault", "set a route's or example's fault", fault_call},
      {"DELETE", "/mappings/{id}/fault", "clear a route's or example's fault", fault_call},
      {"POST", "/mappings/{id}/delay", "set a route's or example's delay", delay_call},
      {"PUT", "/mappings/{id}/delay", "set a route's or example's delay", delay_call},
      {"DELETE", "/mappings/{id}/delay", "clear a route's or example's delay", delay_call},
  };
  return routes;
}

}  // namespace

}  // namespace admin

HttpResponse handle_admin(const HttpRequest& request, std::string_view path, AdminContext context) {
  using namespace admin;
  static const std::vector<PathTemplate> templates = [] {
    std::vector<PathTemplate> out;
    for (const auto& route : admin_routes()) out.push_back(template_of(route.path));
    return out;
  }();
  // The request's path ends with `path`; what comes before it is the admin prefix.
  const std::string_view full = request.path;
  const std::string_view prefix =
      full.size() >= path.size() && full.substr(full.size() - path.size()) == path ? full.substr(0, full.size() - path.size()) : "";
  const auto segments = split_path(path);
  std::vector<std::string_view> allowed;
  const auto& routes = admin_routes();
  for (std::size_t i = 0; i < routes.size(); ++i) {
    auto params = templates[i].match(segments);
    if (!params) continue;
    if (request.method == routes[i].method) return routes[i].handle(AdminCall{request, context, std::move(*params), prefix});
    if (std::find(allowed.begin(), allowed.end(), routes[i].method) == allowed.end()) allowed.push_back(routes[i].method);
  }
  if (allowed.empty()) return error(404, "No admin endpoint " + request.method + " " + std::string(path) + ".");
  std::string allow;
  for (auto method : allowed) allow += (allow.empty() ? "" : ", ") + std::string(method);
  // A known admin path asked with another method: HTTP's 405, naming the methods it takes.
  auto response = error(405, "The admin endpoint " + std::string(path) + " takes " + allow + ", not " + request.method + ".");
  response.headers.set("Allow", allow);
  return response;
}

}  // namespace fakezoom
