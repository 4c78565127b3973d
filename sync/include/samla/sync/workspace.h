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
#include "samla/sync/template_library.h"
#include "samla/templates/language.h"

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

  // Templates (workspace_templates.cpp). Templates are events in streams of their own, so they
  // are versioned, audited and pushed to the hub; the shipped defaults are version 0.

  /// The municipality's name and contact details, as templates write them.
  void set_municipality(const std::string& name, const std::string& phone,
                        const std::string& email);
  /// The language answers are written in when the citizen's own is not known (default nn).
  void set_administration_language(Language language);
  [[nodiscard]] Language administration_language() const;
  /// Replaces the starter list of officialese for a language ("word = plain" lines).
  void set_officialese(Language language, const std::string& list);
  [[nodiscard]] HintOptions hint_options(Language language) const;

  [[nodiscard]] std::vector<TemplateInfo> templates(const TemplateFilter& filter = {}) const;
  /// The template now, or a given version of it; nullopt for an unknown id or version.
  [[nodiscard]] std::optional<TemplateInfo> template_info(
      const std::string& id, std::optional<std::int64_t> version = {}) const;
  [[nodiscard]] std::vector<TemplateChange> template_history(const std::string& id) const;
  /// Checks every language's text: syntax errors with positions, hints, SMS length.
  [[nodiscard]] std::vector<TemplateTextCheck> check_template(const TemplateSaved& content) const;
  /// Saves a new version as `actor` (comms or admin). content.base_version is the version the
  /// author edited; a template with errors is not saved. Throws std::invalid_argument for an
  /// invalid id.
  TemplateSaveOutcome save_template(const std::string& id, const TemplateSaved& content,
                                    const std::string& actor);
  /// Retires the template (it is no longer offered or sent); nothing when done, else why not.
  std::optional<Rejection> retire_template(const std::string& id, const std::string& actor);

  /// The language to answer a conversation in: the citizen's written form where known (the
  /// message's language, else detected from its text), else the administration language.
  [[nodiscard]] Language answer_language_for(const Conversation& conversation) const;
  /// The placeholder values of a conversation: citizen, computed deadline, promised date,
  /// department (after a handover, the new one), caseworker, reference, contact, municipality.
  [[nodiscard]] TemplateValues template_values(const Conversation& conversation) const;
  /// Sample values (placeholders.h) with this municipality's name and contacts.
  [[nodiscard]] TemplateValues sample_template_values() const;
  /// Renders a template for a conversation (full id or prefix) in its answer language, or in
  /// `language` when given; `extra` values (e.g. "reason", "callback_time") win. Throws
  /// std::invalid_argument for an unknown template or conversation, a retired template, or a
  /// handover notice before the handover was accepted.
  [[nodiscard]] TemplatePreview render_template(const std::string& id,
                                                const std::string& conversation,
                                                std::optional<Language> language = {},
                                                const TemplateValues& extra = {}) const;
  /// Renders a template with sample values, for a preview without a conversation.
  [[nodiscard]] TemplatePreview render_template_sample(const std::string& id, Language language,
                                                       const TemplateValues& extra = {}) const;
  /// The active auto-reply for a conversation, rendered in its answer language: the newest
  /// saved auto-reply template for the conversation's channel, else one for any channel, else
  /// the shipped one for email. Nothing when no auto-reply template is active.
  [[nodiscard]] std::optional<RenderedMessage> render_auto_reply(
      const Conversation& conversation) const;

 private:
  void load_configuration();

  std::filesystem::path profile_dir_;
  Clock clock_;
  OsTimeZone zone_;
  std::unique_ptr<DeadlineRules> rules_;
  std::unique_ptr<Store> store_;
};

}  // namespace samla
