// The agent's round. Order matters for exactly-once: pull before reading a channel (so another
// agent's ingest is already here), push right after, and record an auto-reply in the hub before
// sending it.
#include "samla/sync/hub_agent.h"

#include <nlohmann/json.hpp>

#include "samla/sync/event_json.h"
#include "samla/sync/uuid.h"
#include "samla/sync/workspace.h"

namespace samla {
namespace {

constexpr const char* kAutoReplyDuty = "samla:auto-replies";

const InboundMessage* message_in(const Conversation& conversation, const std::string& external_id) {
  for (const auto& entry : conversation.timeline) {
    const auto* received = std::get_if<MessageReceived>(&entry.event.payload);
    if (received != nullptr && received->message.external_id == external_id) {
      return &received->message;
    }
  }
  return nullptr;
}

}  // namespace

std::int64_t channel_lock_key(const std::string& channel_id) {
  // FNV-1a, 64 bits: the same key in every agent, whatever the platform.
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : "samla-channel:" + channel_id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return static_cast<std::int64_t>(hash);
}

HubAgent::HubAgent(Workspace& workspace, HubSettings settings)
    : workspace_(workspace), settings_(settings), hub_(std::move(settings)) {}

HubAgent::~HubAgent() = default;

void HubAgent::add_channel(std::unique_ptr<Connector> channel) {
  channels_.push_back(std::move(channel));
}

void HubAgent::set_auto_replies(AutoReplyDecision policy, std::shared_ptr<OutboundSender> sender) {
  policy_ = std::move(policy);
  sender_ = std::move(sender);
}

void HubAgent::take_locks(AgentRound& round) {
  // A lock connection that died took its locks with it: whatever we held, we hold no more.
  if (locks_) {
    try {
      (void)locks_->exec("SELECT 1");
    } catch (const SyncFailure&) {
      locks_.reset();
    }
  }
  if (!locks_) {
    held_.clear();
    replying_ = false;
    locks_.emplace(settings_.conninfo, settings_.password);
  }
  for (const auto& channel : channels_) {
    const auto id = channel->id();
    if (!held_.contains(id) && locks_->try_advisory_lock(channel_lock_key(id))) held_.insert(id);
  }
  if (policy_ && sender_ && !replying_) {
    replying_ = locks_->try_advisory_lock(channel_lock_key(kAutoReplyDuty));
  }
  round.channels.assign(held_.begin(), held_.end());
}

AgentRound HubAgent::run_once(SyncPass& pass) {
  AgentRound round;
  take_locks(round);
  if (held_.empty() && !replying_) return round;

  hub_.sync_once(workspace_, pass);  // what other agents brought in is now a duplicate here
  for (const auto& channel : channels_) {
    if (!held_.contains(channel->id()) || pass.stop_requested()) continue;
    try {
      channel->sync_once(workspace_, pass);
    } catch (const std::exception& e) {
      round.errors.push_back(channel->label() + ": " + e.what());
    }
  }
  hub_.sync_once(workspace_, pass);
  round.ingested = hub_.last_report().pushed;
  if (replying_) round.auto_replies = auto_reply(pass, round);
  return round;
}

std::size_t HubAgent::auto_reply(SyncPass& pass, AgentRound& round) {
  if (!work_ || !work_->ok()) work_.emplace(settings_.conninfo, settings_.password);
  Store& store = workspace_.store();
  const auto cursor_text = store.sync_state("agent", "auto_reply_cursor");
  std::string cursor = cursor_text.value_or("0");
  std::size_t sent = 0;
  for (;;) {
    // Messages after the cursor that no agent has answered yet.
    auto rows = work_->exec(
        "SELECT e.seq, e.conversation_id, e.doc -> 'payload' -> 'message' ->> 'external_id' "
        "FROM hub.events e WHERE e.type = 'MessageReceived' AND e.seq > $1::bigint "
        "AND NOT EXISTS (SELECT FROM hub.sends s WHERE s.conversation_id = e.conversation_id "
        "  AND s.kind = 'auto-reply' "
        "  AND s.key = e.doc -> 'payload' -> 'message' ->> 'external_id') "
        "ORDER BY e.seq LIMIT 200",
        {cursor});
    if (rows.size() == 0) break;
    for (const auto& row : rows.rows) {
      if (pass.stop_requested()) break;
      const std::string& seq_text = *row[0];
      const std::string& conversation_id = *row[1];
      const std::string& external_id = *row[2];
      auto conversation = store.conversation(conversation_id);
      if (!conversation) {
        cursor = seq_text;
        continue;  // not visible to agents: nothing to answer
      }
      const InboundMessage* message = message_in(*conversation, external_id);
      if (message == nullptr) {
        cursor = seq_text;
        continue;
      }
      std::optional<AutoReplyWords> words;
      try {
        words = policy_(workspace_, *conversation, *message);
      } catch (const std::exception& e) {
        // The policy could not decide (e.g. the mailbox is away): this message and the ones
        // after it are decided in a later round.
        round.errors.emplace_back(e.what());
        store.set_sync_state("agent", "auto_reply_cursor", cursor);
        return sent;
      }
      cursor = seq_text;
      if (!words) continue;
      AutoReplySent reply{external_id, words->body,
                          workspace_.rules().deadline_of(*conversation).value_or(workspace_.now())};
      Event event{new_uuid(),
                  conversation_id,
                  std::string(kSystemActor),
                  conversation->owner_department,
                  workspace_.now(),
                  reply,
                  std::nullopt};
      // The claim: recorded in the hub first; a second agent is refused here.
      try {
        auto seq = work_->exec("SELECT hub.push($1::jsonb)", {to_json_text(event_to_json(event))});
        event.hub_sequence = std::stoll(seq.at(0, 0));
      } catch (const HubRefused&) {
        continue;  // answered by another agent in the meantime
      }
      store.merge_pulled(std::vector<Event>{event});
      try {
        sender_->send_auto_reply(*conversation, *message, reply, words->subject, event.id);
      } catch (const std::exception& e) {
        // Recorded but not handed over: at most once, and said here (the design's choice).
        round.errors.emplace_back(e.what());
        continue;
      }
      ++sent;
    }
    store.set_sync_state("agent", "auto_reply_cursor", cursor);
    if (pass.stop_requested()) break;
  }
  store.set_sync_state("agent", "auto_reply_cursor", cursor);
  return sent;
}

}  // namespace samla
