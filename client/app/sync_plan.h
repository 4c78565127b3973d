#pragma once
// Which channels the desktop's sync engine runs, read from the profile's settings, and what the
// window tells the caseworker about them. Solo mode: every email account and the SMS gateway
// (profile_channels). Team mode (the profile has hub settings): only the hub, because the team's
// agent works the channels. No wx: tested without a window.
#include <cstddef>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "channel_settings.h"
#include "samla/sync/connector.h"
#include "samla/sync/profile_channels.h"
#include "samla/sync/workspace.h"

namespace samla::app {

struct SyncPlan {
  bool team = false;
  std::vector<std::unique_ptr<Connector>> connectors;
  std::vector<ChannelProblem> problems;  // channels the settings name but that cannot run
};

/// GUI thread: reads the settings through `workspace` and builds the connectors (each then runs
/// on its own worker with its own store connection). The hub password comes from the keyring
/// when one is stored there; else libpq's own means apply.
[[nodiscard]] SyncPlan plan_sync(const Workspace& workspace, const KeyringFactory& keyring);

/// Team mode: the local events the hub has not received yet (those it refused not counted).
[[nodiscard]] std::size_t waiting_to_send(const Workspace& workspace);

/// The bar across the top of the main window: one message at a time, the most urgent first.
struct Banner {
  enum class Kind { none, rejected, offline, password };
  Kind kind = Kind::none;
  std::string text;
  bool offers_settings = false;  // a "Settings…" button belongs to it
};

/// What the window knows for the banner.
struct BannerFacts {
  bool team = false;
  bool hub_offline = false;
  std::size_t waiting = 0;
  std::vector<ChannelProblem> problems;
  std::vector<ChannelStatus> channels;        // as the engine last reported them
  std::vector<std::string> fresh_rejections;  // texts not yet dismissed
};

[[nodiscard]] Banner banner_for(const BannerFacts& facts);

/// The status bar's words for a channel that cannot run.
[[nodiscard]] std::string problem_text(const ChannelProblem& problem);

/// Local events the hub refused or the fold rejected, told once each, also across restarts: the
/// ids told are kept in the profile's settings.
class RejectionWatch {
 public:
  /// The texts of rejections not told before ("Your assignment of «…» did not take effect: …").
  [[nodiscard]] std::vector<std::string> fresh(Workspace& workspace);

 private:
  std::optional<std::set<std::string>> seen_;  // read from the settings on first use
};

}  // namespace samla::app
