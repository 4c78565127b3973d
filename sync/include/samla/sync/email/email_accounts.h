#pragma once
// The functional mailboxes a profile syncs, kept in the store's settings (no passwords: those
// are in Credentials under credential_key(address)).
#include <optional>
#include <string>
#include <vector>

#include "samla/sync/credentials.h"
#include "samla/sync/email/email_connector.h"
#include "samla/sync/store.h"

namespace samla {

struct EmailAccountSettings {
  std::string address;
  std::string display_name;
  std::string imap_url;    // imaps://host[:port] or imap://host[:port] (STARTTLS)
  std::string smtp_url;    // smtps://host[:port] or smtp://host[:port] (STARTTLS)
  std::string user;        // login for IMAP and SMTP; empty: the address
  bool smtp_login = true;  // false: a relay that accepts us without login
  std::string ca_file;     // extra CA bundle; empty: the system's
  bool allow_plaintext = false;
  std::string inbox = "INBOX";
  std::string sent = "Sent";
  bool auto_reply = true;
  int auto_reply_days = 7;
  std::string secrets_file;  // empty: the OS keyring
  bool qresync = true;       // false: never QRESYNC, for a server known to get it wrong
};

[[nodiscard]] std::vector<EmailAccountSettings> email_accounts(const Store& store);
/// Adds the account, or replaces the one with the same address (case-insensitive).
void save_email_account(Store& store, const EmailAccountSettings& account);
/// False when there was no such account.
bool remove_email_account(Store& store, const std::string& address);

/// "email:post@kommune.no": the name the password is kept under.
[[nodiscard]] std::string credential_key(const std::string& address);

/// Where this account's password is kept.
[[nodiscard]] std::unique_ptr<Credentials> credentials_for(const EmailAccountSettings& account);

/// The connector's view of the account, with the password from `credentials`. Throws
/// SyncFailure (auth_required) when no password is stored.
[[nodiscard]] EmailAccount to_email_account(const EmailAccountSettings& settings,
                                            Credentials& credentials);
/// The same with a password already at hand (a form's "Test connection").
[[nodiscard]] EmailAccount to_email_account(const EmailAccountSettings& settings,
                                            const std::string& password);

}  // namespace samla
