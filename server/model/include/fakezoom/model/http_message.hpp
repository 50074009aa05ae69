// Plain request and response values: what the model sees of HTTP. httplib's own types stop
// at server/http, so everything here can be built by hand in a unit test.
#pragma once

#include <string>

#include "fakezoom/model/headers.hpp"
#include "fakezoom/model/query_params.hpp"

namespace fakezoom {

struct HttpRequest {
  std::string method = "GET";
  std::string path = "/";  // percent-decoded, without the query string
  std::string target;      // the request target exactly as sent ("/v2/users/a%40b.c/token?type=zak")
  QueryParams query;       // decoded
  Headers headers;
  std::string body;
  std::string client_ip;
};

struct HttpResponse {
  int status = 200;
  Headers headers;
  std::string body;
};

}  // namespace fakezoom
