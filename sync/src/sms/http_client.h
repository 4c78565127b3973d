#pragma once
// A small blocking HTTP(S) client over libcurl for the SMS gateways' REST APIs: one request at
// a time, TLS verified, timeouts bounded. The CURL handle stays inside the .cpp. One object per
// thread (a connector owns one).
#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace samla::sms {

struct HttpRequest {
  std::string method = "GET";  // GET, POST
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type;  // for a body
  // Basic authentication (RFC 7617), when user is set.
  std::optional<std::pair<std::string, std::string>> basic_auth;
};

struct HttpResponse {
  long status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  [[nodiscard]] std::optional<std::string> header(const std::string& lower_name) const;
};

/// The request did not get an HTTP answer. `maybe_delivered`: the request may have reached the
/// server before the connection broke (so a POST may have taken effect); false when the
/// connection was never made.
class HttpTransportError : public std::runtime_error {
 public:
  HttpTransportError(const std::string& message, bool maybe_delivered)
      : std::runtime_error(message), maybe_delivered_(maybe_delivered) {}
  [[nodiscard]] bool maybe_delivered() const { return maybe_delivered_; }

 private:
  bool maybe_delivered_;
};

class HttpClient {
 public:
  explicit HttpClient(std::chrono::seconds timeout = std::chrono::seconds{30});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;
  HttpClient(HttpClient&& other) noexcept;
  HttpClient& operator=(HttpClient&& other) noexcept;

  /// Performs the request; any HTTP status is a response. Throws HttpTransportError.
  HttpResponse perform(const HttpRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// "a=1&b=2" with each key and value percent-encoded (application/x-www-form-urlencoded).
[[nodiscard]] std::string form_encode(
    const std::vector<std::pair<std::string, std::string>>& fields);
/// Percent-encodes everything but unreserved characters (RFC 3986).
[[nodiscard]] std::string percent_encode(const std::string& text);

}  // namespace samla::sms
