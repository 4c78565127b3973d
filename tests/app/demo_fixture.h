#pragma once
// A temp profile with the demo workspace set up at a pinned moment, for presenter tests.
#include <chrono>
#include <filesystem>
#include <random>
#include <string>

#include "samla/sync/demo_workspace.h"
#include "samla/sync/iso8601.h"
#include "samla/sync/os_time_zone.h"

namespace samla::test {

class DemoProfile {
 public:
  DemoProfile()
      : dir_(std::filesystem::temp_directory_path() /
             ("samla-app-test-" + std::to_string(std::random_device{}()))) {
    std::filesystem::create_directories(dir_);
    static const OsTimeZone oslo("Europe/Oslo");
    now_ = *parse_iso8601("2026-11-18T10:00:00+01:00", oslo);  // a Wednesday
    ws_ =
        std::make_unique<Workspace>(dir_, WorkspaceOptions{[this] { return now_; }, "Europe/Oslo"});
    const auto report = create_demo_workspace(*ws_, SAMLA_DEMO_DIR);
    if (!report.problems.empty()) throw std::runtime_error(report.problems.front());
  }
  ~DemoProfile() {
    ws_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  DemoProfile(const DemoProfile&) = delete;
  DemoProfile& operator=(const DemoProfile&) = delete;
  DemoProfile(DemoProfile&&) = delete;
  DemoProfile& operator=(DemoProfile&&) = delete;

  Workspace& ws() { return *ws_; }
  [[nodiscard]] Instant now() const { return now_; }
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  Instant now_{};
  std::unique_ptr<Workspace> ws_;
};

}  // namespace samla::test
