#pragma once
// The headless agent of a team (`samlactl agent`): it works the team's channels so that every
// inbound message reaches the hub once and is answered automatically once, whichever agent
// runs. Each channel is worked only under a PostgreSQL session advisory lock on a connection of
// its own: one agent works a channel, a standby polls the lock and takes over when the holder's
// connection dies (the server releases the lock with it).
//
// Exactly once, at the hub:
//  - ingest: before a channel is read the agent pulls, so what another agent already brought in
//    is a duplicate in its own store; and the hub refuses a second MessageReceived for the same
//    (channel, external id) — e.g. pushed by an agent that crashed before pushing and came back.
//  - auto-replies: the AutoReplySent event is recorded in the hub *before* the message is handed
//    to the channel; the hub refuses a second one for the same message. An agent that dies
//    between recording and handing over leaves the reply recorded but unsent (at most once, and
//    visible in the log) rather than risking a second reply; its Message-ID is made from the
//    event id, so even a retried hand-over would be the same message.
// One HubAgent per thread; its workspace is that thread's.
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "samla/models/conversation.h"
#include "samla/sync/connector.h"
#include "samla/sync/hub_client.h"

namespace samla {

class Workspace;

/// The words of an automatic answer.
struct AutoReplyWords {
  std::string subject;
  std::string body;
};

/// Hands what the agent sends to a channel's outgoing side (the email connector's SMTP).
class OutboundSender {
 public:
  virtual ~OutboundSender() = default;
  /// Sends `reply` to the citizen of `conversation`. `event_id` is the id of the recorded
  /// AutoReplySent: the outgoing message's id is made from it, so it is stable for this reply.
  /// Throws on failure (the reply stays recorded; the agent reports it).
  virtual void send_auto_reply(const Conversation& conversation, const InboundMessage& message,
                               const AutoReplySent& reply, const std::string& subject,
                               const std::string& event_id) = 0;
};

/// Whether and how to answer a new message automatically: the words, or nothing. Called on the
/// agent's thread with the agent's workspace (its store holds everything the hub has).
using AutoReplyDecision = std::function<std::optional<AutoReplyWords>(
    Workspace&, const Conversation&, const InboundMessage&)>;

/// What one round did.
struct AgentRound {
  std::vector<std::string> channels;  // the channels this agent holds
  std::size_t ingested = 0;           // new events pushed to the hub
  std::size_t auto_replies = 0;
  std::vector<std::string> errors;  // per channel or reply, readable  // per channel, readable
  [[nodiscard]] bool standby() const { return channels.empty(); }
};

class HubAgent {
 public:
  /// `settings` name an agent user of the hub (`samlactl hub user add --agent`).
  HubAgent(Workspace& workspace, HubSettings settings);
  ~HubAgent();
  HubAgent(const HubAgent&) = delete;
  HubAgent& operator=(const HubAgent&) = delete;
  HubAgent(HubAgent&&) = delete;
  HubAgent& operator=(HubAgent&&) = delete;

  void add_channel(std::unique_ptr<Connector> channel);
  /// Auto-replies go out through `sender` for messages `policy` answers.
  void set_auto_replies(AutoReplyDecision policy, std::shared_ptr<OutboundSender> sender);

  /// Takes the locks it can, then for the channels it holds: pulls, reads the channel, pushes,
  /// and answers what is unanswered. Throws SyncFailure when the hub cannot be reached.
  AgentRound run_once(SyncPass& pass);

 private:
  void take_locks(AgentRound& round);
  std::size_t auto_reply(SyncPass& pass, AgentRound& round);

  Workspace& workspace_;
  HubSettings settings_;
  HubConnector hub_;
  std::optional<HubConnection> locks_;  // holds the advisory locks, nothing else
  std::optional<HubConnection> work_;   // the agent's own queries and claims
  std::vector<std::unique_ptr<Connector>> channels_;
  std::set<std::string> held_;
  bool replying_ = false;  // holds the auto-reply lock
  AutoReplyDecision policy_;
  std::shared_ptr<OutboundSender> sender_;
};

/// The advisory lock key of a channel (stable across agents and versions).
[[nodiscard]] std::int64_t channel_lock_key(const std::string& channel_id);

}  // namespace samla
