#pragma once
// What the SMS connector needs from a gateway, whichever provider it is: submit a message, ask
// how it fares, and list what citizens sent to our number. Polling only: a caseworker's desktop
// has no public address for the provider's callbacks. Implementations speak HTTP, block, and
// belong to the one thread that uses them.
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "samla/models/time.h"

namespace samla {

/// How a gateway request failed, in the terms the connector acts on.
class SmsGatewayError : public std::runtime_error {
 public:
  enum class Kind {
    Rejected,     // this message is refused for good (bad number, blocked, too long …)
    RateLimited,  // too many requests: wait retry_after (or back off) and try again
    Unavailable,  // the gateway failed (5xx, garbled answer): try again later
    Offline,      // no connection to the gateway
    Auth,         // credentials refused: a person must fix them
  };
  SmsGatewayError(Kind kind, const std::string& message,
                  std::optional<std::chrono::seconds> retry_after = std::nullopt,
                  bool maybe_accepted = false)
      : std::runtime_error(message),
        kind_(kind),
        retry_after_(retry_after),
        maybe_accepted_(maybe_accepted) {}
  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] std::optional<std::chrono::seconds> retry_after() const { return retry_after_; }
  /// The connection broke after a submit was sent: the gateway may have taken the message.
  [[nodiscard]] bool maybe_accepted() const { return maybe_accepted_; }

 private:
  Kind kind_;
  std::optional<std::chrono::seconds> retry_after_;
  bool maybe_accepted_;
};

/// One outbound SMS; numbers in E.164 (or the gateway's alphanumeric sender id in `from`).
struct SmsSubmission {
  std::string to;
  std::string from;
  std::string text;
};

/// Where a submitted message is, reduced from the provider's own status names.
enum class SmsDelivery {
  Pending,    // accepted by the gateway, not yet handed on (queued, sending, accepted …)
  Sent,       // handed to the mobile network; no receipt from the handset (yet)
  Delivered,  // the network reports it delivered
  Failed,     // it will not arrive (failed, undelivered, canceled, expired …)
};

struct SmsStatus {
  SmsDelivery delivery = SmsDelivery::Pending;
  std::string provider_status;  // the provider's word, e.g. "undelivered"
  std::string error;            // for Failed: the provider's code and text when given
};

/// A message a citizen sent to our number.
struct InboundSms {
  std::string id;  // the provider's id: unique, so ingest is idempotent on it
  std::string from;
  std::string to;
  std::string text;
  Instant received_at{};
};

/// A batch of inbound messages and the cursor to ask from next time.
struct InboundBatch {
  std::vector<InboundSms> messages;
  std::string next_cursor;
};

class SmsGateway {
 public:
  virtual ~SmsGateway() = default;
  /// Submits; returns the provider's message id. Throws SmsGatewayError.
  virtual std::string submit(const SmsSubmission& message) = 0;
  /// The current status of a submitted message. Throws SmsGatewayError.
  virtual SmsStatus status(const std::string& message_id) = 0;
  /// Inbound messages to `number` since `cursor` (empty: from `first_since`), all pages; may
  /// repeat messages already seen near the cursor (ingest drops them). Throws SmsGatewayError.
  virtual InboundBatch inbound(const std::string& number, const std::string& cursor,
                               Instant first_since) = 0;
  /// After a submit whose answer was lost: the id of a message matching `message` that the
  /// gateway accepted at or after `since`, if the gateway can tell; nullopt when none is found
  /// (or the gateway cannot search), and the connector submits again.
  virtual std::optional<std::string> find_submitted(const SmsSubmission& /*message*/,
                                                    Instant /*since*/) {
    return std::nullopt;
  }
};

}  // namespace samla
