#pragma once
// The hub tests' world: a fresh hub database on the PostgreSQL that CTest started
// (tests/services/postgres.sh, directory in SAMLA_HUB_TEST_DIR), migrated by its own owner
// role, with a municipality of three departments and users who each log in with their own
// SCRAM password; and desktops, each a profile (workspace) with its own hub connector.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <memory>
#include <string>

#include "samla/sync/hub_admin.h"
#include "samla/sync/hub_client.h"
#include "samla/sync/hub_connection.h"
#include "samla/sync/workspace.h"

namespace samla::test {

/// A pass that never stops and ignores progress.
class PlainPass : public SyncPass {
 public:
  void progress(std::size_t /*done*/, std::size_t /*total*/) override {}
  [[nodiscard]] bool stop_requested() const override { return false; }
};

/// The PostgreSQL server of this test run.
struct HubServer {
  std::filesystem::path dir;  // holds ca.crt (the server's CA) and other-ca.crt
  std::string port;
  std::string superuser_password;
  static const HubServer& get();
  [[nodiscard]] std::string conninfo(const std::string& db, const std::string& login,
                                     const std::string& password) const;
};

/// One desktop: a profile of its own, a clock and a hub connector acting as `user`.
class Desktop {
 public:
  Desktop(const std::string& user, HubSettings settings);
  ~Desktop();
  Desktop(const Desktop&) = delete;
  Desktop& operator=(const Desktop&) = delete;
  Desktop(Desktop&&) = delete;
  Desktop& operator=(Desktop&&) = delete;

  Workspace& workspace() { return *workspace_; }
  Store& store() { return workspace_->store(); }
  HubConnector& hub() { return *hub_; }
  const std::string& user() const { return user_; }
  /// One sync pass; throws SyncFailure like the engine would see it.
  const HubPassReport& sync();
  /// Executes a command as this desktop's user; the rules must accept it locally.
  void act(const std::string& conversation, const Command& command);
  /// Swaps the connector for one that cannot reach the hub (the network is gone) and back.
  void go_offline();
  void go_online();

 private:
  std::string user_;
  HubSettings settings_;
  std::filesystem::path dir_;
  std::unique_ptr<Workspace> workspace_;
  std::unique_ptr<HubConnector> hub_;
};

/// A fresh hub database with the test municipality:
///   byggesak: kari (lead), per (lead), ola (caseworker); skatt: siri (caseworker), tor (lead);
///   helse: hege (caseworker); kim (comms in byggesak); agent (the channel agent).
class HubFixture {
 public:
  enum class Setup { populated, empty };
  /// `empty`: only the database and its owner role (for `samlactl hub migrate`).
  explicit HubFixture(Setup setup = Setup::populated);
  ~HubFixture();
  HubFixture(const HubFixture&) = delete;
  HubFixture& operator=(const HubFixture&) = delete;
  HubFixture(HubFixture&&) = delete;
  HubFixture& operator=(HubFixture&&) = delete;

  /// The libpq connection string of a user (their own login and password).
  [[nodiscard]] std::string conninfo_of(const std::string& user) const;
  /// A raw connection as a user, for the security tests' SQL.
  [[nodiscard]] HubConnection connect_as(const std::string& user) const;
  /// The PostgreSQL login of a user of this hub (logins are per test: roles are cluster-wide).
  [[nodiscard]] std::string login_of(const std::string& user) const { return prefix_ + "_" + user; }
  /// The hub owner's connection string.
  [[nodiscard]] std::string owner_conninfo() const;
  /// The hub owner's connection (what `samlactl hub` admin commands use).
  HubConnection& owner() { return *owner_; }
  [[nodiscard]] HubSettings settings_of(const std::string& user) const;
  [[nodiscard]] std::unique_ptr<Desktop> desktop(const std::string& user) const;

  /// The agent ingests a new message for `department` and pushes it; returns the conversation.
  std::string new_conversation(const std::string& department,
                               const std::string& subject = "Søknad");
  Desktop& agent() { return *agent_; }
  /// Events on the hub (as the owner sees them).
  [[nodiscard]] std::size_t hub_event_count();

 private:
  std::string db_;
  std::string prefix_;
  std::unique_ptr<HubConnection> owner_;
  std::unique_ptr<Desktop> agent_;
  int messages_ = 0;
};

}  // namespace samla::test
