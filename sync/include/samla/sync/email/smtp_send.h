#pragma once
// Sends one message through an SMTP server with libcurl (smtp:// with STARTTLS required, or
// smtps://). Blocking; call it on a worker thread.
#include <string>
#include <string_view>
#include <vector>

#include "samla/sync/connector.h"
#include "samla/sync/email/mail_server.h"

namespace samla {

/// A send that failed. `maybe_delivered`: the whole message had gone out before the connection
/// failed, so the server may have accepted it; look for it before sending it again.
class SmtpFailure : public SyncFailure {
 public:
  SmtpFailure(const SyncFailure& failure, bool maybe_delivered)
      : SyncFailure(failure), maybe_delivered_(maybe_delivered) {}
  [[nodiscard]] bool maybe_delivered() const { return maybe_delivered_; }

 private:
  bool maybe_delivered_;
};

/// Sends `message` (RFC 5322 bytes, CRLF) from `sender` to `recipients`; throws SmtpFailure.
void smtp_send(const MailServer& server, const std::string& sender,
               const std::vector<std::string>& recipients, std::string_view message);

}  // namespace samla
