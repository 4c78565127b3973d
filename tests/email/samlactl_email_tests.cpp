// samlactl account add / list / sync against the real servers, with the password in a 0600
// secrets file (a headless agent's way).
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include "../client/process.h"
#include "mail_services.h"

using namespace samla;
using namespace samla::test;

BOOST_AUTO_TEST_SUITE(SamlactlEmail)

BOOST_AUTO_TEST_CASE(account_add_then_sync_once) {
  const auto& services = MailServices::get();
  const auto profile = std::filesystem::temp_directory_path() / ("samla-ctl-email-" + new_uuid());
  const std::string folder = fresh_folder("post", "ctl");
  {
    ImapSession imap(services.imap("post"));
    imap.append(folder, "()",
                mail_text("c1@citizen.test", "post@kommune.test", "Hei frå samlactl", "Tekst",
                          "ctl-" + new_uuid() + "@citizen.test"));
    imap.logout();
  }
  const auto ctl = [&](std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), {"--profile", profile.string(), "--language", "en"});
    return run_process(SAMLACTL, args, {}, input);
  };
  BOOST_REQUIRE(ctl({"department", "add", "post", "Postmottak"}).exit_code == 0);
  BOOST_REQUIRE(ctl({"mailbox", "post@kommune.test", "post"}).exit_code == 0);
  const auto secrets = profile / "agent" / "secrets.json";
  const auto added = ctl({"account", "add", "imap", "post@kommune.test", "--imap",
                          "imap://127.0.0.1:" + services.env.at("imap") + "/", "--smtp",
                          "smtp://127.0.0.1:" + services.env.at("smtp"), "--user", "post",
                          "--smtp-relay", "--ca", services.env.at("ca"), "--inbox", folder,
                          "--secrets-file", secrets.string(), "--password-stdin"},
                         "secret\n");
  BOOST_REQUIRE_MESSAGE(added.exit_code == 0, added.err);
  struct stat info {};
  BOOST_REQUIRE(::stat(secrets.c_str(), &info) == 0);
  BOOST_TEST((info.st_mode & 0777U) == 0600U);
  // The password is in the secrets file only, never in the store.
  BOOST_TEST(slurp(profile / "samla.sqlite").find("secret\"") == std::string::npos);
  const auto list = ctl({"account", "list"});
  BOOST_TEST(list.out.find("post@kommune.test") != std::string::npos, list.out);
  BOOST_TEST(list.out.find("QRESYNC where offered") != std::string::npos, list.out);

  const auto sync = ctl({"sync", "--once"});
  BOOST_TEST(sync.exit_code == 0, sync.err);
  BOOST_TEST(sync.out.find("post@kommune.test\tnew 1") != std::string::npos, sync.out);
  const auto found = ctl({"search", "samlactl"});
  BOOST_TEST(found.out.find("Hei frå samlactl") != std::string::npos, found.out);

  // QRESYNC switched off for the account (a server that gets it wrong): kept, listed, and the
  // mailbox still syncs (by UID SEARCH), finding the next message once.
  BOOST_REQUIRE(ctl({"account", "add", "imap", "post@kommune.test", "--imap",
                     "imap://127.0.0.1:" + services.env.at("imap") + "/", "--smtp",
                     "smtp://127.0.0.1:" + services.env.at("smtp"), "--user", "post",
                     "--smtp-relay", "--ca", services.env.at("ca"), "--inbox", folder,
                     "--secrets-file", secrets.string(), "--no-qresync"})
                    .exit_code == 0);
  const auto without = ctl({"account", "list"});
  BOOST_TEST(without.out.find("no QRESYNC") != std::string::npos, without.out);
  {
    ImapSession imap(services.imap("post"));
    imap.append(folder, "()",
                mail_text("c2@citizen.test", "post@kommune.test", "Andre brev", "Tekst",
                          "ctl-" + new_uuid() + "@citizen.test"));
    imap.logout();
  }
  const auto again = ctl({"sync", "--once"});
  BOOST_TEST(again.exit_code == 0, again.err);
  BOOST_TEST(again.out.find("post@kommune.test\tnew 1") != std::string::npos, again.out);

  // A wrong password: a clear error and exit code 3.
  BOOST_REQUIRE(ctl({"account", "add", "imap", "post@kommune.test", "--imap",
                     "imap://127.0.0.1:" + services.env.at("imap") + "/", "--smtp",
                     "smtp://127.0.0.1:" + services.env.at("smtp"), "--user", "post",
                     "--smtp-relay", "--ca", services.env.at("ca"), "--inbox", folder,
                     "--secrets-file", secrets.string(), "--password-stdin"},
                    "wrong\n")
                    .exit_code == 0);
  const auto refused = ctl({"sync", "--once"});
  BOOST_TEST(refused.exit_code == 3);
  BOOST_TEST(refused.err.find("post@kommune.test") != std::string::npos, refused.err);
  std::filesystem::remove_all(profile);
}

BOOST_AUTO_TEST_SUITE_END()
