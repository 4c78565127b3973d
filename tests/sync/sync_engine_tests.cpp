// The sync engine with scripted connectors: passes, backoff after failures, interruptible waits,
// status reports. Waits are on what the engine reports (a condition variable), never on sleeps.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <vector>

#include "samla/sync/sync_engine.h"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

struct TempProfile {
  fs::path dir;
  TempProfile() {
    dir = fs::temp_directory_path() /
          ("samla-engine-" +
           std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(dir);
  }
  ~TempProfile() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  TempProfile(const TempProfile&) = delete;
  TempProfile& operator=(const TempProfile&) = delete;
  TempProfile(TempProfile&&) = delete;
  TempProfile& operator=(TempProfile&&) = delete;
};

// Records what the engine reports and lets the test wait for a condition on it.
class RecordingObserver : public samla::SyncObserver {
 public:
  void channel_status(const samla::ChannelStatus& status) override {
    {
      const std::lock_guard lock(mutex_);
      statuses_.push_back(status);
    }
    cv_.notify_all();
  }
  void store_changed() override {
    {
      const std::lock_guard lock(mutex_);
      ++changes_;
    }
    cv_.notify_all();
  }
  // True when `done` held within a generous limit (a hang fails instead of blocking CI).
  bool wait_until(const std::function<bool(const std::vector<samla::ChannelStatus>&, int)>& done) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, 20s, [&] { return done(statuses_, changes_); });
  }
  std::vector<samla::ChannelStatus> statuses() {
    const std::lock_guard lock(mutex_);
    return statuses_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<samla::ChannelStatus> statuses_;
  int changes_ = 0;
};

// A connector whose passes run a script: pass n does script(n, workspace, pass).
class ScriptedConnector : public samla::Connector {
 public:
  using Script = std::function<void(int, samla::Workspace&, samla::SyncPass&)>;
  ScriptedConnector(std::string id, Script script)
      : id_(std::move(id)), script_(std::move(script)) {}
  [[nodiscard]] std::string id() const override { return id_; }
  [[nodiscard]] std::string label() const override { return "label " + id_; }
  void sync_once(samla::Workspace& ws, samla::SyncPass& pass) override {
    script_(passes_++, ws, pass);
  }

 private:
  std::string id_;
  Script script_;
  int passes_ = 0;
};

int count_state(const std::vector<samla::ChannelStatus>& all, const std::string& id,
                samla::ChannelState state) {
  int n = 0;
  for (const auto& s : all) n += (s.channel_id == id && s.state == state) ? 1 : 0;
  return n;
}

samla::SyncEngineOptions slow_polls() {
  samla::SyncEngineOptions options;
  options.poll_interval = 1h;  // only sync_now() or stop() ends a wait in these tests
  options.first_backoff = 1h;
  return options;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SyncEngine)

BOOST_AUTO_TEST_CASE(each_connector_runs_a_pass_on_its_own_thread_with_its_own_store) {
  TempProfile profile;
  RecordingObserver observer;
  std::mutex mutex;
  std::vector<std::thread::id> threads;
  samla::SyncEngine engine(profile.dir, observer, slow_polls());
  for (const char* id : {"a", "b"}) {
    engine.add(std::make_unique<ScriptedConnector>(
        id, [&](int, samla::Workspace& ws, samla::SyncPass& pass) {
          ws.store().set_sync_state("test", "thread", "seen");  // its own connection works
          pass.progress(1, 2);
          const std::lock_guard lock(mutex);
          threads.push_back(std::this_thread::get_id());
        }));
  }
  engine.start();
  BOOST_TEST(observer.wait_until([](const auto& all, int changes) {
    return changes >= 2 && count_state(all, "a", samla::ChannelState::idle) >= 1 &&
           count_state(all, "b", samla::ChannelState::idle) >= 1;
  }));
  engine.stop();
  engine.join();
  const auto all = observer.statuses();
  for (const auto& s : all) {
    // Both workers create the new store at once; neither may fail at it (it once did).
    BOOST_TEST_CONTEXT(s.channel_id << ": " << s.error.value_or("")) {
      BOOST_TEST(!s.error.has_value());
    }
  }
  BOOST_REQUIRE(threads.size() == 2U);
  BOOST_TEST((threads[0] != threads[1]));
  BOOST_TEST((threads[0] != std::this_thread::get_id()));
  BOOST_TEST(std::any_of(all.begin(), all.end(), [](const auto& s) {
    return s.state == samla::ChannelState::syncing && s.done == 1 && s.total == 2 &&
           s.label == "label a";
  }));
  BOOST_TEST(std::all_of(all.begin(), all.end(), [](const auto& s) {
    return s.state != samla::ChannelState::idle || s.last_success.has_value();
  }));
}

