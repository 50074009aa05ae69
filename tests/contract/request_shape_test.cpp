// Request shape: what get_user_token puts on the wire, as fakezoom's journal saw it.
#include "contract_support.hpp"

using namespace fakezoom::contract;

namespace {

// No body: nothing read by the server, and no header announcing one.
void check_no_body(const fakezoom::JournalEntry& entry) {
  CHECK(entry.request.body.empty());
  CHECK(entry.request.headers.get("Content-Length").value_or("0") == "0");
  CHECK(entry.request.headers.count("Transfer-Encoding") == 0);
}

}  // namespace

TEST_CASE("a token for me is asked with one GET to /v2/users/me/token and no body", "[contract]") {
  FakeZoom zoom;
  const auto token = zoom.client.get_user_token("me", std::string("zak"), 3600LL);
  INFO(describe(token));
  REQUIRE(token);

  const auto entry = zoom.only_request();
  CHECK(entry.request.method == "GET");
  CHECK(entry.request.path == "/v2/users/me/token");
  CHECK(entry.request.target == "/v2/users/me/token?type=zak&ttl=3600");
  check_no_body(entry);
  CHECK(entry.status == 200);
}

TEST_CASE("a plain user id goes into the path unchanged", "[contract]") {
  FakeZoom zoom;
  const auto token = zoom.client.get_user_token("KdYKjnimT4KPd8FFgQt9FQ", std::string("token"));
  INFO(describe(token));
  REQUIRE(token);

  const auto entry = zoom.only_request();
  CHECK(entry.request.method == "GET");
  CHECK(entry.request.path == "/v2/users/KdYKjnimT4KPd8FFgQt9FQ/token");
  CHECK(entry.request.target == "/v2/users/KdYKjnimT4KPd8FFgQt9FQ/token?type=token");
  check_no_body(entry);
}

TEST_CASE("an email's + and @ are percent-encoded on the wire and arrive decoded", "[contract]") {
  FakeZoom zoom;

  SECTION("a known email answers with the token") {
    const auto token = zoom.client.get_user_token("Ana.Lopez+zoom@example.com", std::string("zak"));
    INFO(describe(token));
    REQUIRE(token);

    const auto entry = zoom.only_request();
    CHECK(entry.request.method == "GET");
    CHECK(entry.request.target == "/v2/users/Ana.Lopez%2Bzoom%40example.com/token?type=zak");
    CHECK(entry.request.path == "/v2/users/Ana.Lopez+zoom@example.com/token");
    check_no_body(entry);
    CHECK(entry.status == 200);
  }

  SECTION("an unknown email keeps its + in the server's 404 message, not a space") {
    const auto token = zoom.client.get_user_token("a+b@x.com", std::string("zak"));
    REQUIRE_FALSE(token);
    CHECK(token.error().message == "User does not exist: a+b@x.com.");

    const auto entry = zoom.only_request();
    CHECK(entry.request.target == "/v2/users/a%2Bb%40x.com/token?type=zak");
    CHECK(entry.request.path == "/v2/users/a+b@x.com/token");
    CHECK(entry.status == 404);
  }
}

TEST_CASE("the user id stays one path segment even when it looks like a path", "[contract]") {
  FakeZoom zoom;
  // ".." would climb out of /users/ if sent raw; the client sends %2E%2E.
  const auto token = zoom.client.get_user_token("..");
  REQUIRE_FALSE(token);

  const auto entry = zoom.only_request();
  CHECK(entry.request.target == "/v2/users/%2E%2E/token");
  CHECK(entry.request.path == "/v2/users/../token");
  CHECK(entry.status == 404);
  CHECK(token.error().zoom_code == 1001);
}

TEST_CASE("a user id with a slash stays one path segment on the server", "[contract]") {
  // An email's local part may hold "/" (RFC 5322 atext): the client sends it as "%2F" and the
  // server must route on the raw segments, decoding each on its own.
  FakeZoom zoom;
  const auto token = zoom.client.get_user_token("a/b@x.com");
  REQUIRE_FALSE(token);
  INFO(describe(token.error()));

  const auto entry = zoom.only_request();
  CHECK(entry.request.target == "/v2/users/a%2Fb%40x.com/token");
  CHECK(entry.example_id == kUserNotFound);
  CHECK(token.error().status == 404);
  CHECK(token.error().zoom_code == 1001);
  CHECK(token.error().message == "User does not exist: a/b@x.com.");
}

TEST_CASE("the configured User-Agent arrives as the only User-Agent", "[contract]") {
  FakeZoom zoom;
  fakezoom::client::ClientOptions options;
  options.base_url = zoom.server.base_url();
  options.bearer_token = kToken;
  options.user_agent = "contract-suite/1.0 (+fakezoom)";
  fakezoom::client::Client client(options);
  REQUIRE(client.get_user_token("me"));

  const auto entry = zoom.only_request();
  CHECK(entry.request.headers.get_all("User-Agent") == std::vector<std::string>{"contract-suite/1.0 (+fakezoom)"});
  CHECK(entry.request.headers.get("Host") == "127.0.0.1:" + std::to_string(zoom.server.port()));
}
