#pragma once
// What every REST gateway does with an HTTP answer: turn transport failures and error statuses
// into SmsGatewayError, read JSON bodies, and read Retry-After.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "http_client.h"
#include "samla/sync/sms_gateway.h"

namespace samla::sms {

/// Performs the request; a transport failure becomes SmsGatewayError (Offline).
HttpResponse perform_or_throw(HttpClient& http, const HttpRequest& request);

/// Retry-After in seconds (RFC 9110 delay-seconds; an HTTP date is ignored).
std::optional<std::chrono::seconds> retry_after(const HttpResponse& response);

/// The kind of failure an HTTP status means: 401/403 auth, 429 rate limit, 5xx unavailable,
/// other 4xx rejected.
SmsGatewayError::Kind failure_kind(long status);

/// The body as JSON; a body that is not JSON is the gateway's fault (Unavailable).
nlohmann::json parse_json_body(const HttpResponse& response, const std::string& what);

/// A whole non-negative number written in decimal digits only; nullopt for anything else.
std::optional<long long> whole_number(std::string_view text);

/// Reads RFC 2822 dates as Twilio writes them: "Fri, 13 Aug 2010 01:16:24 +0000".
std::optional<Instant> parse_rfc2822(const std::string& text);

}  // namespace samla::sms
