#pragma once
// What the Settings window changes about a profile's channels and team mode, without a window:
// email accounts, the SMS gateway, the team hub connection and the window language. Settings go
// to the profile's store through sync's own save functions (the same ones samlactl uses);
// passwords and tokens go to the OS keyring (or an account's own secrets file), never to the
// store. GUI thread; the keyring is injected so that tests need no Secret Service.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "samla/sync/credentials.h"
#include "samla/sync/email/email_accounts.h"
#include "samla/sync/hub_client.h"
#include "samla/sync/workspace.h"

namespace samla::app {

/// Opens the OS keyring (throws CredentialError when there is none).
using KeyringFactory = std::function<std::unique_ptr<Credentials>()>;

/// The name the hub password of a Samla user is kept under in the keyring: "hub:kari".
[[nodiscard]] std::string hub_credential_key(const std::string& user);

/// The SMS gateway as the Settings window edits it (the JSON of sms_settings.h: provider,
/// number, account_sid; other keys already in the setting are kept).
struct SmsGatewayForm {
  std::string provider = "twilio";
  std::string number;       // the gateway's sender number, E.164
  std::string account_sid;  // Twilio's account SID
};

/// The team hub connection as the Settings window edits it; turned into a libpq connection
/// string. Options of the string the form has no field for are kept as they were.
struct HubForm {
  std::string host;
  std::string port = "5432";
  std::string database = "samla";
  std::string login;    // the PostgreSQL login
  std::string user;     // the Samla user this desktop acts as (often the same as the login)
  std::string ca_file;  // the CA that signed the hub's certificate; empty: libpq's default
  std::string other;    // further libpq options, kept as written
};

[[nodiscard]] std::string to_conninfo(const HubForm& form);
/// Reads a libpq key=value connection string (values may be quoted with '…').
[[nodiscard]] HubForm hub_form_from(const std::string& conninfo, const std::string& user);

class ChannelSettings {
 public:
  ChannelSettings(Workspace& workspace, KeyringFactory keyring);

  [[nodiscard]] std::vector<EmailAccountSettings> email_accounts() const;
  /// Saves the account (replacing one with the same address); a non-empty password goes to the
  /// keyring (or the account's secrets file). Throws std::invalid_argument for a form that
  /// cannot work, with the reason in words; CredentialError when the keyring is missing.
  void save_email_account(const EmailAccountSettings& form, const std::string& password);
  /// The account the form describes, with the typed password or else the stored one, for
  /// "Test connection" (nothing is saved). Throws std::invalid_argument with the reason.
  [[nodiscard]] EmailAccount account_to_test(const EmailAccountSettings& form,
                                             const std::string& password) const;
  /// Removes the account and its stored password.
  void remove_email_account(const std::string& address);
  /// Whether a password is stored for the account (false when the keyring cannot be asked).
  [[nodiscard]] bool has_email_password(const EmailAccountSettings& account) const;

  [[nodiscard]] std::optional<SmsGatewayForm> sms_gateway() const;
  /// Saves the gateway settings and, when not empty, its token to the keyring.
  void save_sms_gateway(const SmsGatewayForm& form, const std::string& token);
  void remove_sms_gateway();

  [[nodiscard]] std::optional<HubForm> hub() const;
  /// Puts the profile in team mode (save_hub_settings, as `samlactl hub init`) acting as
  /// form.user; a non-empty password goes to the keyring.
  void save_hub(const HubForm& form, const std::string& password);
  /// Back to solo mode: the hub settings are cleared (the local store stays).
  void leave_hub();

  /// The window language: "nn", "nb", "en", or "" for the system's.
  [[nodiscard]] std::string window_language() const;
  void set_window_language(const std::string& code);

 private:
  /// The form trimmed; throws std::invalid_argument when it cannot work.
  [[nodiscard]] static EmailAccountSettings checked(const EmailAccountSettings& form);
  [[nodiscard]] std::unique_ptr<Credentials> credentials_of(
      const EmailAccountSettings& account) const;

  Workspace& ws_;
  KeyringFactory keyring_;
};

}  // namespace samla::app
