// The agent: one agent per channel under an advisory lock, a standby taking over, and every
// message ingested once and auto-answered once, also when an agent process is killed with
// SIGKILL in the middle of reading its folder.
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "hub_fixture.h"
#include "samla/sync/folder_connector.h"
#include "samla/sync/hub_agent.h"
#include "samla/sync/uuid.h"

namespace samla::test {
namespace {

// TEST ONLY: keeps the auto-replies it is asked to send.
class RecordingTestSender : public OutboundSender {
 public:
  void send_auto_reply(const Conversation& /*conversation*/, const InboundMessage& message,
                       const AutoReplySent& /*reply*/, const std::string& /*subject*/,
                       const std::string& /*event_id*/) override {
    sent.push_back(message.external_id);
  }
  std::vector<std::string> sent;
};

class TempFolder {
 public:
  TempFolder() : path_(std::filesystem::temp_directory_path() / ("samla-agent-" + new_uuid())) {
    std::filesystem::create_directories(path_ / "inbox");
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  [[nodiscard]] std::filesystem::path inbox() const { return path_ / "inbox"; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

// A callback request as the phone system drops it: one JSON file per message.
void drop_message(const std::filesystem::path& inbox, int n) {
  char name[32];
  std::snprintf(name, sizeof name, "callback-%03d.json", n);
  nlohmann::json message = {{"channel", "callback"},
                            {"id", "callback-" + std::to_string(n)},
                            {"from",
                             {{"name", "Innbygger " + std::to_string(n)},
                              {"address", "+47900000" + std::to_string(10 + n)}}},
                            {"text", "Ring meg om byggesøknaden min."},
                            {"received_at", "2026-11-23T09:00:00Z"},
                            {"department", "byggesak"}};
  std::ofstream(inbox / name) << message.dump();
}

std::size_t count_on_hub(HubFixture& hub, const std::string& sql) {
  return std::stoul(hub.owner().exec(sql).at(0, 0));
}

int run_child(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

std::string auto_reply_policy_text() { return "Takk for meldinga."; }

}  // namespace

BOOST_AUTO_TEST_SUITE(HubAgentFailover)

BOOST_AUTO_TEST_CASE(one_agent_works_a_channel_and_a_standby_takes_over) {
  HubFixture hub;
  TempFolder folder;
  for (int n = 1; n <= 3; ++n) drop_message(folder.inbox(), n);
  auto first_desk = hub.desktop("agent");
  auto second_desk = hub.desktop("agent");
  auto sender = std::make_shared<RecordingTestSender>();
  auto policy = [](Workspace&, const Conversation&, const InboundMessage&) {
    return std::optional<AutoReplyWords>(AutoReplyWords{"Takk", auto_reply_policy_text()});
  };
  auto first = std::make_unique<HubAgent>(first_desk->workspace(), hub.settings_of("agent"));
  first->add_channel(std::make_unique<FolderConnector>(folder.inbox()));
  first->set_auto_replies(policy, sender);
  HubAgent second(second_desk->workspace(), hub.settings_of("agent"));
  second.add_channel(std::make_unique<FolderConnector>(folder.inbox()));
  second.set_auto_replies(policy, sender);

  PlainPass pass;
  const auto worked = first->run_once(pass);
  BOOST_TEST(!worked.standby());
  BOOST_TEST(worked.ingested == 3U);
  BOOST_TEST(worked.auto_replies == 3U);
  BOOST_TEST(second.run_once(pass).standby());

  drop_message(folder.inbox(), 4);
  first.reset();  // the agent dies; the server releases its locks with its connections
  AgentRound taken;
  for (int attempt = 0; attempt < 200 && taken.standby(); ++attempt) {
    taken = second.run_once(pass);
    if (taken.standby()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  BOOST_REQUIRE(!taken.standby());
  BOOST_TEST(taken.ingested == 1U);  // only the new file: the three are duplicates here
  BOOST_TEST(taken.auto_replies == 1U);
  BOOST_TEST(count_on_hub(hub, "SELECT count(*) FROM hub.events WHERE type = 'MessageReceived'") ==
             4U);
  BOOST_TEST(sender->sent.size() == 4U);
  BOOST_TEST(std::set<std::string>(sender->sent.begin(), sender->sent.end()).size() == 4U);
}

BOOST_AUTO_TEST_CASE(an_agent_killed_mid_ingest_is_replaced_without_duplicates) {
  HubFixture hub;
  TempFolder folder;
  const auto record = (folder / "sent.tsv").string();
  const auto agent_a = (folder / "agent-a").string();
  const auto agent_b = (folder / "agent-b").string();
  const std::string child = SAMLA_AGENT_CHILD;
  const auto conninfo = hub.conninfo_of("agent");
  for (int n = 1; n <= 5; ++n) drop_message(folder.inbox(), n);

  // A works the first five to the end.
  int status = run_child({child, agent_a, conninfo, "agent", folder.inbox().string(), record});
  BOOST_REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  // Seven more arrive; A is killed after committing the eighth file to its own store, before
  // any of the new ones reached the hub.
  for (int n = 6; n <= 12; ++n) drop_message(folder.inbox(), n);
  status = run_child(
      {child, agent_a, conninfo, "agent", folder.inbox().string(), record, "--crash-after", "8"});
  BOOST_REQUIRE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  BOOST_TEST(count_on_hub(hub, "SELECT count(*) FROM hub.events WHERE type = 'MessageReceived'") ==
             5U);

  // B, a standby on another machine with its own store, takes over.
  status = run_child({child, agent_b, conninfo, "agent", folder.inbox().string(), record});
  BOOST_REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  // A comes back with three ingested-but-unpushed messages in its outbox.
  status = run_child({child, agent_a, conninfo, "agent", folder.inbox().string(), record});
  BOOST_REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

  BOOST_TEST(count_on_hub(hub, "SELECT count(*) FROM hub.events WHERE type = 'MessageReceived'") ==
             12U);
  BOOST_TEST(count_on_hub(hub,
                          "SELECT count(DISTINCT doc -> 'payload' -> 'message' ->> "
                          "'external_id') FROM hub.events WHERE type = 'MessageReceived'") == 12U);
  BOOST_TEST(count_on_hub(hub, "SELECT count(*) FROM hub.events WHERE type = 'AutoReplySent'") ==
             12U);
  std::ifstream in(record);
  std::multiset<std::string> answered;
  for (std::string line; std::getline(in, line);) answered.insert(line.substr(0, line.find('\t')));
  BOOST_TEST(answered.size() == 12U);
  BOOST_TEST(std::set<std::string>(answered.begin(), answered.end()).size() == 12U);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace samla::test
