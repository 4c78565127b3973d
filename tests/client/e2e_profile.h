#pragma once
// A temporary samlactl profile for end-to-end tests, with the clock pinned and English output.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "process.h"

namespace samla::test {

struct E2eProfile {
  std::filesystem::path dir;

  E2eProfile() {
    static std::atomic<int> counter{0};
    dir = std::filesystem::temp_directory_path() /
          ("samla-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  ~E2eProfile() { std::filesystem::remove_all(dir); }
  E2eProfile(const E2eProfile&) = delete;
  E2eProfile& operator=(const E2eProfile&) = delete;

  /// Runs samlactl on this profile at `now` (Europe/Oslo wall clock), in English.
  [[nodiscard]] ProcessResult run(std::vector<std::string> args,
                                  const std::string& now = "2026-12-07T10:00") const {
    args.insert(args.begin(), {"--profile", dir.string(), "--now", now});
    return run_process(SAMLACTL, args, {"LANGUAGE=en", "LC_ALL=C.UTF-8", "SAMLA_LANGUAGE="});
  }
  /// As run, and the command must succeed.
  ProcessResult ok(const std::vector<std::string>& args,
                   const std::string& now = "2026-12-07T10:00") const {
    auto r = run(args, now);
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0,
                          "samlactl failed (" + std::to_string(r.exit_code) + "): " + r.err);
    return r;
  }
};

}  // namespace samla::test
