// The team's real email channel end to end, against a real PostgreSQL hub and real Dovecot and
// Postfix: a citizen's mail is brought in by `samlactl agent` once, answered automatically once
// (with the deadline date), a caseworker's desktop queues a reply that the agent sends with
// threading headers, and ReplySent reaches the desktop. Agents are killed on the way: a standby
// takes over without a second copy of anything.
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

#include "../client/process.h"
#include "../email/mail_services.h"
#include "hub_fixture.h"
#include "samla/sync/email/email_accounts.h"
#include "samla/sync/email/email_outbound.h"
#include "samla/sync/hub_agent.h"
#include "samla/sync/iso8601.h"
#include "samla/sync/message_files.h"
#include "samla/sync/profile_channels.h"

namespace samla::test {
namespace {

constexpr const char* kMailbox = "byggesak@kommune.test";
constexpr const char* kCitizen = "innbyggar@citizen.test";
constexpr const char* kAgentNow = "SAMLA_NOW=2026-11-23T11:00:00Z";

class TempDir {
 public:
  TempDir() : path_(std::filesystem::temp_directory_path() / ("samla-agent-mail-" + new_uuid())) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] std::string operator/(const std::string& name) const {
    return (path_ / name).string();
  }

 private:
  std::filesystem::path path_;
};

// A long-running `samlactl agent`, its output in a file; killed by its pid.
class AgentProcess {
 public:
  AgentProcess(const std::string& profile, const std::string& output) : output_(output) {
    // Everything the child needs is made before fork (the test process has threads).
    std::vector<std::string> args{SAMLACTL, "--profile", profile, "agent", "--interval", "1"};
    std::vector<std::string> env{"SAMLA_LANGUAGE=en", kAgentNow};
    // NOLINTNEXTLINE(cppcoreguidelines-pro-bounds-pointer-arithmetic): environ is a C array
    for (char** e = environ; *e != nullptr; ++e) {
      const std::string entry(*e);
      if (entry.rfind("SAMLA_", 0) != 0) env.push_back(entry);
    }
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    envp.reserve(env.size() + 1);
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    const int fd = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    BOOST_REQUIRE(fd >= 0);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::execve(argv[0], argv.data(), envp.data());
      ::_exit(127);
    }
    ::close(fd);
  }
  ~AgentProcess() { kill(); }
  AgentProcess(const AgentProcess&) = delete;
  AgentProcess& operator=(const AgentProcess&) = delete;

  void kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  [[nodiscard]] std::string output() const { return slurp(output_); }
  /// Rounds done so far (one line each).
  [[nodiscard]] std::size_t rounds() const {
    const auto text = output();
    std::size_t n = 0;
    for (std::size_t at = 0; (at = text.find(" automatic replies\n", at)) != std::string::npos;
         ++at)
      ++n;
    for (std::size_t at = 0; (at = text.find("standby:", at)) != std::string::npos; ++at) ++n;
    return n;
  }

 private:
  std::string output_;
  pid_t pid_ = -1;
};

// Polls real processes and servers (nothing to pump) until `done` or the limit.
bool eventually(const std::function<bool()>& done,
                std::chrono::seconds limit = std::chrono::seconds{60}) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds{100});
  }
  return true;
}

std::size_t on_hub(HubFixture& hub, const std::string& sql) {
  return std::stoul(hub.owner().exec(sql).at(0, 0));
}

ProcessResult samlactl(const std::vector<std::string>& args, const std::string& input = {}) {
  auto result = run_process(SAMLACTL, args, {"SAMLA_LANGUAGE=en", kAgentNow}, input);
  BOOST_TEST_MESSAGE("samlactl exit " << result.exit_code << ": " << result.out << result.err);
  return result;
}

void require_ok(const ProcessResult& result) {
  BOOST_REQUIRE_MESSAGE(result.exit_code == 0, "samlactl failed: " + result.err + result.out);
}

