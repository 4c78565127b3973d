// One pass of the SMS channel. The sync state under the connector's id holds, per reply,
//   reply:<id>:message   the provider's id once the gateway took it (never submitted twice)
//   reply:<id>:taken     when it took it (epoch seconds), for the receipt wait
//   reply:<id>:attempt   a submit whose answer was lost (epoch seconds): ask before resending
//   reply:<id>:status    the provider's last word, for the timeline
// and for the channel: inbound:cursor, backoff:until and backoff:failures.
// A reply becomes ReplySent when the network reports it delivered (or took it and sent no
// receipt within receipt_wait), ReplyFailed when it will not arrive; until then it stays queued,
// so an "undelivered" receipt can still reach the caseworker as a failure in the timeline.
#include <algorithm>

#include "gateway_http.h"

#include "samla/models/directory.h"
#include "samla/sync/sms_connector.h"
#include "samla/sync/sms_number.h"
#include "samla/sync/store.h"
#include "samla/sync/uuid.h"
#include "samla/sync/workspace.h"

namespace samla {
namespace {

constexpr const char* kDefaultDepartment = "default_department";  // as Workspace stores it

std::string reply_key(const std::string& reply_id, const char* what) {
  return "reply:" + reply_id + ":" + what;
}

std::string to_text(Instant at) { return std::to_string(at.time_since_epoch().count()); }

std::optional<Instant> instant_from(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  const auto seconds = sms::whole_number(*text);
  if (!seconds) return std::nullopt;
  return Instant{std::chrono::seconds{*seconds}};
}

std::string non_empty(const std::optional<std::string>& text) { return text.value_or(""); }

}  // namespace

// The work of one sync_once call, with the workspace and the time it runs at.
struct SmsConnector::Pass {
  SmsConnector& self;
  SyncPass& pass;
  Store& store;
  const std::string channel;
  const Instant now;

  [[nodiscard]] std::optional<std::string> state(const std::string& key) const {
    return store.sync_state(channel, key);
  }
  void set_state(const std::string& key, const std::string& value) {
    store.set_sync_state(channel, key, value);
  }

  void record(const QueuedReply& queued, EventPayload outcome) {
    const auto conversation = store.conversation(queued.conversation_id);
    Event event{new_uuid(),
                queued.conversation_id,
                std::string(kSystemActor),
                conversation ? conversation->owner_department : queued.event.department,
                now,
                std::move(outcome),
                std::nullopt};
    store.append(std::span<const Event>(&event, 1));
  }
  void sent(const QueuedReply& queued, const std::string& message_id) {
    record(queued, ReplySent{queued.reply().reply_id, message_id});
  }
  void failed(const QueuedReply& queued, const std::string& reason) {
    record(queued, ReplyFailed{queued.reply().reply_id, reason});
  }

  void receive() {
    const auto& options = self.options_;
    // The start of the channel's history, fixed on the first pass.
    auto first_since = instant_from(state("inbound:since"));
    if (!first_since) {
      first_since = options.inbound_since.value_or(now);
      set_state("inbound:since", to_text(*first_since));
    }
    auto batch =
        self.gateway_->inbound(options.number, non_empty(state("inbound:cursor")), *first_since);
    std::string department = options.department;
    if (department.empty()) department = store.setting(kDefaultDepartment).value_or("");
    std::size_t done = 0;
    for (const auto& sms : batch.messages) {
      if (pass.stop_requested()) return;  // the cursor stays: the next pass reads them again
      InboundMessage message;
      message.channel = Channel::Sms;
      message.external_id = sms.id;
      message.body_text = sms.text;
      message.received_at = sms.received_at;
      message.department = department;
      message.to = {Party{"", sms.to}};
      try {
        message.from = Party{"", to_e164(sms.from)};
      } catch (const InvalidPhoneNumber& e) {
        // A short code or a sender name: keep what the gateway said, thread on it all the same.
        message.from = Party{"", sms.from};
        message.warnings.emplace_back(std::string("the sender's number is not valid: ") + e.what());
      }
      message.thread_key = message.from.address;
      // Where they have no SMS conversation yet: the conversation our SMS to them came from.
      message.references = {"to:" + message.from.address};
      try {
        static_cast<void>(store.ingest(message));
      } catch (const std::exception& e) {
        // A bad message must not hold up the others; it is named in the sync state (and read
        // again while the gateway's cursor still covers it).
        set_state("inbound:problem", sms.id + ": " + e.what());
        continue;
      }
      pass.progress(++done, batch.messages.size());
    }
    set_state("inbound:cursor", batch.next_cursor);
  }

  void follow_deliveries(const std::vector<QueuedReply>& queued) {
    for (const auto& reply : queued) {
      if (pass.stop_requested()) return;
      const auto& id = reply.reply().reply_id;
      const auto message_id = non_empty(state(reply_key(id, "message")));
      if (message_id.empty()) continue;
      SmsStatus status;
      try {
        status = self.gateway_->status(message_id);
      } catch (const SmsGatewayError& e) {
        if (e.kind() != SmsGatewayError::Kind::Rejected) throw;
        failed(reply, std::string("the gateway cannot tell what became of the SMS: ") + e.what());
        continue;
      }
      set_state(reply_key(id, "status"), status.provider_status);
      switch (status.delivery) {
        case SmsDelivery::Delivered:
          sent(reply, message_id);
          break;
        case SmsDelivery::Failed:
          failed(reply, "the SMS was not delivered: " + status.error);
          break;
        case SmsDelivery::Sent: {
          const auto taken = instant_from(state(reply_key(id, "taken")));
          if (!taken || *taken + self.options_.receipt_wait <= now) sent(reply, message_id);
          break;
        }
        case SmsDelivery::Pending:
          break;
      }
    }
  }

