// A meeting's life from the admin API, so a test drives what Zoom would send while a meeting
// runs (docs/webhooks.md, "A meeting's life"): POST /meetings/{id}/start, then
// /participants/join and /participants/leave, /end, and /recording. The stored status follows;
// each step's event goes to the subscriptions that want it.
#include <nlohmann/json.hpp>

#include "admin_answer.hpp"
#include "fakezoom/model/account_change.hpp"
#include "fakezoom/model/iso8601.hpp"
#include "fakezoom/zoom/account_changes.hpp"

namespace fakezoom::admin {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

HttpResponse no_meeting(std::string_view id) { return error(404, "No meeting with id " + std::string(id) + "."); }

HttpResponse told(const AccountChange& change, const std::string& status, AdminContext context) {
  context.target.tell(change);
  return json_answer(200, {{"event", change.event}, {"status", status}});
}

// The body as an ordered object (the participant's or the recording's fields keep their order);
// an empty body is an empty object.
Checked<ordered_json> object_body(const HttpRequest& request) {
  if (request.body.empty()) return ordered_json::object();
  auto body = ordered_json::parse(request.body, nullptr, false);
  if (body.is_discarded()) return InputProblem{"", "the body is not valid JSON"};
  if (!body.is_object()) return InputProblem{"", "the body must be an object"};
  return body;
}

std::string now_text(AdminContext context) { return to_iso8601_seconds(context.target.now()); }

}  // namespace

HttpResponse start_meeting(std::string_view id, AdminContext context) {
  auto& account = context.target.account();
  auto meeting = account.meeting(id);
  if (!meeting) return no_meeting(id);
  if (meeting->status == "started") return error(409, "The meeting has started already.");
  account.start_meeting(id);
  return told(*meeting_started(meeting_json(*meeting), now_text(context)), "started", context);
}

HttpResponse meeting_participant(const HttpRequest& request, std::string_view id, bool joined, AdminContext context) {
  auto body = object_body(request);
  if (!body) return bad_input(body.problem());
  const auto& participant = body.value();
  if (!participant.contains("user_name") || !participant["user_name"].is_string())
    return bad_input({"/user_name", "is required: the participant's name as Zoom shows it"});
  auto meeting = context.target.account().meeting(id);
  if (!meeting) return no_meeting(id);
  if (meeting->status != "started") return error(409, "The meeting has not started: POST .../start first.");
  return told(*participant_event(joined, meeting_json(*meeting), participant, now_text(context)), "started", context);
}

HttpResponse end_meeting(std::string_view id, AdminContext context) {
  auto& account = context.target.account();
  auto meeting = account.meeting(id);
  if (!meeting) return no_meeting(id);
  if (meeting->status != "started") return error(409, "The meeting has not started: POST .../start first.");
  account.end_meeting(id);
  return told(*meeting_ended(meeting_json(*meeting), now_text(context)), "ended", context);
}

HttpResponse complete_recording(const HttpRequest& request, std::string_view id, AdminContext context) {
  auto body = object_body(request);
  if (!body) return bad_input(body.problem());
  const ordered_json files = body.value().value("recording_files", ordered_json::array());
  if (!files.is_array()) return bad_input({"/recording_files", "must be an array of Zoom's recording file objects"});
  auto& account = context.target.account();
  auto meeting = account.meeting(id);
  if (!meeting) return no_meeting(id);
  const auto change = recording_completed(meeting_json(*meeting), account.user_email(meeting->host_id), files, now_text(context));
  return told(*change, meeting->status, context);
}

}  // namespace fakezoom::admin
