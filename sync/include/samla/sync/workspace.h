#pragma once
// One profile opened for work on one thread: its store, directory, time zone, deadline rules and
// configuration, and the commands people give. samlactl and the desktop app both work through
// this; neither touches SQL itself.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "samla/models/command.h"
#include "samla/models/deadlines.h"
#include "samla/sync/message_files.h"
#include "samla/sync/os_time_zone.h"
#include "samla/sync/store.h"

namespace samla {

/// Where "now" comes from; injectable so that tests and scripts can pin it.
using Clock = std::function<Instant()>;

struct WorkspaceOptions {
  Clock clock;                            // default: the system clock
  std::string time_zone = "Europe/Oslo";  // the municipality's zone
};

/// What an import did, file by file.
struct ImportReport {
  std::size_t imported = 0;
  std::size_t duplicates = 0;
  std::vector<FileProblem> problems;
};

/// A reminder about one conversation, with the row the inbox shows for it.
struct ConversationReminder {
  ConversationSummary conversation;
  Reminder reminder;
};

/// The outcome of a command given through the workspace.
struct CommandOutcome {
  std::string conversation_id;
  Decision decision;
};

class Workspace {
 public:
  static constexpr const char* kStoreFile = "samla.sqlite";

  /// Opens (creating if needed) the profile directory and its store.
  explicit Workspace(std::filesystem::path profile_dir, WorkspaceOptions options = {});
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;
  Workspace(Workspace&&) = delete;
  Workspace& operator=(Workspace&&) = delete;

  [[nodiscard]] const std::filesystem::path& profile_dir() const { return profile_dir_; }
  [[nodiscard]] Store& store() { return *store_; }
  [[nodiscard]] const Store& store() const { return *store_; }
  [[nodiscard]] const TimeZone& zone() const { return zone_; }
  [[nodiscard]] const DeadlineRules& rules() const { return *rules_; }
  [[nodiscard]] Instant now() const { return clock_(); }
  [[nodiscard]] Directory directory() const { return store_->directory(); }

  // Administration.
  void add_department(const Department& department, std::optional<OfficeHours> hours = {});
  void set_office_hours(const std::string& department, const OfficeHours& hours);
  void add_user(const User& user);
  /// Mail to `address` (a functional mailbox) belongs to `department`.
  void route_mailbox(const std::string& address, const std::string& department);
  /// Where messages go that no mailbox route or file names a department for.
  void set_default_department(const std::string& department);
  /// Adds a policy version in force from `effective_from`; re-derives every deadline.
  void add_policy_version(Instant effective_from, const DeadlinePolicy& policy);
  /// Closes the offices on "12-24" (every year) or "2026-12-28" (once); re-derives deadlines.
  void close_offices_on(const std::string& day);
  /// Keeps the offices open on "2026-05-14" although it is a holiday or a closed day.
  void open_offices_on(const std::string& day);
  [[nodiscard]] HolidayCalendar::Config closed_days() const;
  /// The user samlactl and the app act as when none is given (solo mode).
  void set_current_user(const std::string& user);
  [[nodiscard]] std::optional<std::string> current_user() const;

  /// Reads message files (.eml, mbox, JSON) and ingests what they hold; bad files and bad
  /// items are reported by name and skipped, the rest is imported. Folders are read
  /// recursively. `relative_demo_times` honours the demo files' relative times against now().
  ImportReport import_files(const std::vector<std::filesystem::path>& paths,
                            bool relative_demo_times = false);

  /// Decides a command as `actor` against the conversation (a full id or a unique prefix) and
  /// appends the events when the rules allow it, at `at` (default: now). Throws
  /// std::invalid_argument for an unknown conversation.
  CommandOutcome execute(const std::string& conversation, const Command& command,
                         const std::string& actor, std::optional<Instant> at = {});

  /// What needs the user's departments' attention now: conversations due soon or overdue, and
  /// handovers not accepted in time, on both sides (the receiver must act, the sender escalate).
  [[nodiscard]] std::vector<ConversationReminder> reminders_for(const std::string& user) const;

  /// The scope of a user's inbox views now: their departments and the due-soon horizon.
  [[nodiscard]] ViewScope scope_for(const std::string& user) const;

 private:
  void load_configuration();

  std::filesystem::path profile_dir_;
  Clock clock_;
  OsTimeZone zone_;
  std::unique_ptr<DeadlineRules> rules_;
  std::unique_ptr<Store> store_;
};

}  // namespace samla
