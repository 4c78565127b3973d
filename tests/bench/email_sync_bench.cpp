// Email sync benchmark: Samla's initial sync of an IMAP folder into a fresh store (fetched,
// parsed, ingested, indexed: searchable), or an incremental pass over what is new. Prints one
// JSON object; tests/bench/email_sync_bench.sh runs it beside mbsync on the same mailbox.
//
//   samla_email_sync_bench --url imap://127.0.0.1:PORT/ --user U --password P --ca FILE
//                          --folder NAME --profile DIR
#include <sys/resource.h>

#include <chrono>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "samla/sync/email/email_connector.h"
#include "samla/sync/workspace.h"

namespace {

struct BenchPass : samla::SyncPass {
  void progress(std::size_t /*done*/, std::size_t /*total*/) override {}
  [[nodiscard]] bool stop_requested() const override { return false; }
};

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace

int main(int argc, char** argv) {
  std::string url;
  std::string user;
  std::string password;
  std::string ca;
  std::string folder = "INBOX";
  std::string profile;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const std::string value = argv[i + 1];
    if (key == "--url")
      url = value;
    else if (key == "--user")
      user = value;
    else if (key == "--password")
      password = value;
    else if (key == "--ca")
      ca = value;
    else if (key == "--folder")
      folder = value;
    else if (key == "--profile")
      profile = value;
  }
  if (url.empty() || profile.empty()) {
    std::cerr << "usage: samla_email_sync_bench --url URL --user U --password P --ca FILE "
                 "--folder NAME --profile DIR\n";
    return 2;
  }
  samla::Workspace workspace{profile};
  workspace.add_department({"post", "Postmottak"});
  workspace.set_default_department("post");
  samla::EmailAccount account;
  account.address = user + "@kommune.test";
  account.imap = samla::MailServer{url, user, password, ca, false, std::chrono::seconds{60}};
  account.inbox = folder;
  account.auto_reply = false;
  samla::EmailConnector connector(account);
  BenchPass pass;
  const double cpu_before = cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  connector.sync_once(workspace, pass);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto hits = workspace.store().search("lurer", 10);
  nlohmann::json out{
      {"fetched", connector.last_report().fetched}, {"ingested", connector.last_report().ingested},
      {"qresync", connector.last_report().qresync}, {"wall_s", wall},
      {"cpu_s", cpu_seconds() - cpu_before},        {"searchable", !hits.empty()}};
  std::cout << out.dump() << '\n';
  return 0;
}
