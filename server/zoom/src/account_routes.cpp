#include "fakezoom/zoom/account_routes.hpp"

#include <algorithm>
#include <charconv>

#include "fakezoom/zoom/account_changes.hpp"
#include "fakezoom/model/wire_errors.hpp"
#include "fakezoom/state/state_document.hpp"
#include "fakezoom/zoom/record_shape.hpp"

namespace fakezoom {

namespace {

struct Known {
  std::string_view method;
  std::string_view path;
  AccountRoute route;
};
constexpr Known kRoutes[] = {
    {"GET", "/users", AccountRoute::list_users},
    {"POST", "/users", AccountRoute::create_user},
    {"GET", "/users/{}", AccountRoute::get_user},
    {"PATCH", "/users/{}", AccountRoute::update_user},
    {"DELETE", "/users/{}", AccountRoute::delete_user},
    {"PUT", "/users/{}/status", AccountRoute::user_status},
    {"GET", "/users/{}/meetings", AccountRoute::list_meetings},
    {"POST", "/users/{}/meetings", AccountRoute::create_meeting},
    {"GET", "/meetings/{}", AccountRoute::get_meeting},
    {"PATCH", "/meetings/{}", AccountRoute::update_meeting},
    {"DELETE", "/meetings/{}", AccountRoute::delete_meeting},
    {"PUT", "/meetings/{}/status", AccountRoute::meeting_status},
};

// The first documented example of that status with a JSON object body.
const nlohmann::json* documented_json(const Route& route, int status) {
  for (const auto& example : route.examples)
    if (example.status == status && example.body_json) return example.body_json.get();
  return nullptr;
}

// A meeting object as Zoom answers it: the host's email beside the host's id.
nlohmann::json meeting_answer(const Account& account, const Meeting& meeting) {
  nlohmann::json out = meeting_json(meeting);
  if (auto email = account.user_email(meeting.host_id); !email.empty()) out["host_email"] = std::move(email);
  return out;
}

HttpResponse json_text_answer(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.headers.set("Content-Type", "application/json; charset=utf-8");
  response.body = std::move(body);
  return response;
}

HttpResponse json_answer(int status, const nlohmann::json& body) {
  return json_text_answer(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// A stored record in the shape of the route's documented example of that status.
HttpResponse shaped_answer(const Route& route, int status, const nlohmann::json& stored) {
  return json_text_answer(status, shaped_json_text(documented_json(route, status), stored));
}

HttpResponse no_content() {
  HttpResponse response;
  response.status = 204;
  return response;
}

Outcome answered(HttpResponse response, const Route& route, AccountRoute which, std::string what) {
  Outcome outcome;
  outcome.matched = true;
  outcome.route_id = route.id;
  outcome.rate_limit_label = route.rate_limit_label;
  outcome.answer_by_rule(std::move(response), "fakezoom.account." + std::string(to_string(which)), "Account: " + std::move(what));
  return outcome;
}

Outcome refused(HttpResponse response, const Route& route, AccountRoute which, std::string why) {
  return answered(std::move(response), route, which, std::move(why));
}

// An answer that changed the account, with the event that tells it.
Outcome changed(HttpResponse response, const Route& route, AccountRoute which, std::string what, ChangeNotice notice) {
  Outcome outcome = answered(std::move(response), route, which, std::move(what));
  outcome.change = std::move(notice);
  return outcome;
}

// The same with the change made already (none: nothing to tell).
Outcome changed(HttpResponse response, const Route& route, AccountRoute which, std::string what,
                std::shared_ptr<const AccountChange> change) {
  if (!change) return answered(std::move(response), route, which, std::move(what));
  std::string event = change->event;
  return changed(std::move(response), route, which, std::move(what),
                 ChangeNotice{std::move(event), [change = std::move(change)] { return change; }});
}

// The body as a JSON object, or Zoom's answer to one that is not.
std::optional<nlohmann::json> object_body(const HttpRequest& request) {
  auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (!body.is_object()) return std::nullopt;
  return body;
}

std::size_t page_size_of(const QueryParams& query, AccountRoute which) {
  const PageSizes sizes = page_sizes(which);
  auto text = first_value(query, "page_size");
  if (!text) return sizes.default_size;
  std::size_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value == 0) return sizes.default_size;
  return std::min(value, sizes.maximum);
}

template <typename T>
nlohmann::json page_json(const nlohmann::json* documented, const Page<T>& page, const char* records,
                         const std::vector<nlohmann::json>& stored) {
  nlohmann::json out = documented ? *documented : nlohmann::json::object();
  const nlohmann::json* element = nullptr;
  if (documented && documented->contains(records) && (*documented)[records].is_array() &&
      !(*documented)[records].empty())
    element = &(*documented)[records][0];
  out["page_count"] = page.page_count;
  out["page_number"] = page.page_number;
  out["page_size"] = page.page_size;
  out["total_records"] = page.total_records;
  out["next_page_token"] = page.next_page_token;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& record : stored) {
    // A list shows the documented list element's fields, not the whole object.
    if (!element || !element->is_object()) {
      list.push_back(record);
      continue;
    }
    nlohmann::json item = neutral(*element);
    for (auto& [key, value] : item.items())
      if (record.contains(key)) value = record[key];
    for (const char* key : {"id", "email", "host_id", "topic", "type", "status"})
      if (record.contains(key) && !item.contains(key)) item[key] = record[key];
    list.push_back(std::move(item));
  }
  out[records] = std::move(list);
  return out;
}

// The user object Zoom stores from POST /users' user_info (the password is not kept).
nlohmann::json user_fields(const nlohmann::json& user_info) {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [key, value] : user_info.items())
    if (key != "password") fields[key] = value;
  if (!fields.contains("display_name") && (fields.contains("first_name") || fields.contains("last_name"))) {
    std::string first = fields.value("first_name", std::string());
    std::string last = fields.value("last_name", std::string());
    fields["display_name"] = first + (first.empty() || last.empty() ? "" : " ") + last;
  }
  return fields;
}

std::vector<InputProblem> user_info_problems(const nlohmann::json& body) {
  std::vector<InputProblem> problems;
  static const std::vector<std::string> kActions = {"create", "autoCreate", "custCreate", "ssoCreate"};
  if (!body.contains("action") || !body["action"].is_string())
    problems.push_back({"action", "is required: one of create, autoCreate, custCreate, ssoCreate"});
  else if (std::find(kActions.begin(), kActions.end(), body["action"].get<std::string>()) == kActions.end())
    problems.push_back({"action", "must be one of create, autoCreate, custCreate, ssoCreate"});
  if (!body.contains("user_info") || !body["user_info"].is_object()) {
    problems.push_back({"user_info", "is required: an object with email and type"});
    return problems;
  }
  const auto& info = body["user_info"];
  if (!info.contains("email") || !info["email"].is_string() || info["email"].get<std::string>().find('@') == std::string::npos)
    problems.push_back({"user_info.email", "is required: an email address"});
  if (!info.contains("type") || !info["type"].is_number_integer())
    problems.push_back({"user_info.type", "is required: an integer (1 Basic, 2 Licensed, 4 Unassigned, 99 None)"});
  for (const char* name : {"first_name", "last_name", "display_name"})
    if (info.contains(name) && !info[name].is_string()) problems.push_back({std::string("user_info.") + name, "must be a string"});
  return problems;
}

std::optional<std::string> status_action(const nlohmann::json& body, std::initializer_list<std::pair<const char*, const char*>> actions) {
  if (!body.contains("action") || !body["action"].is_string()) return std::nullopt;
  const std::string action = body["action"];
  for (const auto& [name, result] : actions)
    if (action == name) return std::string(result);
  return std::nullopt;
}

}  // namespace

