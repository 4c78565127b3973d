// samlactl in team mode, driven as an administrator and a caseworker would: migrate a new hub,
// add its departments and users, put profiles in team mode, let the agent bring a message in,
// and work on it from a desktop profile.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "../client/process.h"
#include "hub_fixture.h"
#include "samla/sync/hub_schema.h"
#include "samla/sync/uuid.h"

namespace samla::test {
namespace {

class Profiles {
 public:
  Profiles() : root_(std::filesystem::temp_directory_path() / ("samla-cli-" + new_uuid())) {
    std::filesystem::create_directories(root_ / "inbox");
  }
  ~Profiles() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  Profiles(const Profiles&) = delete;
  Profiles& operator=(const Profiles&) = delete;
  [[nodiscard]] std::string operator/(const std::string& name) const {
    return (root_ / name).string();
  }

 private:
  std::filesystem::path root_;
};

ProcessResult samlactl(const std::vector<std::string>& args, const std::string& input = {}) {
  auto result =
      run_process(SAMLACTL, args, {"SAMLA_LANGUAGE=en", "SAMLA_NOW=2026-11-23T11:00:00Z"}, input);
  BOOST_TEST_MESSAGE("samlactl exit " << result.exit_code << ": " << result.out << result.err);
  return result;
}

void require_ok(const ProcessResult& result) {
  BOOST_REQUIRE_MESSAGE(result.exit_code == 0, "samlactl failed: " + result.err + result.out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(HubCommandLine)

BOOST_AUTO_TEST_CASE(a_hub_is_set_up_and_worked_with_samlactl) {
  HubFixture hub(HubFixture::Setup::empty);
  Profiles dirs;
  const auto owner = hub.owner_conninfo();
  auto migrated = samlactl({"hub", "--hub", owner, "migrate"});
  require_ok(migrated);
  // The newest version the hub schema knows (migration files in sync/hub/migrations).
  BOOST_TEST(migrated.out.find("version " + std::to_string(hub_schema_version_known())) !=
             std::string::npos);
  // Again: nothing to do.
  BOOST_TEST(samlactl({"hub", "--hub", owner, "migrate"}).out.find("0 migrations") !=
             std::string::npos);
  require_ok(samlactl({"hub", "--hub", owner, "department", "add", "byggesak", "Byggesak",
                       "--municipality", "eksempel"}));
  require_ok(samlactl({"hub", "--hub", owner, "user", "add", "kari", "Kari Nordmann", "--login",
                       hub.login_of("kari")},
                      "pw-kari\n"));
  require_ok(
      samlactl({"hub", "--hub", owner, "member", "add", "kari", "byggesak", "--role", "lead"}));
  require_ok(samlactl({"hub", "--hub", owner, "user", "add", "agent", "Kanalagent", "--agent",
                       "--login", hub.login_of("agent")},
                      "pw-agent\n"));
  BOOST_TEST(
      samlactl({"hub", "--hub", owner, "member", "add", "kari", "byggesak", "--role", "boss"})
          .exit_code == 2);

  // The agent's profile brings a callback request in from its folder.
  const auto agent = dirs / "agent";
  require_ok(samlactl({"--profile", agent, "config", "default-department", "byggesak"}));
  require_ok(samlactl(
      {"--profile", agent, "hub", "--hub", hub.conninfo_of("agent"), "init", "--user", "agent"}));
  std::ofstream(dirs / "inbox/callback.json")
      << R"({"channel": "callback", "id": "cb-1", "from": "+4790000001",
             "text": "Ring meg", "received_at": "2026-11-23T09:00:00Z"})";
  auto round = samlactl({"--profile", agent, "agent", "--folder", dirs / "inbox", "--rounds", "1"});
  require_ok(round);
  BOOST_TEST(round.out.find("1 new events") != std::string::npos);

  // Kari's desktop profile joins and sees it.
  const auto kari = dirs / "kari";
  auto joined = samlactl(
      {"--profile", kari, "hub", "--hub", hub.conninfo_of("kari"), "init", "--user", "kari"});
  require_ok(joined);
  BOOST_TEST(joined.out.find("pulled 1") != std::string::npos);
  auto listed = samlactl({"--profile", kari, "list", "--view", "all", "--json"});
  require_ok(listed);
  const auto rows = nlohmann::json::parse(listed.out);
  BOOST_REQUIRE_EQUAL(rows.size(), 1U);
  const auto id = rows[0].at("id").get<std::string>();
  require_ok(samlactl({"--profile", kari, "claim", id}));
  auto status = samlactl({"--profile", kari, "hub", "status", "--json"});
  require_ok(status);
  BOOST_TEST(nlohmann::json::parse(status.out).at("outbox") == 1);
  require_ok(samlactl({"--profile", kari, "hub", "sync"}));
  status = samlactl({"--profile", kari, "hub", "status", "--json"});
  BOOST_TEST(nlohmann::json::parse(status.out).at("outbox") == 0);
  BOOST_TEST(nlohmann::json::parse(status.out).at("team_mode") == true);
}

BOOST_AUTO_TEST_CASE(a_wrong_password_is_a_failure_not_a_crash) {
  HubFixture hub;
  Profiles dirs;
  HubSettings wrong = hub.settings_of("kari");
  auto result = samlactl({"--profile", dirs / "kari", "hub", "--hub",
                          wrong.conninfo + " password=wrong", "init", "--user", "kari"});
  BOOST_TEST(result.exit_code == 3);
  BOOST_TEST(result.err.find("refused the login") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace samla::test
