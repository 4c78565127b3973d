#pragma once
// The numbers around the list — the count of every view and the user's reminders — computed on
// a worker thread with its own Workspace, so that the window paints first and never waits for
// them (on a store of 100 000 conversations they take a fraction of a second). Results go to a
// callback on the worker thread; the window posts them to itself through its one guarded primitive.
// wx-free.
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "samla/sync/workspace.h"

namespace samla::app {

struct InboxFigures {
  std::string user;
  std::map<InboxView, std::size_t> counts;
  std::map<Channel, std::size_t> channel_counts;  // open conversations, as the channel views
  std::size_t replies_waiting = 0;                // queued to citizens, not yet sent (any channel)
  std::vector<ConversationReminder> reminders;
};

/// The counts of every view and channel view, and Workspace::reminders_for `user` (complete at
/// any size).
[[nodiscard]] InboxFigures figures_of(Workspace& ws, const std::string& user);

class InboxFiguresWorker {
 public:
  using Deliver = std::function<void(InboxFigures)>;
  InboxFiguresWorker(std::filesystem::path profile, WorkspaceOptions options, Deliver deliver);
  ~InboxFiguresWorker();
  InboxFiguresWorker(const InboxFiguresWorker&) = delete;
  InboxFiguresWorker& operator=(const InboxFiguresWorker&) = delete;
  InboxFiguresWorker(InboxFiguresWorker&&) = delete;
  InboxFiguresWorker& operator=(InboxFiguresWorker&&) = delete;

  /// Asks for fresh figures for `user`; requests made while one is computed fold into one.
  void request(const std::string& user);
  void stop();

 private:
  void run();

  std::filesystem::path profile_;
  WorkspaceOptions options_;
  Deliver deliver_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::optional<std::string> wanted_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace samla::app
