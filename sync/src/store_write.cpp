// The write path: ingest of inbound messages, appended local events, events pulled from the
// hub and pushes confirmed by it. Each public call is one transaction; the conversations it
// touches are re-folded before it commits, so the projection never lags the log.
#include <limits>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "message_text.h"
#include "samla/sync/event_json.h"
#include "samla/sync/sha256.h"
#include "store_impl.h"

namespace samla {

using store_detail::to_seconds;

bool Store::Impl::insert_event(const Event& event, Pending& pending) {
  {
    auto q = query(R"sql(
      INSERT INTO events (id, conversation_id, type, actor, department, at, payload, hub_sequence)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING)sql");
    q->bind(1, event.id);
    q->bind(2, event.conversation_id);
    q->bind(3, std::string(event.type_name()));
    q->bind(4, event.actor);
    q->bind(5, event.department);
    q->bind(6, to_seconds(event.at));
    q->bind(7, to_json_text(payload_to_json(event.payload)));
    if (event.hub_sequence) q->bind(8, *event.hub_sequence);
    if (q->exec() == 0) return false;
  }
  const auto* received = std::get_if<MessageReceived>(&event.payload);
  if (!received) return true;

  const auto& message = received->message;
  auto insert = query(R"sql(
    INSERT INTO messages (channel, external_id, conversation_id, event_id, thread_key)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel, external_id) DO NOTHING)sql");
  insert->bind(1, std::string(to_string(message.channel)));
  insert->bind(2, message.external_id);
  insert->bind(3, event.conversation_id);
  insert->bind(4, event.id);
  insert->bind(5, message.thread_key);
  if (insert->exec() == 0) return true;  // the same message under another event: indexed once
  if (!pending.first_message) pending.first_message = db.getLastInsertRowid();
  return true;
}

std::optional<std::string> Store::Impl::find_thread(const InboundMessage& message) {
  const std::string channel(to_string(message.channel));
  if (!message.thread_key.empty()) {
    // "thread_key <> ''" spelled out: only then may SQLite use the partial index.
    auto q = query(
        "SELECT conversation_id FROM messages "
        "WHERE channel = ? AND thread_key = ? AND thread_key <> '' ORDER BY id LIMIT 1");
    q->bind(1, channel);
    q->bind(2, message.thread_key);
    if (q->executeStep()) return q->getColumn(0).getString();
  }
  for (const auto& reference : message.references) {
    auto q = query(
        "SELECT conversation_id FROM messages WHERE channel = ?1 AND external_id = ?2 "
        "UNION ALL "
        "SELECT conversation_id FROM sent_messages WHERE channel = ?1 AND external_id = ?2 "
        "LIMIT 1");
    q->bind(1, channel);
    q->bind(2, reference);
    if (q->executeStep()) return q->getColumn(0).getString();
  }
  return std::nullopt;
}

std::string Store::Impl::put_blob_row(std::string_view data) {
  if (data.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw StoreError("an attachment of " + std::to_string(data.size()) +
                     " bytes is too large to keep");
  }
  auto hash = sha256_hex(data);
  auto q = query(
      "INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?) "
      "ON CONFLICT (sha256) DO NOTHING");
  q->bind(1, hash);
  q->bind(2, static_cast<std::int64_t>(data.size()));
  q->bind(3, data.data(), static_cast<int>(data.size()));
  q->exec();
  return hash;
}

namespace {

// Text that is not UTF-8 is stored with U+FFFD in its place (JSON cannot hold it); the event
// folded now must carry the same text as the one read back later.
void make_utf8(std::string& text) {
  if (!detail::is_valid_utf8(text)) text = detail::sanitize_utf8(text);
}

void make_utf8(InboundMessage& m) {
  for (auto* text : {&m.external_id, &m.from.name, &m.from.address, &m.subject, &m.body_text,
                     &m.thread_key, &m.department, &m.language}) {
    make_utf8(*text);
  }
  for (auto& party : m.to) {
    make_utf8(party.name);
    make_utf8(party.address);
  }
  for (auto& attachment : m.attachments) {
    make_utf8(attachment.filename);
    make_utf8(attachment.content_type);
    make_utf8(attachment.blob);
  }
  for (auto& text : m.references) make_utf8(text);
  for (auto& text : m.warnings) make_utf8(text);
}

}  // namespace

