#pragma once
// The SMS channel as a profile configures it: the gateway's settings live in the profile's
// settings (key "sms_gateway", JSON), its secret (auth token, API key) comes from a credentials
// source, never from settings. `samlactl sync` and the desktop's engine build the connector
// from here.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "samla/sync/sms_connector.h"

namespace samla {

class Store;

/// Looks a secret up by name; nullopt when there is none. The seam the OS keyring (or any other
/// credentials store) stands behind.
using SecretLookup = std::function<std::optional<std::string>(const std::string& name)>;

/// The profile setting that holds the gateway's JSON, and the name of its secret:
///   {"provider": "twilio", "number": "+4722334455", "account_sid": "AC…",
///    "api_key_sid": "SK…" (optional), "base_url": "…" (optional), "department": "…",
///    "receipt_wait_minutes": 15, "secrets_file": "…" (optional: the agent's JSON secrets
///    file, see file_credentials(); else the OS keyring)}
///   {"provider": "rest", "number": "+4722334455", "mapping": {… see sms_rest_gateway.h …}}
inline constexpr const char* kSmsGatewaySetting = "sms_gateway";
inline constexpr const char* kSmsGatewaySecret = "sms_gateway";

/// The connector the profile's settings describe; nullptr when no SMS gateway is configured.
/// Throws std::invalid_argument for settings that cannot work (named), and SyncFailure with
/// auth_required when the secret is missing.
[[nodiscard]] std::unique_ptr<SmsConnector> make_sms_connector(const Store& store,
                                                               const SecretLookup& secrets);

}  // namespace samla
