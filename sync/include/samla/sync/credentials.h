#pragma once
// Where channel passwords live: the operating system's keyring (libsecret's Secret Service on
// Linux), or for a headless agent a secrets file only its owner may read (0600). Never the store
// or a config file. One small interface so that the connectors do not care which.
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace samla {

class CredentialError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Credentials {
 public:
  virtual ~Credentials() = default;
  /// Stores (or replaces) the secret for `account` (e.g. "imap:post@kommune.no").
  virtual void store(const std::string& account, const std::string& secret) = 0;
  [[nodiscard]] virtual std::optional<std::string> lookup(const std::string& account) = 0;
  virtual void remove(const std::string& account) = 0;
  /// "the keyring", "secrets file /path": for messages.
  [[nodiscard]] virtual std::string where() const = 0;
};

/// The Secret Service (GNOME Keyring, KWallet) through libsecret. Throws CredentialError when no
/// Secret Service answers.
[[nodiscard]] std::unique_ptr<Credentials> keyring_credentials();

/// A JSON file {account: secret} created with mode 0600; reading one that group or others may
/// read is refused (CredentialError), as ssh does with keys.
[[nodiscard]] std::unique_ptr<Credentials> file_credentials(std::filesystem::path file);

}  // namespace samla
