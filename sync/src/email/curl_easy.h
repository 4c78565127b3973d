#pragma once
// libcurl's easy handle behind RAII, the options every mail connection shares (TLS required and
// verified, timeouts, credentials), and CURLcode turned into SyncFailure.
#include <curl/curl.h>

#include <memory>
#include <string>

#include "samla/sync/connector.h"
#include "samla/sync/email/mail_server.h"

namespace samla::detail {

struct CurlCleanup {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
using CurlPtr = std::unique_ptr<CURL, CurlCleanup>;

/// A new easy handle set up for `server`: URL, login, TLS policy and verification, timeouts.
CurlPtr mail_handle(const MailServer& server);

/// A failure a person can read, with what the worker should do about it.
SyncFailure curl_failure(const std::string& what, CURLcode code, const char* detail = nullptr);

}  // namespace samla::detail
