#include <catch2/catch.hpp>

#include "fakezoom/zoom/users.hpp"

using namespace fakezoom;

TEST_CASE("me is always a known user", "[unit][users]") {
  UserDirectory users;
  CHECK(users.knows("me"));
  CHECK_FALSE(users.knows("ME"));
  CHECK_FALSE(users.knows(""));
}

TEST_CASE("users are known by exact id or by email in any case", "[unit][users]") {
  UserDirectory users;
  users.add({"KdYKjnimT4KPd8FFgQt9FQ", "jchill@example.com"});
  users.add({"noemail", ""});
  CHECK(users.knows("KdYKjnimT4KPd8FFgQt9FQ"));
  CHECK_FALSE(users.knows("kdykjnimt4kpd8ffgqt9fq"));
  CHECK(users.knows("jchill@example.com"));
  CHECK(users.knows("JChill@Example.COM"));
  CHECK(users.knows("noemail"));
  CHECK_FALSE(users.knows("ghost@example.com"));
  CHECK(users.users().size() == 2);
}

TEST_CASE("an id that looks like an email is still known by id", "[unit][users]") {
  UserDirectory users;
  users.add({"odd@id", "real@example.com"});
  CHECK(users.knows("odd@id"));
  CHECK(users.knows("REAL@example.com"));
}
