// TEST ONLY: an agent process for the failover test, which kills it with SIGKILL. It works one
// folder channel against the hub and "sends" auto-replies through a recording sender that
// appends one line per reply to a file (fsync'd, so a reply handed over before the kill is on
// disk). With --crash-after N it kills itself right after the Nth file of a channel pass is
// committed to its store, before anything of that pass reaches the hub: mid-ingest.
//
//   samla_hub_agent_child PROFILE CONNINFO USER FOLDER RECORD_FILE [--crash-after N]
#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "samla/sync/folder_connector.h"
#include "samla/sync/hub_agent.h"
#include "samla/sync/workspace.h"

namespace {

using namespace samla;

// Records each reply as "external id<TAB>event id<TAB>to" in a file.
class RecordingTestSender : public OutboundSender {
 public:
  explicit RecordingTestSender(std::string file) : file_(std::move(file)) {}
  void send_auto_reply(const Conversation& /*conversation*/, const InboundMessage& message,
                       const AutoReplySent& /*reply*/, const std::string& /*subject*/,
                       const std::string& event_id) override {
    const std::string line =
        message.external_id + "\t" + event_id + "\t" + message.from.address + "\n";
    const int fd = ::open(file_.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0600);
    if (fd < 0 || ::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()) ||
        ::fsync(fd) != 0) {
      throw std::runtime_error("cannot record the reply in " + file_);
    }
    ::close(fd);
  }

 private:
  std::string file_;
};

// A pass that kills the process after `crash_after` files (0: never).
class CrashingPass : public SyncPass {
 public:
  explicit CrashingPass(std::size_t crash_after) : crash_after_(crash_after) {}
  void progress(std::size_t done, std::size_t total) override {
    if (crash_after_ != 0 && total != 0 && done == crash_after_) std::raise(SIGKILL);
  }
  [[nodiscard]] bool stop_requested() const override { return false; }

 private:
  std::size_t crash_after_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::cerr << "usage: samla_hub_agent_child PROFILE CONNINFO USER FOLDER RECORD_FILE "
                 "[--crash-after N]\n";
    return 2;
  }
  std::size_t crash_after = 0;
  if (argc == 8 && std::string(argv[6]) == "--crash-after") crash_after = std::stoul(argv[7]);
  try {
    WorkspaceOptions options;
    Workspace workspace(argv[1], options);
    workspace.set_default_department("byggesak");
    HubSettings settings;
    settings.conninfo = argv[2];
    settings.user = argv[3];
    HubAgent agent(workspace, settings);
    agent.add_channel(std::make_unique<FolderConnector>(argv[4]));
    agent.set_auto_replies(
        [](Workspace& /*w*/, const Conversation& /*c*/, const InboundMessage& /*m*/) {
          return std::optional<AutoReplyWords>(
              AutoReplyWords{"Takk", "Takk for meldinga. Du får svar innan fristen."});
        },
        std::make_shared<RecordingTestSender>(argv[5]));
    CrashingPass pass(crash_after);
    // Rounds until a working round finds nothing to do; a standby keeps polling the lock.
    for (int round = 0; round < 600; ++round) {
      const auto result = agent.run_once(pass);
      for (const auto& error : result.errors) std::cerr << error << '\n';
      if (!result.standby() && result.ingested == 0 && result.auto_replies == 0) return 0;
      if (result.standby()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::cerr << "the agent never got its channel\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "agent child: " << e.what() << '\n';
    return 3;
  }
}
