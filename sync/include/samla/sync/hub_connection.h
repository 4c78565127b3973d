#pragma once
// One connection to the team hub (PostgreSQL through libpq), behind RAII: queries with text
// parameters, LISTEN and waiting for a notification, and session advisory locks. Errors come out
// as SyncFailure (offline, authentication, retryable) or, for a refusal by the hub's rules, as
// HubRefused with the reason in plain words. Not thread-safe: one thread uses one connection.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "samla/sync/connector.h"

namespace samla {

/// Why the hub refused an event: an English sentence with {0}, {1} … (a gettext msgid, the same
/// as the local rules' where the rule is the same) and its arguments.
struct HubRefusal {
  std::string format;
  std::vector<std::string> args;
  /// The sentence in English with the arguments filled in.
  [[nodiscard]] std::string text() const;
};

/// The hub's role trigger or row-level security refused what was asked.
class HubRefused : public std::runtime_error {
 public:
  explicit HubRefused(HubRefusal refusal);
  [[nodiscard]] const HubRefusal& refusal() const { return refusal_; }

 private:
  HubRefusal refusal_;
};

/// A query's rows as text (NULL: nullopt), column by column as selected.
struct HubRows {
  std::vector<std::vector<std::optional<std::string>>> rows;
  [[nodiscard]] std::size_t size() const { return rows.size(); }
  /// The text of row r, column c; throws std::out_of_range for NULL or a missing cell.
  [[nodiscard]] const std::string& at(std::size_t r, std::size_t c) const;
};

using HubParams = std::vector<std::optional<std::string>>;

class HubConnection {
 public:
  /// Connects with a libpq connection string ("host=hub.kommune.no dbname=samla user=kari
  /// sslmode=verify-full"); a password may be given apart (from the keyring), else libpq's own
  /// means apply (~/.pgpass, PGPASSWORD, Kerberos). Throws SyncFailure.
  explicit HubConnection(const std::string& conninfo,
                         const std::optional<std::string>& password = std::nullopt);
  ~HubConnection();
  HubConnection(const HubConnection&) = delete;
  HubConnection& operator=(const HubConnection&) = delete;
  HubConnection(HubConnection&&) noexcept;
  HubConnection& operator=(HubConnection&&) noexcept;

  /// Runs one statement with text parameters ($1, $2 …) and returns its rows.
  HubRows exec(const std::string& sql, const HubParams& params = {});
  /// Runs statements without parameters (a script, several statements in one string).
  void exec_script(const std::string& sql);

  /// LISTEN on `channel`; then wait_for_notification() wakes on its notifications.
  void listen(const std::string& channel);
  /// Waits until a notification arrives or `timeout` passes; true if one arrived (all pending
  /// notifications are consumed). Throws SyncFailure when the connection is lost.
  bool wait_for_notification(std::chrono::milliseconds timeout);

  /// A session advisory lock (released by unlock or when the connection ends): true if taken.
  bool try_advisory_lock(std::int64_t key);
  void advisory_unlock(std::int64_t key);

  /// The password hashed for this server's method (SCRAM-SHA-256), so that the plain text never
  /// reaches the server or its logs.
  [[nodiscard]] std::string encrypt_password(const std::string& role, const std::string& password);
  /// The role PostgreSQL authenticated this connection as.
  [[nodiscard]] std::string session_user();
  /// False once the connection is broken.
  [[nodiscard]] bool ok() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Quotes an identifier for SQL (a role name in CREATE ROLE).
[[nodiscard]] std::string quote_identifier(const std::string& name);

}  // namespace samla
