#pragma once
// The contract fake of the SMS gateway (fake_sms_gateway.py) as a test fixture: started on a
// free loopback port for each test, driven through its /_fake/ control endpoints, stopped by
// its pid. And a workspace with a pinned clock and the connector under test.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "http_client.h"
#include "samla/sync/connector.h"
#include "samla/sync/uuid.h"
#include "samla/sync/workspace.h"

namespace samla::test {

inline constexpr const char* kAccountSid = "AC0123456789abcdef0123456789abcdef";
inline constexpr const char* kAuthToken = "twilio-test-token";
inline constexpr const char* kRestToken = "rest-test-token";
inline constexpr const char* kOurNumber = "+4722334455";

class FakeGateway {
 public:
  FakeGateway() {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<std::string> args{SAMLA_PYTHON, SAMLA_FAKE_SMS_GATEWAY, kAccountSid, kAuthToken,
                                  kRestToken};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int rc = ::posix_spawn(&pid_, SAMLA_PYTHON, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    if (rc != 0) {
      ::close(out[0]);
      throw std::runtime_error(std::string("cannot start ") + SAMLA_PYTHON);
    }
    // The first line is "PORT <n>": a blocking read, no polling.
    std::string line;
    char c = 0;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
    ::close(out[0]);
    if (line.rfind("PORT ", 0) != 0) {
      stop();
      throw std::runtime_error("the fake SMS gateway did not start: " + line);
    }
    base_url_ = "http://127.0.0.1:" + line.substr(5);
  }
  ~FakeGateway() { stop(); }
  FakeGateway(const FakeGateway&) = delete;
  FakeGateway& operator=(const FakeGateway&) = delete;

  [[nodiscard]] const std::string& base_url() const { return base_url_; }

  nlohmann::json control(const std::string& what, const nlohmann::json& body = {}) {
    sms::HttpRequest request;
    request.method = body.is_null() ? "GET" : "POST";
    request.url = base_url_ + "/_fake/" + what;
    if (!body.is_null()) {
      request.body = body.dump();
      request.content_type = "application/json";
    }
    const auto response = http_.perform(request);
    BOOST_REQUIRE_EQUAL(response.status, 200);
    return nlohmann::json::parse(response.body);
  }
  void set_clock(Instant now) { control("clock", {{"now", now.time_since_epoch().count()}}); }
  std::string inbound(const std::string& from, const std::string& text) {
    return control("inbound", {{"from", from}, {"to", kOurNumber}, {"body", text}})["sid"];
  }
  void set_status(const std::string& sid, const std::string& status, int error_code = 0,
                  const std::string& error_message = {}) {
    nlohmann::json body{{"sid", sid}, {"status", status}};
    if (error_code != 0) {
      body["error_code"] = error_code;
      body["error_message"] = error_message;
    }
    control("status", body);
  }
  void faults(const nlohmann::json& faults) { control("faults", faults); }
  nlohmann::json state() { return control("state"); }
  /// The messages our number sent, oldest first.
  nlohmann::json outbound() {
    auto all = state()["messages"];
    nlohmann::json out = nlohmann::json::array();
    for (auto& m : all) {
      if (m["direction"] != "inbound") out.push_back(m);
    }
    return out;
  }
  int api_requests() { return state()["api_requests"]; }

 private:
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  pid_t pid_ = -1;
  std::string base_url_;
  sms::HttpClient http_;
};

/// A sync pass that never stops and remembers the last progress.
struct TestPass : SyncPass {
  std::size_t done = 0;
  std::size_t total = 0;
  bool stop = false;
  void progress(std::size_t d, std::size_t t) override {
    done = d;
    total = t;
  }
  [[nodiscard]] bool stop_requested() const override { return stop; }
};

/// A temporary profile with a pinned clock, a department and a caseworker.
struct TempProfile {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("samla-sms-test-" + new_uuid());
  // 2026-11-23 10:00 Oslo (09:00 UTC), a Monday.
  Instant now = Instant{date::sys_days{date::year{2026} / 11 / 23}} + std::chrono::hours{9};
  Workspace ws{dir, WorkspaceOptions{[this] { return now; }, "Europe/Oslo"}};

  TempProfile() {
    ws.add_department({"helse", "Helse og omsorg"});
    ws.add_user({"ola", "Ola Nordmann", {{"helse", Role::Caseworker}}});
    ws.set_default_department("helse");
  }
  ~TempProfile() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  TempProfile(const TempProfile&) = delete;
  TempProfile& operator=(const TempProfile&) = delete;

  /// Every conversation in the profile.
  [[nodiscard]] std::vector<ConversationSummary> conversations() const {
    return ws.store().list(InboxView::All, ViewScope{}, 1000);
  }
  std::string queue_reply(const std::string& conversation, const std::string& text) {
    auto outcome = ws.execute(conversation, QueueReply{"", text}, "ola");
    BOOST_REQUIRE(outcome.decision.accepted());
    return std::get<ReplyQueued>(outcome.decision.events.at(0).payload).reply_id;
  }
  [[nodiscard]] const Reply* reply(const std::string& conversation, const std::string& id) const {
    static thread_local std::optional<Conversation> last;
    last = ws.store().conversation(conversation);
    BOOST_REQUIRE(last);
    return last->reply(id);
  }
};

}  // namespace samla::test
