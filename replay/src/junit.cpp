#include <cstdio>

#include "fakezoom/replay/replay.hpp"

namespace fakezoom::replay {

namespace {

std::string xml_escape(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 has no place for most control characters.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += ' ';
        else out += static_cast<char>(c);
    }
  }
  return out;
}

std::string seconds(double s) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", s);
  return buffer;
}

}  // namespace

std::string junit_xml(const std::vector<CaseResult>& results, double total_seconds) {
  std::size_t failures = 0;
  for (const auto& r : results) failures += r.verdict.passed ? 0 : 1;
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite name=\"fakezoom replay\" tests=\"" +
                    std::to_string(results.size()) + "\" failures=\"" + std::to_string(failures) +
                    "\" errors=\"0\" time=\"" + seconds(total_seconds) + "\">\n";
  for (const auto& r : results) {
    xml += "    <testcase classname=\"" + xml_escape(r.route) + "\" name=\"" + xml_escape(r.example_id + " " + r.example_name) +
           "\" time=\"" + seconds(r.seconds) + "\"";
    if (r.verdict.passed)
      xml += "/>\n";
    else
      xml += ">\n      <failure message=\"" + xml_escape(r.verdict.detail) + "\"/>\n    </testcase>\n";
  }
  return xml + "  </testsuite>\n</testsuites>\n";
}

}  // namespace fakezoom::replay