AccountRoute account_route(const Route& route) {
  const auto& segments = route.path.segments();
  std::size_t skip = split_path(route.base_path).size();
  if (skip > segments.size()) return AccountRoute::none;
  std::string path;
  for (std::size_t i = skip; i < segments.size(); ++i) path += "/" + (segments[i].is_param ? std::string("{}") : segments[i].text);
  for (const auto& known : kRoutes)
    if (known.method == route.method && known.path == path) return known.route;
  return AccountRoute::none;
}

std::string_view to_string(AccountRoute route) {
  switch (route) {
    case AccountRoute::none: return "none";
    case AccountRoute::list_users: return "list-users";
    case AccountRoute::create_user: return "create-user";
    case AccountRoute::get_user: return "get-user";
    case AccountRoute::update_user: return "update-user";
    case AccountRoute::delete_user: return "delete-user";
    case AccountRoute::user_status: return "user-status";
    case AccountRoute::list_meetings: return "list-meetings";
    case AccountRoute::create_meeting: return "create-meeting";
    case AccountRoute::get_meeting: return "get-meeting";
    case AccountRoute::update_meeting: return "update-meeting";
    case AccountRoute::delete_meeting: return "delete-meeting";
    case AccountRoute::meeting_status: return "meeting-status";
  }
  return "none";
}

