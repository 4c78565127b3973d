#include "curl_easy.h"

#include <mutex>

namespace samla::detail {

CurlPtr mail_handle(const MailServer& server) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CurlPtr curl{curl_easy_init()};
  if (!curl) throw SyncFailure("libcurl could not start", {});
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, server.url.c_str());
  curl_easy_setopt(c, CURLOPT_USERNAME, server.user.c_str());
  curl_easy_setopt(c, CURLOPT_PASSWORD, server.password.c_str());
  // TLS on every connection (imaps/smtps, or STARTTLS), unless a test allows plain text.
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   static_cast<long>(server.allow_plaintext ? CURLUSESSL_TRY : CURLUSESSL_ALL));
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!server.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, server.ca_file.c_str());
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(server.timeout.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  return curl;
}

SyncFailure curl_failure(const std::string& what, CURLcode code, const char* detail) {
  std::string message = what + ": " + curl_easy_strerror(code);
  if (detail != nullptr && *detail != '\0') message += " (" + std::string(detail) + ")";
  SyncFailure::Kind kind;
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
      kind.offline = true;
      break;
    case CURLE_LOGIN_DENIED:
      kind.auth_required = true;
      kind.retryable = false;
      break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      kind.retryable = false;  // a person must fix the configuration or the certificate
      break;
    default:
      break;
  }
  return SyncFailure(message, kind);
}

}  // namespace samla::detail
