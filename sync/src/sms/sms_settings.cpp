#include "samla/sync/sms_settings.h"

#include <nlohmann/json.hpp>

#include "samla/sync/sms_rest_gateway.h"
#include "samla/sync/sms_twilio.h"
#include "samla/sync/store.h"

namespace samla {

std::unique_ptr<SmsConnector> make_sms_connector(const Store& store, const SecretLookup& secrets) {
  const auto text = store.setting(kSmsGatewaySetting);
  if (!text || text->empty()) return nullptr;
  const auto settings = nlohmann::json::parse(*text, nullptr, false);
  if (settings.is_discarded() || !settings.is_object()) {
    throw std::invalid_argument("the SMS gateway setting is not a JSON object");
  }
  const auto string_of = [&settings](const char* key) {
    const auto it = settings.find(key);
    return it != settings.end() && it->is_string() ? it->get<std::string>() : std::string{};
  };
  SmsConnectorOptions options;
  options.number = string_of("number");
  if (options.number.empty()) throw std::invalid_argument("the SMS gateway needs our \"number\"");
  options.department = string_of("department");
  if (const auto it = settings.find("receipt_wait_minutes"); it != settings.end()) {
    if (!it->is_number_unsigned()) {
      throw std::invalid_argument("receipt_wait_minutes must be a whole number of minutes");
    }
    options.receipt_wait = std::chrono::minutes{it->get<std::int64_t>()};
  }
  auto secret = secrets ? secrets(kSmsGatewaySecret) : std::nullopt;
  if (!secret || secret->empty()) {
    SyncFailure::Kind kind;
    kind.retryable = false;
    kind.auth_required = true;
    throw SyncFailure("the SMS gateway has no secret (auth token) stored", kind);
  }

  const auto provider = string_of("provider");
  std::unique_ptr<SmsGateway> gateway;
  if (provider == "twilio") {
    TwilioSettings twilio;
    twilio.account_sid = string_of("account_sid");
    twilio.api_key_sid = string_of("api_key_sid");
    if (const auto base = string_of("base_url"); !base.empty()) twilio.base_url = base;
    twilio.auth_token = *secret;
    gateway = std::make_unique<TwilioGateway>(std::move(twilio));
  } else if (provider == "rest") {
    const auto mapping = settings.find("mapping");
    if (mapping == settings.end()) throw std::invalid_argument("the REST gateway needs a mapping");
    gateway = std::make_unique<RestGateway>(parse_rest_gateway_mapping(mapping->dump()), *secret);
  } else {
    throw std::invalid_argument("unknown SMS gateway provider \"" + provider +
                                "\" (expected twilio or rest)");
  }
  return std::make_unique<SmsConnector>(std::move(gateway), std::move(options));
}

}  // namespace samla
