#pragma once
// One logged-in IMAP connection: libcurl connects, does TLS (imaps or STARTTLS) and logs in
// (CURLOPT_CONNECT_ONLY); above it we speak IMAP ourselves with ImapFramer/parse_imap_response.
// Not thread-safe: one session belongs to one worker thread. Failures throw SyncFailure.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "samla/sync/connector.h"
#include "samla/sync/email/imap_response.h"
#include "samla/sync/email/mail_server.h"

namespace samla {

class ImapSession {
 public:
  using Untagged = std::function<void(ImapResponse&)>;

  /// Connects and logs in; reads the capabilities.
  explicit ImapSession(const MailServer& server);
  ~ImapSession();
  ImapSession(const ImapSession&) = delete;
  ImapSession& operator=(const ImapSession&) = delete;
  ImapSession(ImapSession&&) = delete;
  ImapSession& operator=(ImapSession&&) = delete;

  [[nodiscard]] bool has_capability(std::string_view name) const;

  /// ENABLE `extension` (RFC 5161) once per session; true when the server enabled it. Only
  /// call it for an extension the server advertises.
  bool enable(std::string_view extension);

  /// Sends `command` (without tag and CRLF), hands every untagged response to `untagged`, and
  /// returns the tagged completion. A NO or BAD throws SyncFailure unless `allow_no` is set.
  ImapResponse run(std::string_view command, const Untagged& untagged = {}, bool allow_no = false);

  /// APPEND `message` to `mailbox` (UTF-8; sent in modified UTF-7) with `flags` ("(\\Seen)");
  /// returns the tagged response.
  ImapResponse append(std::string_view mailbox, std::string_view flags, std::string_view message);

  /// IDLE until the server reports a change (true), `timeout` passes or `stop()` is true (false).
  bool idle(std::chrono::milliseconds timeout, const std::function<bool()>& stop);

  /// Logs out politely; errors are ignored (the connection is closed anyway).
  void logout() noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace samla
