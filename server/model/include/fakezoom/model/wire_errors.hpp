// Every error body fakezoom makes up itself, in one place: Zoom's `{"code","message"}` shape
// and Postman's mock-server shape. Tests assert the codes, not the prose.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakezoom/model/http_fwd.hpp"
#include "fakezoom/model/parameter_rules.hpp"

namespace fakezoom::wire {

inline constexpr int kInvalidAccessToken = 124;  // Zoom: 401 "Invalid access token."
inline constexpr int kUserNotFound = 1001;       // Zoom: 404 "User does not exist: ID."
inline constexpr int kValidationFailed = 300;    // Zoom: 400 "Validation Failed." with `errors`
inline constexpr int kRateLimitReached = 429;
inline constexpr int kEmailTaken = 1005;         // Zoom: 409 "Email \"EMAIL\" has already been used."
inline constexpr int kMeetingNotFound = 3001;    // Zoom: 404 "Meeting ID is not found or has expired."    // Zoom: 429, per-second or daily (rate_limiter.hpp)

HttpResponse zoom_error(int status, int code, std::string_view message);
HttpResponse missing_bearer_token();
HttpResponse access_token_in_query();
HttpResponse user_not_found(std::string_view user_id);
// The account's answers (docs/state.md names each one's source).
HttpResponse meeting_not_found(std::string_view meeting_id);
HttpResponse email_taken(std::string_view email);
HttpResponse invalid_next_page_token();  // 400 code 300
HttpResponse body_not_json();            // 400 code 300 "Request Body should be a valid JSON object."
HttpResponse per_second_rate_limit_reached();
HttpResponse daily_rate_limit_reached();
// 400 {"code":300,"message":"Validation Failed.","errors":[{"field":"type","message":"..."}]}
HttpResponse validation_failed(const std::vector<InputProblem>& errors);
// Postman mock server's answer when no example fits; `header` is its one-line summary.
HttpResponse mock_not_found(std::string_view header, std::string_view message);
// fakezoom's own answers in Zoom's shape, the HTTP status as the code (Zoom documents none).
HttpResponse invalid_admin_token();                       // 401 code 124 "Invalid admin token."
HttpResponse unreadable_mock_header(std::string_view problem);  // 400 code 300
HttpResponse refused(int status, std::string_view message);     // a request refused before routing
HttpResponse internal_error(std::string_view message);          // 500 code 500
HttpResponse method_not_allowed(std::string_view method, std::string_view path_template,
                                std::string_view allow);

// Zoom documents most error answers only in the example's name, e.g.
// "**HTTP Status Code:** `404` ... **Error Code:** `1001`<br>\nUser does not exist: $userId."
// with an empty text/plain body, while the real API answers JSON.
struct DocumentedError {
  int code = 0;
  std::string message;  // placeholders ($userId, {userId}) still in it
};
std::optional<DocumentedError> documented_error(std::string_view example_name, int status);

}  // namespace fakezoom::wire
