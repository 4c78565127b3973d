#include "samla/sync/workspace.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <utility>

#include "samla/sync/uuid.h"
#include "samla/sync/workspace_config.h"

namespace samla {
namespace {

// Settings keys of the profile; values are text or JSON.
constexpr const char* kPolicy = "policy";
constexpr const char* kOfficeHours = "office_hours";  // JSON {department: "09:00-15:00 mon-fri"}
constexpr const char* kMailboxRoutes = "mailbox_routes";  // JSON {address: department}
constexpr const char* kDefaultDepartment = "default_department";
constexpr const char* kCurrentUser = "current_user";
constexpr const char* kClosedDays = "closed_days";  // JSON, workspace_config.h

// Messages are ingested in batches: one transaction per batch keeps a bulk import fast, and a
// crash loses at most the batch in flight (which a re-run imports again, idempotently).
constexpr std::size_t kIngestBatch = 500;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

nlohmann::json json_setting(const Store& store, const char* key) {
  const auto text = store.setting(key);
  if (!text) return nlohmann::json::object();
  try {
    return nlohmann::json::parse(*text);
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError(std::string("setting '") + key + "' is not valid JSON: " + e.what());
  }
}

}  // namespace

Workspace::Workspace(std::filesystem::path profile_dir, WorkspaceOptions options)
    : profile_dir_(std::move(profile_dir)),
      clock_(options.clock ? std::move(options.clock)
                           : [] {
                               return std::chrono::time_point_cast<std::chrono::seconds>(
                                   std::chrono::system_clock::now());
                             }),
      zone_(options.time_zone) {
  std::filesystem::create_directories(profile_dir_);
  StoreOptions store_options;
  // The rules are built from configuration kept in the store itself, so the projection asks
  // through this pointer, which is set before anything is ingested or appended.
  store_options.deadline_of = [this](const Conversation& c) -> std::optional<Instant> {
    return rules_ ? rules_->deadline_of(c) : std::nullopt;
  };
  store_options.new_id = [] { return new_uuid(); };
  store_ = std::make_unique<Store>(profile_dir_ / kStoreFile, std::move(store_options));
  load_configuration();
}

Workspace::~Workspace() = default;

void Workspace::load_configuration() {
  const auto policy = store_->setting(kPolicy);
  auto book = policy ? policy_book_from_json(*policy) : PolicyBook{};
  rules_ = std::make_unique<DeadlineRules>(zone_, std::move(book), OfficeHours{},
                                           HolidayCalendar(closed_days()));
  // Held in a local: items() of a temporary would dangle in the range-for.
  const auto office_hours = json_setting(*store_, kOfficeHours);
  for (const auto& [department, text] : office_hours.items()) {
    rules_->set_office_hours(department, parse_office_hours(text.get<std::string>()));
  }
}

void Workspace::add_department(const Department& department, std::optional<OfficeHours> hours) {
  if (department.id.empty()) throw std::invalid_argument("a department needs an id");
  store_->save_department(department);
  if (hours) set_office_hours(department.id, *hours);
}

void Workspace::set_office_hours(const std::string& department, const OfficeHours& hours) {
  if (auto error = hours.validation_error(); !error.empty()) throw ConfigError(error);
  auto all = json_setting(*store_, kOfficeHours);
  all[department] = format_office_hours(hours);
  store_->set_setting(kOfficeHours, all.dump());
  load_configuration();
  store_->rebuild_projections();
}

void Workspace::add_user(const User& user) {
  if (user.id.empty()) throw std::invalid_argument("a user needs an id");
  for (const auto& m : user.memberships) {
    if (store_->directory().department(m.department) == nullptr) {
      throw std::invalid_argument("unknown department '" + m.department + "'");
    }
  }
  store_->save_user(user);
}

void Workspace::route_mailbox(const std::string& address, const std::string& department) {
  auto routes = json_setting(*store_, kMailboxRoutes);
  routes[lower(address)] = department;
  store_->set_setting(kMailboxRoutes, routes.dump());
}

void Workspace::set_default_department(const std::string& department) {
  store_->set_setting(kDefaultDepartment, department);
}

void Workspace::add_policy_version(Instant effective_from, const DeadlinePolicy& policy) {
  if (auto error = policy.validation_error(); !error.empty()) throw ConfigError(error);
  auto book = rules_->policies();
  book.add(effective_from, policy);
  store_->set_setting(kPolicy, policy_book_to_json(book));
  load_configuration();
  store_->rebuild_projections();
}

HolidayCalendar::Config Workspace::closed_days() const {
  const auto text = store_->setting(kClosedDays);
  return text ? closed_days_from_json(*text) : HolidayCalendar::Config{};
}

void Workspace::close_offices_on(const std::string& day) {
  auto config = closed_days();
  add_closed_day(config, day);
  store_->set_setting(kClosedDays, closed_days_to_json(config));
  load_configuration();
  store_->rebuild_projections();
}

void Workspace::open_offices_on(const std::string& day) {
  auto config = closed_days();
  add_open_day(config, day);
  store_->set_setting(kClosedDays, closed_days_to_json(config));
  load_configuration();
  store_->rebuild_projections();
}

void Workspace::set_current_user(const std::string& user) {
  store_->set_setting(kCurrentUser, user);
}

std::optional<std::string> Workspace::current_user() const { return store_->setting(kCurrentUser); }

ImportReport Workspace::import_files(const std::vector<std::filesystem::path>& paths,
                                     bool relative_demo_times) {
  ReadOptions read;
  read.local_zone = &zone_;
  if (relative_demo_times) read.now = now();
  const auto routes = json_setting(*store_, kMailboxRoutes);
  for (const auto& [address, department] : routes.items()) {
    read.mailbox_routes.emplace(address, department.get<std::string>());
  }
  const auto fallback = store_->setting(kDefaultDepartment).value_or("");

  ImportReport report;
  std::vector<InboundMessage> messages;
  std::vector<std::vector<AttachmentBytes>> bytes;
  const auto flush = [&] {
    for (const auto& result : store_->ingest_batch(messages, bytes)) {
      ++(result.duplicate ? report.duplicates : report.imported);
    }
    messages.clear();
    bytes.clear();
  };
  for (const auto& path : paths) {
    std::error_code error;
    const bool folder = std::filesystem::is_directory(path, error);
    if (!folder && !std::filesystem::exists(path, error)) {
      report.problems.push_back({path, {}, "no such file"});
      continue;
    }
    auto result = folder ? read_message_folder(path, read) : read_message_file(path, read);
    report.problems.insert(report.problems.end(), result.problems.begin(), result.problems.end());
    for (auto& parsed : result.messages) {
      if (parsed.message.department.empty()) parsed.message.department = fallback;
      messages.push_back(std::move(parsed.message));
      bytes.push_back(std::move(parsed.attachments));
      if (messages.size() >= kIngestBatch) flush();
    }
  }
  if (!messages.empty()) flush();
  return report;
}

CommandOutcome Workspace::execute(const std::string& conversation, const Command& command,
                                  const std::string& actor, std::optional<Instant> at) {
  const auto id = store_->resolve_id(conversation);
  if (!id) throw std::invalid_argument("no conversation '" + conversation + "'");
  const auto state = store_->conversation(*id);
  if (!state) throw std::invalid_argument("no conversation '" + conversation + "'");
  CommandContext context{actor, at.value_or(now()), [] { return new_uuid(); }};
  auto decision = decide(*state, command, context, store_->directory());
  if (decision.accepted()) store_->append(decision.events);
  return CommandOutcome{*id, std::move(decision)};
}

std::vector<ConversationReminder> Workspace::reminders_for(const std::string& user) const {
  const auto scope = scope_for(user);
  // DeadlineRules::reminders, decided on the projection rows the store finds through its
  // indexes instead of on every folded conversation: the row's deadline is the rules' deadline
  // (the projection is rebuilt when they change) and it keeps when the handover was asked for.
  std::map<std::string, Instant> horizon;
  for (const auto& department : scope.departments) {
    horizon.emplace(department, rules_->due_soon_until(scope.now, department));
  }
  const auto horizon_of = [&](const std::string& department) {
    auto it = horizon.find(department);
    if (it == horizon.end()) {
      it = horizon.emplace(department, rules_->due_soon_until(scope.now, department)).first;
    }
    return it->second;
  };
  const auto& policy = rules_->policies().in_force_at(scope.now);
  auto candidates = store_->reminder_candidates(horizon);
  std::vector<ConversationReminder> out;
  out.reserve(candidates.size());
  for (auto& candidate : candidates) {
    const auto& s = candidate.summary;
    std::vector<Reminder> found;
    if (s.deadline) {
      if (*s.deadline <= scope.now) {
        found.push_back({ReminderKind::Overdue, *s.deadline});
      } else if (*s.deadline <= horizon_of(s.owner_department)) {
        found.push_back({ReminderKind::DueSoon, *s.deadline});
      }
    }
    if (s.handover_to && candidate.handover_requested_at) {
      // Office time counts on the receiving side: they are the ones who must act.
      const auto limit =
          rules_->calendar_for(*s.handover_to)
              .add_working_time(*candidate.handover_requested_at, policy.handover_reminder_after);
      if (limit <= scope.now) found.push_back({ReminderKind::HandoverNotAccepted, limit});
    }
    for (std::size_t i = 0; i + 1 < found.size(); ++i) out.push_back({s, found[i]});
    if (!found.empty()) out.push_back({std::move(candidate.summary), found.back()});
  }
  return out;
}

ViewScope Workspace::scope_for(const std::string& user) const {
  ViewScope scope;
  scope.user = user;
  scope.now = now();
  const auto dir = store_->directory();
  if (const auto* u = dir.user(user)) {
    for (const auto& m : u->memberships) scope.departments.push_back(m.department);
  }
  // The horizon of the user's first department; departments rarely differ by more than minutes.
  scope.due_soon_until = rules_->due_soon_until(
      scope.now, scope.departments.empty() ? std::string{} : scope.departments.front());
  return scope;
}

}  // namespace samla
