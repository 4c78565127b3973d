#pragma once
// The offline store: one SQLite file per profile holding the event log, the inbox projection,
// full-text search, attachment blobs, channel sync state, the outbox of events not yet pushed
// to the hub, the directory and settings. One Store object per thread (each owns its own
// connection and asserts it is used on the thread that opened it).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "samla/models/conversation.h"
#include "samla/models/directory.h"
#include "samla/models/views.h"

namespace samla {

/// Thrown for store failures a person should be told about (a newer schema, a broken file …).
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The bytes of one attachment to keep with an ingested message (same order as
/// InboundMessage::attachments; the store fills in AttachmentRef::blob).
struct AttachmentBytes {
  std::string data;
};

struct IngestResult {
  std::string conversation_id;
  std::string event_id;
  bool duplicate = false;  // (channel, external id) was already stored: nothing changed
};

struct SearchHit {
  ConversationSummary summary;
  std::string excerpt;  // matching text with the match marked by [ ]
};

/// A reply a caseworker queued, as its channel's connector needs it to send.
struct QueuedReply {
  std::string conversation_id;
  Event event;  // its payload is ReplyQueued
  [[nodiscard]] const ReplyQueued& reply() const { return std::get<ReplyQueued>(event.payload); }
};

/// Narrows an inbox view to one channel and/or to open conversations (All holds closed ones).
struct ViewNarrowing {
  std::optional<Channel> channel;
  bool open_only = false;
};

/// An open conversation that may need a reminder, with when its waiting handover was asked for.
struct ReminderCandidate {
  ConversationSummary summary;
  std::optional<Instant> handover_requested_at;
};

struct StoreOptions {
  // Derives a conversation's deadline for the projection; none means "no deadline".
  std::function<std::optional<Instant>(const Conversation&)> deadline_of;
  // Makes ids for new events and conversations (UUIDs); injectable for deterministic tests.
  std::function<std::string()> new_id;
};

class Store {
 public:
  static constexpr int kSchemaVersion = 3;

  /// Opens or creates the store, runs the migration ladder in one transaction, WAL mode.
  /// Throws StoreError for a file written by a newer Samla (unknown schema version).
  Store(const std::filesystem::path& file, StoreOptions options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  Store(Store&&) = delete;
  Store& operator=(Store&&) = delete;

  [[nodiscard]] int schema_version() const;

  // Directory: departments, users, memberships.
  [[nodiscard]] Directory directory() const;
  void save_department(const Department& department);
  void save_user(const User& user);

  // Ingest: idempotent on (channel, external id). Threads the message into an existing
  // conversation by thread key (same channel), else by references to earlier messages or to our
  // sent replies (same channel, first reference that matches), else starts a new one. Emits a
  // MessageReceived event as the system actor; like any local event it is queued in the outbox
  // (in a team the agent that ingests pushes it to the hub). Throws std::invalid_argument for a
  // message without an external id or with bytes that do not match its attachments.
  IngestResult ingest(const InboundMessage& message, std::span<const AttachmentBytes> bytes = {});
  /// Several messages in one transaction (bulk import); same rules as ingest.
  std::vector<IngestResult> ingest_batch(std::span<const InboundMessage> messages,
                                         std::span<const std::vector<AttachmentBytes>> bytes = {});

  /// Appends events made locally (they go to the outbox too), re-folds the conversations they
  /// touch and updates the projection and search index, all in one transaction. Events whose id
  /// is already stored are skipped.
  void append(std::span<const Event> events);

  /// Events pulled from the team hub, each with its hub sequence. New ones are stored (not
  /// queued); one already stored (our own, pushed) gets its sequence and leaves the outbox. The
  /// conversations they touch are re-folded in hub order. One transaction.
  void merge_pulled(std::span<const Event> events);

  /// A conversation's log in local order (the order this store received the events); fold it
  /// after in_hub_order().
  [[nodiscard]] std::vector<Event> events_of(const std::string& conversation_id) const;
  /// Every event of every template stream ("template:<id>", models/template.h) in local order.
  /// Template events are appended, queued for the hub and merged like any other; they make no
  /// inbox row.
  [[nodiscard]] std::vector<Event> template_events() const;
  /// The folded state; nullopt for an unknown id. Accepts a unique id prefix of 8+ chars too.
  [[nodiscard]] std::optional<Conversation> conversation(const std::string& id) const;
  /// A conversation's projection row by its full id; nullopt when it has none (unknown, a
  /// template stream, or no accepted first message). Reads one row; nothing is folded.
  [[nodiscard]] std::optional<ConversationSummary> summary(const std::string& id) const;
  /// Resolves a full id or a unique prefix (as shown in lists) to the full id.
  [[nodiscard]] std::optional<std::string> resolve_id(const std::string& id_or_prefix) const;

  /// The inbox list, ordered by deadline (none last), then by time received.
  [[nodiscard]] std::vector<ConversationSummary> list(InboxView view, const ViewScope& scope,
                                                      std::size_t limit = 1000,
                                                      std::size_t offset = 0) const;
  [[nodiscard]] std::size_t count(InboxView view, const ViewScope& scope) const;
  /// A view narrowed (to a channel, to open conversations); same order and paging as list().
  [[nodiscard]] std::vector<ConversationSummary> list(InboxView view, const ViewScope& scope,
                                                      const ViewNarrowing& narrowing,
                                                      std::size_t limit = 1000,
                                                      std::size_t offset = 0) const;
  [[nodiscard]] std::size_t count(InboxView view, const ViewScope& scope,
                                  const ViewNarrowing& narrowing) const;
  /// What the reminder check must decide on, read through indexes (never every conversation):
  /// the open conversations owned by a department of `deadline_until` with a deadline up to
  /// that department's horizon, and every open conversation with a handover waiting from or to
  /// one of its departments (whatever its deadline). In list() order, each once.
  [[nodiscard]] std::vector<ReminderCandidate> reminder_candidates(
      const std::map<std::string, Instant>& deadline_until) const;
  /// Full-text search over subjects, bodies and senders (FTS5 syntax is escaped: the query is
  /// words, prefix-matched); best matches first.
  [[nodiscard]] std::vector<SearchHit> search(const std::string& query,
                                              std::size_t limit = 100) const;

  // Content-addressed blobs (SHA-256 hex).
  std::string put_blob(std::string_view data);
  [[nodiscard]] std::optional<std::string> blob(const std::string& sha256) const;

  // Channel sync state, e.g. ("imap:post@kommune.no", "uidvalidity") -> "1234".
  void set_sync_state(const std::string& channel_key, const std::string& key,
                      const std::string& value);
  [[nodiscard]] std::optional<std::string> sync_state(const std::string& channel_key,
                                                      const std::string& key) const;

  // Outbox: local events not yet pushed to the hub, oldest first.
  [[nodiscard]] std::vector<Event> outbox(std::size_t limit = 500) const;
  [[nodiscard]] std::size_t outbox_size() const;
  /// The hub accepted the event under `hub_sequence`: it leaves the outbox and its conversation
  /// is re-folded in hub order. Again for the same event: no change. Unknown id: StoreError.
  void mark_pushed(const std::string& event_id, std::int64_t hub_sequence);

  /// Replies waiting to go out through `channel`: queued, accepted by the rules, neither sent
  /// nor failed for good; oldest first. Connectors send these and append ReplySent/ReplyFailed.
  /// A reply goes through the channel it names, else its conversation's (callback: SMS).
  [[nodiscard]] std::vector<QueuedReply> queued_replies(Channel channel,
                                                        std::size_t limit = 100) const;

  // Settings of the profile (key/value, UTF-8).
  void set_setting(const std::string& key, const std::string& value);
  [[nodiscard]] std::optional<std::string> setting(const std::string& key) const;

  /// Every stored inbound message in ingest order (for export), with its conversation id.
  void for_each_message(
      const std::function<void(const std::string& conversation_id, const std::string& event_id,
                               const InboundMessage&)>& visit) const;

  /// Re-derives every projection row (after a policy change, or to repair). A conversation whose
  /// events cannot be read keeps its old row; the others are rebuilt and committed, then a
  /// StoreError names the damaged ones.
  void rebuild_projections();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace samla
