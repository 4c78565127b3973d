// Desktop app start-up benchmark: a store of N conversations (made once, kept in --dir), then
// `samla` started as a caseworker would start it, timed from spawn until its conversation list
// has painted, with the app's peak RSS. Prints one JSON object. Needs a display (run.sh gives
// it one with xvfb-run). Goal: under 1 s and under 250 MB with 100 000 conversations.
//
//   samla_app_start_bench --app PATH [--conversations N] [--runs R] [--dir DIR]
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "inbox_figures.h"
#include "samla/sync/workspace.h"

extern char** environ;

namespace {

using SteadyClock = std::chrono::steady_clock;

// N citizens' emails to Byggesak, a few words each, received over the last 90 days.
void make_store(const std::filesystem::path& dir, std::size_t conversations) {
  std::filesystem::remove_all(dir);
  samla::Workspace ws(dir);
  ws.add_department({"byggesak", "Byggesak"});
  ws.add_user({"bench", "Benk Marksen", {{"byggesak", samla::Role::Lead}}});
  ws.set_current_user("bench");
  std::mt19937 rng(7);
  const std::vector<std::string> words{"søknad",       "garasje", "tilbygg",
                                       "nabovarsel",   "frist",   "reguleringsplan",
                                       "ferdigattest", "gebyr",   "klage"};
  const auto now = ws.now();
  constexpr std::size_t kBatch = 5000;
  for (std::size_t first = 0; first < conversations; first += kBatch) {
    std::vector<samla::InboundMessage> batch;
    for (std::size_t i = first; i < std::min(conversations, first + kBatch); ++i) {
      samla::InboundMessage m;
      m.channel = samla::Channel::Email;
      m.external_id = "bench-" + std::to_string(i) + "@epost.example";
      m.from = {"Innbyggjar " + std::to_string(i),
                "innbyggjar" + std::to_string(i) + "@epost.example"};
      m.subject = "Spørsmål om " + words[rng() % words.size()] + " " + std::to_string(i);
      for (int w = 0; w < 30; ++w) m.body_text += words[rng() % words.size()] + " ";
      m.received_at = now - std::chrono::minutes(rng() % (90 * 24 * 60));
      m.department = "byggesak";
      batch.push_back(std::move(m));
    }
    ws.store().ingest_batch(batch);
  }
}

struct Run {
  double seconds = 0;
  long peak_rss_kb = 0;
  std::string output;
};

Run start_app(const std::string& app, const std::filesystem::path& profile) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  const std::string profile_text = profile.string();
  std::vector<std::string> args{app,
                                "--profile",
                                profile_text,
                                "--view",
                                "department",
                                "--no-notifications",
                                "--testing-quit-after-paint"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const auto start = SteadyClock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, app.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
    throw std::runtime_error("cannot start " + app);
  }
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  Run run;
  // The first line comes when the list has painted; the rest is the app closing.
  std::string line;
  char c = 0;
  while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
  run.seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
  run.output = line;
  while (read(out[0], &c, 1) == 1) {
  }
  close(out[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  run.peak_rss_kb = usage.ru_maxrss;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !line.starts_with("painted")) {
    throw std::runtime_error("samla did not paint its inbox: '" + line + "'");
  }
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  std::string app;
  std::size_t conversations = 100'000;
  int runs = 3;
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "samla-app-start-bench";
  const std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
    if (args[i] == "--app") app = args[i + 1];
    if (args[i] == "--conversations") conversations = std::stoul(args[i + 1]);
    if (args[i] == "--runs") runs = std::stoi(args[i + 1]);
    if (args[i] == "--dir") dir = args[i + 1];
  }
  if (app.empty()) {
    std::cerr
        << "usage: samla_app_start_bench --app PATH [--conversations N] [--runs R] [--dir DIR]\n";
    return 2;
  }
  try {
    const auto marker = dir / ("conversations-" + std::to_string(conversations));
    if (!std::filesystem::exists(marker)) {
      const auto start = SteadyClock::now();
      make_store(dir, conversations);
      std::FILE* f = std::fopen(marker.c_str(), "w");
      if (f != nullptr) std::fclose(f);
      std::cerr << "bench: made a store of " << conversations << " conversations in "
                << std::chrono::duration<double>(SteadyClock::now() - start).count() << " s\n";
    }
    // What the app's figures worker reads after the first paint: the counts of the six views
    // and the reminder check (indexed; it must stay well under 100 ms here).
    std::vector<double> figures_ms;
    std::vector<double> all_figures_ms;  // figures_of: views, channel views, replies, reminders
    std::vector<double> reminders_ms;
    std::vector<double> reminders_cpu_ms;  // the machine may be shared: CPU time as well
    std::size_t reminders = 0;
    {
      samla::Workspace ws(dir);
      for (int r = 0; r < 3; ++r) {
        auto start = SteadyClock::now();
        const auto scope = ws.scope_for("bench");
        for (const auto view :
             {samla::InboxView::Mine, samla::InboxView::Department, samla::InboxView::Handovers,
              samla::InboxView::DueSoon, samla::InboxView::Overdue, samla::InboxView::All}) {
          (void)ws.store().count(view, scope);
        }
        figures_ms.push_back(
            std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count());
        start = SteadyClock::now();
        const std::clock_t cpu = std::clock();
        reminders = ws.reminders_for("bench").size();
        reminders_cpu_ms.push_back(1000.0 * static_cast<double>(std::clock() - cpu) /
                                   CLOCKS_PER_SEC);
        reminders_ms.push_back(
            std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count());
        start = SteadyClock::now();
        (void)samla::app::figures_of(ws, "bench");
        all_figures_ms.push_back(
            std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count());
      }
      std::sort(all_figures_ms.begin(), all_figures_ms.end());
      std::sort(figures_ms.begin(), figures_ms.end());
      std::sort(reminders_ms.begin(), reminders_ms.end());
      std::sort(reminders_cpu_ms.begin(), reminders_cpu_ms.end());
    }
    std::vector<double> seconds;
    long peak = 0;
    std::string painted;
    for (int r = 0; r < runs; ++r) {
      const auto run = start_app(app, dir);
      seconds.push_back(run.seconds);
      peak = std::max(peak, run.peak_rss_kb);
      painted = run.output;
    }
    std::sort(seconds.begin(), seconds.end());
    const nlohmann::json result{
        {"benchmark", "app_start"},
        {"conversations", conversations},
        {"painted", painted},
        {"start_to_first_paint_s_median", seconds[seconds.size() / 2]},
        {"start_to_first_paint_s_max", seconds.back()},
        {"peak_rss_mb", static_cast<double>(peak) / 1024.0},
        {"goal", "under 1 s and 250 MB"},
        {"view_counts_ms_median", figures_ms[1]},
        {"reminders", reminders},
        {"reminders_for_ms_median", reminders_ms[1]},
        {"reminders_for_cpu_ms_median", reminders_cpu_ms[1]},
        {"figures_of_ms_median", all_figures_ms[1]},
    };
    std::cout << result.dump(2) << '\n';
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bench: " << e.what() << '\n';
    return 1;
  }
}
