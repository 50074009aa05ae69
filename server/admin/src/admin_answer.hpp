// Answers the admin endpoints share: JSON, and WireMock's error shape
//   {"errors": [{"code": 10, "source": {"pointer": "/fixedDelay"}, "title": "..."}]}
// with the field that was wrong. Internal to fakezoom::admin.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "fakezoom/admin/admin.hpp"
#include "fakezoom/zoom/fixture_set.hpp"
#include "fakezoom/model/http_message.hpp"
#include "fakezoom/model/input_problem.hpp"

namespace fakezoom::admin {

inline constexpr int kBadInput = 10;  // WireMock's code for input it cannot use

HttpResponse json_answer(int status, const nlohmann::json& body);
// A field starting with '/' (or empty) is a JSON pointer into the body; otherwise it names a
// query parameter.
HttpResponse bad_input(const InputProblem& problem, int status = 400);
HttpResponse error(int status, std::string_view title);

// The request's body as JSON: missing or unreadable is a problem.
Checked<nlohmann::json> json_body(const HttpRequest& request);

// The admin endpoints by concept; each gets the whole request and what it may touch.
HttpResponse journal_page();  // GET /__admin/, the page a browser shows
HttpResponse list_requests(const HttpRequest& request, AdminContext context);
HttpResponse get_request(std::string_view id, AdminContext context);
HttpResponse delete_requests(AdminContext context);
HttpResponse count_requests(const HttpRequest& request, AdminContext context);
HttpResponse find_requests(const HttpRequest& request, AdminContext context);
HttpResponse unmatched_requests(AdminContext context);
HttpResponse unmatched_near_misses(AdminContext context);

HttpResponse list_mappings(AdminContext context);
HttpResponse get_mapping(std::string_view id, AdminContext context);
HttpResponse reset_mappings(AdminContext context);
HttpResponse set_fault(const HttpRequest& request, std::string_view id, AdminContext context);
HttpResponse set_delay(const HttpRequest& request, std::string_view id, AdminContext context);

HttpResponse get_state(AdminContext context);
HttpResponse put_state(const HttpRequest& request, AdminContext context);
HttpResponse reset_state(AdminContext context);
HttpResponse save_state(AdminContext context);

HttpResponse expire_tokens(const HttpRequest& request, AdminContext context);
HttpResponse deauthorize_app(const HttpRequest& request, AdminContext context);

HttpResponse list_webhooks(AdminContext context);
HttpResponse list_deliveries(const HttpRequest& request, AdminContext context);
HttpResponse send_event(const HttpRequest& request, AdminContext context);

HttpResponse start_meeting(std::string_view id, AdminContext context);
HttpResponse meeting_participant(const HttpRequest& request, std::string_view id, bool joined, AdminContext context);
HttpResponse end_meeting(std::string_view id, AdminContext context);
HttpResponse complete_recording(const HttpRequest& request, std::string_view id, AdminContext context);

}  // namespace fakezoom::admin
