// Store: opening, the thread check, the statement cache, and the small key/value parts
// (directory, blobs, sync state, outbox, settings). Writes of events are in store_write.cpp,
// the projection in store_projection.cpp, reads of lists and search in store_query.cpp.
#include "samla/sync/store.h"

#include <nlohmann/json.hpp>
#include "samla/models/fold.h"

#include "samla/sync/event_json.h"
#include "samla/sync/uuid.h"
#include "store_impl.h"

namespace samla {

Store::Impl::Impl(const std::filesystem::path& file, StoreOptions store_options)
    : db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX),
      options(std::move(store_options)),
      owner(std::this_thread::get_id()) {
  store_detail::open_schema(db, [this] { fill_handover_times(); });
}

void Store::Impl::check_thread() const {
  if (std::this_thread::get_id() != owner) {
    throw StoreError(
        "the store was used from another thread than the one that opened it; "
        "each thread needs its own Store");
  }
}

store_detail::Query Store::Impl::query(const std::string& sql) {
  auto& statement = statements[sql];
  if (!statement) statement = std::make_unique<SQLite::Statement>(db, sql);
  return store_detail::Query(*statement);
}

std::string Store::Impl::make_id() const { return options.new_id ? options.new_id() : new_uuid(); }

const Directory& Store::Impl::directory() {
  // data_version changes when another connection (another thread's or process's Store) commits:
  // the directory it may have saved is read again.
  std::int64_t version = 0;
  {
    auto q = query("PRAGMA data_version");
    q->executeStep();
    version = q->getColumn(0).getInt64();
  }
  if (directory_cache && version == directory_version) return *directory_cache;
  directory_version = version;
  Directory dir;
  {
    auto q = query("SELECT id, name FROM departments ORDER BY id");
    while (q->executeStep()) {
      dir.add_department(Department{q->getColumn(0).getString(), q->getColumn(1).getString()});
    }
  }
  {
    auto q = query("SELECT id, name FROM users ORDER BY id");
    while (q->executeStep()) {
      dir.add_user(User{q->getColumn(0).getString(), q->getColumn(1).getString(), {}});
    }
  }
  {
    auto q =
        query("SELECT user_id, department, role FROM memberships ORDER BY user_id, department");
    while (q->executeStep()) {
      // An unknown role (from a newer Samla) grants nothing rather than guessing.
      if (auto role = role_from_string(q->getColumn(2).getString())) {
        dir.add_membership(q->getColumn(0).getString(),
                           Membership{q->getColumn(1).getString(), *role});
      }
    }
  }
  directory_cache = std::move(dir);
  return *directory_cache;
}

Store::Store(const std::filesystem::path& file, StoreOptions options) {
  try {
    impl_ = std::make_unique<Impl>(file, std::move(options));
  } catch (const SQLite::Exception& error) {
    throw StoreError("cannot open the store " + file.string() + ": " + error.what());
  }
}

Store::~Store() = default;

int Store::schema_version() const {
  impl_->check_thread();
  return store_detail::user_version(impl_->db);
}

// ---- directory ---------------------------------------------------------------------------------

Directory Store::directory() const {
  impl_->check_thread();
  return impl_->directory();
}

