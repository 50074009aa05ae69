#include "fakezoom/model/wire_errors.hpp"
#include "fakezoom/model/http_message.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

#include "fakezoom/model/route.hpp"

namespace fakezoom::wire {

namespace {

HttpResponse json_response(int status, const nlohmann::json& body) {
  HttpResponse response;
  response.status = status;
  response.headers.set("Content-Type", "application/json");
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

// Markdown and HTML out of a documented line: "`1001`<br>" -> "1001".
std::string plain_text(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 4, "<br>") == 0) {
      out += '\n';
      i += 3;
    } else if (text[i] == '*' || text[i] == '`') {
      continue;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string first_line(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto line = fold_whitespace(text.substr(start, end - start));
    if (!line.empty()) return line;
    start = end + 1;
  }
  return {};
}

}  // namespace

HttpResponse zoom_error(int status, int code, std::string_view message) {
  return json_response(status, {{"code", code}, {"message", std::string(message)}});
}

HttpResponse missing_bearer_token() {
  return zoom_error(401, kInvalidAccessToken, "Invalid access token.");
}

HttpResponse access_token_in_query() {
  return zoom_error(401, kInvalidAccessToken,
                    "Invalid access token, this access token is not supported as query parameter string.");
}

HttpResponse user_not_found(std::string_view user_id) {
  return zoom_error(404, kUserNotFound, "User does not exist: " + std::string(user_id) + ".");
}

// The 2022 collection's "Get a meeting" 404: "Meeting {meetingId} is not found or has expired."
HttpResponse meeting_not_found(std::string_view meeting_id) {
  return zoom_error(404, kMeetingNotFound, "Meeting " + std::string(meeting_id) + " is not found or has expired.");
}
// The 2026 Users spec's POST /users 409: Email "$email" has already been used.
HttpResponse email_taken(std::string_view email) {
  return zoom_error(409, kEmailTaken, "Email \"" + std::string(email) + "\" has already been used.");
}
// The 2026 Users spec's GET /users 400, code 300.
HttpResponse invalid_next_page_token() {
  return zoom_error(400, kValidationFailed, "The next page token is invalid or expired.");
}
// What Zoom answers a body that is not a JSON object (reported on Zoom's developer forum).
HttpResponse body_not_json() { return zoom_error(400, kValidationFailed, "Request Body should be a valid JSON object."); }

// Zoom's rate-limit page ("Error handling"): the body's code is the HTTP status.
HttpResponse per_second_rate_limit_reached() {
  return zoom_error(429, kRateLimitReached, "You have reached the maximum per-second rate limit for this API. Try again later.");
}

HttpResponse daily_rate_limit_reached() {
  return zoom_error(429, kRateLimitReached,
                    "You have reached the maximum daily rate limit for this API. Refer to the response header for "
                    "details on when you can make another request.");
}

HttpResponse validation_failed(const std::vector<InputProblem>& errors) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& error : errors) list.push_back({{"field", error.field}, {"message", error.message}});
  return json_response(400, {{"code", kValidationFailed}, {"message", "Validation Failed."}, {"errors", std::move(list)}});
}

HttpResponse invalid_admin_token() { return zoom_error(401, kInvalidAccessToken, "Invalid admin token."); }
HttpResponse unreadable_mock_header(std::string_view problem) { return zoom_error(400, kValidationFailed, problem); }
HttpResponse refused(int status, std::string_view message) { return zoom_error(status, status, message); }
HttpResponse internal_error(std::string_view message) { return zoom_error(500, 500, message); }

HttpResponse mock_not_found(std::string_view header, std::string_view message) {
  return json_response(404, {{"error",
                              {{"name", "mockRequestNotFoundError"},
                               {"message", std::string(message)},
                               {"header", std::string(header)}}}});
}

HttpResponse method_not_allowed(std::string_view method, std::string_view path_template,
                                std::string_view allow) {
  auto response = zoom_error(405, 405,
                             "Method " + std::string(method) + " is not allowed on " +
                                 std::string(path_template) + ". Allowed: " + std::string(allow) + ".");
  response.headers.set("Allow", std::string(allow));
  return response;
}

std::optional<DocumentedError> documented_error(std::string_view example_name, int status) {
  const std::string text = plain_text(example_name);
  // Zoom writes "Error Code:" and, three times, "Error code:": labels are found in a lower-case
  // copy, at the same offsets.
  std::string lower = text;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  constexpr std::string_view kErrorCode = "error code:";
  if (auto at = lower.find(kErrorCode); at != std::string::npos) {
    std::size_t i = at + kErrorCode.size();
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    int code = 0;
    std::size_t digits = 0;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && digits < 9; ++i, ++digits)
      code = code * 10 + (text[i] - '0');
    if (digits > 0) {
      auto message = first_line(std::string_view(text).substr(i));
      return DocumentedError{code, message.empty() ? "Error." : message};
    }
  }
  if (status < 400) return std::nullopt;
  // No Zoom error code documented: the status stands in for it, the prose after the status
  // line for the message ("**HTTP Status Code:** `400`<br>\nBad request.").
  std::string message;
  constexpr std::string_view kStatus = "http status code:";
  std::string_view rest = text;
  if (auto at = lower.find(kStatus); at != std::string::npos) {
    rest = std::string_view(text).substr(at + kStatus.size());
    auto newline = rest.find('\n');
    rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
  }
  message = first_line(rest);
  return DocumentedError{status, message.empty() ? "Error." : message};
}

}  // namespace fakezoom::wire
