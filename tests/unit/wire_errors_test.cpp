#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fakezoom/model/wire_errors.hpp"
#include "fakezoom/model/http_message.hpp"

using namespace fakezoom;
using nlohmann::json;

namespace {

json body_of(const HttpResponse& response) { return json::parse(response.body); }

}  // namespace

TEST_CASE("Zoom's errors are JSON with a code and a message", "[unit][wire]") {
  auto response = wire::zoom_error(400, 300, "Invalid parameter: file_ids.");
  CHECK(response.status == 400);
  CHECK(response.headers.get("Content-Type") == "application/json");
  CHECK(body_of(response) == json{{"code", 300}, {"message", "Invalid parameter: file_ids."}});
}

TEST_CASE("a missing bearer token is Zoom's error 124", "[unit][wire]") {
  auto response = wire::missing_bearer_token();
  CHECK(response.status == 401);
  CHECK(body_of(response) == json{{"code", wire::kInvalidAccessToken}, {"message", "Invalid access token."}});
  CHECK(wire::kInvalidAccessToken == 124);
}

TEST_CASE("an access token in the query string is Zoom's error 124 with its own message", "[unit][wire]") {
  auto response = wire::access_token_in_query();
  CHECK(response.status == 401);
  CHECK(body_of(response)["code"] == 124);
  CHECK(body_of(response)["message"] ==
        "Invalid access token, this access token is not supported as query parameter string.");
}

TEST_CASE("an unknown user is Zoom's error 1001 naming the user", "[unit][wire]") {
  auto response = wire::user_not_found("ghost@example.com");
  CHECK(response.status == 404);
  CHECK(body_of(response) == json{{"code", 1001}, {"message", "User does not exist: ghost@example.com."}});
}

TEST_CASE("a request no example fits gets Postman's mockRequestNotFoundError", "[unit][wire]") {
  auto response = wire::mock_not_found("No matching requests", "Nothing documented for GET /v2/nope.");
  CHECK(response.status == 404);
  CHECK(response.headers.get("Content-Type") == "application/json");
  CHECK(body_of(response) == json{{"error",
                                   {{"name", "mockRequestNotFoundError"},
                                    {"message", "Nothing documented for GET /v2/nope."},
                                    {"header", "No matching requests"}}}});
}

TEST_CASE("an undocumented method gets 405 with Allow", "[unit][wire]") {
  auto response = wire::method_not_allowed("PUT", "/v2/users/{userId}", "DELETE, GET");
  CHECK(response.status == 405);
  CHECK(response.headers.get("Allow") == "DELETE, GET");
  CHECK(body_of(response)["code"] == 405);
  CHECK_THAT(body_of(response)["message"].get<std::string>(), Catch::Contains("PUT"));
}

TEST_CASE("messages that are not valid UTF-8 still make valid JSON", "[unit][wire]") {
  auto response = wire::user_not_found("\xff\xfe");
  CHECK_NOTHROW(body_of(response));
  CHECK(body_of(response)["code"] == 1001);
}

namespace {

struct NamedError {
  const char* name;
  int status;
  int code;
  const char* message;
};

}  // namespace

