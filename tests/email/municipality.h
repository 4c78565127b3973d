#pragma once
// A municipality's profile for the email tests: a temporary Workspace with one department that
// owns the functional mailbox `user`@kommune.test, and the account that reads it from the test
// servers.
#include <filesystem>
#include <string>
#include <utility>

#include "mail_services.h"
#include "samla/sync/email/email_connector.h"
#include "samla/sync/workspace.h"

namespace samla::test {

class TempProfile {
 public:
  TempProfile() : path_(std::filesystem::temp_directory_path() / ("samla-email-" + new_uuid())) {}
  ~TempProfile() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempProfile(const TempProfile&) = delete;
  TempProfile& operator=(const TempProfile&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A municipality with one functional mailbox, `user`@kommune.test, owned by department `user`.
// `clock` pins "now" (default: the system clock).
struct Municipality {
  TempProfile profile;
  Workspace workspace;
  explicit Municipality(const std::string& user, const std::string& name = "Postmottak",
                        Clock clock = {})
      : workspace(profile.path(), WorkspaceOptions{std::move(clock), "Europe/Oslo"}) {
    workspace.add_department(Department{user, name});
    workspace.add_user(User{"kari", "Kari Saksbehandlar", {Membership{user, Role::Caseworker}}});
    workspace.route_mailbox(user + "@kommune.test", user);
    workspace.set_default_department(user);
  }
};

inline EmailAccount account(const std::string& user, const std::string& inbox = "INBOX") {
  const auto& services = MailServices::get();
  EmailAccount a;
  a.address = user + "@kommune.test";
  a.display_name = "Kommunen";
  a.imap = services.imap(user);
  a.smtp = services.smtp();
  a.inbox = inbox;
  return a;
}

}  // namespace samla::test
