#pragma once
// The channels a profile works, built from its settings: each functional mailbox and the SMS
// gateway. One place, so that `samlactl sync`, `samlactl agent` and the desktop's sync engine
// work the same channels. A channel that cannot be built (no password stored, settings that
// cannot work) is reported by name while the others are built.
#include <memory>
#include <string>
#include <vector>

#include "samla/sync/connector.h"
#include "samla/sync/sms_settings.h"

namespace samla {

class Store;

/// A channel that the settings name but that cannot run, and why (readable).
struct ChannelProblem {
  std::string channel_id;  // as the connector's id() would be, e.g. "imap:post@kommune.no"
  std::string label;       // e.g. "post@kommune.no"
  std::string reason;
  bool auth_required = false;  // a person must store a password or token
};

struct ProfileChannels {
  std::vector<std::unique_ptr<Connector>> connectors;
  std::vector<ChannelProblem> problems;
};

struct ProfileChannelOptions {
  /// False for the team agent, which answers new messages itself (recorded in the hub first).
  bool auto_reply = true;
};

/// Where the SMS gateway's secret is looked up: the secrets file its settings name
/// ("secrets_file"), else the OS keyring under kSmsGatewaySecret.
[[nodiscard]] SecretLookup sms_gateway_secrets(const Store& store);

[[nodiscard]] ProfileChannels profile_channels(const Store& store,
                                               const ProfileChannelOptions& options = {});

}  // namespace samla