BOOST_AUTO_TEST_CASE(stop_cuts_a_long_wait_short) {
  TempProfile profile;
  RecordingObserver observer;
  samla::SyncEngine engine(profile.dir, observer, slow_polls());
  engine.add(std::make_unique<ScriptedConnector>("a", [](int, auto&, auto&) {}));
  engine.start();
  BOOST_TEST(observer.wait_until(
      [](const auto& all, int) { return count_state(all, "a", samla::ChannelState::idle) >= 1; }));
  BOOST_TEST(engine.running());
  const auto before = std::chrono::steady_clock::now();
  engine.stop();
  engine.join();
  BOOST_TEST(!engine.running());
  BOOST_TEST((std::chrono::steady_clock::now() - before < 10s));  // not the hour's poll
}

BOOST_AUTO_TEST_CASE(sync_now_starts_the_next_pass) {
  TempProfile profile;
  RecordingObserver observer;
  samla::SyncEngine engine(profile.dir, observer, slow_polls());
  engine.add(std::make_unique<ScriptedConnector>("a", [](int, auto&, auto&) {}));
  engine.start();
  BOOST_TEST(observer.wait_until([](const auto&, int changes) { return changes >= 1; }));
  engine.sync_now();
  BOOST_TEST(observer.wait_until([](const auto&, int changes) { return changes >= 2; }));
}

BOOST_AUTO_TEST_CASE(a_retryable_failure_is_reported_and_retried_after_backoff) {
  TempProfile profile;
  RecordingObserver observer;
  auto options = slow_polls();
  options.first_backoff = 1ms;  // the retry comes by itself, after the backoff
  samla::SyncEngine engine(profile.dir, observer, options);
  engine.add(std::make_unique<ScriptedConnector>("a", [](int pass, auto&, auto&) {
    if (pass == 0) throw samla::SyncFailure("no network", {.retryable = true, .offline = true});
    if (pass == 1) throw std::runtime_error("garbled reply");
  }));
  engine.start();
  BOOST_TEST(observer.wait_until(
      [](const auto& all, int) { return count_state(all, "a", samla::ChannelState::idle) >= 1; }));
  engine.stop();
  engine.join();
  const auto all = observer.statuses();
  std::vector<samla::ChannelState> settled;
  for (const auto& s : all) {
    if (s.state != samla::ChannelState::syncing) settled.push_back(s.state);
  }
  BOOST_REQUIRE(settled.size() >= 3U);
  BOOST_TEST((settled[0] == samla::ChannelState::offline));
  BOOST_TEST((settled[1] == samla::ChannelState::failed));
  BOOST_TEST((settled[2] == samla::ChannelState::idle));
  const auto offline = std::find_if(all.begin(), all.end(), [](const auto& s) {
    return s.state == samla::ChannelState::offline;
  });
  BOOST_TEST(offline->error.value_or("") == "no network");
  BOOST_TEST(!all.back().error.has_value());
}

BOOST_AUTO_TEST_CASE(auth_required_waits_for_new_credentials_instead_of_retrying) {
  TempProfile profile;
  RecordingObserver observer;
  auto options = slow_polls();
  options.first_backoff = 1ms;  // would retry at once if the engine retried
  samla::SyncEngine engine(profile.dir, observer, options);
  std::atomic<int> passes{0};
  engine.add(std::make_unique<ScriptedConnector>("a", [&](int pass, auto&, auto&) {
    ++passes;
    if (pass == 0) {
      throw samla::SyncFailure("wrong password", {.retryable = false, .auth_required = true});
    }
  }));
  engine.start();
  BOOST_TEST(observer.wait_until([](const auto& all, int) {
    return count_state(all, "a", samla::ChannelState::auth_required) >= 1;
  }));
  BOOST_TEST(passes.load() == 1);
  engine.sync_now();  // the person gave a new password
  BOOST_TEST(observer.wait_until(
      [](const auto& all, int) { return count_state(all, "a", samla::ChannelState::idle) >= 1; }));
  BOOST_TEST(passes.load() == 2);
}

BOOST_AUTO_TEST_CASE(a_connector_sees_stop_requested_during_a_long_pass) {
  TempProfile profile;
  RecordingObserver observer;
  samla::SyncEngine engine(profile.dir, observer, slow_polls());
  std::atomic<bool> in_pass{false};
  engine.add(std::make_unique<ScriptedConnector>("slow", [&](int, auto&, samla::SyncPass& pass) {
    in_pass = true;
    std::size_t items = 0;
    while (!pass.stop_requested()) pass.progress(++items % 1000, 0);  // a pass without end
  }));
  engine.start();
  BOOST_TEST(observer.wait_until([](const auto& all, int) {
    return count_state(all, "slow", samla::ChannelState::syncing) >= 2;
  }));
  engine.stop();
  engine.join();
  BOOST_TEST(in_pass.load());
}

BOOST_AUTO_TEST_CASE(add_after_start_is_refused) {
  TempProfile profile;
  RecordingObserver observer;
  samla::SyncEngine engine(profile.dir, observer, slow_polls());
  engine.start();
  BOOST_CHECK_THROW(engine.add(std::make_unique<ScriptedConnector>("a", [](int, auto&, auto&) {})),
                    std::logic_error);
}

BOOST_AUTO_TEST_SUITE_END()
