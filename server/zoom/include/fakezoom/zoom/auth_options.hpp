// How strictly fakezoom checks a caller's token (`--auth any|strict`), apart from access.hpp so
// that ServerOptions and EngineOptions need not see routes and tokens.
#pragma once

namespace fakezoom {

enum class AuthMode { any, strict };

struct AuthOptions {
  AuthMode mode = AuthMode::any;
  // The HTTP status of code 124 answers. Zoom's current spec lists code 124 under 400; the
  // API is observed answering 401, which is the default (docs/oauth.md).
  int invalid_token_status = 401;
};

}  // namespace fakezoom
