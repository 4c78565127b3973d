// Secrets in the Secret Service through libsecret (Debian's wxWidgets has no wxSecretStore).
#include <libsecret/secret.h>

#include "samla/sync/credentials.h"

namespace samla {
namespace {

const SecretSchema* schema() {
  static const SecretSchema instance = [] {
    SecretSchema s{};
    s.name = "no.samla.Credential";
    s.flags = SECRET_SCHEMA_NONE;
    s.attributes[0].name = "account";
    s.attributes[0].type = SECRET_SCHEMA_ATTRIBUTE_STRING;
    return s;
  }();
  return &instance;
}

void check(GError* error, const std::string& what) {
  if (error == nullptr) return;
  const std::string message = what + ": " + error->message;
  g_error_free(error);
  throw CredentialError(message);
}

class KeyringCredentials final : public Credentials {
 public:
  void store(const std::string& account, const std::string& secret) override {
    GError* error = nullptr;
    const std::string label = "Samla: " + account;
    secret_password_store_sync(schema(), SECRET_COLLECTION_DEFAULT, label.c_str(), secret.c_str(),
                               nullptr, &error, "account", account.c_str(), nullptr);
    check(error, "the keyring could not store the password");
  }
  std::optional<std::string> lookup(const std::string& account) override {
    GError* error = nullptr;
    gchar* secret =
        secret_password_lookup_sync(schema(), nullptr, &error, "account", account.c_str(), nullptr);
    check(error, "the keyring could not be read");
    if (secret == nullptr) return std::nullopt;
    std::string out(secret);
    secret_password_free(secret);
    return out;
  }
  void remove(const std::string& account) override {
    GError* error = nullptr;
    secret_password_clear_sync(schema(), nullptr, &error, "account", account.c_str(), nullptr);
    check(error, "the keyring could not remove the password");
  }
  [[nodiscard]] std::string where() const override { return "the keyring"; }
};

}  // namespace

std::unique_ptr<Credentials> keyring_credentials() {
  return std::make_unique<KeyringCredentials>();
}

}  // namespace samla