void Store::save_department(const Department& department) {
  impl_->check_thread();
  auto q = impl_->query(
      "INSERT INTO departments (id, name) VALUES (?, ?) "
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name");
  q->bind(1, department.id);
  q->bind(2, department.name);
  q->exec();
  impl_->directory_cache.reset();
}

void Store::save_user(const User& user) {
  impl_->check_thread();
  SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
  {
    // An upsert, not REPLACE: replacing would cascade-delete the memberships first.
    auto q = impl_->query(
        "INSERT INTO users (id, name) VALUES (?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name");
    q->bind(1, user.id);
    q->bind(2, user.name);
    q->exec();
  }
  {
    auto q = impl_->query("DELETE FROM memberships WHERE user_id = ?");
    q->bind(1, user.id);
    q->exec();
  }
  for (const auto& membership : user.memberships) {
    auto q = impl_->query(
        "INSERT INTO memberships (user_id, department, role) VALUES (?, ?, ?) "
        "ON CONFLICT (user_id, department) DO UPDATE SET role = excluded.role");
    q->bind(1, user.id);
    q->bind(2, membership.department);
    q->bind(3, std::string(to_string(membership.role)));
    q->exec();
  }
  transaction.commit();
  impl_->directory_cache.reset();
}

// ---- conversations -----------------------------------------------------------------------------

std::vector<Event> Store::events_of(const std::string& conversation_id) const {
  impl_->check_thread();
  return impl_->load_events(conversation_id);
}

std::vector<Event> Store::template_events() const {
  impl_->check_thread();
  // A range on events_by_conversation: every template stream id sorts between "template:" and
  // "template;" (';' follows ':').
  const std::string from(kTemplateStreamPrefix);
  std::string to = from;
  to.back() = ';';
  auto q =
      impl_->query(std::string("SELECT ") + store_detail::kEventColumns +
                   " FROM events WHERE conversation_id > ? AND conversation_id < ? ORDER BY seq");
  q->bind(1, from);
  q->bind(2, to);
  std::vector<Event> events;
  while (q->executeStep()) events.push_back(store_detail::read_event(*q));
  return events;
}

std::optional<std::string> Store::resolve_id(const std::string& id_or_prefix) const {
  impl_->check_thread();
  {
    auto q = impl_->query("SELECT 1 FROM conversations WHERE id = ?");
    q->bind(1, id_or_prefix);
    if (q->executeStep()) return id_or_prefix;
  }
  constexpr std::size_t kShortestPrefix = 8;
  if (id_or_prefix.size() < kShortestPrefix) return std::nullopt;
  // A range on the primary key: every id with the prefix sorts between the prefix and the
  // prefix followed by 0xFF, a byte UTF-8 never uses.
  auto q = impl_->query("SELECT id FROM conversations WHERE id > ? AND id < ? ORDER BY id LIMIT 2");
  q->bind(1, id_or_prefix);
  q->bind(2, id_or_prefix + '\xFF');
  if (!q->executeStep()) return std::nullopt;
  auto id = q->getColumn(0).getString();
  if (q->executeStep()) return std::nullopt;  // ambiguous
  return id;
}

std::optional<Conversation> Store::conversation(const std::string& id) const {
  impl_->check_thread();
  const auto full_id = resolve_id(id);
  if (!full_id) return std::nullopt;
  return fold(in_hub_order(impl_->load_events(*full_id)), impl_->directory());
}

std::optional<ConversationSummary> Store::summary(const std::string& id) const {
  impl_->check_thread();
  auto q = impl_->query(std::string("SELECT ") + store_detail::kSummaryColumns +
                        " FROM conversations WHERE id = ?");
  q->bind(1, id);
  if (!q->executeStep()) return std::nullopt;
  return store_detail::read_summary(*q);
}

void Store::for_each_message(
    const std::function<void(const std::string& conversation_id, const std::string& event_id,
                             const InboundMessage&)>& visit) const {
  impl_->check_thread();
  // Not a cached statement: the visitor may use the store meanwhile.
  SQLite::Statement q(impl_->db, R"sql(
    SELECT m.conversation_id, m.event_id, e.payload FROM messages m
      JOIN events e ON e.id = m.event_id ORDER BY m.id)sql");
  while (q.executeStep()) {
    const auto conversation_id = q.getColumn(0).getString();
    const auto event_id = q.getColumn(1).getString();
    MessageReceived received;
    try {
      received = std::get<MessageReceived>(
          payload_from_json("MessageReceived", parse_json_text(q.getColumn(2).getString())));
    } catch (const EventJsonError& error) {
      std::string text = "conversation " + conversation_id;
      text.append(" cannot be read: its message event ").append(event_id);
      text.append(" is damaged in the store: ").append(error.what());
      throw StoreError(text);
    }
    visit(conversation_id, event_id, received.message);
  }
}

// ---- blobs, sync state, settings ---------------------------------------------------------------

std::optional<std::string> Store::blob(const std::string& sha256) const {
  impl_->check_thread();
  auto q = impl_->query("SELECT data FROM blobs WHERE sha256 = ?");
  q->bind(1, sha256);
  if (!q->executeStep()) return std::nullopt;
  const auto column = q->getColumn(0);
  const auto* data = static_cast<const char*>(column.getBlob());
  return std::string(data ? data : "", static_cast<std::size_t>(column.getBytes()));
}

void Store::set_sync_state(const std::string& channel_key, const std::string& key,
                           const std::string& value) {
  impl_->check_thread();
  auto q = impl_->query(
      "INSERT INTO sync_state (channel_key, key, value) VALUES (?, ?, ?) "
      "ON CONFLICT (channel_key, key) DO UPDATE SET value = excluded.value");
  q->bind(1, channel_key);
  q->bind(2, key);
  q->bind(3, value);
  q->exec();
}

std::optional<std::string> Store::sync_state(const std::string& channel_key,
                                             const std::string& key) const {
  impl_->check_thread();
  auto q = impl_->query("SELECT value FROM sync_state WHERE channel_key = ? AND key = ?");
  q->bind(1, channel_key);
  q->bind(2, key);
  if (!q->executeStep()) return std::nullopt;
  return q->getColumn(0).getString();
}

void Store::set_setting(const std::string& key, const std::string& value) {
  impl_->check_thread();
  auto q = impl_->query(
      "INSERT INTO settings (key, value) VALUES (?, ?) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  q->bind(1, key);
  q->bind(2, value);
  q->exec();
}

std::optional<std::string> Store::setting(const std::string& key) const {
  impl_->check_thread();
  auto q = impl_->query("SELECT value FROM settings WHERE key = ?");
  q->bind(1, key);
  if (!q->executeStep()) return std::nullopt;
  return q->getColumn(0).getString();
}

// ---- outbox ------------------------------------------------------------------------------------

std::vector<Event> Store::outbox(std::size_t limit) const {
  impl_->check_thread();
  auto q = impl_->query(std::string("SELECT ") + store_detail::kEventColumns +
                        " FROM outbox o JOIN events e ON e.id = o.event_id "
                        "ORDER BY o.position LIMIT ?");
  q->bind(1, static_cast<std::int64_t>(limit));
  std::vector<Event> events;
  while (q->executeStep()) events.push_back(store_detail::read_event(*q));
  return events;
}

std::size_t Store::outbox_size() const {
  impl_->check_thread();
  auto q = impl_->query("SELECT count(*) FROM outbox");
  q->executeStep();
  return static_cast<std::size_t>(q->getColumn(0).getInt64());
}

}  // namespace samla
