// Server-to-Server OAuth through fakezoom::client: POST /oauth/token, then the token as the
// bearer token under --auth strict. Time moves on a ManualClock, never by sleeping.
#include "contract_support.hpp"

using namespace fakezoom::contract;
using fakezoom::client::ErrorKind;

namespace {

// From fixtures/accounts.json.
const std::string kAccount = "fakezoom-account-1";
const std::string kClientId = "fakezoom-client-id";
const std::string kClientSecret = "fakezoom-client-secret";

struct StrictZoom {
  explicit StrictZoom(int invalid_token_status = 401) : zoom(options(clock, invalid_token_status)) {}

  static fakezoom::ServerOptions options(const std::shared_ptr<fakezoom::ManualClock>& clock, int status) {
    fakezoom::ServerOptions options;
    options.clock = clock;
    options.auth = {fakezoom::AuthMode::strict, status};
    return options;
  }

  fakezoom::client::Result<fakezoom::client::AccessToken> token(const std::string& client_id = kClientId,
                                                                const std::string& secret = kClientSecret,
                                                                const std::string& account = kAccount) {
    fakezoom::client::AccessTokenRequest request;
    request.oauth_url = zoom.server.url();
    request.account_id = account;
    request.client_id = client_id;
    request.client_secret = secret;
    request.connect_timeout = request.read_timeout = std::chrono::seconds(5);
    return fakezoom::client::request_access_token(request);
  }

  auto user_token(const std::string& bearer) {
    return zoom.client_with(bearer).get_user_token("me", std::string("zak"), 68423085LL);
  }

  std::shared_ptr<fakezoom::ManualClock> clock = std::make_shared<fakezoom::ManualClock>();
  FakeZoom zoom;
};

void check_zoom_error(const fakezoom::client::Error& error, int status, int code, const std::string& message) {
  INFO(describe(error));
  CHECK(error.kind == ErrorKind::http);
  CHECK(error.status == status);
  CHECK(error.zoom_code == code);
  CHECK(error.message == message);
}

}  // namespace

TEST_CASE("a Server-to-Server app gets an hour-long token with its scopes, and the API takes it", "[contract][oauth]") {
  StrictZoom strict;
  const auto token = strict.token();
  INFO(describe(token));
  REQUIRE(token);
  CHECK(token.value().token_type == "bearer");
  CHECK(token.value().expires_in == std::chrono::seconds(3600));
  CHECK(token.value().scopes == std::vector<std::string>{"user:read:admin"});
  CHECK(token.value().api_url == strict.zoom.server.url());

  const auto answer = strict.user_token(token.value().access_token);
  INFO(describe(answer));
  CHECK(answer);

  // What the client sent for the token: Basic credentials, the grant in a form body.
  const auto sent = strict.zoom.sent().front();
  CHECK(sent.request.method == "POST");
  CHECK(sent.request.path == "/oauth/token");
  CHECK(sent.request.headers.get("Authorization").value_or("").rfind("Basic ", 0) == 0);
  CHECK(sent.request.body == "grant_type=account_credentials&account_id=" + kAccount);
}

TEST_CASE("wrong credentials get Zoom's invalid_client", "[contract][oauth]") {
  StrictZoom strict;
  const auto token = GENERATE(as<std::string>{}, "wrong-secret", "");
  const auto answer = strict.token(kClientId, token);
  REQUIRE_FALSE(answer);
  INFO(describe(answer.error()));
  CHECK(answer.error().kind == ErrorKind::http);
  CHECK(answer.error().status == 400);
  CHECK(answer.error().message == "Invalid client_id or client_secret");
  CHECK(nlohmann::json::parse(answer.error().body) ==
        nlohmann::json{{"reason", "Invalid client_id or client_secret"}, {"error", "invalid_client"}});
}

TEST_CASE("another account's id gets Zoom's invalid_request", "[contract][oauth]") {
  StrictZoom strict;
  const auto answer = strict.token(kClientId, kClientSecret, "another-account");
  REQUIRE_FALSE(answer);
  CHECK(answer.error().status == 400);
  CHECK(answer.error().message == "Invalid Account Id");
}

TEST_CASE("under --auth strict a token expires after an hour of the server's clock", "[contract][oauth]") {
  SECTION("with 401, as Zoom answers") {
    StrictZoom strict;
    const auto token = strict.token();
    REQUIRE(token);
    strict.clock->advance(std::chrono::seconds(3599));
    CHECK(strict.user_token(token.value().access_token));
    strict.clock->advance(std::chrono::seconds(1));
    const auto expired = strict.user_token(token.value().access_token);
    REQUIRE_FALSE(expired);
    check_zoom_error(expired.error(), 401, 124, "Access token is expired.");
  }
  SECTION("with 400, as Zoom's spec lists it") {
    StrictZoom strict(400);
    const auto token = strict.token();
    REQUIRE(token);
    strict.clock->advance(std::chrono::hours(2));
    const auto expired = strict.user_token(token.value().access_token);
    REQUIRE_FALSE(expired);
    check_zoom_error(expired.error(), 400, 124, "Access token is expired.");
  }
}

TEST_CASE("under --auth strict a token without the route's scopes gets 400 code 4711", "[contract][oauth]") {
  StrictZoom strict;
  const auto token = strict.token("fakezoom-meetings-client-id", "fakezoom-meetings-client-secret");
  INFO(describe(token));
  REQUIRE(token);
  CHECK(token.value().scopes == std::vector<std::string>{"meeting:read:admin"});
  const auto answer = strict.user_token(token.value().access_token);
  REQUIRE_FALSE(answer);
  check_zoom_error(answer.error(), 400, 4711,
                   "Invalid access token, does not contain scopes:[user:read:admin, user:read].");
}

TEST_CASE("under --auth strict a token fakezoom did not issue gets 401 code 124", "[contract][oauth]") {
  StrictZoom strict;
  const auto answer = strict.user_token(kToken);
  REQUIRE_FALSE(answer);
  check_zoom_error(answer.error(), 401, 124, "Invalid access token.");
}

TEST_CASE("under --auth any every bearer token is accepted, issued or not, expired or not", "[contract][oauth]") {
  auto clock = std::make_shared<fakezoom::ManualClock>();
  fakezoom::ServerOptions options;
  options.clock = clock;
  FakeZoom zoom(options);
  std::string bearer = kToken;
  const bool issued = GENERATE(false, true);
  INFO((issued ? "an issued token, long expired" : "a made-up token"));
  if (issued) {
    fakezoom::client::AccessTokenRequest request;
    request.oauth_url = zoom.server.url();
    request.account_id = kAccount;
    request.client_id = kClientId;
    request.client_secret = kClientSecret;
    const auto token = fakezoom::client::request_access_token(request);
    REQUIRE(token);
    bearer = token.value().access_token;
    clock->advance(std::chrono::hours(5));
  }
  const auto answer = zoom.client_with(bearer).get_user_token("me", std::string("zak"), 68423085LL);
  INFO(describe(answer));
  CHECK(answer);
}
