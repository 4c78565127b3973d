#include "http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <string_view>

namespace samla::sms {
namespace {

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;
using HeaderList = std::unique_ptr<curl_slist, SlistDeleter>;

// curl_global_init is not thread-safe in libcurl 7.88; do it once, before any handle exists.
void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::string trim(std::string text) {
  const auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!text.empty() && blank(static_cast<unsigned char>(text.back()))) text.pop_back();
  std::size_t start = 0;
  while (start < text.size() && blank(static_cast<unsigned char>(text[start]))) ++start;
  return text.substr(start);
}

std::size_t write_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* response = static_cast<HttpResponse*>(user);
  const std::string line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    response->headers.clear();  // a new response (after 100 Continue or a redirect)
  } else if (const auto colon = line.find(':'); colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    response->headers.emplace_back(std::move(name), trim(line.substr(colon + 1)));
  }
  return size * count;
}

// Errors where no byte of the request can have reached the server.
bool never_connected(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return true;
    default:
      return false;
  }
}

void check(CURLcode code) {
  if (code != CURLE_OK) throw HttpTransportError(curl_easy_strerror(code), false);
}

}  // namespace

std::optional<std::string> HttpResponse::header(const std::string& lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return std::nullopt;
}

struct HttpClient::Impl {
  CurlHandle curl;
  std::chrono::seconds timeout{30};
};

HttpClient::HttpClient(std::chrono::seconds timeout) : impl_(std::make_unique<Impl>()) {
  init_curl_once();
  impl_->curl.reset(curl_easy_init());
  if (!impl_->curl) throw HttpTransportError("libcurl could not start", false);
  impl_->timeout = timeout;
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

HttpResponse HttpClient::perform(const HttpRequest& request) {
  CURL* curl = impl_->curl.get();
  curl_easy_reset(curl);  // keeps the connection cache, forgets the last request's options
  HttpResponse response;
  HeaderList headers;
  const auto add_header = [&headers](const std::string& line) {
    curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
    if (grown == nullptr) throw HttpTransportError("out of memory for a request header", false);
    static_cast<void>(headers.release());
    headers.reset(grown);
  };
  for (const auto& [name, value] : request.headers) add_header(name + ": " + value);
  if (!request.content_type.empty()) add_header("Content-Type: " + request.content_type);
  add_header("Expect:");  // no 100-continue round trip for small bodies

  check(curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str()));
  check(curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https"));
  check(curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L));
  check(curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L));
  check(curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L));
  check(curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L));
  check(curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(impl_->timeout.count())));
  check(curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get()));
  check(curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body));
  check(curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body));
  check(curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, write_header));
  check(curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response));
  if (request.basic_auth) {
    check(curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC));
    check(curl_easy_setopt(curl, CURLOPT_USERNAME, request.basic_auth->first.c_str()));
    check(curl_easy_setopt(curl, CURLOPT_PASSWORD, request.basic_auth->second.c_str()));
  }
  if (request.method == "POST") {
    // libcurl silently repeats a request whose reused connection died before any answer; a
    // repeated POST could send an SMS twice. A fresh connection makes such a loss an error the
    // caller sees (and then looks up before sending again).
    check(curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L));
    check(curl_easy_setopt(curl, CURLOPT_POST, 1L));
    check(curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                           static_cast<curl_off_t>(request.body.size())));
    check(curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str()));
  } else if (request.method != "GET") {
    check(curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str()));
  }

  const CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) {
    std::string message = curl_easy_strerror(code);
    message += " (" + request.url + ")";
    throw HttpTransportError(message, !never_connected(code));
  }
  check(curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status));
  return response;
}

std::string percent_encode(const std::string& text) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex.at(c >> 4U));
      out.push_back(kHex.at(c & 0x0FU));
    }
  }
  return out;
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [key, value] : fields) {
    if (!out.empty()) out.push_back('&');
    out += percent_encode(key) + "=" + percent_encode(value);
  }
  return out;
}

}  // namespace samla::sms
