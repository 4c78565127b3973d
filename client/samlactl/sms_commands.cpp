// sms-gateway set|show|remove, and sms CONVERSATION TEXT: the profile's SMS gateway (settings in
// the profile, the secret in the keyring or the agent's secrets file) and an SMS to a citizen.
#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.h"
#include "i18n.h"
#include "samla/models/rejection.h"
#include "samla/sync/credentials.h"
#include "samla/sync/profile_channels.h"
#include "samla/sync/sms_number.h"
#include "samla/sync/sms_rest_gateway.h"
#include "samla/sync/sms_settings.h"

namespace samla::cli {
namespace {

using nlohmann::json;

struct GatewayOptions {
  std::string provider;
  std::string number;
  std::string account_sid;
  std::string api_key_sid;
  std::string base_url;
  std::string mapping_file;
  std::string department;
  std::string secrets_file;
  int receipt_wait_minutes = -1;
  bool keep_secret = false;
};

// Where the secret of these settings lives: the secrets file they name, else the keyring.
std::unique_ptr<Credentials> secret_store(const json& settings) {
  const auto file = settings.value("secrets_file", std::string{});
  return file.empty() ? keyring_credentials() : file_credentials(file);
}

json current_settings(const Store& store) {
  const auto text = store.setting(kSmsGatewaySetting);
  if (!text || text->empty()) return nullptr;
  auto settings = json::parse(*text, nullptr, false);
  return settings.is_object() ? settings : json(nullptr);
}

// The secret from standard input; asked for without echo when that is a terminal. Never an
// argument: those show in `ps` and in shell history.
std::string read_secret() {
  const bool terminal = ::isatty(STDIN_FILENO) == 1;
  termios saved{};
  if (terminal) {
    std::cerr << tr("Auth token of the SMS gateway: ") << std::flush;
    ::tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string secret;
  std::getline(std::cin, secret);
  if (terminal) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << '\n';
  }
  if (!secret.empty() && secret.back() == '\r') secret.pop_back();
  if (secret.empty()) throw UsageError(tr("no secret (auth token) on standard input"));
  return secret;
}

// A mistake in one field: names the option, says what is wanted.
[[noreturn]] void bad_field(const std::string& option, const std::string& why) {
  throw UsageError(option + ": " + why);
}

bool loopback_http(const std::string& url) {
  for (const char* prefix : {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
    const std::string p(prefix);
    if (url.starts_with(p) &&
        (url.size() == p.size() || url[p.size()] == ':' || url[p.size()] == '/')) {
      return true;
    }
  }
  return false;
}

json settings_from(const GatewayOptions& o) {
  json settings{{"provider", o.provider}};
  try {
    settings["number"] = to_e164(o.number);
  } catch (const InvalidPhoneNumber& e) {
    bad_field("--number", e.what());
  }
  if (o.provider == "twilio") {
    const bool sid_ok = o.account_sid.size() == 34 && o.account_sid.starts_with("AC");
    if (!sid_ok) bad_field("--account-sid", tr("a Twilio account SID is AC and 32 characters"));
    settings["account_sid"] = o.account_sid;
    if (!o.api_key_sid.empty()) {
      if (!o.api_key_sid.starts_with("SK")) {
        bad_field("--api-key-sid", tr("a Twilio API key SID starts with SK"));
      }
      settings["api_key_sid"] = o.api_key_sid;
    }
    if (!o.base_url.empty()) {
      if (!o.base_url.starts_with("https://") && !loopback_http(o.base_url)) {
        bad_field("--base-url", tr("must be https:// (plain http only on this machine)"));
      }
      settings["base_url"] = o.base_url;
    }
    if (!o.mapping_file.empty()) bad_field("--mapping", tr("only for the rest provider"));
  } else {
    if (o.mapping_file.empty())
      bad_field("--mapping", tr("the rest provider needs a mapping file"));
    std::ifstream in(o.mapping_file);
    if (!in) bad_field("--mapping", substitute(tr("cannot read {0}"), {o.mapping_file}));
    std::stringstream text;
    text << in.rdbuf();
    try {
      static_cast<void>(parse_rest_gateway_mapping(text.str()));
    } catch (const std::invalid_argument& e) {
      bad_field("--mapping", e.what());
    }
    settings["mapping"] = json::parse(text.str());
    if (!o.account_sid.empty()) bad_field("--account-sid", tr("only for the twilio provider"));
    if (!o.api_key_sid.empty()) bad_field("--api-key-sid", tr("only for the twilio provider"));
    if (!o.base_url.empty()) bad_field("--base-url", tr("only for the twilio provider"));
  }
  if (!o.department.empty()) settings["department"] = o.department;
  if (o.receipt_wait_minutes >= 0) settings["receipt_wait_minutes"] = o.receipt_wait_minutes;
  if (!o.secrets_file.empty()) {
    settings["secrets_file"] = std::filesystem::absolute(o.secrets_file).string();
  }
  return settings;
}

void add_set_command(CLI::App& gateway, CliContext& ctx) {
  auto* set = gateway.add_subcommand(
      "set", tr("configure the SMS gateway; the auth token is read from standard input"));
  auto o = std::make_shared<GatewayOptions>();
  set->add_option("provider", o->provider, tr("twilio, or rest (a configurable REST gateway)"))
      ->required()
      ->check(CLI::IsMember({"twilio", "rest"}));
  set->add_option("--number", o->number, tr("our SMS number, e.g. +47 22 33 44 55"))->required();
  set->add_option("--account-sid", o->account_sid, tr("Twilio: the account SID (AC…)"));
  set->add_option("--api-key-sid", o->api_key_sid,
                  tr("Twilio: an API key SID (SK…) whose secret is the token"));
  set->add_option("--base-url", o->base_url, tr("Twilio: another API address (tests)"));
  set->add_option("--mapping", o->mapping_file, tr("rest: the JSON file describing the API"));
  set->add_option("--department", o->department,
                  tr("the department new SMS conversations go to (default: the municipality's)"));
  set->add_option("--receipt-wait-minutes", o->receipt_wait_minutes,
                  tr("count an SMS as sent when no delivery report came in this long (default 15)"))
      ->check(CLI::Range(0, 24 * 60));
  set->add_option("--secrets-file", o->secrets_file,
                  tr("keep the token in this 0600 file instead of the keyring (agents)"));
  set->add_flag("--keep-secret", o->keep_secret, tr("keep the token already stored"));
  set->callback([&ctx, o] {
    auto& store = ctx.workspace().store();
    const auto settings = settings_from(*o);
    if (!o->department.empty() && !ctx.workspace().directory().department(o->department)) {
      bad_field("--department", tr("no such department") + ": " + o->department);
    }
    auto secrets = secret_store(settings);
    std::optional<std::string> secret;
    if (o->keep_secret) {
      secret = secrets->lookup(kSmsGatewaySecret);
      if (!secret) bad_field("--keep-secret", tr("no token is stored yet"));
    } else {
      secret = read_secret();
    }
    // Everything the connector checks, before anything is kept.
    const auto before = store.setting(kSmsGatewaySetting);
    store.set_setting(kSmsGatewaySetting, settings.dump());
    try {
      static_cast<void>(
          make_sms_connector(store, [&secret](const std::string&) { return secret; }));
    } catch (const std::exception& e) {
      store.set_setting(kSmsGatewaySetting, before.value_or(""));
      throw UsageError(e.what());
    }
    if (!o->keep_secret) {
      try {
        secrets->store(kSmsGatewaySecret, *secret);
      } catch (...) {
        store.set_setting(kSmsGatewaySetting, before.value_or(""));
        throw;
      }
    }
    // A token left in the keyring when the settings now name a file (or the other way) is
    // removed, so that it does not linger where nobody looks.
    if (const auto old = json::parse(before.value_or(""), nullptr, false); old.is_object()) {
      if (old.value("secrets_file", std::string{}) !=
          settings.value("secrets_file", std::string{})) {
        try {
          secret_store(old)->remove(kSmsGatewaySecret);
        } catch (const std::exception&) {  // the old store is gone: nothing lingers there
        }
      }
    }
    std::cout << tr("SMS gateway") << ' ' << settings.at("number").get<std::string>() << '\t'
              << tr("token in") << ' ' << secrets->where() << '\n';
  });
}

void add_show_command(CLI::App& gateway, CliContext& ctx, int& code) {
  gateway.add_subcommand("show", tr("the SMS gateway's settings (never its token)"))
      ->callback([&ctx, &code] {
        auto settings = current_settings(ctx.workspace().store());
        if (settings.is_null()) {
          std::cerr << "samlactl: " << tr("no SMS gateway is configured") << '\n';
          code = kRefused;
          return;
        }
        try {
          auto secrets = secret_store(settings);
          settings["secret_in"] = secrets->where();
          settings["secret_stored"] = secrets->lookup(kSmsGatewaySecret).has_value();
        } catch (const std::exception& e) {
          settings["secret_in"] = e.what();
          settings["secret_stored"] = false;
        }
        std::cout << settings.dump(2) << '\n';
      });
}

void add_remove_command(CLI::App& gateway, CliContext& ctx, int& code) {
  gateway.add_subcommand("remove", tr("remove the SMS gateway and its token"))
      ->callback([&ctx, &code] {
        auto& store = ctx.workspace().store();
        const auto settings = current_settings(store);
        if (settings.is_null()) {
          std::cerr << "samlactl: " << tr("no SMS gateway is configured") << '\n';
          code = kRefused;
          return;
        }
        secret_store(settings)->remove(kSmsGatewaySecret);
        store.set_setting(kSmsGatewaySetting, "");
      });
}

// sms CONVERSATION TEXT [--to NUMBER]: queued like a reply, sent by the SMS gateway.
void add_sms_send(CLI::App& app, CliContext& ctx, int& code) {
  CLI::App* sms = app.get_subcommand("sms");
  auto id = std::make_shared<std::string>();
  auto text = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  sms->add_option("conversation", *id, tr("conversation id or its first 8 characters"));
  sms->add_option("text", *text, tr("the SMS to the citizen"));
  sms->add_option("--to", *to,
                  tr("the citizen's mobile number (default: the number the conversation came "
                     "from)"));
  // `sms count` is a subcommand of the same word; a conversation then is the other form.
  sms->require_subcommand(0, 1);
  sms->callback([sms, &ctx, &code, id, text, to] {
    if (!sms->get_subcommands().empty()) return;
    if (id->empty() || text->empty()) {
      throw UsageError(tr("give a conversation and the text: sms CONVERSATION TEXT [--to NUMBER]"));
    }
    auto& ws = ctx.workspace();
    const auto conversation = ws.store().conversation(*id);
    if (!conversation) throw UsageError(tr("there is no such conversation") + ": " + *id);
    std::string number;
    if (!to->empty()) {
      try {
        number = to_e164(*to);
      } catch (const InvalidPhoneNumber& e) {
        bad_field("--to", e.what());
      }
    } else if (const auto own = citizen_phone(*conversation)) {
      number = *own;
    } else {
      bad_field("--to", tr("this conversation has no phone number of the citizen; give one"));
    }
    run_conversation_command(
        ctx, code, conversation->id,
        QueueReply{"", *text, Channel::Sms, Party{conversation->citizen.name, number}},
        " " + number);
  });
}

}  // namespace

void add_sms_commands(CLI::App& app, Commands cmd) {
  auto* gateway =
      app.add_subcommand("sms-gateway", tr("the SMS gateway replies and SMS go through"));
  gateway->require_subcommand(1);
  add_set_command(*gateway, cmd.context);
  add_show_command(*gateway, cmd.context, cmd.exit_code);
  add_remove_command(*gateway, cmd.context, cmd.exit_code);
  add_sms_send(app, cmd.context, cmd.exit_code);
}

}  // namespace samla::cli
