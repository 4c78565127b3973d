// account add|list|remove, sync: the functional mailboxes a profile works, and running them.
#include <csignal>
#include <iostream>
#include <thread>

#include "commands.h"
#include "i18n.h"
#include "samla/sync/email/email_accounts.h"
#include "samla/sync/email/email_connector.h"
#include "samla/sync/profile_channels.h"

namespace samla::cli {
namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void request_stop(int /*signal*/) { g_stop = 1; }

struct CliPass : SyncPass {
  void progress(std::size_t /*done*/, std::size_t /*total*/) override {}
  [[nodiscard]] bool stop_requested() const override { return g_stop != 0; }
};

void print_report(const EmailConnector& connector) {
  const auto& r = connector.last_report();
  std::cout << connector.label() << '\t' << tr("new") << ' ' << r.ingested << '\t'
            << tr("auto-replies") << ' ' << r.auto_replies << '\t' << tr("replies sent") << ' '
            << r.replies_sent << '\t' << tr("failed") << ' ' << r.replies_failed << '\n';
}

void add_account_commands(CLI::App& app, Commands cmd) {
  auto& ctx = cmd.context;
  auto* account = app.add_subcommand("account", tr("functional mailboxes to sync"));
  account->require_subcommand(1);
  auto* add = account->add_subcommand("add", tr("add or change an account"));
  add->require_subcommand(1);
  auto* imap = add->add_subcommand("imap", tr("an IMAP mailbox, answered by SMTP"));
  auto s = std::make_shared<EmailAccountSettings>();
  auto password_stdin = std::make_shared<bool>(false);
  auto no_auto_reply = std::make_shared<bool>(false);
  auto relay = std::make_shared<bool>(false);
  auto no_qresync = std::make_shared<bool>(false);
  imap->add_option("address", s->address, tr("the mailbox address, e.g. post@kommune.no"))
      ->required();
  imap->add_option("--imap", s->imap_url,
                   tr("imaps://host[:port] or imap://host[:port] (STARTTLS)"))
      ->required();
  imap->add_option("--smtp", s->smtp_url,
                   tr("smtps://host[:port] or smtp://host[:port] (STARTTLS)"))
      ->required();
  imap->add_option("--user", s->user, tr("login name (default: the address)"));
  imap->add_option("--name", s->display_name, tr("sender name of replies"));
  imap->add_option("--ca", s->ca_file, tr("CA certificate (PEM) to trust for these servers"));
  imap->add_option("--inbox", s->inbox, tr("folder to read (default INBOX)"));
  imap->add_option("--sent", s->sent, tr("folder for copies of replies (default Sent)"));
  imap->add_option("--auto-reply-days", s->auto_reply_days,
                   tr("at most one auto-reply per sender in this many days (default 7)"));
  imap->add_flag("--no-auto-reply", *no_auto_reply, tr("never answer automatically"));
  imap->add_flag("--smtp-relay", *relay, tr("the SMTP server relays without login"));
  imap->add_flag("--no-qresync", *no_qresync,
                 tr("never use QRESYNC (RFC 7162), for a server known to get it wrong"));
  imap->add_flag("--allow-plaintext", s->allow_plaintext,
                 tr("allow connections without TLS (test servers only)"));
  imap->add_option("--secrets-file", s->secrets_file,
                   tr("keep the password in this 0600 file instead of the keyring (agents)"));
  imap->add_flag("--password-stdin", *password_stdin, tr("read the password from standard input"));
  imap->callback([&ctx, s, password_stdin, no_auto_reply, relay, no_qresync] {
    s->auto_reply = !*no_auto_reply;
    s->qresync = !*no_qresync;
    s->smtp_login = !*relay;
    if (*password_stdin) {
      std::string password;
      std::getline(std::cin, password);
      if (!password.empty() && password.back() == '\r') password.pop_back();
      if (password.empty()) throw UsageError(tr("no password on standard input"));
      credentials_for(*s)->store(credential_key(s->address), password);
    }
    save_email_account(ctx.workspace().store(), *s);
  });

  account->add_subcommand("list", tr("list accounts"))->callback([&ctx] {
    for (const auto& a : email_accounts(ctx.workspace().store())) {
      std::cout << a.address << '\t' << a.imap_url << '\t' << a.smtp_url << '\t'
                << (a.auto_reply ? tr("auto-reply") : tr("no auto-reply")) << '\t'
                << (a.qresync ? tr("QRESYNC where offered") : tr("no QRESYNC")) << '\t'
                << (a.secrets_file.empty() ? tr("keyring") : a.secrets_file) << '\n';
    }
  });
  auto* remove = account->add_subcommand("remove", tr("remove an account and its password"));
  auto address = std::make_shared<std::string>();
  remove->add_option("address", *address, tr("the mailbox address"))->required();
  remove->callback([&ctx, address, &cmd_exit = cmd.exit_code] {
    for (const auto& a : email_accounts(ctx.workspace().store())) {
      if (a.address == *address) credentials_for(a)->remove(credential_key(a.address));
    }
    if (!remove_email_account(ctx.workspace().store(), *address)) {
      std::cerr << "samlactl: " << tr("no such account") << ": " << *address << '\n';
      cmd_exit = kRefused;
    }
  });
}

void add_sync_command(CLI::App& app, Commands cmd) {
  auto& ctx = cmd.context;
  auto* sync = app.add_subcommand("sync", tr("fetch new mail, send auto-replies and replies"));
  auto once = std::make_shared<bool>(false);
  sync->add_flag("--once", *once, tr("one pass, then exit (else keep going until stopped)"));
  sync->callback([&ctx, once, &exit_code = cmd.exit_code] {
    Workspace& workspace = ctx.workspace();
    auto channels = profile_channels(workspace.store());
    for (const auto& problem : channels.problems) {
      std::cerr << "samlactl: " << problem.label << ": " << problem.reason << '\n';
      exit_code = kFailure;
    }
    auto& connectors = channels.connectors;
    if (connectors.empty()) {
      if (!channels.problems.empty()) return;
      throw UsageError(tr("no channels; add one with 'account add imap' or 'sms-gateway set'"));
    }
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    CliPass pass;
    std::vector<int> failures(connectors.size(), 0);
    do {
      for (std::size_t i = 0; i < connectors.size() && g_stop == 0; ++i) {
        try {
          connectors[i]->sync_once(workspace, pass);
          failures[i] = 0;
          if (const auto* email = dynamic_cast<const EmailConnector*>(connectors[i].get())) {
            print_report(*email);
          }
        } catch (const SyncFailure& failure) {
          std::cerr << "samlactl: " << connectors[i]->label() << ": " << failure.what() << '\n';
          ++failures[i];
          exit_code = kFailure;
          if (*once || !failure.retryable()) continue;
        }
      }
      if (*once || g_stop != 0) break;
      // Reconnect with backoff after failures (up to 5 minutes); else wait for IDLE (or poll
      // every 5 minutes when the server has no IDLE).
      const int worst = *std::max_element(failures.begin(), failures.end());
      if (worst > 0) {
        const auto wait = std::chrono::seconds(std::min(300, 1 << std::min(worst, 8)));
        for (auto left = wait; left.count() > 0 && g_stop == 0; left -= std::chrono::seconds{1}) {
          std::this_thread::sleep_for(std::chrono::seconds{1});
        }
      } else if (!connectors.front()->wait_for_change(std::chrono::minutes{5}, pass)) {
        for (int s = 0; s < 300 && g_stop == 0; ++s)
          std::this_thread::sleep_for(std::chrono::seconds{1});
      }
      exit_code = kOk;
    } while (g_stop == 0);
  });
}

}  // namespace

void add_email_commands(CLI::App& app, Commands cmd) {
  add_account_commands(app, cmd);
  add_sync_command(app, cmd);
}

}  // namespace samla::cli
