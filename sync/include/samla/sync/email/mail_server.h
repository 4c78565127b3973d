#pragma once
// Where a functional mailbox lives and how to log in: the IMAP and SMTP servers of one account.
#include <chrono>
#include <string>

namespace samla {

/// One server: "imaps://imap.kommune.no" (TLS from the start), "imap://host:143" (STARTTLS,
/// required unless allow_plaintext), "smtp://host:587", "smtps://host:465".
struct MailServer {
  std::string url;
  std::string user;
  std::string password;
  // The CA bundle (PEM) to verify the server with; empty: the system's. Verification is never
  // switched off.
  std::string ca_file;
  // Only for test servers on loopback: allow a connection without TLS.
  bool allow_plaintext = false;
  std::chrono::seconds timeout{60};
};

}  // namespace samla
