#include "inbox_figures.h"

#include <limits>

namespace samla::app {

InboxFigures figures_of(Workspace& ws, const std::string& user) {
  InboxFigures figures;
  figures.user = user;
  const auto scope = ws.scope_for(user);
  for (const auto view : {InboxView::Mine, InboxView::Department, InboxView::Handovers,
                          InboxView::DueSoon, InboxView::Overdue, InboxView::All}) {
    figures.counts[view] = ws.store().count(view, scope);
  }
  for (const auto channel : kChannels) {
    figures.channel_counts[channel] =
        ws.store().count(InboxView::All, scope, ViewNarrowing{channel, true});
    // Callback replies go out as SMS: queued_replies(Sms) has them already.
    if (channel == Channel::Callback) continue;
    figures.replies_waiting +=
        ws.store().queued_replies(channel, std::numeric_limits<std::size_t>::max()).size();
  }
  figures.reminders = ws.reminders_for(user);
  return figures;
}

InboxFiguresWorker::InboxFiguresWorker(std::filesystem::path profile, WorkspaceOptions options,
                                       Deliver deliver)
    : profile_(std::move(profile)), options_(std::move(options)), deliver_(std::move(deliver)) {
  thread_ = std::thread([this] { run(); });
}

InboxFiguresWorker::~InboxFiguresWorker() {
  stop();
  if (thread_.joinable()) thread_.join();
}

void InboxFiguresWorker::request(const std::string& user) {
  {
    const std::lock_guard lock(mutex_);
    wanted_ = user;
  }
  cv_.notify_all();
}

void InboxFiguresWorker::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
}

void InboxFiguresWorker::run() {
  std::unique_ptr<Workspace> ws;
  for (;;) {
    std::string user;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [this] { return stopping_ || wanted_.has_value(); });
      if (stopping_) return;
      user = *wanted_;
      wanted_.reset();
    }
    try {
      if (!ws) ws = std::make_unique<Workspace>(profile_, options_);
      auto figures = figures_of(*ws, user);
      {
        const std::lock_guard lock(mutex_);
        if (stopping_) return;
      }
      deliver_(std::move(figures));
    } catch (const std::exception&) {
      // A busy or damaged store: the figures stay as they were; the next request tries again.
    }
  }
}

}  // namespace samla::app