PageSizes page_sizes(AccountRoute route) {
  if (route == AccountRoute::list_users) return {30, 2000};  // 2026 Users spec, GET /users page_size
  return {30, 300};                                          // 2018 spec, #/parameters/PageSize
}

std::string resolve_user(const Account& account, std::string_view user, std::string_view me) {
  if (user != "me") return std::string(user);
  if (me.empty()) return account.owner_id().value_or("me");
  // A user-level token's user, as the accounts fixture names it: by id or email. One the
  // account no longer has stays as named, and is answered as an unknown user.
  if (auto found = account.user(me)) return found->id;
  return std::string(me);
}

std::optional<Outcome> answer_from_account(Account& account, const Route& route, AccountRoute which,
                                           const PathParams& params, const QueryParams& query,
                                           const HttpRequest& request, std::string_view me) {
  const std::string target = params.empty() ? "" : params.front().second;
  const std::string user_id = resolve_user(account, target, me);

  switch (which) {
    case AccountRoute::none:
      return std::nullopt;

    case AccountRoute::list_users: {
      const std::string status = first_value(query, "status").value_or("active");
      auto page = account.list_users(status, {page_size_of(query, which), first_value(query, "next_page_token").value_or("")});
      if (!page) return refused(wire::invalid_next_page_token(), route, which, "invalid next_page_token");
      std::vector<nlohmann::json> stored;
      for (const auto& user : page.value->records) stored.push_back(user.fields);
      return answered(json_answer(200, page_json(documented_json(route, 200), *page.value, "users", stored)), route,
                      which, "users listed");
    }

    case AccountRoute::create_user: {
      auto body = object_body(request);
      if (!body) return refused(wire::body_not_json(), route, which, "body is not a JSON object");
      if (auto problems = user_info_problems(*body); !problems.empty())
        return refused(wire::validation_failed(problems), route, which, "validation failed");
      auto created = account.create_user(user_fields((*body)["user_info"]));
      if (!created) return refused(wire::email_taken((*body)["user_info"]["email"].get<std::string>()), route, which, "email taken");
      // Zoom's 201 names the new user's id and what was sent (the 2026 Users spec's example).
      nlohmann::json answer = nlohmann::json::object();
      for (const char* key : {"id", "first_name", "last_name", "email", "type"})
        if (created.value->fields.contains(key)) answer[key] = created.value->fields[key];
      // Zoom's creation_type is the action the user was created by.
      const auto action = body->find("action");
      nlohmann::ordered_json extra = {
          {"creation_type", action != body->end() && action->is_string() ? action->get<std::string>() : "create"}};
      return changed(json_answer(201, answer), route, which, "user created",
                     user_change("user.created", *created.value, std::move(extra)));
    }

    case AccountRoute::get_user: {
      auto user = account.user(user_id);
      if (!user) return refused(wire::user_not_found(target), route, which, "unknown user");
      if (user->documented) return std::nullopt;
      return answered(shaped_answer(route, 200, user->fields), route, which, "user read");
    }

    case AccountRoute::update_user: {
      auto body = object_body(request);
      if (!body) return refused(wire::body_not_json(), route, which, "body is not a JSON object");
      std::vector<InputProblem> problems;
      for (const char* name : {"first_name", "last_name", "display_name", "timezone", "dept", "language"})
        if (body->contains(name) && !(*body)[name].is_string()) problems.push_back({name, "must be a string"});
      if (body->contains("type") && !(*body)["type"].is_number_integer()) problems.push_back({"type", "must be an integer"});
      if (!problems.empty()) return refused(wire::validation_failed(problems), route, which, "validation failed");
      auto before = account.user(user_id);
      if (!before || account.update_user(user_id, *body) != Refusal::none)
        return refused(wire::user_not_found(target), route, which, "unknown user");
      auto after = account.user(user_id);
      return changed(no_content(), route, which, "user updated", after ? user_updated(*before, *after, *body) : nullptr);
    }

    case AccountRoute::delete_user: {
      auto before = account.user(user_id);
      if (!before || account.delete_user(user_id) != Refusal::none)
        return refused(wire::user_not_found(target), route, which, "unknown user");
      // Zoom's DELETE /users/{userId} disassociates unless action=delete.
      const bool deleted = first_value(query, "action").value_or("disassociate") == "delete";
      return changed(no_content(), route, which, "user deleted",
                     user_change(deleted ? "user.deleted" : "user.disassociated", *before));
    }

    case AccountRoute::user_status: {
      auto body = object_body(request);
      if (!body) return refused(wire::body_not_json(), route, which, "body is not a JSON object");
      auto status = status_action(*body, {{"activate", "active"}, {"deactivate", "inactive"}});
      if (!status)
        return refused(wire::validation_failed({{"action", "must be activate or deactivate"}}), route, which, "validation failed");
      if (account.set_user_status(user_id, *status) != Refusal::none) return refused(wire::user_not_found(target), route, which, "unknown user");
      auto after = account.user(user_id);
      return changed(no_content(), route, which, "user status set",
                     after ? user_change(*status == "active" ? "user.activated" : "user.deactivated", *after) : nullptr);
    }

    case AccountRoute::list_meetings: {
      auto user = account.user(user_id);
      if (!user) return refused(wire::user_not_found(target), route, which, "unknown user");
      auto page = account.list_meetings(user_id, {page_size_of(query, which), first_value(query, "next_page_token").value_or("")});
      if (!page) return refused(wire::invalid_next_page_token(), route, which, "invalid next_page_token");
      // A documented host with no meetings of its own: its documented list answers.
      if (user->documented && page.value->total_records == 0) return std::nullopt;
      std::vector<nlohmann::json> stored;
      for (const auto& meeting : page.value->records) stored.push_back(meeting_json(meeting));
      return answered(json_answer(200, page_json(documented_json(route, 200), *page.value, "meetings", stored)), route,
                      which, "meetings listed");
    }

    case AccountRoute::create_meeting: {
      auto body = object_body(request);
      if (!body) return refused(wire::body_not_json(), route, which, "body is not a JSON object");
      auto problems = meeting_field_problems(*body);
      if (body->contains("type") && (*body)["type"].is_number_integer()) {
        const int type = (*body)["type"];
        if (type != 1 && type != 2 && type != 3 && type != 8) problems.push_back({"type", "must be 1, 2, 3 or 8"});
      }
      if (!problems.empty()) return refused(wire::validation_failed(problems), route, which, "validation failed");
      auto created = account.create_meeting(user_id, meeting_from_fields(*body));
      if (!created) return refused(wire::user_not_found(target), route, which, "unknown host");
      auto stored = meeting_answer(account, *created.value);
      return changed(shaped_answer(route, 201, stored), route, which, "meeting created",
                     meeting_notice("meeting.created", stored));
    }

    case AccountRoute::get_meeting: {
      auto meeting = account.meeting(target);
      if (!meeting) return refused(wire::meeting_not_found(target), route, which, "unknown meeting");
      if (meeting->documented) return std::nullopt;
      return answered(shaped_answer(route, 200, meeting_answer(account, *meeting)), route, which,
                      "meeting read");
    }

    case AccountRoute::update_meeting: {
      auto body = object_body(request);
      if (!body) return refused(wire::body_not_json(), route, which, "body is not a JSON object");
      if (auto problems = meeting_field_problems(*body); !problems.empty())
        return refused(wire::validation_failed(problems), route, which, "validation failed");
      auto before = account.meeting(target);
      if (!before || account.update_meeting(target, *body) != Refusal::none)
        return refused(wire::meeting_not_found(target), route, which, "unknown meeting");
      auto after = account.meeting(target);
      return changed(no_content(), route, which, "meeting updated",
                     after ? meeting_updated(meeting_json(*before), meeting_json(*after), *body) : nullptr);
    }

    case AccountRoute::delete_meeting: {
      auto before = account.meeting(target);
      if (!before || account.delete_meeting(target) != Refusal::none)
        return refused(wire::meeting_not_found(target), route, which, "unknown meeting");
      return changed(no_content(), route, which, "meeting deleted", meeting_notice("meeting.deleted", meeting_json(*before)));
    }

    case AccountRoute::meeting_status: {
      auto body = object_body(request);
      if (!body) return refused(wire::body_not_json(), route, which, "body is not a JSON object");
      // "recover" brings back a deleted meeting at Zoom; the account keeps no deleted ones.
      if (!status_action(*body, {{"end", "end"}}))
        return refused(wire::validation_failed({{"action", "must be end"}}), route, which, "validation failed");
      if (account.end_meeting(target) != Refusal::none)
        return refused(wire::meeting_not_found(target), route, which, "unknown meeting");
      return answered(no_content(), route, which, "meeting ended");
    }
  }
  return std::nullopt;
}

}  // namespace fakezoom
