#include "samla/sync/email/email_accounts.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace samla {
namespace {

constexpr const char* kSetting = "email_accounts";

std::string lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

nlohmann::json to_json(const EmailAccountSettings& a) {
  return {{"address", a.address},
          {"display_name", a.display_name},
          {"imap_url", a.imap_url},
          {"smtp_url", a.smtp_url},
          {"user", a.user},
          {"smtp_login", a.smtp_login},
          {"ca_file", a.ca_file},
          {"allow_plaintext", a.allow_plaintext},
          {"inbox", a.inbox},
          {"sent", a.sent},
          {"auto_reply", a.auto_reply},
          {"auto_reply_days", a.auto_reply_days},
          {"secrets_file", a.secrets_file},
          {"qresync", a.qresync}};
}

EmailAccountSettings from_json(const nlohmann::json& j) {
  EmailAccountSettings a;
  a.address = j.value("address", "");
  a.display_name = j.value("display_name", "");
  a.imap_url = j.value("imap_url", "");
  a.smtp_url = j.value("smtp_url", "");
  a.user = j.value("user", "");
  a.smtp_login = j.value("smtp_login", true);
  a.ca_file = j.value("ca_file", "");
  a.allow_plaintext = j.value("allow_plaintext", false);
  a.inbox = j.value("inbox", "INBOX");
  a.sent = j.value("sent", "Sent");
  a.auto_reply = j.value("auto_reply", true);
  a.auto_reply_days = j.value("auto_reply_days", 7);
  a.secrets_file = j.value("secrets_file", "");
  a.qresync = j.value("qresync", true);
  return a;
}

void save_all(Store& store, const std::vector<EmailAccountSettings>& accounts) {
  nlohmann::json all = nlohmann::json::array();
  for (const auto& a : accounts) all.push_back(to_json(a));
  store.set_setting(kSetting, all.dump());
}

}  // namespace

std::vector<EmailAccountSettings> email_accounts(const Store& store) {
  std::vector<EmailAccountSettings> out;
  const auto text = store.setting(kSetting);
  if (!text) return out;
  const auto json = nlohmann::json::parse(*text, nullptr, false);
  if (!json.is_array()) return out;
  for (const auto& item : json) {
    if (item.is_object()) out.push_back(from_json(item));
  }
  return out;
}

void save_email_account(Store& store, const EmailAccountSettings& account) {
  auto all = email_accounts(store);
  std::erase_if(all, [&](const auto& a) { return lower(a.address) == lower(account.address); });
  all.push_back(account);
  save_all(store, all);
}

bool remove_email_account(Store& store, const std::string& address) {
  auto all = email_accounts(store);
  const auto removed =
      std::erase_if(all, [&](const auto& a) { return lower(a.address) == lower(address); });
  if (removed > 0) save_all(store, all);
  return removed > 0;
}

std::string credential_key(const std::string& address) { return "email:" + lower(address); }

std::unique_ptr<Credentials> credentials_for(const EmailAccountSettings& account) {
  if (!account.secrets_file.empty()) return file_credentials(account.secrets_file);
  return keyring_credentials();
}

EmailAccount to_email_account(const EmailAccountSettings& s, Credentials& credentials) {
  const auto password = credentials.lookup(credential_key(s.address));
  if (!password) {
    SyncFailure::Kind kind;
    kind.auth_required = true;
    kind.retryable = false;
    throw SyncFailure("no password for " + s.address + " in " + credentials.where(), kind);
  }
  return to_email_account(s, *password);
}

EmailAccount to_email_account(const EmailAccountSettings& s, const std::string& password) {
  EmailAccount a;
  a.address = s.address;
  a.display_name = s.display_name;
  const std::string user = s.user.empty() ? s.address : s.user;
  a.imap = MailServer{s.imap_url, user, password, s.ca_file, s.allow_plaintext};
  a.smtp = MailServer{s.smtp_url, s.smtp_login ? user : "", s.smtp_login ? password : "", s.ca_file,
                      s.allow_plaintext};
  a.inbox = s.inbox;
  a.sent = s.sent;
  a.auto_reply = s.auto_reply;
  a.auto_reply_policy.per_sender_period = std::chrono::hours{24 * std::max(0, s.auto_reply_days)};
  a.qresync = s.qresync;
  return a;
}

}  // namespace samla
