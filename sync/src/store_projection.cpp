// The inbox projection: a conversation's row is always the fold of its events in hub order.
#include "samla/models/fold.h"
#include "samla/sync/projection.h"
#include "samla/sync/sms_number.h"
#include "store_impl.h"

namespace samla {
namespace {

// The number an SMS reply went to when it was sent from a conversation that did not come by
// SMS; nullopt for every other reply.
std::optional<std::string> sms_recipient_of(const Conversation& state,
                                            const std::string& reply_id) {
  if (state.channel == Channel::Sms) return std::nullopt;
  for (const auto& entry : state.timeline) {
    const auto* queued = std::get_if<ReplyQueued>(&entry.event.payload);
    if (queued == nullptr || queued->reply_id != reply_id) continue;
    const bool by_sms =
        queued->channel ? *queued->channel == Channel::Sms : state.channel == Channel::Callback;
    if (!by_sms || queued->to.empty()) return std::nullopt;
    try {
      return to_e164(queued->to.front().address);
    } catch (const InvalidPhoneNumber&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

using store_detail::to_seconds;

void Store::Impl::Pending::created(const Event& first) {
  logs[first.conversation_id] = std::vector<Event>{first};
}

void Store::Impl::Pending::added(const Event& event) {
  auto [it, inserted] = logs.try_emplace(event.conversation_id);
  // A conversation first seen in this write is read back whole at the end; one already known
  // in full just grows.
  if (!inserted && it->second) it->second->push_back(event);
}

std::vector<Event> Store::Impl::load_events(const std::string& conversation_id) {
  auto q = query(std::string("SELECT ") + store_detail::kEventColumns +
                 " FROM events WHERE conversation_id = ? ORDER BY seq");
  q->bind(1, conversation_id);
  std::vector<Event> events;
  while (q->executeStep()) events.push_back(store_detail::read_event(*q));
  return events;
}

void Store::Impl::finish(Pending& pending) {
  if (pending.first_message) {
    // One statement for all new messages: FTS5 writes its pending terms out at the end of every
    // statement inside a transaction, so a statement per message would make one index segment
    // per message. Read from the view the index is external content of, so the two agree.
    auto index = query(R"sql(
      INSERT INTO message_search (rowid, subject, body, sender)
      SELECT message_id, subject, body, sender FROM message_text WHERE message_id >= ?)sql");
    index->bind(1, *pending.first_message);
    index->exec();
    pending.first_message.reset();
  }
  for (const auto& [id, log] : pending.logs) project(id, log ? *log : load_events(id));
}

void Store::Impl::project(const std::string& conversation_id, const std::vector<Event>& events) {
  // A template's stream is folded by whoever reads templates (template_history.h), not here.
  if (is_template_stream(conversation_id)) return;
  const Conversation state = fold(in_hub_order(events), directory());
  if (!state.exists()) {
    // Events without an accepted first message make no inbox row.
    auto q = query("DELETE FROM conversations WHERE id = ?");
    q->bind(1, conversation_id);
    q->exec();
    return;
  }
  const auto deadline = options.deadline_of ? options.deadline_of(state) : std::optional<Instant>{};
  const auto s = summarize(state, deadline);
  auto q = query(R"sql(
    INSERT INTO conversations (id, channel, owner_department, assignee, status, citizen_name,
      citizen_address, subject, snippet, received_at, last_activity, deadline, handover_to,
      message_count, rejected_count, handover_requested_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
    ON CONFLICT (id) DO UPDATE SET channel = ?2, owner_department = ?3, assignee = ?4,
      status = ?5, citizen_name = ?6, citizen_address = ?7, subject = ?8, snippet = ?9,
      received_at = ?10, last_activity = ?11, deadline = ?12, handover_to = ?13,
      message_count = ?14, rejected_count = ?15, handover_requested_at = ?16)sql");
  q->bind(1, conversation_id);
  q->bind(2, std::string(to_string(s.channel)));
  q->bind(3, s.owner_department);
  if (s.assignee) q->bind(4, *s.assignee);
  q->bind(5, std::string(store_detail::status_text(s.status)));
  q->bind(6, s.citizen.name);
  q->bind(7, s.citizen.address);
  q->bind(8, s.subject);
  q->bind(9, s.snippet);
  q->bind(10, to_seconds(s.received_at));
  q->bind(11, to_seconds(s.last_activity));
  if (s.deadline) q->bind(12, to_seconds(*s.deadline));
  if (s.handover_to) q->bind(13, *s.handover_to);
  q->bind(14, s.message_count);
  q->bind(15, s.rejected_count);
  if (state.handover) q->bind(16, to_seconds(state.handover->requested_at));
  q->exec();

  // Remember where our sent replies live, for threading the citizen's answers.
  for (const auto& entry : state.timeline) {
    const auto* sent = std::get_if<ReplySent>(&entry.event.payload);
    if (entry.rejection || !sent || sent->external_id.empty()) continue;
    auto insert = query(
        "INSERT OR IGNORE INTO sent_messages (channel, external_id, conversation_id) "
        "VALUES (?, ?, ?)");
    insert->bind(1, std::string(to_string(state.channel)));
    insert->bind(2, sent->external_id);
    insert->bind(3, conversation_id);
    insert->exec();
    // An SMS sent from a conversation of another channel (an email's citizen, a callback
    // request): the citizen's SMS answer has no reference to it, so it is found by their number
    // ("to:+47…", which the SMS connector gives as a reference). The latest such SMS wins.
    if (const auto number = sms_recipient_of(state, sent->reply_id)) {
      auto by_number = query(
          "INSERT OR REPLACE INTO sent_messages (channel, external_id, conversation_id) "
          "VALUES ('sms', ?, ?)");
      by_number->bind(1, "to:" + *number);
      by_number->bind(2, conversation_id);
      by_number->exec();
    }
  }
}

void Store::Impl::fill_handover_times() {
  std::vector<std::string> ids;
  {
    SQLite::Statement q(db, "SELECT id FROM conversations WHERE handover_to IS NOT NULL");
    while (q.executeStep()) ids.push_back(q.getColumn(0).getString());
  }
  for (const auto& id : ids) {
    std::vector<Event> events;
    try {
      events = load_events(id);
    } catch (const StoreError&) {
      continue;  // damaged: rebuild_projections names it; the store still opens
    }
    const Conversation state = fold(in_hub_order(events), directory());
    if (!state.handover) continue;
    // Only this column: the deadline rules are not known while the store opens.
    SQLite::Statement q(db, "UPDATE conversations SET handover_requested_at = ? WHERE id = ?");
    q.bind(1, to_seconds(state.handover->requested_at));
    q.bind(2, id);
    q.exec();
  }
}

void Store::rebuild_projections() {
  impl_->check_thread();
  std::vector<std::string> broken;
  std::size_t rebuilt = 0;
  {
    SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    impl_->directory_cache.reset();
    std::vector<std::string> ids;
    {
      SQLite::Statement q(impl_->db, "SELECT DISTINCT conversation_id FROM events");
      while (q.executeStep()) ids.push_back(q.getColumn(0).getString());
    }
    for (const auto& id : ids) {
      // A damaged conversation keeps its old row; the others are still rebuilt.
      try {
        impl_->project(id, impl_->load_events(id));
        ++rebuilt;
      } catch (const StoreError& error) {
        broken.emplace_back(error.what());
      }
    }
    transaction.commit();
  }
  if (!broken.empty()) {
    std::string text = "rebuilt " + std::to_string(rebuilt) + " conversations; " +
                       std::to_string(broken.size()) + " could not be read:";
    for (const auto& reason : broken) text += "\n" + reason;
    throw StoreError(text);
  }
}

}  // namespace samla