  void send(const std::vector<QueuedReply>& queued) {
    std::size_t done = 0;
    for (const auto& reply : queued) {
      if (pass.stop_requested()) return;
      pass.progress(++done, queued.size());
      const auto& id = reply.reply().reply_id;
      if (!non_empty(state(reply_key(id, "message"))).empty()) continue;  // on its way
      std::string recipient;
      if (!reply.reply().to.empty()) recipient = reply.reply().to.front().address;
      if (recipient.empty()) {
        if (const auto conversation = store.conversation(reply.conversation_id)) {
          recipient = conversation->citizen.address;
        }
      }
      SmsSubmission submission{{}, self.options_.number, reply.reply().text};
      try {
        submission.to = to_e164(recipient);
      } catch (const InvalidPhoneNumber& e) {
        failed(reply, std::string("the SMS cannot be sent: ") + e.what());
        continue;
      }
      // A submit whose answer was lost may have gone through: ask before sending again.
      if (const auto attempt = instant_from(state(reply_key(id, "attempt")))) {
        if (const auto found = self.gateway_->find_submitted(submission, *attempt)) {
          taken(id, *found);
          continue;
        }
      }
      set_state(reply_key(id, "attempt"), to_text(now));
      std::string message_id;
      try {
        message_id = self.gateway_->submit(submission);
      } catch (const SmsGatewayError& e) {
        if (!e.maybe_accepted()) set_state(reply_key(id, "attempt"), "");
        if (e.kind() != SmsGatewayError::Kind::Rejected) throw;
        failed(reply, std::string("the SMS gateway refused the SMS: ") + e.what());
        continue;
      }
      taken(id, message_id);
    }
  }

  void taken(const std::string& reply_id, const std::string& message_id) {
    set_state(reply_key(reply_id, "message"), message_id);
    set_state(reply_key(reply_id, "taken"), to_text(now));
    set_state(reply_key(reply_id, "attempt"), "");
  }

  // The gateway failed as a whole: wait before the next try, longer after each failure.
  [[noreturn]] void back_off(const SmsGatewayError& e) {
    const auto failures = std::clamp(
        sms::whole_number(non_empty(state("backoff:failures"))).value_or(0) + 1, 1LL, 30LL);
    auto delay = self.options_.backoff_first;
    for (long long i = 1; i < failures && delay < self.options_.backoff_max; ++i) delay *= 2;
    delay = std::min(delay, self.options_.backoff_max);
    if (e.retry_after()) delay = *e.retry_after();  // the gateway's own word wins
    set_state("backoff:failures", std::to_string(failures));
    set_state("backoff:until", to_text(now + delay));
    SyncFailure::Kind kind;
    kind.retryable = e.kind() != SmsGatewayError::Kind::Auth;
    kind.offline = e.kind() == SmsGatewayError::Kind::Offline;
    kind.auth_required = e.kind() == SmsGatewayError::Kind::Auth;
    throw SyncFailure(e.what(), kind);
  }

  void run() {
    if (const auto until = instant_from(state("backoff:until")); until && now < *until) return;
    try {
      receive();
      // Read once: a reply taken in this pass is followed from the next pass on.
      const auto queued = store.queued_replies(Channel::Sms, 1000);
      follow_deliveries(queued);
      send(store.queued_replies(Channel::Sms, 1000));
    } catch (const SmsGatewayError& e) {
      back_off(e);
    }
    set_state("backoff:failures", "0");
    set_state("backoff:until", "");
  }
};

SmsConnector::SmsConnector(std::unique_ptr<SmsGateway> gateway, SmsConnectorOptions options)
    : gateway_(std::move(gateway)), options_(std::move(options)) {
  if (!gateway_) throw std::invalid_argument("the SMS connector needs a gateway");
  options_.number = to_e164(options_.number);
}

SmsConnector::~SmsConnector() = default;

std::string SmsConnector::id() const { return "sms:" + options_.number; }

std::string SmsConnector::label() const { return options_.number; }

void SmsConnector::sync_once(Workspace& workspace, SyncPass& pass) {
  Pass run{*this, pass, workspace.store(), id(), workspace.now()};
  run.run();
}

std::optional<SmsReplyProgress> SmsConnector::progress_of(const Store& store,
                                                          const std::string& channel_id,
                                                          const std::string& reply_id) {
  auto message_id = store.sync_state(channel_id, reply_key(reply_id, "message"));
  if (!message_id || message_id->empty()) return std::nullopt;
  return SmsReplyProgress{*message_id,
                          non_empty(store.sync_state(channel_id, reply_key(reply_id, "status")))};
}

}  // namespace samla
