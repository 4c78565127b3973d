#include "hub_fixture.h"

#include <cstdlib>
#include <fstream>

#include "samla/sync/hub_schema.h"
#include "samla/sync/uuid.h"

namespace samla::test {
namespace {

std::string read_first_line(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line)) {
    throw std::runtime_error("cannot read " + file.string() +
                             " (is the PostgreSQL fixture of tests/services/postgres.sh running?)");
  }
  return line;
}

// Monday 23 November 2026, 10:00 UTC: inside office hours.
Instant test_now() {
  return Instant{date::sys_days{date::year{2026} / 11 / 23}} + std::chrono::hours{10};
}

}  // namespace

const HubServer& HubServer::get() {
  static const HubServer server = [] {
    const char* dir = std::getenv("SAMLA_HUB_TEST_DIR");
    if (dir == nullptr) {
      throw std::runtime_error("SAMLA_HUB_TEST_DIR is not set: run the hub tests through ctest");
    }
    return HubServer{dir, read_first_line(std::filesystem::path(dir) / "port"),
                     read_first_line(std::filesystem::path(dir) / "superuser.pw")};
  }();
  return server;
}

std::string HubServer::conninfo(const std::string& db, const std::string& login,
                                const std::string& password) const {
  return "host=127.0.0.1 port=" + port + " dbname=" + db + " user=" + login +
         " password=" + password + " connect_timeout=5";
}

Desktop::Desktop(const std::string& user, HubSettings settings)
    : user_(user),
      settings_(std::move(settings)),
      dir_(std::filesystem::temp_directory_path() / ("samla-hub-test-" + new_uuid())) {
  WorkspaceOptions options;
  options.clock = test_now;
  workspace_ = std::make_unique<Workspace>(dir_, options);
  save_hub_settings(workspace_->store(), settings_);
  hub_ = std::make_unique<HubConnector>(settings_);
}

Desktop::~Desktop() {
  hub_.reset();
  workspace_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

const HubPassReport& Desktop::sync() {
  PlainPass pass;
  hub_->sync_once(*workspace_, pass);
  return hub_->last_report();
}

void Desktop::act(const std::string& conversation, const Command& command) {
  auto outcome = workspace_->execute(conversation, command, user_);
  if (!outcome.decision.accepted()) {
    BOOST_FAIL(user_ + " was refused locally: " + std::string(outcome.decision.rejection->format));
  }
}

void Desktop::go_offline() {
  HubSettings unreachable = settings_;
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  unreachable.conninfo = "host=127.0.0.1 port=1 dbname=none user=" + user_ + " connect_timeout=2";
  hub_ = std::make_unique<HubConnector>(unreachable);
}

void Desktop::go_online() { hub_ = std::make_unique<HubConnector>(settings_); }

HubFixture::HubFixture(Setup setup) : prefix_("t" + new_uuid().substr(0, 8)) {
  const auto& server = HubServer::get();
  db_ = prefix_ + "_hub";
  const std::string owner_login = prefix_ + "_owner";
  {
    HubConnection super(server.conninfo("postgres", "samla_test", server.superuser_password));
    super.exec_script("CREATE ROLE " + owner_login + " LOGIN CREATEROLE PASSWORD 'pw-owner'");
    super.exec_script("CREATE DATABASE " + db_ + " OWNER " + owner_login);
  }
  if (setup == Setup::empty) return;
  owner_ = std::make_unique<HubConnection>(owner_conninfo());
  (void)migrate_hub(*owner_);

  add_hub_municipality(*owner_, "eksempel", "Eksempel kommune");
  add_hub_department(*owner_, "eksempel", {"byggesak", "Byggesak"});
  add_hub_department(*owner_, "eksempel", {"skatt", "Skatt"});
  add_hub_department(*owner_, "eksempel", {"helse", "Helse"});
  struct Person {
    const char* id;
    const char* name;
    const char* department;
    Role role;
  };
  const Person people[] = {{"kari", "Kari Nordmann", "byggesak", Role::Lead},
                           {"per", "Per Hansen", "byggesak", Role::Lead},
                           {"ola", "Ola Nordmann", "byggesak", Role::Caseworker},
                           {"siri", "Siri Berg", "skatt", Role::Caseworker},
                           {"tor", "Tor Lie", "skatt", Role::Lead},
                           {"hege", "Hege Dahl", "helse", Role::Caseworker},
                           {"kim", "Kim Vik", "byggesak", Role::Comms}};
  for (const auto& p : people) {
    add_hub_user(*owner_, HubUser{p.id, prefix_ + "_" + p.id, p.name, HubUserKind::person},
                 std::string("pw-") + p.id);
    add_hub_member(*owner_, p.id, p.department, p.role);
  }
  add_hub_user(*owner_, HubUser{"agent", prefix_ + "_agent", "Kanalagent", HubUserKind::agent},
               std::string("pw-agent"));
  agent_ = desktop("agent");
  agent_->workspace().set_default_department("byggesak");
}

HubFixture::~HubFixture() = default;

std::string HubFixture::owner_conninfo() const {
  return HubServer::get().conninfo(db_, prefix_ + "_owner", "pw-owner");
}

std::string HubFixture::conninfo_of(const std::string& user) const {
  return HubServer::get().conninfo(db_, prefix_ + "_" + user, "pw-" + user);
}

HubConnection HubFixture::connect_as(const std::string& user) const {
  return HubConnection(conninfo_of(user));
}

HubSettings HubFixture::settings_of(const std::string& user) const {
  HubSettings settings;
  settings.conninfo = conninfo_of(user);
  settings.user = user;
  return settings;
}

std::unique_ptr<Desktop> HubFixture::desktop(const std::string& user) const {
  return std::make_unique<Desktop>(user, settings_of(user));
}

std::string HubFixture::new_conversation(const std::string& department,
                                         const std::string& subject) {
  InboundMessage message;
  message.channel = Channel::Email;
  message.external_id = "msg-" + std::to_string(++messages_) + "@innbygger.example";
  message.from = {"Innbygger " + std::to_string(messages_), "innbygger@example.no"};
  message.to = {{"", department + "@eksempel.kommune.no"}};
  message.subject = subject;
  message.body_text = "Hei, eg har eit spørsmål.";
  message.received_at = agent_->workspace().now() - std::chrono::hours{1};
  message.department = department;
  auto result = agent_->store().ingest(message);
  agent_->sync();
  return result.conversation_id;
}

std::size_t HubFixture::hub_event_count() {
  return std::stoul(owner_->exec("SELECT count(*) FROM hub.events").at(0, 0));
}

}  // namespace samla::test
