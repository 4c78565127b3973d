#pragma once
// Runs each channel's Connector on its own worker thread, with its own Workspace (and so its own
// SQLite connection): a pass, then an interruptible wait for the next one, with backoff after a
// failure. Reports every change of a channel's state and every finished pass to a SyncObserver.
// One object with explicit start, stop and join; no detached threads.
#include <chrono>
#include <filesystem>
#include <memory>
#include <vector>

#include "samla/sync/connector.h"
#include "samla/sync/workspace.h"

namespace samla {

struct SyncEngineOptions {
  WorkspaceOptions workspace;                       // for each worker's own Workspace
  std::chrono::milliseconds poll_interval{60'000};  // between passes of a channel without push
  std::chrono::milliseconds first_backoff{2'000};   // after the first failure, doubled after each
  std::chrono::milliseconds max_backoff{300'000};
};

/// Lifetime: add connectors, start(), then stop() and join() (the destructor does both). The
/// observer must outlive the engine. Every public member is called from one owning thread.
class SyncEngine {
 public:
  SyncEngine(std::filesystem::path profile_dir, SyncObserver& observer,
             SyncEngineOptions options = {});
  ~SyncEngine();
  SyncEngine(const SyncEngine&) = delete;
  SyncEngine& operator=(const SyncEngine&) = delete;
  SyncEngine(SyncEngine&&) = delete;
  SyncEngine& operator=(SyncEngine&&) = delete;

  /// Before start(): the engine owns the connector from now on.
  void add(std::unique_ptr<Connector> connector);
  [[nodiscard]] std::size_t size() const;
  /// Starts one worker thread per connector; each begins with a pass at once.
  void start();
  /// Cuts every wait short and starts a pass now (a "sync now" button, a store change to send).
  void sync_now();
  /// Asks every worker to finish its current item and end; returns at once.
  void stop();
  /// Waits until every worker has ended (after stop()).
  void join();
  [[nodiscard]] bool running() const;

 private:
  struct Worker;
  std::filesystem::path profile_dir_;
  SyncObserver& observer_;
  SyncEngineOptions options_;
  std::vector<std::unique_ptr<Worker>> workers_;
  bool started_ = false;
};

}  // namespace samla
