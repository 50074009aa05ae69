// The account's state: GET /state dumps it, PUT /state replaces it (a bad document changes
// nothing and is answered with every problem's JSON pointer), POST /state/reset returns to the
// seed, POST /state/save writes the state file.
#include "admin_answer.hpp"

namespace fakezoom::admin {

using nlohmann::json;

HttpResponse get_state(AdminContext context) { return json_answer(200, context.target.account().dump()); }

HttpResponse put_state(const HttpRequest& request, AdminContext context) {
  auto body = json_body(request);
  if (!body) return bad_input(body.problem());
  auto problems = context.target.account().replace(body.value());
  if (problems.empty()) return json_answer(200, context.target.account().dump());
  json errors = json::array();
  for (const auto& problem : problems)
    errors.push_back({{"code", kBadInput}, {"source", {{"pointer", problem.pointer}}}, {"title", problem.to_string()}});
  return json_answer(400, {{"errors", std::move(errors)}});
}

HttpResponse reset_state(AdminContext context) {
  context.target.account().reset();
  return json_answer(200, context.target.account().dump());
}

HttpResponse save_state(AdminContext context) {
  const StateSave saved = context.target.save_state();
  if (!saved.available) return error(409, "No state file to save to: start fakezoom with --state-file FILE.");
  if (saved.error) return error(500, "The state was not saved: " + *saved.error);
  return json_answer(200, {{"saved", saved.path}});
}

}  // namespace fakezoom::admin