TEST_CASE("Zoom's documented error names give the error code and message", "[unit][wire]") {
  // A sample of example names from Zoom's Postman collection, verbatim.
  auto sample = GENERATE(values<NamedError>({
      {"**HTTP Status Code:** `404` **Not Found**<br><br>\n**Error Code:** `1001`<br>\nUser does not exist: $userId.\n",
       404, 1001, "User does not exist: $userId."},
      {"**HTTP Status Code:** `400` **Bad request** <br>\n**Error Code:** `300`<br>\nInvalid parameter: file_ids.", 400,
       300, "Invalid parameter: file_ids."},
      {"**HTTP Status Code:** `404` **Not Found**<br><br>\n**Error Code:** `4801`<br>\nLocation not found: {location_id}",
       404, 4801, "Location not found: {location_id}"},
      {"**Error Code:** `404` <br>\nMeeting Poll not found", 404, 404, "Meeting Poll not found"},
      {"**HTTP Status:** `400` **Bad Request** <br><br>\n**Error Code:** `300`<br>\n* Meeting id does not exist.<br>\n"
       "* Invalid meeting id.<br>\n* Meeting does not exist.<br>\n* No permission.\n",
       400, 300, "Meeting id does not exist."},
      {"**HTTP Status Code:** `400`<br>\nMeeting not found<br><br>\n**Error Code:** `1010`<br>\nUser not exist: "
       "{userId}<br><br>\nUser {userId} not exist or not belong to this account.",
       400, 1010, "User not exist: {userId}"},
      {"**HTTP Status Code:** `400`<br>\n**Error Code:** `2100`\n<br>This sub account is on self pay mode.\n<br>"
       "Invalid Additional Plan Type: {newPlanCode}.",
       400, 2100, "This sub account is on self pay mode."},
      {"**HTTP Status Code:** `404`<br>Role not found", 404, 404, "Role not found"},
      {"**HTTP Status Code:**`404`<br>\nAccount does not exist: {subAccountId}.", 404, 404,
       "Account does not exist: {subAccountId}."},
      {"**HTTP Status Code:** `429` <br> You have exceeded the daily rate limit of \"{0}\" for webinar **Add panelists** "
       "API requests for the panelist \"{1}\". You can resume these API requests at GMT 00:00:00.",
       429, 429,
       "You have exceeded the daily rate limit of \"{0}\" for webinar Add panelists API requests for the panelist "
       "\"{1}\". You can resume these API requests at GMT 00:00:00."},
      {"**HTTP Status Code:** `400` **Bad Request**<br>\n* Zoom Room subscription was not found. Try again after "
       "purchasing a Zoom Room subscription.\n* Access restricted.",
       400, 400, "Zoom Room subscription was not found. Try again after purchasing a Zoom Room subscription."},
      {"H.323/SIP device not found.", 404, 404, "H.323/SIP device not found."},
      {"**HTTP Status Code:** `400`<br>\nBad request.\n\n", 400, 400, "Bad request."},
      {"**Error Code:** `200`<br>\nFree trial and VIP accounts can't update sub plans.<br>\nYou don\xE2\x80\x99t have "
       "subscription for ({oldPlanCode}) yet.\n",
       200, 200, "Free trial and VIP accounts can't update sub plans."},
  }));
  INFO("example name: " << sample.name);
  auto error = wire::documented_error(sample.name, sample.status);
  REQUIRE(error);
  CHECK(error->code == sample.code);
  CHECK(error->message == sample.message);
}

TEST_CASE("a success documented without an error code is no error", "[unit][wire]") {
  CHECK_FALSE(wire::documented_error("**HTTP Status Code:** `200`<br>\nToken returned.", 200));
  CHECK_FALSE(wire::documented_error("**HTTP Status Code:** `204` **No Content**<br>\nUser deleted.", 204));
  CHECK_FALSE(wire::documented_error("**HTTP Status Code:** `300`<br>Invalid webinar Id.<br>\nInvalid recurrence settings.", 300));
}

TEST_CASE("an error name without prose still gives a message", "[unit][wire]") {
  auto error = wire::documented_error("**HTTP Status Code:** `400`", 400);
  REQUIRE(error);
  CHECK(error->code == 400);
  CHECK(error->message == "Error.");
}

TEST_CASE("Zoom's lower-case 'Error code' and 'HTTP status code' spellings are read too",
          "[unit][wire]") {
  auto error = wire::documented_error(
      "**HTTP status code:** `400` <br>\nBad Request<br>\n\n**Error code:** `200`<br>\nOnly available for paid users: "
      "{0}.<br>\n\n**Error code:** `300`<br>\nThe value that you entered for the Registrant ID field is invalid.",
      400);
  REQUIRE(error);
  CHECK(error->code == 200);
  CHECK(error->message == "Only available for paid users: {0}.");
}
