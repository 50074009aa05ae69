// The request and response values, declared only: for headers that pass them by reference or
// declare functions returning them, so that they need not rebuild when http_message.hpp changes.
#pragma once

namespace fakezoom {
struct HttpRequest;
struct HttpResponse;
}  // namespace fakezoom
