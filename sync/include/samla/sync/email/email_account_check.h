#pragma once
// "Test connection" for a mailbox being set up: logs in to its IMAP server and opens the inbox
// read-only, and logs in to its SMTP server without sending anything, so that a wrong password,
// server or certificate is found while the form is still open.
#include <chrono>
#include <string>

#include "samla/sync/email/email_connector.h"

namespace samla {

/// What the test found for one server: reached and logged in, or why not (SyncFailure's text).
struct ServerCheck {
  bool ok = false;
  bool auth_required = false;  // the server refused the login
  std::string detail;
};

struct EmailAccountCheck {
  ServerCheck imap;
  ServerCheck smtp;
  [[nodiscard]] bool ok() const { return imap.ok && smtp.ok; }
};

/// Blocking (network): call it on a worker thread. Each server gets at most `timeout` to answer.
[[nodiscard]] EmailAccountCheck check_email_account(
    const EmailAccount& account, std::chrono::seconds timeout = std::chrono::seconds{15});

}  // namespace samla