// An agent profile as an operator sets it up: the functional mailbox with its password in a
// 0600 secrets file, the default department, team mode as the hub's agent user.
void set_up_agent_profile(HubFixture& hub, const std::string& profile, const std::string& secrets) {
  const auto& mail = MailServices::get();
  require_ok(samlactl({"--profile",    profile,
                       "account",      "add",
                       "imap",         kMailbox,
                       "--imap",       "imap://127.0.0.1:" + mail.env.at("imap") + "/",
                       "--smtp",       "smtp://127.0.0.1:" + mail.env.at("smtp"),
                       "--user",       "byggesak",
                       "--name",       "Kommunen, Byggesak",
                       "--ca",         mail.env.at("ca"),
                       "--smtp-relay", "--secrets-file",
                       secrets,        "--password-stdin"},
                      "secret\n"));
  require_ok(samlactl({"--profile", profile, "config", "default-department", "byggesak"}));
  require_ok(samlactl(
      {"--profile", profile, "hub", "--hub", hub.conninfo_of("agent"), "init", "--user", "agent"}));
}

// Mail of earlier tests in the functional mailbox is not this test's business.
void empty_mailbox() {
  const auto command =
      MailServices::get().doveadm() + " expunge -u byggesak mailbox INBOX all >/dev/null 2>&1";
  BOOST_REQUIRE(std::system(command.c_str()) == 0);
}

// The citizen's messages that answer `first_id` (auto-reply and replies), as raw bytes.
std::vector<std::string> answers_to(const std::string& user, const std::string& folder,
                                    const std::string& first_id) {
  std::vector<std::string> out;
  for (auto& raw : messages_in(user, folder)) {
    const auto parsed = parse_mime(raw);
    const auto& refs = parsed.message.references;
    if (std::find(refs.begin(), refs.end(), first_id) != refs.end()) out.push_back(raw);
  }
  return out;
}

std::optional<Conversation> conversation_of(Desktop& desk, const std::string& token) {
  const auto hits = desk.store().search(token);
  if (hits.size() != 1) return std::nullopt;
  return desk.store().conversation(hits[0].summary.id);
}

