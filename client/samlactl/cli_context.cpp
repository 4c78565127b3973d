#include "cli_context.h"

#include <clocale>
#include <cstdlib>
#include <string_view>

#include "i18n.h"
#include "samla/models/rejection.h"
#include "samla/sync/iso8601.h"

namespace samla::cli {
namespace {
std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}
}  // namespace

std::filesystem::path CliContext::profile_dir() const {
  if (!options_.profile.empty()) return options_.profile;
  if (auto p = env("SAMLA_PROFILE"); !p.empty()) return p;
  std::filesystem::path data = env("XDG_DATA_HOME");
  if (data.empty()) {
    const auto home = env("HOME");
    if (home.empty()) throw UsageError(tr("no profile: give --profile DIR or set SAMLA_PROFILE"));
    data = std::filesystem::path(home) / ".local" / "share";
  }
  return data / "samla" / "default";
}

const TimeZone& CliContext::zone() {
  if (!zone_) zone_ = std::make_unique<OsTimeZone>("Europe/Oslo");
  return *zone_;
}

Instant CliContext::now() {
  auto text = options_.now.empty() ? env("SAMLA_NOW") : options_.now;
  if (text.empty()) {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  return parse_time(text, "--now");
}

Workspace& CliContext::workspace() {
  if (!workspace_) {
    WorkspaceOptions options;
    const Instant pinned = now();
    if (!options_.now.empty() || !env("SAMLA_NOW").empty()) {
      options.clock = [pinned] { return pinned; };
    }
    workspace_ = std::make_unique<Workspace>(profile_dir(), std::move(options));
  }
  return *workspace_;
}

std::string CliContext::actor() {
  if (!options_.as.empty()) return options_.as;
  if (auto user = workspace().current_user(); user && !user->empty()) return *user;
  throw UsageError(tr("say who you act as with --as USER (or set a current user)"));
}

Instant CliContext::parse_time(const std::string& text, const char* option) {
  auto at = parse_iso8601(text, zone());
  if (!at) {
    throw UsageError(substitute(tr("{0}: '{1}' is not a time like 2026-12-07T10:00 or "
                                   "2026-12-07T10:00:00+01:00"),
                                {option, text}));
  }
  return *at;
}

Language CliContext::output_language() const {
  if (auto chosen = language_from_code(options_.language)) return *chosen;
  // Like gettext: LANGUAGE counts only when the messages locale is not C/POSIX.
  const char* messages = std::setlocale(LC_MESSAGES, nullptr);
  const bool c_locale = messages == nullptr || std::string_view(messages) == "C" ||
                        std::string_view(messages) == "POSIX";
  for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const auto value = env(name);
    if (value.empty() || (c_locale && std::string_view(name) == "LANGUAGE")) continue;
    const auto code = value.substr(0, 2);
    if (code == "nn") return Language::Nynorsk;
    if (code == "nb" || code == "no") return Language::Bokmal;
    return Language::English;
  }
  return Language::English;
}

}  // namespace samla::cli
