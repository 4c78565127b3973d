#include "samla/sync/sync_engine.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

namespace samla {

// One connector's thread and what it waits on. The mutex guards only the wake-up flags; the
// connector and its Workspace are touched by the worker thread alone.
struct SyncEngine::Worker final : SyncPass {
  Worker(std::unique_ptr<Connector> c, SyncEngine& e) : connector(std::move(c)), engine(e) {
    status.channel_id = connector->id();
    status.label = connector->label();
  }

  void progress(std::size_t done, std::size_t total) override {
    status.done = done;
    status.total = total;
    engine.observer_.channel_status(status);
  }
  [[nodiscard]] bool stop_requested() const override { return stopping.load(); }

  // Waits until `timeout` passes, sync_now() or stop(); timeout zero or less: until woken.
  void wait(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex);
    const auto woken = [this] { return wake || stopping.load(); };
    if (timeout.count() <= 0) {
      cv.wait(lock, woken);
    } else {
      cv.wait_for(lock, timeout, woken);
    }
    wake = false;
  }

  void report(ChannelState state, std::optional<std::string> error = {}) {
    status.state = state;
    status.error = std::move(error);
    if (state != ChannelState::syncing) status.done = status.total = 0;
    engine.observer_.channel_status(status);
  }

  // A pass, then the wait its outcome calls for; until stop().
  void run() {
    const auto& opts = engine.options_;
    auto backoff = opts.first_backoff;
    std::unique_ptr<Workspace> workspace;
    while (!stopping.load()) {
      std::chrono::milliseconds next_wait = opts.poll_interval;
      bool push = false;
      try {
        if (!workspace)
          workspace = std::make_unique<Workspace>(engine.profile_dir_, opts.workspace);
        report(ChannelState::syncing);
        connector->sync_once(*workspace, *this);
        status.last_success = workspace->now();
        report(ChannelState::idle);
        engine.observer_.store_changed();
        backoff = opts.first_backoff;
        push = !stopping.load() && connector->wait_for_change(opts.poll_interval, *this);
      } catch (const SyncFailure& failure) {
        if (failure.auth_required()) {
          report(ChannelState::auth_required, failure.what());
          next_wait = std::chrono::milliseconds::zero();  // new credentials come with sync_now()
        } else if (!failure.retryable()) {
          report(ChannelState::failed, failure.what());
          next_wait = std::chrono::milliseconds::zero();
        } else {
          report(failure.offline() ? ChannelState::offline : ChannelState::failed, failure.what());
          next_wait = backoff;
          backoff = std::min(backoff * 2, opts.max_backoff);
        }
      } catch (const std::exception& error) {
        // Anything else is treated as retryable: a broken item must not stop the channel.
        report(ChannelState::failed, error.what());
        next_wait = backoff;
        backoff = std::min(backoff * 2, opts.max_backoff);
      }
      if (!push && !stopping.load()) wait(next_wait);
    }
  }

  std::unique_ptr<Connector> connector;
  SyncEngine& engine;
  ChannelStatus status;
  std::mutex mutex;
  std::condition_variable cv;
  bool wake = false;
  std::atomic<bool> stopping{false};
  std::thread thread;
};

SyncEngine::SyncEngine(std::filesystem::path profile_dir, SyncObserver& observer,
                       SyncEngineOptions options)
    : profile_dir_(std::move(profile_dir)), observer_(observer), options_(std::move(options)) {}

SyncEngine::~SyncEngine() {
  stop();
  join();
}

void SyncEngine::add(std::unique_ptr<Connector> connector) {
  if (started_) throw std::logic_error("SyncEngine::add after start");
  workers_.push_back(std::make_unique<Worker>(std::move(connector), *this));
}

std::size_t SyncEngine::size() const { return workers_.size(); }

void SyncEngine::start() {
  if (started_) return;
  started_ = true;
  for (auto& worker : workers_) {
    Worker* w = worker.get();
    w->thread = std::thread([w] { w->run(); });
  }
}

void SyncEngine::sync_now() {
  for (auto& worker : workers_) {
    {
      const std::lock_guard lock(worker->mutex);
      worker->wake = true;
    }
    worker->cv.notify_all();
  }
}

void SyncEngine::stop() {
  for (auto& worker : workers_) {
    {
      const std::lock_guard lock(worker->mutex);
      worker->stopping = true;
    }
    worker->cv.notify_all();
  }
}

void SyncEngine::join() {
  for (auto& worker : workers_) {
    if (worker->thread.joinable()) worker->thread.join();
  }
}

bool SyncEngine::running() const {
  return std::any_of(workers_.begin(), workers_.end(),
                     [](const auto& w) { return w->thread.joinable() && !w->stopping.load(); });
}

}  // namespace samla