template <class Payload>
std::size_t count_of(const Conversation& conversation) {
  std::size_t n = 0;
  for (const auto& entry : conversation.timeline) {
    if (std::holds_alternative<Payload>(entry.event.payload)) ++n;
  }
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(HubAgentEmail)

BOOST_AUTO_TEST_CASE(citizen_mail_answered_once_and_a_desktop_reply_sent_by_the_standby) {
  HubFixture hub;
  TempDir dirs;
  empty_mailbox();
  set_up_agent_profile(hub, dirs / "agent-a", dirs / "agent-a.secrets");
  set_up_agent_profile(hub, dirs / "agent-b", dirs / "agent-b.secrets");
  const std::size_t citizen_before =
      wait_for_mail("innbyggar", "INBOX", 0, std::chrono::seconds{0});

  const std::string first_id = "hub-e2e-" + new_uuid() + "@citizen.test";
  const std::string token = "sak" + new_uuid().substr(0, 8);
  smtp_send(
      MailServices::get().smtp(), kCitizen, {kMailbox},
      mail_text("Åse Innbyggar <innbyggar@citizen.test>", kMailbox, "Søknad om garasje " + token,
                "Kva tid får eg svar?", first_id, "", "Mon, 23 Nov 2026 10:00:00 +0100"));
  BOOST_REQUIRE(wait_for_mail("byggesak", "INBOX", 1) >= 1);

  // Agent A takes the channel, brings the mail in and answers it; B waits as standby.
  AgentProcess a(dirs / "agent-a", dirs / "agent-a.out");
  const auto answered = [&] {
    return on_hub(hub, "SELECT count(*) FROM hub.events WHERE type = 'AutoReplySent'") >= 1;
  };
  BOOST_REQUIRE_MESSAGE(eventually(answered), a.output());
  BOOST_REQUIRE(wait_for_mail("innbyggar", "INBOX", citizen_before + 1) >= citizen_before + 1);
  AgentProcess b(dirs / "agent-b", dirs / "agent-b.out");
  BOOST_REQUIRE_MESSAGE(eventually([&] { return b.rounds() >= 2; }), b.output());
  BOOST_TEST(b.output().find("standby") != std::string::npos, b.output());
  a.kill();  // SIGKILL: its locks go with its connections

  // The auto-reply is in the citizen's mailbox once, written by the shipped template with the
  // deadline date, marked automatic, threaded to the citizen's mail.
  auto answers = answers_to("innbyggar", "INBOX", first_id);
  BOOST_REQUIRE_EQUAL(answers.size(), 1U);
  const auto automatic = parse_mime(answers[0]);
  BOOST_TEST(automatic.message.subject == "Takk for meldinga di");
  BOOST_TEST(automatic.message.body_text.find("måndag 30. november 2026") != std::string::npos,
             automatic.message.body_text);
  BOOST_TEST(answers[0].find("Auto-Submitted: auto-replied") != std::string::npos);
  BOOST_TEST(answers[0].find("X-Auto-Response-Suppress: All") != std::string::npos);
  BOOST_TEST(automatic.message.from.address == kMailbox);

  // Kari's desktop sees the conversation with its auto-reply, and queues a reply.
  auto kari = hub.desktop("kari");
  kari->sync();
  auto conversation = conversation_of(*kari, token);
  BOOST_REQUIRE(conversation.has_value());
  BOOST_TEST(count_of<AutoReplySent>(*conversation) == 1U);
  kari->act(conversation->id, QueueReply{"Sv: Søknad om garasje", "Du får svar på fredag."});
  kari->sync();

  // B takes over the channel and sends it; ReplySent reaches Kari's desktop.
  const auto reply_sent = [&] {
    kari->sync();
    conversation = kari->store().conversation(conversation->id);
    return count_of<ReplySent>(*conversation) >= 1;
  };
  BOOST_REQUIRE_MESSAGE(eventually(reply_sent), b.output());
  BOOST_TEST(count_of<ReplyFailed>(*conversation) == 0U);

  // The citizen answers within the week: it joins the conversation, no second auto-reply.
  const std::size_t rounds_before = b.rounds();
  smtp_send(MailServices::get().smtp(), kCitizen, {kMailbox},
            mail_text(kCitizen, kMailbox, "Re: Søknad om garasje " + token, "Takk!",
                      "hub-e2e-answer-" + new_uuid() + "@citizen.test",
                      "In-Reply-To: <" + first_id + ">\r\nReferences: <" + first_id + ">\r\n",
                      "Mon, 23 Nov 2026 10:30:00 +0100"));
  BOOST_REQUIRE_MESSAGE(eventually([&] {
                          return on_hub(hub,
                                        "SELECT count(*) FROM hub.events "
                                        "WHERE type = 'MessageReceived'") == 2;
                        }),
                        b.output());
  BOOST_REQUIRE(eventually([&] { return b.rounds() >= rounds_before + 3; }));
  b.kill();

  // Each once: on the hub, in the citizen's mailbox and in Sent.
  BOOST_TEST(on_hub(hub, "SELECT count(*) FROM hub.events WHERE type = 'MessageReceived'") == 2U);
  BOOST_TEST(on_hub(hub, "SELECT count(*) FROM hub.events WHERE type = 'AutoReplySent'") == 1U);
  BOOST_TEST(on_hub(hub, "SELECT count(*) FROM hub.events WHERE type = 'ReplySent'") == 1U);
  kari->sync();
  conversation = kari->store().conversation(conversation->id);
  BOOST_TEST(count_of<MessageReceived>(*conversation) == 2U);
  answers = answers_to("innbyggar", "INBOX", first_id);
  BOOST_REQUIRE_EQUAL(answers.size(), 2U);
  const auto reply = parse_mime(answers[1]);
  BOOST_TEST(reply.message.body_text.find("Du får svar på fredag.") != std::string::npos);
  BOOST_TEST(answers[1].find("In-Reply-To: <" + first_id + ">") != std::string::npos, answers[1]);
  BOOST_TEST(answers[1].find("Auto-Submitted") == std::string::npos);
  BOOST_TEST(answers_to("byggesak", "Sent", first_id).size() == 2U);
}

// The window the process test cannot aim at: an agent sends a desktop's reply, then loses the
// hub before ReplySent is pushed. The standby finds the reply in Sent and does not send it again.
BOOST_AUTO_TEST_CASE(a_reply_sent_by_an_agent_that_lost_the_hub_is_not_sent_again) {
  HubFixture hub;
  TempDir dirs;
  empty_mailbox();
  set_up_agent_profile(hub, dirs / "agent-a", dirs / "agent-a.secrets");
  set_up_agent_profile(hub, dirs / "agent-b", dirs / "agent-b.secrets");
  const std::string first_id = "hub-lost-" + new_uuid() + "@citizen.test";
  const std::string token = "sak" + new_uuid().substr(0, 8);
  smtp_send(MailServices::get().smtp(), kCitizen, {kMailbox},
            mail_text(kCitizen, kMailbox, "Spørsmål " + token, "Hei", first_id, "",
                      "Mon, 23 Nov 2026 10:00:00 +0100"));
  BOOST_REQUIRE(wait_for_mail("byggesak", "INBOX", 1) >= 1);

  // A's channels cut the agent login off the hub right after their pass, once armed: A has
  // then sent the reply, but ReplySent stays in its own store, never pushed.
  class CutAfterPass : public Connector {
   public:
    CutAfterPass(std::unique_ptr<Connector> inner, std::function<void()> cut)
        : inner_(std::move(inner)), cut_(std::move(cut)) {}
    [[nodiscard]] std::string id() const override { return inner_->id(); }
    [[nodiscard]] std::string label() const override { return inner_->label(); }
    void sync_once(Workspace& workspace, SyncPass& p) override {
      inner_->sync_once(workspace, p);
      cut_();
    }

   private:
    std::unique_ptr<Connector> inner_;
    std::function<void()> cut_;
  };
  const auto& server = HubServer::get();
  HubConnection super(server.conninfo("postgres", "samla_test", server.superuser_password));
  const std::string login = hub.login_of("agent");
  bool armed = false;
  const auto cut = [&] {
    if (!armed) return;
    super.exec("ALTER ROLE \"" + login + "\" NOLOGIN");
    super.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1",
               {login});
  };

  WorkspaceOptions options;
  options.clock = [] { return parse_iso8601("2026-11-23T11:00:00Z").value(); };
  PlainPass pass;
  const auto agent_of = [&](Workspace& workspace, bool cutting) {
    auto agent = std::make_unique<HubAgent>(workspace, *hub_settings(workspace.store()));
    auto channels = profile_channels(workspace.store(), {.auto_reply = false});
    BOOST_REQUIRE(channels.problems.empty());
    for (auto& channel : channels.connectors) {
      if (cutting) channel = std::make_unique<CutAfterPass>(std::move(channel), cut);
      agent->add_channel(std::move(channel));
    }
    auto outbound = std::make_shared<EmailOutbound>(profile_email_accounts(workspace.store()));
    agent->set_auto_replies(auto_reply_decision(outbound), outbound);
    return agent;
  };
  {
    Workspace a_space(dirs / "agent-a", options);
    auto a = agent_of(a_space, true);
    BOOST_TEST(a->run_once(pass).auto_replies == 1U);

    auto kari = hub.desktop("kari");
    kari->sync();
    const auto conversation = conversation_of(*kari, token);
    BOOST_REQUIRE(conversation.has_value());
    kari->act(conversation->id, QueueReply{"Sv: Spørsmål", "Svaret kjem her."});
    kari->sync();
    armed = true;
    BOOST_CHECK_THROW(a->run_once(pass), SyncFailure);
  }
  super.exec("ALTER ROLE \"" + login + "\" LOGIN");
  const auto sent_once = answers_to("byggesak", "Sent", first_id);
  BOOST_REQUIRE_EQUAL(sent_once.size(), 2U);  // the auto-reply and the reply
  BOOST_TEST(on_hub(hub, "SELECT count(*) FROM hub.events WHERE type = 'ReplySent'") == 0U);

  // B takes over: it finds the reply in Sent, records ReplySent and sends nothing.
  Workspace b_space(dirs / "agent-b", options);
  auto b = agent_of(b_space, false);
  const auto round = b->run_once(pass);
  BOOST_TEST(round.errors.empty());
  BOOST_TEST(round.auto_replies == 0U);
  BOOST_TEST(on_hub(hub, "SELECT count(*) FROM hub.events WHERE type = 'ReplySent'") == 1U);
  BOOST_TEST(on_hub(hub, "SELECT count(*) FROM hub.events WHERE type = 'AutoReplySent'") == 1U);
  BOOST_TEST(answers_to("byggesak", "Sent", first_id).size() == 2U);
  BOOST_REQUIRE(eventually([&] { return answers_to("innbyggar", "INBOX", first_id).size() >= 2; },
                           std::chrono::seconds{30}));
  BOOST_TEST(answers_to("innbyggar", "INBOX", first_id).size() == 2U);
  auto kari = hub.desktop("kari");
  kari->sync();
  const auto after = conversation_of(*kari, token);
  BOOST_REQUIRE(after.has_value());
  BOOST_TEST(count_of<ReplySent>(*after) == 1U);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace samla::test
