#include <catch2/catch.hpp>

#include "fakezoom/webhooks/signing.hpp"

using namespace fakezoom::webhooks;

TEST_CASE("HMAC-SHA256 in hex matches RFC 4231's test case 2", "[unit][webhooks]") {
  CHECK(hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("the signature is v0= and the HMAC of v0:timestamp:body, as Zoom's webhooks page builds it", "[unit][webhooks]") {
  // The page's own example body for "Construct the message", byte for byte.
  const std::string body =
      R"({"event":"session.started","payload":{"account_id":"{ACCOUNT_ID}","object":{"start_time":"2022-07-27T16:56:34Z","id":"{SESSION_ID}"}},"event_ts":1658940994914})";
  CHECK(zoom_signature("secret-token", "1658940994", body) ==
        "v0=e06a21898a49d215d03efcc40ac188832039686f5d7b72e13c730ea1fd5953be");
  SECTION("any change to the secret, the time or the body changes it") {
    CHECK(zoom_signature("secret-tokeN", "1658940994", body) != zoom_signature("secret-token", "1658940994", body));
    CHECK(zoom_signature("secret-token", "1658940995", body) != zoom_signature("secret-token", "1658940994", body));
    CHECK(zoom_signature("secret-token", "1658940994", body + " ") != zoom_signature("secret-token", "1658940994", body));
  }
}

TEST_CASE("the URL validation's encryptedToken is the HMAC of the plainToken alone", "[unit][webhooks]") {
  CHECK(encrypted_token("secret-token", "qgg8vlvZRS6UYooatFL8Aw") ==
        "5b72bd117f184f54093c1c3c11499c1d13e6d56dc0d96e6b78fbfecedc953b75");
}
