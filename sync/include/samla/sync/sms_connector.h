#pragma once
// The SMS channel as a Connector: each pass lists what citizens sent to our number and files it
// into their conversation (threaded by the citizen's number), follows the replies the gateway
// has taken until the network reports them delivered or failed, and sends the replies
// caseworkers queued. Its progress between passes lives in the store's sync state, so a crash
// or a gateway outage loses nothing and sends nothing twice that the gateway can tell us about.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "samla/sync/connector.h"
#include "samla/sync/sms_gateway.h"

namespace samla {

class Store;

struct SmsConnectorOptions {
  std::string number;      // our number in E.164: sender of replies, receiver of citizens' SMS
  std::string department;  // owner of new SMS conversations; empty: the profile's default
  /// A reply the network took ("sent") but never confirmed counts as sent after this long;
  /// until then an "undelivered" receipt can still mark it failed.
  std::chrono::seconds receipt_wait{std::chrono::minutes{15}};
  std::chrono::seconds backoff_first{30};  // after the first gateway failure; doubles after each
  std::chrono::seconds backoff_max{std::chrono::minutes{30}};
  /// On the very first pass, citizens' messages from this time on are fetched (default: the
  /// day of the first pass).
  std::optional<Instant> inbound_since;
};

/// How a reply stands at the gateway, as far as this connector knows (for the timeline).
struct SmsReplyProgress {
  std::string message_id;       // the provider's id once the gateway took it
  std::string provider_status;  // the last status it reported
};

class SmsConnector final : public Connector {
 public:
  /// Throws InvalidPhoneNumber when options.number is not a valid number.
  SmsConnector(std::unique_ptr<SmsGateway> gateway, SmsConnectorOptions options);
  ~SmsConnector() override;
  SmsConnector(const SmsConnector&) = delete;
  SmsConnector& operator=(const SmsConnector&) = delete;
  SmsConnector(SmsConnector&&) = delete;
  SmsConnector& operator=(SmsConnector&&) = delete;

  [[nodiscard]] std::string id() const override;  // "sms:+4722334455"
  [[nodiscard]] std::string label() const override;
  /// Throws SyncFailure when the gateway is down, limits the rate or refuses the credentials;
  /// what was queued stays queued and the next pass after the back-off tries again. A reply the
  /// gateway refuses for good (e.g. an invalid number) becomes ReplyFailed; the rest carry on.
  void sync_once(Workspace& workspace, SyncPass& pass) override;

  /// What the store records about a reply sent through the channel `channel_id`.
  [[nodiscard]] static std::optional<SmsReplyProgress> progress_of(const Store& store,
                                                                   const std::string& channel_id,
                                                                   const std::string& reply_id);

 private:
  struct Pass;
  std::unique_ptr<SmsGateway> gateway_;
  SmsConnectorOptions options_;
};

}  // namespace samla