IngestResult Store::Impl::ingest_one(const InboundMessage& incoming,
                                     std::span<const AttachmentBytes> bytes, Pending& pending) {
  if (incoming.external_id.empty()) {
    throw std::invalid_argument("a message without an external id cannot be stored");
  }
  if (!bytes.empty() && bytes.size() != incoming.attachments.size()) {
    throw std::invalid_argument("attachment bytes (" + std::to_string(bytes.size()) +
                                ") do not match the message's attachments (" +
                                std::to_string(incoming.attachments.size()) + ")");
  }
  // Cleaned before anything is compared, so that a message is known again by the id it was
  // stored under.
  InboundMessage message = incoming;
  make_utf8(message);
  {
    auto q = query(
        "SELECT conversation_id, event_id FROM messages WHERE channel = ? AND external_id = ?");
    q->bind(1, std::string(to_string(message.channel)));
    q->bind(2, message.external_id);
    if (q->executeStep()) {
      return IngestResult{q->getColumn(0).getString(), q->getColumn(1).getString(), true};
    }
  }

  auto thread = find_thread(message);
  const bool new_conversation = !thread;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    message.attachments[i].blob = put_blob_row(bytes[i].data);
    message.attachments[i].size = bytes[i].data.size();
  }
  const std::string department = message.department;
  const Instant received_at = message.received_at;
  Event event{make_id(),
              new_conversation ? make_id() : std::move(*thread),
              std::string(kSystemActor),
              department,
              received_at,
              MessageReceived{std::move(message)},
              std::nullopt};
  if (!insert_event(event, pending)) {
    throw StoreError("the new event id " + event.id + " is already taken; ids must be unique");
  }
  // Ingested events are local events too: in a team the agent pushes them to the hub.
  queue(event.id);
  if (new_conversation) {
    pending.created(event);
  } else {
    pending.added(event);
  }
  return IngestResult{event.conversation_id, event.id, false};
}

void Store::Impl::queue(const std::string& event_id) {
  auto q = query("INSERT OR IGNORE INTO outbox (event_id) VALUES (?)");
  q->bind(1, event_id);
  q->exec();
}

IngestResult Store::ingest(const InboundMessage& message, std::span<const AttachmentBytes> bytes) {
  impl_->check_thread();
  SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
  Impl::Pending pending;
  auto result = impl_->ingest_one(message, bytes, pending);
  impl_->finish(pending);
  transaction.commit();
  return result;
}

std::vector<IngestResult> Store::ingest_batch(std::span<const InboundMessage> messages,
                                              std::span<const std::vector<AttachmentBytes>> bytes) {
  impl_->check_thread();
  if (!bytes.empty() && bytes.size() != messages.size()) {
    throw std::invalid_argument("attachment bytes are given for " + std::to_string(bytes.size()) +
                                " of " + std::to_string(messages.size()) + " messages");
  }
  SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
  Impl::Pending pending;
  std::vector<IngestResult> results;
  results.reserve(messages.size());
  for (std::size_t i = 0; i < messages.size(); ++i) {
    results.push_back(impl_->ingest_one(
        messages[i], bytes.empty() ? std::span<const AttachmentBytes>{} : bytes[i], pending));
  }
  impl_->finish(pending);
  transaction.commit();
  return results;
}

void Store::append(std::span<const Event> events) {
  impl_->check_thread();
  for (const auto& event : events) {
    if (event.id.empty() || event.conversation_id.empty()) {
      throw std::invalid_argument("an event needs an id and a conversation id");
    }
  }
  SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
  Impl::Pending pending;
  for (const auto& event : events) {
    if (!impl_->insert_event(event, pending)) continue;
    impl_->queue(event.id);
    pending.added(event);
  }
  impl_->finish(pending);
  transaction.commit();
}

void Store::merge_pulled(std::span<const Event> events) {
  impl_->check_thread();
  for (const auto& event : events) {
    if (event.id.empty() || event.conversation_id.empty() || !event.hub_sequence) {
      throw std::invalid_argument(
          "an event from the hub needs an id, a conversation id and "
          "a hub sequence");
    }
  }
  SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
  Impl::Pending pending;
  for (const auto& event : events) {
    if (!impl_->insert_event(event, pending)) {
      // Our own event came back from the hub: it now has its place in the hub's order.
      auto update = impl_->query("UPDATE events SET hub_sequence = ? WHERE id = ?");
      update->bind(1, *event.hub_sequence);
      update->bind(2, event.id);
      update->exec();
      auto unqueue = impl_->query("DELETE FROM outbox WHERE event_id = ?");
      unqueue->bind(1, event.id);
      unqueue->exec();
    }
    pending.changed(event.conversation_id);
  }
  impl_->finish(pending);
  transaction.commit();
}

void Store::mark_pushed(const std::string& event_id, std::int64_t hub_sequence) {
  impl_->check_thread();
  SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
  std::string conversation_id;
  {
    auto q = impl_->query("SELECT conversation_id FROM events WHERE id = ?");
    q->bind(1, event_id);
    if (!q->executeStep()) throw StoreError("no event " + event_id + " to mark as pushed");
    conversation_id = q->getColumn(0).getString();
  }
  {
    auto q = impl_->query("UPDATE events SET hub_sequence = ? WHERE id = ?");
    q->bind(1, hub_sequence);
    q->bind(2, event_id);
    q->exec();
  }
  {
    auto q = impl_->query("DELETE FROM outbox WHERE event_id = ?");
    q->bind(1, event_id);
    q->exec();
  }
  // The hub's order can differ from ours: fold again in it.
  Impl::Pending pending;
  pending.changed(conversation_id);
  impl_->finish(pending);
  transaction.commit();
}

std::string Store::put_blob(std::string_view data) {
  impl_->check_thread();
  SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
  auto hash = impl_->put_blob_row(data);
  transaction.commit();
  return hash;
}

}  // namespace samla
