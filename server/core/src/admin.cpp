#include "fakezoom/core/admin.hpp"

#include <ctime>

#include "fakezoom/core/wire_errors.hpp"

namespace fakezoom {

namespace {

using nlohmann::json;

HttpResponse json_answer(int status, const json& body) {
  HttpResponse response;
  response.status = status;
  response.headers.set("Content-Type", "application/json");
  response.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return response;
}

std::string iso8601(std::chrono::system_clock::time_point t) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
  char out[40];
  std::snprintf(out, sizeof out, "%s.%03dZ", buffer, static_cast<int>(ms % 1000));
  return out;
}

HttpResponse requests(const HttpRequest& request, Journal& journal) {
  const auto entries = journal.entries();
  std::size_t limit = entries.size();
  if (auto text = first_value(request.query, "limit")) {
    try {
      limit = std::stoul(*text);
    } catch (const std::exception&) {
      return wire::zoom_error(400, 300, "limit must be a non-negative integer");
    }
  }
  json list = json::array();
  for (auto it = entries.rbegin(); it != entries.rend() && list.size() < limit; ++it) list.push_back(to_json(*it));
  return json_answer(200, {{"requests", list},
                           {"meta", {{"total", journal.total()}}},
                           {"requestJournalDisabled", journal.capacity() == 0}});
}

}  // namespace

json to_json(const JournalEntry& entry) {
  const auto& r = entry.request;
  // WireMock shows one string per header; a repeated header becomes a list.
  json headers = json::object();
  for (const auto& [key, value] : r.headers) {
    auto it = headers.find(key);
    if (it == headers.end()) {
      headers[key] = value;
      continue;
    }
    if (!it->is_array()) *it = json::array({*it});
    it->push_back(value);
  }
  json query = json::object();
  for (const auto& [key, value] : r.query) {
    auto& slot = query[key];
    if (slot.is_null()) slot = {{"key", key}, {"values", json::array()}};
    slot["values"].push_back(value);
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(entry.logged.time_since_epoch()).count();
  const std::string host = r.headers.get("Host").value_or("localhost");
  return {
      {"id", std::to_string(entry.sequence)},
      {"request",
       {{"url", r.target},
        {"absoluteUrl", "http://" + host + r.target},
        {"method", r.method},
        {"clientIp", r.client_ip},
        {"headers", headers},
        {"queryParams", query},
        {"body", r.body},
        {"loggedDate", ms},
        {"loggedDateString", iso8601(entry.logged)}}},
      {"responseDefinition", {{"status", entry.status}}},
      {"wasMatched", entry.matched},
      {"fakezoom",
       {{"routeId", entry.route_id},
        {"exampleId", entry.example_id},
        {"exampleName", entry.example_name},
        {"reason", entry.reason}}},
  };
}

HttpResponse handle_admin(const HttpRequest& request, std::string_view path, AdminContext context) {
  if (path == "/health" && request.method == "GET")
    return json_answer(200, {{"status", "healthy"},
                             {"message", "fakezoom is ok"},
                             {"version", kVersion},
                             {"routes", context.fixtures.routes.routes().size()},
                             {"examples", context.fixtures.example_count()}});
  if (path == "/version" && request.method == "GET") return json_answer(200, {{"version", kVersion}});
  if (path == "/requests" && request.method == "GET") return requests(request, context.journal);
  if (path == "/requests" && request.method == "DELETE") {
    context.journal.clear();
    return json_answer(200, json::object());
  }
  return wire::zoom_error(404, 404, "No admin endpoint " + request.method + " " + std::string(path) + ".");
}

}  // namespace fakezoom
