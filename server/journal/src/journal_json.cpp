#include "fakezoom/journal/journal_json.hpp"

#include <cctype>

#include <nlohmann/json.hpp>

#include "fakezoom/model/iso8601.hpp"
#include "fakezoom/model/url_codec.hpp"

namespace fakezoom {

using nlohmann::json;

namespace {

// WireMock shows one string per header; a repeated header becomes a list.
template <typename Pairs>
json single_or_list(const Pairs& pairs) {
  json out = json::object();
  for (const auto& [key, value] : pairs) {
    auto it = out.find(key);
    if (it == out.end()) {
      out[key] = value;
      continue;
    }
    if (!it->is_array()) *it = json::array({*it});
    it->push_back(value);
  }
  return out;
}

// {"type": {"key": "type", "values": ["zak"]}}, as WireMock shows query and form parameters.
json parameters(const QueryParams& params) {
  json out = json::object();
  for (const auto& [key, value] : params) {
    auto& slot = out[key];
    if (slot.is_null()) slot = {{"key", key}, {"values", json::array()}};
    slot["values"].push_back(value);
  }
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

QueryParams cookies(const Headers& headers) {
  QueryParams out;
  for (const auto& header : headers.get_all("Cookie")) {
    std::string_view rest = header;
    while (!rest.empty()) {
      auto semicolon = rest.find(';');
      auto part = rest.substr(0, semicolon);
      rest = semicolon == std::string_view::npos ? std::string_view{} : rest.substr(semicolon + 1);
      auto eq = part.find('=');
      if (eq == std::string_view::npos) continue;
      out.emplace_back(trim(part.substr(0, eq)), trim(part.substr(eq + 1)));
    }
  }
  return out;
}

json form_params(const HttpRequest& r) {
  if (!is_form_urlencoded(r.headers)) return json::object();
  return parameters(decode_query(r.body));
}

// "127.0.0.1:8080" -> host and port; "[::1]:8080" keeps its brackets off the host.
std::pair<std::string, json> host_and_port(const std::string& host_header) {
  if (host_header.empty()) return {"localhost", nullptr};
  auto colon = host_header.rfind(':');
  auto bracket = host_header.rfind(']');
  if (colon == std::string::npos || (bracket != std::string::npos && colon < bracket)) return {host_header, 80};
  std::string host = host_header.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  try {
    return {host, std::stoi(host_header.substr(colon + 1))};
  } catch (const std::exception&) {
    return {host, nullptr};
  }
}

json fakezoom_fields(const JournalEntry& entry) {
  return {{"routeId", entry.route_id},
          {"exampleId", entry.example_id},
          {"exampleName", entry.example_name},
          {"reason", entry.reason},
          {"fault", entry.fault.empty() ? json(nullptr) : json(entry.fault)},
          {"delayMs", entry.delay.count()}};
}

}  // namespace

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

json logged_request_json(const JournalEntry& entry) {
  const auto& r = entry.request;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(entry.logged.time_since_epoch()).count();
  const std::string host_header = r.headers.get("Host").value_or("");
  auto [host, port] = host_and_port(host_header);
  json fakezoom = fakezoom_fields(entry);
  fakezoom["id"] = std::to_string(entry.sequence);
  fakezoom["status"] = entry.status;
  fakezoom["wasMatched"] = entry.matched;
  return {
      {"url", r.target},
      {"absoluteUrl", "http://" + (host_header.empty() ? std::string("localhost") : host_header) + r.target},
      {"method", r.method},
      {"clientIp", r.client_ip},
      {"headers", single_or_list(r.headers)},
      {"cookies", single_or_list(cookies(r.headers))},
      {"queryParams", parameters(r.query)},
      {"formParams", form_params(r)},
      {"body", r.body},
      {"bodyAsBase64", base64(r.body)},
      {"protocol", "HTTP/1.1"},
      {"scheme", "http"},
      {"host", host},
      {"port", port},
      {"loggedDate", ms},
      {"loggedDateString", to_iso8601(entry.logged)},
      {"browserProxyRequest", false},
      {"fakezoom", std::move(fakezoom)},
  };
}

json to_json(const JournalEntry& entry) {
  json request = logged_request_json(entry);
  request.erase("fakezoom");
  json definition = {{"status", entry.status}};
  json response = {{"status", entry.status},
                   {"headers", single_or_list(entry.response_headers)},
                   {"body", entry.response_body}};
  if (!entry.fault.empty()) {
    definition["fault"] = entry.fault;
    response["fault"] = entry.fault;
  }
  if (entry.delay.count() > 0) definition["fixedDelayMilliseconds"] = entry.delay.count();
  const auto process_ms = std::chrono::duration_cast<std::chrono::milliseconds>(entry.process_time).count();
  json shown = {
      {"id", std::to_string(entry.sequence)},
      {"request", std::move(request)},
      {"responseDefinition", std::move(definition)},
      {"response", std::move(response)},
      {"wasMatched", entry.matched},
      {"timing",
       {{"addedDelay", entry.delay.count()},
        {"processTime", process_ms},
        {"serveTime", process_ms},
        {"totalTime", process_ms + entry.delay.count()}}},
      {"fakezoom", fakezoom_fields(entry)},
  };
  if (entry.matched && !entry.example_id.empty())
    shown["stubMapping"] = {{"id", entry.example_id}, {"name", entry.example_name}};
  return shown;
}

}  // namespace fakezoom
