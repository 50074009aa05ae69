// The admin router and its small endpoints: health, version, settings, reset, shutdown.
#include "fakezoom/admin/admin.hpp"

#include "admin_answer.hpp"
#include "fakezoom/engine/iso8601.hpp"

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

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

HttpResponse not_found(const HttpRequest& request, std::string_view path) {
  return error(404, "No admin endpoint " + request.method + " " + std::string(path) + ".");
}

}  // namespace

}  // namespace admin

HttpResponse handle_admin(const HttpRequest& request, std::string_view path, AdminContext context) {
  using namespace admin;
  const std::string& m = request.method;
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);

  if (path == "/health" && m == "GET") return health(context);
  if (path == "/version" && m == "GET") return json_answer(200, {{"version", kVersion}});
  if (path == "/settings" && (m == "GET" || m == "POST" || m == "PUT")) return settings(request, context);
  if (path == "/reset" && m == "POST") {
    context.target.reset();
    return json_answer(200, json::object());
  }
  if (path == "/shutdown" && m == "POST") {
    if (!context.target.request_shutdown()) return error(501, "This fakezoom cannot be shut down from here.");
    return json_answer(200, {{"status", "shutting down"}});
  }

  if (path == "/state" && m == "GET") return get_state(context);
  if (path == "/state" && m == "PUT") return put_state(request, context);
  if (path == "/state/reset" && m == "POST") return reset_state(context);
  if (path == "/state/save" && m == "POST") return save_state(context);

  if (path == "/requests" && m == "GET") return list_requests(request, context);
  if (path == "/requests" && m == "DELETE") return delete_requests(context);
  if (path == "/requests/count" && m == "POST") return count_requests(request, context);
  if (path == "/requests/find" && m == "POST") return find_requests(request, context);
  if (path == "/requests/unmatched" && m == "GET") return unmatched_requests(context);
  if (path == "/requests/unmatched/near-misses" && m == "GET") return unmatched_near_misses(context);
  if (starts_with(path, "/requests/") && m == "GET") return get_request(path.substr(10), context);

  if (path == "/mappings" && m == "GET") return list_mappings(context);
  if (path == "/mappings/reset" && m == "POST") return reset_mappings(context);
  if (starts_with(path, "/mappings/")) {
    std::string_view rest = path.substr(10);
    const auto slash = rest.find('/');
    const std::string_view id = rest.substr(0, slash);
    const std::string_view what = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
    if (what.empty() && m == "GET") return get_mapping(id, context);
    if (what == "/fault" && (m == "POST" || m == "PUT" || m == "DELETE")) return set_fault(request, id, context);
    if (what == "/delay" && (m == "POST" || m == "PUT" || m == "DELETE")) return set_delay(request, id, context);
  }
  return not_found(request, path);
}

}  // namespace fakezoom
