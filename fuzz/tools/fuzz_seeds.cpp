// Builds the seed corpora of the fuzz targets from fixture files at run time (Zoom's data is
// read from ../shared/zoom-data, never copied into the repository):
//   fakezoom_fuzz_seeds OUT_DIR FIXTURE_PATH...
// writes OUT_DIR/<target>/<hash> for each target and OUT_DIR/request_matcher.words, the path
// segments, query keys and values of the routes as libFuzzer dictionary entries.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fakezoom/client/request.hpp"
#include "fakezoom/model/render.hpp"
#include "fakezoom/fixtures/loader.hpp"
#include "fakezoom/replay/replay.hpp"
#include "fuzz_fixtures.hpp"
#include "fuzz_support.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace fakezoom;

namespace {

// Seeds past this size slow libFuzzer down more than they teach it.
constexpr std::size_t kMaxSeed = 16 * 1024;

class SeedDir {
public:
  SeedDir(const fs::path& root, const std::string& target) : dir_(root / target) { fs::create_directories(dir_); }

  void add(const std::string& content) {
    if (content.empty() || content.size() > kMaxSeed) return;
    char name[32];
    std::snprintf(name, sizeof name, "seed-%016zx", std::hash<std::string>{}(content));
    if (!written_.insert(name).second) return;
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }
  std::size_t count() const { return written_.size(); }

private:
  fs::path dir_;
  std::set<std::string> written_;
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> json_files(const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  for (const auto& path : paths) {
    if (fs::is_directory(path)) {
      for (const auto& entry : fs::recursive_directory_iterator(path))
        if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    } else if (fs::exists(path)) {
      files.push_back(path);
    }
  }
  return files;
}

// A collection cut down to one request or one folder, with the collection's variables (so
// `{{baseUrl}}` still resolves): Zoom's 2.3 MB export becomes a few hundred small seeds.
void postman_seeds(const json& doc, SeedDir& out) {
  if (!doc.is_object() || !doc.contains("item")) return;
  json shell = json::object();
  for (const char* key : {"info", "variable", "auth"})
    if (doc.contains(key)) shell[key] = doc[key];
  std::function<void(const json&)> walk = [&](const json& list) {
    if (!list.is_array()) return;
    for (const auto& item : list) {
      json one = shell;
      one["item"] = json::array({item});
      out.add(one.dump(1));
      if (item.is_object() && item.contains("item")) walk(item["item"]);
    }
  };
  walk(doc["item"]);
}

// An OpenAPI 3 or Swagger 2.0 spec cut down to one path each (with the definitions when
// they fit), so that $refs still resolve where they can.
void spec_seeds(const json& doc, SeedDir& out) {
  if (!doc.contains("paths") || !doc["paths"].is_object()) return;
  json shell = json::object();
  for (const char* key : {"openapi", "swagger", "info", "servers", "basePath", "host", "schemes"})
    if (doc.contains(key)) shell[key] = doc[key];
  for (const auto& [path, item] : doc["paths"].items()) {
    json one = shell;
    one["paths"] = {{path, item}};
    out.add(one.dump());
    for (const char* key : {"components", "definitions", "parameters"})
      if (doc.contains(key)) one[key] = doc[key];
    out.add(one.dump());
  }
}

std::string dict_entry(const std::string& word) {
  std::string out = "\"";
  for (unsigned char c : word) {
    if (c == '"' || c == '\\' || c < 0x20 || c >= 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: fakezoom_fuzz_seeds OUT_DIR FIXTURE_PATH...\n";
    return 2;
  }
  const fs::path out = argv[1];
  const std::vector<std::string> paths(argv + 2, argv + argc);

  SeedDir loader(out, "fixture_loader");
  SeedDir spec(out, "spec_loader");
  std::vector<std::string> fixture_paths;
  for (const auto& file : json_files(paths)) {
    const std::string text = read_text(file);
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_object() && (doc.contains("openapi") || doc.contains("swagger"))) {
      spec_seeds(doc, spec);
      continue;
    }
    fixture_paths.push_back(file.string());
    loader.add(text);
    if (!doc.is_discarded()) postman_seeds(doc, loader);
  }

  const FixtureSet fixtures = fuzz::load_fuzz_fixtures(fixture_paths);
  SeedDir matcher(out, "request_matcher");
  SeedDir codec(out, "url_codec");
  SeedDir client(out, "client_response");
  // WireMock request patterns for the routes, each followed by a NUL and a request it fits.
  SeedDir pattern(out, "request_pattern");
  std::set<std::string> words;
  for (const auto& route : fixtures.routes.routes()) {
    for (const auto& segment : route.path.segments())
      if (!segment.is_param) words.insert("/" + segment.text);
    for (std::size_t i = 0; i < route.examples.size(); ++i) {
      const Example& example = route.examples[i];
      for (const auto& [key, value] : example.query) {
        words.insert(key + "=");
        if (!value.empty()) words.insert(value);
      }
      // As `fakezoom replay` sends it (target with the base path, x-mock-response-name),
      // with a bearer token; then left to Postman's best match; then without a token.
      const client::Request sent = replay::request_for(route, example);
      HttpRequest request;
      request.method = sent.method;
      request.target = client::request_target(route.base_path, sent);
      for (const auto& [name, value] : sent.headers) request.headers.add(name, value);
      request.headers.add("Authorization", "Bearer fuzz-token");
      if (sent.raw_body) {
        request.headers.add("Content-Type", sent.raw_content_type);
        request.body = *sent.raw_body;
      }
      if (i == 0) {
        json find = {{"method", route.method}, {"urlPathTemplate", route.path.to_string()}};
        for (const auto& [name, value] : example.path_values) find["pathParameters"][name] = {{"equalTo", value}};
        for (const auto& [key, value] : example.query) find["queryParameters"][key] = {{"equalTo", value}};
        find["headers"]["Authorization"] = {{"matches", "Bearer .+"}};
        pattern.add(find.dump(-1, ' ', false, json::error_handler_t::replace) + std::string(1, '\0') + fuzz::request_text(request));
      }

      matcher.add(fuzz::request_text(request));
      request.headers.remove("x-mock-response-name");
      matcher.add(fuzz::request_text(request));
      if (i == 0) {
        HttpRequest asked = request;
        asked.headers.set("x-mock-response-id", example.id);
        matcher.add(fuzz::request_text(asked));
        request.headers.remove("Authorization");
        matcher.add(fuzz::request_text(request));
      }

      const auto q = request.target.find('?');
      codec.add(request.target.substr(0, q));
      if (q != std::string::npos) codec.add(request.target.substr(q + 1));

      if (example.status >= 400) {
        const HttpResponse answer = render_example(example, {}, BodyMode::zoom);
        client.add("http://127.0.0.1:8080/v2\n" + std::to_string(example.status) + " \n" + answer.body);
        if (!example.body.empty()) client.add("https://api.zoom.us/v2\n" + std::to_string(example.status) + " \n" + example.body);
      }
    }
  }
  std::ofstream dict(out / "request_matcher.words");
  for (const auto& word : words)
    if (word.size() <= 64) dict << dict_entry(word) << "\n";

  std::cerr << "fakezoom_fuzz_seeds: " << loader.count() << " fixture_loader, " << matcher.count() << " request_matcher, "
            << codec.count() << " url_codec, " << client.count() << " client_response, " << pattern.count()
            << " request_pattern, " << spec.count() << " spec_loader seeds in " << out.string() << "\n";
  return 0;
}
