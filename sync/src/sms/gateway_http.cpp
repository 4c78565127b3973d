#include "gateway_http.h"

#include <date/date.h>

#include <charconv>
#include <sstream>

namespace samla::sms {

HttpResponse perform_or_throw(HttpClient& http, const HttpRequest& request) {
  try {
    return http.perform(request);
  } catch (const HttpTransportError& e) {
    throw SmsGatewayError(SmsGatewayError::Kind::Offline,
                          std::string("the SMS gateway cannot be reached: ") + e.what(),
                          std::nullopt, e.maybe_delivered());
  }
}

std::optional<std::chrono::seconds> retry_after(const HttpResponse& response) {
  const auto value = response.header("retry-after");
  if (!value || value->empty()) return std::nullopt;
  long long seconds = 0;
  const auto* end = value->data() + value->size();
  const auto [ptr, ec] = std::from_chars(value->data(), end, seconds);
  if (ec != std::errc{} || ptr != end || seconds < 0) return std::nullopt;
  return std::chrono::seconds{seconds};
}

SmsGatewayError::Kind failure_kind(long status) {
  if (status == 401 || status == 403) return SmsGatewayError::Kind::Auth;
  if (status == 429) return SmsGatewayError::Kind::RateLimited;
  if (status >= 500 || status < 400) return SmsGatewayError::Kind::Unavailable;
  return SmsGatewayError::Kind::Rejected;
}

nlohmann::json parse_json_body(const HttpResponse& response, const std::string& what) {
  auto json = nlohmann::json::parse(response.body, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    throw SmsGatewayError(SmsGatewayError::Kind::Unavailable,
                          "the SMS gateway answered " + what + " with something that is not " +
                              "a JSON object (HTTP " + std::to_string(response.status) + ")");
  }
  return json;
}

std::optional<Instant> parse_rfc2822(const std::string& text) {
  std::istringstream in(text);
  in.imbue(std::locale::classic());
  date::sys_seconds at;
  in >> date::parse("%a, %d %b %Y %H:%M:%S %z", at);
  if (in.fail()) return std::nullopt;
  return Instant{at};
}

}  // namespace samla::sms
