#include "channel_settings.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "i18n.h"
#include "samla/models/rejection.h"
#include "samla/sync/sms_settings.h"

namespace samla::app {
namespace {

constexpr const char* kWindowLanguage = "ui.language";

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// A libpq value: quoted when it is empty or holds a space, a quote or a backslash.
std::string conninfo_value(const std::string& value) {
  if (!value.empty() && value.find_first_of(" '\\") == std::string::npos) return value;
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// The key=value pairs of a libpq connection string, in order.
std::vector<std::pair<std::string, std::string>> conninfo_pairs(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = 0;
  const auto skip_space = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  while (true) {
    skip_space();
    if (i >= text.size()) break;
    std::string key;
    while (i < text.size() && text[i] != '=' && text[i] != ' ') key += text[i++];
    skip_space();
    if (i >= text.size() || text[i] != '=') {
      throw std::invalid_argument(substitute(tr("'{0}' in the hub address has no value"), {key}));
    }
    ++i;
    skip_space();
    std::string value;
    if (i < text.size() && text[i] == '\'') {
      ++i;
      while (i < text.size() && text[i] != '\'') {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        value += text[i++];
      }
      ++i;  // the closing quote
    } else {
      while (i < text.size() && text[i] != ' ' && text[i] != '\t') value += text[i++];
    }
    out.emplace_back(key, value);
  }
  return out;
}

void require(bool ok, const std::string& text) {
  if (!ok) throw std::invalid_argument(text);
}

bool starts_with_any(const std::string& text, std::initializer_list<const char*> prefixes) {
  return std::ranges::any_of(prefixes, [&](const char* p) { return text.starts_with(p); });
}

}  // namespace

std::string hub_credential_key(const std::string& user) { return "hub:" + user; }

std::string to_conninfo(const HubForm& form) {
  std::string out = "host=" + conninfo_value(trim(form.host));
  if (!trim(form.port).empty()) out += " port=" + conninfo_value(trim(form.port));
  out += " dbname=" + conninfo_value(trim(form.database));
  if (!trim(form.login).empty()) out += " user=" + conninfo_value(trim(form.login));
  // Certificates are always verified (DESIGN.md): against the given CA, else libpq's default.
  out += " sslmode=verify-full";
  if (!trim(form.ca_file).empty()) out += " sslrootcert=" + conninfo_value(trim(form.ca_file));
  if (!trim(form.other).empty()) out += " " + trim(form.other);
  return out;
}

HubForm hub_form_from(const std::string& conninfo, const std::string& user) {
  HubForm form;
  form.port.clear();
  form.user = user;
  std::string other;
  for (const auto& [key, value] : conninfo_pairs(conninfo)) {
    if (key == "host" || key == "hostaddr") {
      form.host = value;
    } else if (key == "port") {
      form.port = value;
    } else if (key == "dbname") {
      form.database = value;
    } else if (key == "user") {
      form.login = value;
    } else if (key == "sslrootcert") {
      form.ca_file = value;
    } else if (key == "sslmode" && value == "verify-full") {
      // always written
    } else {
      other += (other.empty() ? "" : " ") + key + "=" + conninfo_value(value);
    }
  }
  form.other = other;
  return form;
}

ChannelSettings::ChannelSettings(Workspace& workspace, KeyringFactory keyring)
    : ws_(workspace), keyring_(std::move(keyring)) {}

std::unique_ptr<Credentials> ChannelSettings::credentials_of(
    const EmailAccountSettings& account) const {
  if (!account.secrets_file.empty()) return credentials_for(account);
  return keyring_();
}

std::vector<EmailAccountSettings> ChannelSettings::email_accounts() const {
  return samla::email_accounts(ws_.store());
}

EmailAccountSettings ChannelSettings::checked(const EmailAccountSettings& form) {
  EmailAccountSettings account = form;
  account.address = trim(account.address);
  account.imap_url = trim(account.imap_url);
  account.smtp_url = trim(account.smtp_url);
  account.user = trim(account.user);
  require(account.address.find('@') != std::string::npos && account.address.front() != '@' &&
              account.address.back() != '@',
          tr("Write the mailbox's address, e.g. post@kommune.no."));
  require(starts_with_any(account.imap_url, {"imaps://", "imap://"}),
          tr("The IMAP server starts with imaps:// (or imap:// for STARTTLS)."));
  require(starts_with_any(account.smtp_url, {"smtps://", "smtp://"}),
          tr("The SMTP server starts with smtps:// (or smtp:// for STARTTLS)."));
  account.inbox = trim(account.inbox);
  account.sent = trim(account.sent);
  require(!account.inbox.empty() && !account.sent.empty(),
          tr("Name the folder to read and the folder for copies of replies."));
  require(account.auto_reply_days >= 0, tr("The days between auto-replies cannot be negative."));
  return account;
}

void ChannelSettings::save_email_account(const EmailAccountSettings& form,
                                         const std::string& password) {
  const EmailAccountSettings account = checked(form);
  // The password first: a form whose password cannot be kept is not half saved.
  if (!password.empty()) credentials_of(account)->store(credential_key(account.address), password);
  samla::save_email_account(ws_.store(), account);
}

EmailAccount ChannelSettings::account_to_test(const EmailAccountSettings& form,
                                              const std::string& password) const {
  const EmailAccountSettings account = checked(form);
  std::optional<std::string> secret;
  if (!password.empty()) {
    secret = password;
  } else {
    try {
      secret = credentials_of(account)->lookup(credential_key(account.address));
    } catch (const CredentialError&) {
      // No keyring: said below as a missing password.
    }
  }
  require(secret.has_value(), tr("Type the password to test the connection."));
  return to_email_account(account, *secret);
}

void ChannelSettings::remove_email_account(const std::string& address) {
  for (const auto& account : email_accounts()) {
    if (credential_key(account.address) != credential_key(address)) continue;
    try {
      credentials_of(account)->remove(credential_key(account.address));
    } catch (const CredentialError&) {
      // No keyring to clean: the account goes all the same.
    }
  }
  samla::remove_email_account(ws_.store(), address);
}

bool ChannelSettings::has_email_password(const EmailAccountSettings& account) const {
  try {
    return credentials_of(account)->lookup(credential_key(account.address)).has_value();
  } catch (const CredentialError&) {
    return false;
  }
}

std::optional<SmsGatewayForm> ChannelSettings::sms_gateway() const {
  const auto text = ws_.store().setting(kSmsGatewaySetting);
  if (!text || text->empty()) return std::nullopt;
  const auto json = nlohmann::json::parse(*text, nullptr, false);
  if (!json.is_object()) return std::nullopt;
  SmsGatewayForm form;
  form.provider = json.value("provider", std::string("twilio"));
  form.number = json.value("number", std::string());
  form.account_sid = json.value("account_sid", std::string());
  return form;
}

void ChannelSettings::save_sms_gateway(const SmsGatewayForm& form, const std::string& token) {
  const std::string number = trim(form.number);
  require(number.size() > 3 && number.front() == '+',
          tr("Write the gateway's number with its country code, e.g. +4722334455."));
  require(form.provider != "twilio" || !trim(form.account_sid).empty(),
          tr("Twilio needs the account SID (it starts with AC)."));
  // Keys the window does not edit (a REST mapping, the receipt wait, …) are kept.
  nlohmann::json json = nlohmann::json::object();
  if (const auto text = ws_.store().setting(kSmsGatewaySetting)) {
    auto old = nlohmann::json::parse(*text, nullptr, false);
    if (old.is_object()) json = std::move(old);
  }
  json["provider"] = form.provider;
  json["number"] = number;
  if (trim(form.account_sid).empty()) {
    json.erase("account_sid");
  } else {
    json["account_sid"] = trim(form.account_sid);
  }
  if (!token.empty()) keyring_()->store(kSmsGatewaySecret, token);
  ws_.store().set_setting(kSmsGatewaySetting, json.dump());
}

void ChannelSettings::remove_sms_gateway() {
  try {
    keyring_()->remove(kSmsGatewaySecret);
  } catch (const CredentialError&) {
    // No keyring to clean.
  }
  ws_.store().set_setting(kSmsGatewaySetting, "");
}

std::optional<HubForm> ChannelSettings::hub() const {
  const auto settings = hub_settings(ws_.store());
  if (!settings) return std::nullopt;
  return hub_form_from(settings->conninfo, settings->user);
}

void ChannelSettings::save_hub(const HubForm& form, const std::string& password) {
  require(!trim(form.host).empty(), tr("Write the hub's address, e.g. hub.kommune.no."));
  require(!trim(form.database).empty(), tr("Write the hub's database name."));
  require(!trim(form.user).empty(), tr("Write the Samla user this desktop acts as."));
  const std::string port = trim(form.port);
  require(port.empty() || port.find_first_not_of("0123456789") == std::string::npos,
          tr("The port is a number, e.g. 5432."));
  (void)conninfo_pairs(trim(form.other));  // a clear error now rather than at connect
  HubSettings settings;
  settings.conninfo = to_conninfo(form);
  settings.user = trim(form.user);
  if (!password.empty()) keyring_()->store(hub_credential_key(settings.user), password);
  save_hub_settings(ws_.store(), settings);
  ws_.set_current_user(settings.user);
}

void ChannelSettings::leave_hub() { save_hub_settings(ws_.store(), HubSettings{}); }

std::string ChannelSettings::window_language() const {
  return ws_.store().setting(kWindowLanguage).value_or("");
}

void ChannelSettings::set_window_language(const std::string& code) {
  require(code.empty() || code == "nn" || code == "nb" || code == "en",
          tr("The window language is nynorsk, bokmål or English."));
  ws_.store().set_setting(kWindowLanguage, code);
}

}  // namespace samla::app
