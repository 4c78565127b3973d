// The store's schema as a numbered ladder on PRAGMA user_version. Each step takes the file from
// the version before it to its own number and never drops caseworker data; all steps of one
// open run in one transaction, so a file is either fully migrated or untouched.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "store_impl.h"

namespace samla::store_detail {
namespace {

// Step 1: the first schema.
void migrate_to_1(SQLite::Database& db) {
  db.exec(R"sql(
    -- The event log. seq is the local order; id the UUID made where the event happened.
    -- Instants are Unix seconds, UTC.
    CREATE TABLE events (
      seq             INTEGER PRIMARY KEY,
      id              TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL,
      type            TEXT NOT NULL,
      actor           TEXT NOT NULL,
      department      TEXT NOT NULL,
      at              INTEGER NOT NULL,
      payload         TEXT NOT NULL,  -- JSON, event_json.h
      hub_sequence    INTEGER
    );
    CREATE INDEX events_by_conversation ON events (conversation_id, seq);

    -- Inbound messages: the key of idempotent ingest and of threading.
    CREATE TABLE messages (
      id              INTEGER PRIMARY KEY,
      channel         TEXT NOT NULL,
      external_id     TEXT NOT NULL,
      conversation_id TEXT NOT NULL,
      event_id        TEXT NOT NULL REFERENCES events (id),
      thread_key      TEXT NOT NULL,
      UNIQUE (channel, external_id)
    );
    CREATE INDEX messages_by_thread ON messages (channel, thread_key) WHERE thread_key <> '';

    -- Our own sent messages, so a citizen's answer to a reply threads by its references.
    CREATE TABLE sent_messages (
      channel         TEXT NOT NULL,
      external_id     TEXT NOT NULL,
      conversation_id TEXT NOT NULL,
      PRIMARY KEY (channel, external_id)
    ) WITHOUT ROWID;

    -- The text to search, read from the stored events so it is kept once; the index below is
    -- external-content over this view and is written in the same transaction as the message.
    CREATE VIEW message_text AS
      SELECT m.id AS message_id,
             json_extract(e.payload, '$.message.subject') AS subject,
             json_extract(e.payload, '$.message.body_text') AS body,
             trim(json_extract(e.payload, '$.message.from.name') || ' ' ||
                  json_extract(e.payload, '$.message.from.address')) AS sender
        FROM messages m JOIN events e ON e.id = m.event_id;
    -- Diacritics are kept: in Norwegian "å" is a letter of its own, and "får" is not "far".
    CREATE VIRTUAL TABLE message_search USING fts5 (
      subject, body, sender,
      content = 'message_text', content_rowid = 'message_id',
      tokenize = 'unicode61 remove_diacritics 0'
    );

    -- The inbox projection: one row per conversation, the fold of its events.
    CREATE TABLE conversations (
      id               TEXT PRIMARY KEY,
      channel          TEXT NOT NULL,
      owner_department TEXT NOT NULL,
      assignee         TEXT,            -- NULL: unassigned
      status           TEXT NOT NULL,   -- 'open' or 'closed'
      citizen_name     TEXT NOT NULL,
      citizen_address  TEXT NOT NULL,
      subject          TEXT NOT NULL,
      snippet          TEXT NOT NULL,
      received_at      INTEGER NOT NULL,
      last_activity    INTEGER NOT NULL,
      deadline         INTEGER,         -- NULL: nothing due
      handover_to      TEXT,            -- NULL: no handover waiting
      message_count    INTEGER NOT NULL,
      rejected_count   INTEGER NOT NULL
    );
    -- The list order (deadline, none last, then receipt) and one index per view's filter.
    CREATE INDEX conversations_in_order
      ON conversations (deadline IS NULL, deadline, received_at, id);
    CREATE INDEX conversations_by_assignee
      ON conversations (assignee, status) WHERE assignee IS NOT NULL;
    CREATE INDEX conversations_by_department
      ON conversations (owner_department, status, assignee);
    CREATE INDEX conversations_by_deadline
      ON conversations (status, deadline) WHERE deadline IS NOT NULL;
    CREATE INDEX conversations_by_handover
      ON conversations (handover_to) WHERE handover_to IS NOT NULL;

    -- Local events not yet pushed to the hub, in the order they were made.
    CREATE TABLE outbox (
      position INTEGER PRIMARY KEY,
      event_id TEXT NOT NULL UNIQUE REFERENCES events (id)
    );

    -- Attachment bytes, named by their SHA-256.
    CREATE TABLE blobs (
      sha256 TEXT PRIMARY KEY,
      size   INTEGER NOT NULL,
      data   BLOB NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE sync_state (
      channel_key TEXT NOT NULL,
      key         TEXT NOT NULL,
      value       TEXT NOT NULL,
      PRIMARY KEY (channel_key, key)
    ) WITHOUT ROWID;

    CREATE TABLE departments (
      id   TEXT PRIMARY KEY,
      name TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE users (
      id   TEXT PRIMARY KEY,
      name TEXT NOT NULL
    ) WITHOUT ROWID;
    -- No reference to departments: the directory may arrive users first.
    CREATE TABLE memberships (
      user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      department TEXT NOT NULL,
      role       TEXT NOT NULL,
      PRIMARY KEY (user_id, department)
    ) WITHOUT ROWID;

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
  )sql");
}

// Step 2: what the reminder check and the channel views need, as indexed columns of the
// projection, so that neither reads every conversation. handover_requested_at is filled for the
// rows already there by re-folding them when the store opens (Store::Impl, a fold is C++).
void migrate_to_2(SQLite::Database& db) {
  db.exec(R"sql(
    -- When the waiting handover was asked for (NULL: none waiting); the escalation is due a
    -- policy's working time after it, in the receiving department's office hours.
    ALTER TABLE conversations ADD COLUMN handover_requested_at INTEGER;
    -- Deadline reminders: a department's open conversations by deadline.
    CREATE INDEX conversations_open_by_deadline
      ON conversations (owner_department, deadline) WHERE status = 'open' AND deadline IS NOT NULL;
    -- (Handover escalations read the few waiting handovers through conversations_by_handover.)
    -- A channel's part of a view, in list order.
    CREATE INDEX conversations_by_channel
      ON conversations (channel, status, deadline IS NULL, deadline, received_at, id);
    -- A department's unassigned open conversations in list order (the view a caseworker
    -- opens first); without it SQLite walks the whole list order and skips other departments.
    CREATE INDEX conversations_unassigned_in_order
      ON conversations (owner_department, deadline IS NULL, deadline, received_at, id)
      WHERE status = 'open' AND assignee IS NULL;
  )sql");
}

// Step 3: the queued replies found without reading the whole event log. The connectors ask
// every pass and the window's figures every refresh; a partial index holds only ReplyQueued.
void migrate_to_3(SQLite::Database& db) {
  db.exec("CREATE INDEX events_reply_queued ON events (seq) WHERE type = 'ReplyQueued'");
}

// Step N+1 goes here: `if (version < N+1) migrate_to_N+1(db);` below, and bump
// Store::kSchemaVersion. Add columns and tables; copy, never drop, what caseworkers wrote.

}  // namespace

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

namespace {

// Runs `step` again while SQLite answers SQLITE_BUSY, for up to kBusyLimit. Needed where the
// busy handler does not help: when connections that all read a new file want to switch it to WAL
// at once, SQLite refuses all but one at once rather than let them deadlock. The sync workers
// of a first run open the profile's store at the same moment.
template <typename Step>
auto retry_while_busy(Step step) {
  constexpr auto kBusyLimit = std::chrono::seconds(10);
  const auto give_up = std::chrono::steady_clock::now() + kBusyLimit;
  auto pause = std::chrono::milliseconds(1);
  for (;;) {
    try {
      return step();
    } catch (const SQLite::Exception& error) {
      if (error.getErrorCode() != SQLITE_BUSY ||
          std::chrono::steady_clock::now() + pause > give_up) {
        throw;
      }
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(100));
  }
}

// Brings the file to the current schema, in one IMMEDIATE transaction; returns the version found.
int migrate(SQLite::Database& db, const std::function<void()>& fill_handover_times) {
  if (const int current = user_version(db); current == Store::kSchemaVersion) return current;

  // IMMEDIATE: two processes opening an old file at once migrate it one after the other.
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  const int version = user_version(db);
  if (version > Store::kSchemaVersion) {
    throw StoreError("this store was written by a newer version of Samla (schema " +
                     std::to_string(version) + "; this version knows up to " +
                     std::to_string(Store::kSchemaVersion) +
                     "). Update Samla to open it; the file was not changed.");
  }
  if (version < 0) {
    throw StoreError("this file is not a Samla store (schema " + std::to_string(version) + ")");
  }
  if (version < 1) migrate_to_1(db);
  if (version < 2) {
    migrate_to_2(db);
    // A new file has no rows to fill.
    if (version >= 1) fill_handover_times();
  }
  if (version < 3) migrate_to_3(db);
  db.exec("PRAGMA user_version = " + std::to_string(Store::kSchemaVersion));
  transaction.commit();
  return version;
}

}  // namespace

int open_schema(SQLite::Database& db, const std::function<void()>& fill_handover_times) {
  // Outside any transaction: these cannot change inside one.
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA busy_timeout = 5000");
  // WAL: readers on other threads never block the writer. NORMAL: a commit survives a killed
  // process (the WAL is in the OS); only a power cut may lose the last commits, never corrupt.
  retry_while_busy([&] { return db.execAndGet("PRAGMA journal_mode = WAL").getString(); });
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA cache_size = -32768");
  db.exec("PRAGMA wal_autocheckpoint = 8000");
  return retry_while_busy([&] { return migrate(db, fill_handover_times); });
}

}  // namespace samla::store_detail
