#include "samla/sync/profile_channels.h"

#include <nlohmann/json.hpp>

#include "email/ascii_lower.h"
#include "samla/sync/credentials.h"
#include "samla/sync/email/email_accounts.h"
#include "samla/sync/store.h"

namespace samla {
namespace {

std::string sms_number_setting(const Store& store) {
  const auto text = store.setting(kSmsGatewaySetting);
  if (!text) return {};
  const auto settings = nlohmann::json::parse(*text, nullptr, false);
  if (!settings.is_object()) return {};
  return settings.value("number", std::string{});
}

void add_email_channels(const Store& store, const ProfileChannelOptions& options,
                        ProfileChannels& channels) {
  const auto accounts = email_accounts(store);
  std::vector<std::string> own;
  own.reserve(accounts.size());
  for (const auto& account : accounts) own.push_back(account.address);
  for (const auto& settings : accounts) {
    try {
      auto credentials = credentials_for(settings);
      EmailAccount account = to_email_account(settings, *credentials);
      account.auto_reply_policy.own_addresses = own;
      if (!options.auto_reply) account.auto_reply = false;
      channels.connectors.push_back(std::make_unique<EmailConnector>(std::move(account)));
    } catch (const SyncFailure& failure) {
      channels.problems.push_back({"imap:" + ascii_lower(settings.address), settings.address,
                                   failure.what(), failure.auth_required()});
    } catch (const std::exception& error) {  // CredentialError, bad settings
      channels.problems.push_back(
          {"imap:" + ascii_lower(settings.address), settings.address, error.what(), true});
    }
  }
}

void add_sms_channel(const Store& store, ProfileChannels& channels) {
  try {
    if (auto sms = make_sms_connector(store, sms_gateway_secrets(store))) {
      channels.connectors.push_back(std::move(sms));
    }
  } catch (const SyncFailure& failure) {
    const auto number = sms_number_setting(store);
    channels.problems.push_back({"sms:" + number, number, failure.what(), failure.auth_required()});
  } catch (const std::exception& error) {
    const auto number = sms_number_setting(store);
    channels.problems.push_back({"sms:" + number, number, error.what(), false});
  }
}

}  // namespace

SecretLookup sms_gateway_secrets(const Store& store) {
  const auto text = store.setting(kSmsGatewaySetting);
  if (text) {
    const auto settings = nlohmann::json::parse(*text, nullptr, false);
    if (settings.is_object()) {
      const auto file = settings.value("secrets_file", std::string{});
      // The same JSON secrets file (0600) as the mailboxes'; read when the secret is needed.
      if (!file.empty()) {
        return [file](const std::string& name) { return file_credentials(file)->lookup(name); };
      }
    }
  }
  // Looked up lazily: a profile without SMS never talks to the keyring.
  return [](const std::string& name) -> std::optional<std::string> {
    return keyring_credentials()->lookup(name);
  };
}

ProfileChannels profile_channels(const Store& store, const ProfileChannelOptions& options) {
  ProfileChannels channels;
  add_email_channels(store, options, channels);
  add_sms_channel(store, channels);
  return channels;
}

}  // namespace samla
