// Team hub benchmark against a real PostgreSQL (started by tests/bench/run.sh): a fresh desktop
// pulling N events into its store, compared in the same run with `psql \copy` of the same rows
// to a file; push latency p50/p95; and C simulated desktops syncing at once against the one hub
// (throughput, p95 of a sync round, the server's CPU). Prints one JSON object.
//
//   samla_hub_bench --server DIR [--events N] [--clients C] [--rounds R] [--pushes P]
//   (DIR holds `port` and `superuser.pw` as tests/services/postgres.sh writes them)
#include <dirent.h>
#include <unistd.h>
#include <algorithm>
#include <barrier>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "samla/sync/event_json.h"
#include "samla/sync/hub_admin.h"
#include "samla/sync/hub_client.h"
#include "samla/sync/hub_schema.h"
#include "samla/sync/uuid.h"
#include "samla/sync/workspace.h"

namespace {

using namespace samla;
using SteadyClock = std::chrono::steady_clock;

double seconds_since(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
  return values[index];
}

std::string first_line(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

class QuietPass : public SyncPass {
 public:
  void progress(std::size_t /*done*/, std::size_t /*total*/) override {}
  [[nodiscard]] bool stop_requested() const override { return false; }
};

// CPU seconds (user + system) of the server: the postmaster, its live children (the backends)
// and the children it has already reaped.
double server_cpu_seconds(pid_t postmaster) {
  const double tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
  double total = 0;
  DIR* proc = ::opendir("/proc");
  if (proc == nullptr) return 0;
  while (dirent* entry = ::readdir(proc)) {
    const std::string name = entry->d_name;
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat("/proc/" + name + "/stat");
    std::string text;
    std::getline(stat, text);
    const auto close = text.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(text.substr(close + 2));
    std::vector<std::string> f;
    for (std::string field; fields >> field;) f.push_back(field);
    // After "(comm) ": state ppid ... utime is field 14, stime 15 of the whole line.
    if (f.size() < 13) continue;
    const pid_t pid = std::stoi(name);
    const pid_t ppid = std::stoi(f[1]);
    if (pid != postmaster && ppid != postmaster) continue;
    total += (std::stod(f[11]) + std::stod(f[12])) / tick;
    // Backends that ended (a client disconnected) live on in the postmaster's cutime/cstime.
    if (pid == postmaster && f.size() > 14) total += (std::stod(f[13]) + std::stod(f[14])) / tick;
  }
  ::closedir(proc);
  return total;
}

Instant bench_now() {
  return Instant{date::sys_days{date::year{2026} / 11 / 23}} + std::chrono::hours{10};
}

InboundMessage generated_message(int n) {
  InboundMessage m;
  m.channel = Channel::Email;
  m.external_id = "bench-" + std::to_string(n) + "@innbygger.example";
  m.from = {"Innbygger " + std::to_string(n), "innbygger" + std::to_string(n) + "@example.no"};
  m.to = {{"", "byggesak@eksempel.kommune.no"}};
  m.subject = "Søknad om garasje " + std::to_string(n);
  m.body_text = "Hei! Eg lurer på om eg treng å søke om garasje på tomta mi. Venleg helsing.";
  m.received_at = bench_now() - std::chrono::hours{24};
  m.department = "byggesak";
  return m;
}

// Sends events in batches of 1000 through the trigger, as `connection`'s user.
void record_all(HubConnection& connection, const std::vector<Event>& events) {
  for (std::size_t i = 0; i < events.size(); i += 1000) {
    nlohmann::json batch = nlohmann::json::array();
    for (std::size_t j = i; j < std::min(events.size(), i + 1000); ++j) {
      batch.push_back(event_to_json(events[j]));
    }
    (void)connection.exec(
        "INSERT INTO hub.events (doc) SELECT value FROM jsonb_array_elements($1::jsonb)",
        {to_json_text(batch)});
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path server_dir;
  std::size_t events = 100000;
  std::size_t clients = 200;
  std::size_t rounds = 10;
  std::size_t pushes = 1000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    const std::string value = argv[i + 1];
    if (option == "--server") server_dir = value;
    if (option == "--events") events = std::stoul(value);
    if (option == "--clients") clients = std::stoul(value);
    if (option == "--rounds") rounds = std::stoul(value);
    if (option == "--pushes") pushes = std::stoul(value);
  }
  if (server_dir.empty()) {
    std::cerr << "usage: samla_hub_bench --server DIR [--events N] [--clients C]\n";
    return 2;
  }
  const std::string port = first_line(server_dir / "port");
  const std::string super_password = first_line(server_dir / "superuser.pw");
  const pid_t postmaster = std::stoi(first_line(server_dir / "data/postmaster.pid"));
  auto conninfo = [&](const std::string& db, const std::string& user, const std::string& pw) {
    return "host=127.0.0.1 port=" + port + " dbname=" + db + " user=" + user + " password=" + pw;
  };
  const std::string db = "bench_" + new_uuid().substr(0, 8);
  const std::string prefix = db;
  nlohmann::json out;
  try {
    {
      HubConnection super(conninfo("postgres", "samla_test", super_password));
      super.exec_script("CREATE ROLE " + prefix + "_owner LOGIN CREATEROLE PASSWORD 'pw'");
      super.exec_script("CREATE DATABASE " + db + " OWNER " + prefix + "_owner");
    }
    HubConnection owner(conninfo(db, prefix + "_owner", "pw"));
    (void)migrate_hub(owner);
    add_hub_municipality(owner, "eksempel", "Eksempel kommune");
    add_hub_department(owner, "eksempel", {"byggesak", "Byggesak"});
    add_hub_user(owner, {"agent", prefix + "_agent", "Agent", HubUserKind::agent}, "pw");
    add_hub_user(owner, {"kari", prefix + "_kari", "Kari", HubUserKind::person}, "pw");
    add_hub_member(owner, "kari", "byggesak", Role::Lead);
    for (std::size_t c = 0; c < clients; ++c) {
      const std::string id = "c" + std::to_string(c);
      add_hub_user(
          owner, {id, prefix + "_" + id, "Klient " + std::to_string(c), HubUserKind::person}, "pw");
      add_hub_member(owner, id, "byggesak", Role::Caseworker);
    }

    // N events: one message in every fifth, then notes by Kari.
    const std::size_t conversations = std::max<std::size_t>(1, events / 5);
    std::vector<std::string> ids;
    std::vector<Event> received;
    std::vector<Event> notes;
    for (std::size_t i = 0; i < conversations; ++i) {
      ids.push_back(new_uuid());
      received.push_back(Event{new_uuid(), ids.back(), "system", "byggesak", bench_now(),
                               MessageReceived{generated_message(static_cast<int>(i))},
                               std::nullopt});
    }
    for (std::size_t i = conversations; i < events; ++i) {
      notes.push_back(Event{new_uuid(), ids[i % conversations], "kari", "byggesak", bench_now(),
                            NoteAdded{"Notat nr. " + std::to_string(i)}, std::nullopt});
    }
    auto start = SteadyClock::now();
    {
      HubConnection agent(conninfo(db, prefix + "_agent", "pw"));
      record_all(agent, received);
      HubConnection kari(conninfo(db, prefix + "_kari", "pw"));
      record_all(kari, notes);
    }
    out["events"] = events;
    out["record_events_per_s"] = static_cast<double>(events) / seconds_since(start);
    owner.exec_script("VACUUM ANALYZE hub.events");

    // A fresh desktop pulls everything.
    const auto work = std::filesystem::temp_directory_path() / ("samla-hub-bench-" + db);
    HubSettings kari_settings{conninfo(db, prefix + "_kari", "pw"), "kari", std::nullopt, 5000};
    {
      WorkspaceOptions options;
      options.clock = bench_now;
      Workspace desk(work / "kari", options);
      HubConnector hub(kari_settings);
      QuietPass pass;
      start = SteadyClock::now();
      hub.sync_once(desk, pass);
      const double pull = seconds_since(start);
      out["pull_events"] = hub.last_report().pulled;
      out["pull_s"] = pull;
      out["pull_events_per_s"] = static_cast<double>(hub.last_report().pulled) / pull;

      // The same rows with psql \copy to a file, as the same user.
      const auto file = work / "copy.txt";
      const std::string command = "PGPASSWORD=pw psql -X -q -h 127.0.0.1 -p " + port + " -U " +
                                  prefix + "_kari -d " + db +
                                  " -c \"\\copy (SELECT vis, seq, doc FROM hub.pull(0, 0, " +
                                  std::to_string(events + 1) + ")) TO '" + file.string() + "'\"";
      start = SteadyClock::now();
      const int rc = std::system(command.c_str());
      const double copy = seconds_since(start);
      out["psql_copy_s"] = copy;
      out["psql_copy_ok"] = rc == 0;
      out["pull_to_copy_ratio"] = pull / copy;

      // Push latency: one event at a time, as a desktop pushes its outbox.
      HubConnection push(kari_settings.conninfo);
      std::vector<double> latencies;
      for (std::size_t i = 0; i < pushes; ++i) {
        Event note{new_uuid(),  ids[i % conversations],
                   "kari",      "byggesak",
                   bench_now(), NoteAdded{"Push " + std::to_string(i)},
                   std::nullopt};
        const auto text = to_json_text(event_to_json(note));
        start = SteadyClock::now();
        (void)push.exec("SELECT hub.push($1::jsonb)", {text});
        latencies.push_back(seconds_since(start) * 1000.0);
      }
      out["push_ms_p50"] = percentile(latencies, 0.5);
      out["push_ms_p95"] = percentile(latencies, 0.95);
    }

    // C desktops at once, already up to date: each round pushes a note and pulls what is new.
    const auto top = owner.exec("SELECT max(seq) FROM hub.events").at(0, 0);
    std::barrier ready(static_cast<std::ptrdiff_t>(clients + 1));
    std::barrier done(static_cast<std::ptrdiff_t>(clients + 1));
    std::vector<std::vector<double>> round_ms(clients);
    std::vector<std::size_t> pulled(clients, 0);
    std::vector<std::string> errors(clients);
    std::vector<std::thread> threads;
    for (std::size_t c = 0; c < clients; ++c) {
      threads.emplace_back([&, c] {
        const std::string id = "c" + std::to_string(c);
        std::unique_ptr<Workspace> desk;
        std::unique_ptr<HubConnector> hub;
        QuietPass pass;
        try {
          WorkspaceOptions options;
          options.clock = bench_now;
          desk = std::make_unique<Workspace>(work / id, options);
          desk->store().set_sync_state("hub", "cursor", top + ":" + top);
          desk->store().set_sync_state("hub", "departments", "byggesak,");
          hub = std::make_unique<HubConnector>(
              HubSettings{conninfo(db, prefix + "_" + id, "pw"), id, std::nullopt, 5000});
          hub->sync_once(*desk, pass);  // connect
        } catch (const std::exception& e) {
          errors[c] = e.what();
        }
        ready.arrive_and_wait();
        for (std::size_t r = 0; r < rounds && errors[c].empty(); ++r) {
          try {
            desk->store().append(std::vector<Event>{
                Event{new_uuid(), ids[(c * rounds + r) % conversations], id, "byggesak",
                      bench_now(), NoteAdded{"Runde " + std::to_string(r)}, std::nullopt}});
            const auto t = SteadyClock::now();
            hub->sync_once(*desk, pass);
            round_ms[c].push_back(seconds_since(t) * 1000.0);
            pulled[c] += hub->last_report().pulled;
          } catch (const std::exception& e) {
            errors[c] = e.what();
          }
        }
        done.arrive_and_wait();  // connections stay open until the CPU is read
      });
    }
    ready.arrive_and_wait();
    const double cpu_before = server_cpu_seconds(postmaster);
    start = SteadyClock::now();
    done.arrive_and_wait();
    const double wall = seconds_since(start);
    const double cpu = server_cpu_seconds(postmaster) - cpu_before;
    for (auto& t : threads) t.join();
    std::vector<double> all;
    std::size_t failures = 0;
    std::size_t delivered = 0;
    for (std::size_t c = 0; c < clients; ++c) {
      all.insert(all.end(), round_ms[c].begin(), round_ms[c].end());
      delivered += pulled[c];
      if (!errors[c].empty()) {
        ++failures;
        if (!out.contains("client_error")) out["client_error"] = errors[c];
      }
    }
    out["clients"] = clients;
    out["rounds_per_client"] = rounds;
    out["client_failures"] = failures;
    out["concurrent_wall_s"] = wall;
    out["concurrent_rounds_per_s"] = static_cast<double>(all.size()) / wall;
    out["concurrent_events_delivered_per_s"] = static_cast<double>(delivered) / wall;
    out["concurrent_round_ms_p50"] = percentile(all, 0.5);
    out["concurrent_round_ms_p95"] = percentile(all, 0.95);
    out["server_cpu_s"] = cpu;
    out["server_cpu_cores_busy"] = cpu / wall;
    std::error_code ignored;
    std::filesystem::remove_all(work, ignored);
  } catch (const std::exception& e) {
    std::cerr << "hub bench: " << e.what() << '\n';
    return 1;
  }
  std::cout << out.dump(2) << '\n';
  return 0;
}
