#pragma once
// A reply from a functional mailbox as RFC 5322 bytes (GMime writes them): UTF-8 text in
// quoted-printable, RFC 2047 headers, threading headers, and the marks of an automatic reply.
// Sending it is smtp_send's job. Pure function; safe on any thread.
#include <string>
#include <vector>

#include "samla/models/message.h"
#include "samla/models/time.h"

namespace samla {

struct OutgoingMail {
  Party from;  // the functional mailbox
  std::vector<Party> to;
  std::string subject;
  std::string body;        // UTF-8 plain text
  std::string message_id;  // without <>
  // The thread, oldest first; the last one is the message answered (In-Reply-To).
  std::vector<std::string> references;
  Instant date{};
  // An auto-reply: Auto-Submitted: auto-replied, X-Auto-Response-Suppress: All, Precedence.
  bool automatic = false;
};

/// The message as bytes with CRLF line ends, ready for SMTP DATA and IMAP APPEND.
[[nodiscard]] std::string render_mail(const OutgoingMail& mail);

/// The References of a reply to a thread of Message-IDs (oldest first): without repeats and
/// without our own placeholder ids for mail that had none, at most the last 20.
[[nodiscard]] std::vector<std::string> thread_references(const std::vector<std::string>& ids);

/// "samla-<key>@<domain of from>": a Message-ID that is the same every time the same reply is
/// sent, so that a resend after a crash can be recognised in Sent.
[[nodiscard]] std::string stable_message_id(std::string_view key, std::string_view from_address);

}  // namespace samla
