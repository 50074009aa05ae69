#include "fakezoom/journal/redact.hpp"
#include "fakezoom/model/http_message.hpp"

#include "fakezoom/model/url_codec.hpp"

namespace fakezoom {

namespace {

// Every `access_token=` parameter of the target's query, and only those: "refresh_access_token"
// is another parameter.
std::string redact_target(const std::string& target) {
  const auto question = target.find('?');
  if (question == std::string::npos) return target;
  std::string out = target.substr(0, question + 1);
  std::string_view query = std::string_view(target).substr(question + 1);
  bool first = true;
  while (true) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (!first) out += '&';
    first = false;
    // The key is compared decoded, as the query is read: `access%5Ftoken` is access_token too.
    const auto eq = pair.find('=');
    if (is_secret_query_key(percent_decode(pair.substr(0, eq), true)))
      out += std::string(pair.substr(0, eq)) + "=[REDACTED]";
    else
      out += pair;
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out;
}


std::string redact_form_body(const std::string& body) {
  std::string out;
  std::string_view rest = body;
  while (true) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && is_secret_form_field(percent_decode(pair.substr(0, eq), true)))
      out += std::string(pair.substr(0, eq)) + "=[REDACTED]";
    else
      out += pair;
    if (amp == std::string_view::npos) break;
    out += '&';
    rest.remove_prefix(amp + 1);
  }
  return out;
}

}  // namespace

// OAuth's secrets travel in form bodies too (`grant_type=refresh_token&refresh_token=...`).
bool is_secret_form_field(std::string_view name) {
  return name == "access_token" || name == "refresh_token" || name == "client_secret";
}

std::string_view authorization_scheme(std::string_view value) {
  const auto space = value.find(' ');
  return space == std::string_view::npos ? std::string_view{} : value.substr(0, space + 1);
}

bool needs_copying_redaction(const HttpRequest& request) {
  const std::string_view target = request.target;
  if (const auto question = target.find('?'); question != std::string_view::npos) {
    const auto query = target.substr(question);
    if (query.find('%') != std::string_view::npos || query.find("access_token") != std::string_view::npos) return true;
  }
  if (request.headers.count("X-Admin-Token") > 0) return true;
  return !request.body.empty() && is_form_urlencoded(request.headers);
}

// The journal packs most requests without this copy, redacting only Authorization and an
// `access_token` query value; a new kind of secret goes in needs_copying_redaction()
// (journal_record.cpp) too, so requests holding it come here.
HttpRequest redact_secrets(HttpRequest request) {
  Headers headers;
  for (const auto& [key, value] : request.headers) {
    if (iequals(key, "Authorization")) {
      headers.add(key, std::string(authorization_scheme(value)) + std::string(kRedacted));
    } else if (iequals(key, "X-Admin-Token")) {
      headers.add(key, std::string(kRedacted));
    } else {
      headers.add(key, value);
    }
  }
  request.headers = std::move(headers);
  for (auto& [key, value] : request.query)
    if (is_secret_query_key(key)) value = kRedacted;
  request.target = redact_target(request.target);
  if (is_form_urlencoded(request.headers)) request.body = redact_form_body(request.body);
  return request;
}

}  // namespace fakezoom
