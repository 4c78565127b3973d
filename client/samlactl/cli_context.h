#pragma once
// What every samlactl command needs: the profile, the clock, the acting user, and the opened
// workspace (opened lazily, so `--help` and `deadline` work without a profile).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "samla/sync/workspace.h"
#include "samla/templates/language.h"

namespace samla::cli {

/// Exit codes: 0 done, 1 refused by the rules or some input rejected, 2 usage, 3 failure.
enum Exit : int { kOk = 0, kRefused = 1, kUsage = 2, kFailure = 3 };

/// A mistake in how samlactl was called; main prints it and exits with kUsage.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The global options as given on the command line; CLI11 writes into them while parsing.
struct CliOptions {
  std::string profile;   // --profile
  std::string now;       // --now (also SAMLA_NOW): pins the clock for scripts and tests
  std::string as;        // --as
  std::string language;  // --language (also SAMLA_LANGUAGE): nn, nb, en; empty: the locale
};

class CliContext {
 public:
  /// The global options; main binds them to the parser before the commands run.
  CliOptions& options() { return options_; }
  [[nodiscard]] const CliOptions& options() const { return options_; }

  /// The profile directory: --profile, else $SAMLA_PROFILE, else $XDG_DATA_HOME/samla/default.
  [[nodiscard]] std::filesystem::path profile_dir() const;
  Workspace& workspace();
  /// The zone for output and parsing before a workspace is opened.
  [[nodiscard]] const TimeZone& zone();
  [[nodiscard]] Instant now();
  /// --as, else the profile's current user; UsageError when neither is set.
  [[nodiscard]] std::string actor();
  /// Parses a time given on the command line (ISO 8601; no offset = Europe/Oslo wall clock).
  [[nodiscard]] Instant parse_time(const std::string& text, const char* option);
  /// The language for dates in output: --language, else what gettext reads (LANGUAGE unless the
  /// messages locale is C, then LC_ALL/LC_MESSAGES/LANG), else English.
  [[nodiscard]] Language output_language() const;

 private:
  CliOptions options_;
  std::unique_ptr<OsTimeZone> zone_;
  std::unique_ptr<Workspace> workspace_;
};

}  // namespace samla::cli
