#pragma once
// The team hub as a channel of the sync engine: each pass takes the directory from the hub,
// pushes the outbox (idempotent on the event id; attachment blobs first), pulls what is new after
// the last cursor in batches (a conversation a handover made visible arrives with its whole
// history) and lets the store re-fold in hub order. LISTEN/NOTIFY only wakes the engine. Events the
// hub refuses, and our own events the fold rejects in hub order, are kept with their reason for the
// user. Runs on the engine's worker thread for this connector; not thread-safe.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "samla/models/event.h"
#include "samla/sync/connector.h"
#include "samla/sync/hub_connection.h"

namespace samla {

class Store;

/// How a profile reaches its hub (team mode). The password, when any, comes from the keyring
/// and is never stored in the profile.
struct HubSettings {
  std::string
      conninfo;      // libpq connection string, e.g. "host=hub dbname=samla sslmode=verify-full"
  std::string user;  // the Samla user this desktop acts as; must be the hub's login mapping
  std::optional<std::string> password;
  std::size_t batch = 2000;  // events per pull
};

/// The profile's team-mode settings, if it is in team mode.
[[nodiscard]] std::optional<HubSettings> hub_settings(const Store& store);
void save_hub_settings(Store& store, const HubSettings& settings);

/// A local event that did not take effect, and why, in words for the person who made it.
struct RejectedLocalEvent {
  enum class By { hub, fold };
  std::string event_id;
  std::string conversation_id;
  std::string type;
  By by = By::fold;    // refused by the hub's rules, or rejected when re-folded in hub order
  std::string format;  // English sentence with {0} …, a gettext msgid
  std::vector<std::string> args;  // moments already written as local time
  [[nodiscard]] std::string text() const;
};

/// What the status bar shows for the hub.
struct HubSyncStatus {
  std::size_t outbox = 0;                   // events waiting to be pushed
  std::size_t refused = 0;                  // events the hub refused (no longer pushed)
  std::int64_t cursor = 0;                  // the last hub sequence pulled
  std::optional<std::string> last_success;  // ISO 8601 UTC of the last complete pass
};

[[nodiscard]] std::vector<RejectedLocalEvent> rejected_local_events(const Store& store);
[[nodiscard]] HubSyncStatus hub_sync_status(const Store& store);

/// What one pass did.
struct HubPassReport {
  std::size_t pushed = 0;
  std::size_t refused = 0;
  std::size_t pulled = 0;
  std::size_t unreadable = 0;  // events of a type this version cannot read (skipped)
  std::size_t newly_rejected = 0;
};

class HubConnector : public Connector {
 public:
  explicit HubConnector(HubSettings settings);
  ~HubConnector() override;
  HubConnector(const HubConnector&) = delete;
  HubConnector& operator=(const HubConnector&) = delete;
  HubConnector(HubConnector&&) = delete;
  HubConnector& operator=(HubConnector&&) = delete;

  [[nodiscard]] std::string id() const override { return "hub"; }
  [[nodiscard]] std::string label() const override;
  /// Throws SyncFailure: offline when the hub cannot be reached (the outbox waits, nothing is
  /// lost), auth_required when the login is refused or maps to another user.
  void sync_once(Workspace& workspace, SyncPass& pass) override;
  /// Waits for the hub's NOTIFY (or the timeout, or stop); false when not connected.
  bool wait_for_change(std::chrono::milliseconds timeout, SyncPass& pass) override;

  [[nodiscard]] const HubPassReport& last_report() const { return report_; }
  /// Drops the connection (the next pass reconnects); as a lost network would.
  void disconnect();

 private:
  void connect();
  void sync_directory(Store& store);
  void push(Workspace& workspace, SyncPass& pass, std::vector<std::string>& touched);
  void pull(Workspace& workspace, SyncPass& pass, std::vector<std::string>& touched);
  /// Fetches the attachment bytes of pulled messages that this store does not have yet.
  void fetch_blobs(Store& store, const std::vector<Event>& events);
  void update_rejections(Workspace& workspace, const std::vector<std::string>& touched);

  HubSettings settings_;
  std::optional<HubConnection> connection_;
  HubPassReport report_;
};

}  // namespace samla
