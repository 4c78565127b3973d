#pragma once
// The seam between the sync engine and the channels it works: one Connector per external
// channel (an IMAP mailbox, an SMS gateway, the team hub), polled on a worker thread. The engine
// owns the threads; a connector only knows its protocol. Nothing here includes wx: the desktop
// app learns about progress through SyncObserver, which it implements.
#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include "samla/models/time.h"

namespace samla {

class Workspace;

/// Why a channel could not sync, in the terms the worker and the status bar need: retry later,
/// no network, or a person must give new credentials. `what()` is readable text.
class SyncFailure : public std::runtime_error {
 public:
  struct Kind {
    bool retryable = true;
    bool offline = false;
    bool auth_required = false;
  };
  SyncFailure(const std::string& message, Kind kind) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] bool retryable() const { return kind_.retryable; }
  [[nodiscard]] bool offline() const { return kind_.offline; }
  [[nodiscard]] bool auth_required() const { return kind_.auth_required; }

 private:
  Kind kind_;
};

/// Where a channel stands, as the status bar shows it.
enum class ChannelState { idle, syncing, offline, auth_required, failed };

/// A snapshot of one channel's sync, reported by the engine after every change.
struct ChannelStatus {
  std::string channel_id;  // Connector::id()
  std::string label;       // Connector::label()
  ChannelState state = ChannelState::idle;
  std::size_t done = 0;   // progress of the running pass, when known
  std::size_t total = 0;  // 0: unknown
  std::optional<std::string> error;
  std::optional<Instant> last_success;
};

/// How a connector reports progress and asks whether it should stop; given by the engine.
class SyncPass {
 public:
  virtual ~SyncPass() = default;
  virtual void progress(std::size_t done, std::size_t total) = 0;
  /// True once the engine is stopping: finish the current item and return.
  [[nodiscard]] virtual bool stop_requested() const = 0;
};

/// One external channel the engine works. Called only on the engine's worker thread for this
/// connector, with a Workspace (and so a store connection) that belongs to that thread.
class Connector {
 public:
  virtual ~Connector() = default;
  /// Stable, unique within a profile, e.g. "imap:post@kommune.no".
  [[nodiscard]] virtual std::string id() const = 0;
  /// What the status bar shows, e.g. "post@kommune.no".
  [[nodiscard]] virtual std::string label() const = 0;
  /// One pass: fetch what is new into the workspace and send what is queued. Throws
  /// SyncFailure (or any std::exception, treated as retryable) when it cannot.
  virtual void sync_once(Workspace& workspace, SyncPass& pass) = 0;
  /// For channels with push (IMAP IDLE, LISTEN/NOTIFY): blocks until the channel may have
  /// something new, `timeout` passes or the pass reports stop_requested(), and returns true.
  /// Returns false at once when the channel has no push; the engine then waits its poll
  /// interval itself.
  virtual bool wait_for_change(std::chrono::milliseconds /*timeout*/, SyncPass& /*pass*/) {
    return false;
  }
};

/// What the engine tells the app; called on worker threads, so implementations post to their
/// own thread (the desktop app through its one guarded primitive).
class SyncObserver {
 public:
  virtual ~SyncObserver() = default;
  virtual void channel_status(const ChannelStatus& status) = 0;
  /// The store changed (new messages, events sent): views should refresh.
  virtual void store_changed() = 0;
};

}  // namespace samla
