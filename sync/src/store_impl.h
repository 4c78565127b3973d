#pragma once
// The inside of Store, shared by the store_*.cpp files: the connection, the cache of prepared
// statements, and the row mappings. Not installed; nothing outside sync/src includes it.
#include <SQLiteCpp/SQLiteCpp.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "samla/sync/store.h"

namespace samla {

namespace store_detail {

/// A cached prepared statement in use: reset and unbound when the guard goes, so a statement
/// left half-stepped never keeps a read transaction open.
class Query {
 public:
  explicit Query(SQLite::Statement& statement) : statement_(statement) {}
  ~Query() {
    statement_.tryReset();
    // Optional values are bound only when present: the next use must start from NULLs.
    try {
      statement_.clearBindings();
    } catch (...) {  // NOLINT(bugprone-empty-catch): only fails on a finalized statement
    }
  }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Query(Query&&) = delete;
  Query& operator=(Query&&) = delete;

  SQLite::Statement* operator->() { return &statement_; }
  SQLite::Statement& operator*() { return statement_; }

 private:
  SQLite::Statement& statement_;
};

// The schema ladder (store_schema.cpp). Sets the connection's pragmas, then brings the file to
// Store::kSchemaVersion in one transaction; throws StoreError for a newer file. Returns the
// version the file had (0 for a new file). Steps that need a fold call back into the store
// inside the same transaction.
int open_schema(SQLite::Database& db, const std::function<void()>& fill_handover_times);
[[nodiscard]] int user_version(SQLite::Database& db);

// Row mapping helpers (store_rows.cpp).
[[nodiscard]] std::int64_t to_seconds(Instant at);
[[nodiscard]] Instant from_seconds(std::int64_t seconds);
[[nodiscard]] std::string_view status_text(ConversationStatus status);
[[nodiscard]] ConversationStatus status_from_text(std::string_view text);
/// A projection row's columns, in the order read_summary() reads them from `first` on.
extern const char* const kSummaryColumns;
[[nodiscard]] ConversationSummary read_summary(SQLite::Statement& row, int first = 0);
/// An event row's columns, in the order read_event() reads them from `first` on; it throws
/// StoreError naming the conversation and event when the payload cannot be read.
extern const char* const kEventColumns;
[[nodiscard]] Event read_event(SQLite::Statement& row, int first = 0);

// Full-text queries (store_search.cpp).
/// The user's words as an FTS5 query: each word a quoted phrase, prefix-matched, all required.
/// Empty when the text has no word at all.
[[nodiscard]] std::string fts_query(std::string_view text);

}  // namespace store_detail

struct Store::Impl {
  Impl(const std::filesystem::path& file, StoreOptions store_options);

  /// Throws StoreError when called from another thread than the one that opened the store.
  void check_thread() const;
  /// A prepared statement for `sql`, made once per store and reused.
  store_detail::Query query(const std::string& sql);
  [[nodiscard]] std::string make_id() const;
  const Directory& directory();

  // The write path (store_write.cpp, store_projection.cpp). All of these run inside the
  // caller's transaction.

  /// A write in progress: the conversations it changed, with their full logs where already
  /// known (a new conversation is folded without reading back what was just written), and the
  /// first message it added, from which the search index is brought up to date.
  struct Pending {
    std::map<std::string, std::optional<std::vector<Event>>> logs;
    std::optional<std::int64_t> first_message;
    void created(const Event& first);
    void added(const Event& event);
    /// Read the whole log back before folding (an existing event changed).
    void changed(const std::string& conversation_id) { logs[conversation_id].reset(); }
  };
  IngestResult ingest_one(const InboundMessage& incoming, std::span<const AttachmentBytes> bytes,
                          Pending& pending);
  /// Stores one event and what hangs off it (the message row); false when its id is already
  /// stored.
  bool insert_event(const Event& event, Pending& pending);
  /// The conversation a message continues: by thread key, else by a reference to an earlier
  /// message or to one of our sent replies, all within its channel.
  std::optional<std::string> find_thread(const InboundMessage& message);
  /// Puts an event into the outbox (once).
  void queue(const std::string& event_id);
  /// Stores attachment bytes under their SHA-256 and returns it.
  std::string put_blob_row(std::string_view data);
  /// Ends a write before its commit: indexes the new messages for search and re-folds the
  /// changed conversations into their projection rows.
  void finish(Pending& pending);
  /// Folds one conversation's log and writes its projection row.
  void project(const std::string& conversation_id, const std::vector<Event>& events);
  [[nodiscard]] std::vector<Event> load_events(const std::string& conversation_id);
  /// Schema step 2 on a file that had rows: handover_requested_at of every waiting handover,
  /// from the fold (a conversation that cannot be read keeps NULL: no escalation for it).
  void fill_handover_times();

  SQLite::Database db;
  StoreOptions options;
  std::thread::id owner;
  std::optional<Directory> directory_cache;
  std::int64_t directory_version = 0;  // PRAGMA data_version when the cache was read
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements;
};

}  // namespace samla
