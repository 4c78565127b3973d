// The desktop in team mode against a real PostgreSQL hub (the CTest fixture of tests/hub): a
// profile put in team mode the way the Settings window does it, the engine's hub connector from
// plan_sync, and the inbox model and banner a caseworker sees when another desktop acts.
#include <boost/test/unit_test.hpp>

#include "../hub/hub_fixture.h"
#include "channel_settings.h"
#include "inbox_model.h"
#include "samla/sync/uuid.h"
#include "sync_plan.h"

using namespace samla;
using namespace samla::app;
using namespace std::chrono_literals;

namespace {

// A desktop profile in team mode as the Settings window leaves it: the hub form saved, the
// password in the keyring (a 0600 file here), the engine's connectors from plan_sync.
class SettingsMadeDesktop {
 public:
  SettingsMadeDesktop(const test::HubFixture& hub, const std::string& user)
      : dir_(std::filesystem::temp_directory_path() / ("samla-app-team-" + new_uuid())) {
    std::filesystem::create_directories(dir_);
    ws_ = std::make_unique<Workspace>(dir_);
    const auto keyring = this->keyring();
    ChannelSettings settings(*ws_, keyring);
    // The fixture's connection string through the form: its password goes to the keyring.
    auto form = hub_form_from(hub.conninfo_of(user), user);
    BOOST_TEST(form.login == hub.login_of(user));
    BOOST_TEST(form.other.find("password=pw-" + user) != std::string::npos);
    form.other = "connect_timeout=5";
    form.ca_file = (test::HubServer::get().dir / "ca.crt").string();
    settings.save_hub(form, "pw-" + user);
    auto plan = plan_sync(*ws_, keyring);
    BOOST_REQUIRE(plan.team);
    BOOST_REQUIRE_EQUAL(plan.connectors.size(), 1U);
    hub_ = std::move(plan.connectors[0]);
  }
  ~SettingsMadeDesktop() {
    hub_.reset();
    ws_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  SettingsMadeDesktop(const SettingsMadeDesktop&) = delete;
  SettingsMadeDesktop& operator=(const SettingsMadeDesktop&) = delete;
  SettingsMadeDesktop(SettingsMadeDesktop&&) = delete;
  SettingsMadeDesktop& operator=(SettingsMadeDesktop&&) = delete;

  KeyringFactory keyring() const {
    const auto file = dir_ / "keyring.json";
    return [file] { return file_credentials(file); };
  }
  Workspace& ws() { return *ws_; }
  Connector& hub() { return *hub_; }
  void sync() {
    test::PlainPass pass;
    hub_->sync_once(*ws_, pass);
  }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<Connector> hub_;
};

ListChoice view(InboxView v) { return ListChoice{ListChoice::Kind::View, v, {}, {}}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(TeamModeDesktop)

BOOST_AUTO_TEST_CASE(another_users_assignment_wakes_the_desktop_and_reaches_its_inbox) {
  test::HubFixture hub;
  const auto conversation = hub.new_conversation("byggesak", "Garasje");
  SettingsMadeDesktop ola(hub, "ola");
  ola.sync();
  InboxModel inbox(ola.ws(), "ola");
  inbox.choose(view(InboxView::Mine));
  BOOST_TEST(!inbox.index_of(conversation).has_value());

  // Kari, the lead, assigns it to Ola on her own desktop.
  auto kari = hub.desktop("kari");
  kari->sync();
  kari->act(conversation, Assign{"ola"});
  BOOST_TEST(kari->sync().pushed == 1U);

  // Ola's connector listens: the hub's NOTIFY wakes it long before its poll would.
  test::PlainPass pass;
  const auto before = std::chrono::steady_clock::now();
  BOOST_TEST(ola.hub().wait_for_change(30s, pass));
  BOOST_TEST((std::chrono::steady_clock::now() - before < 5s));
  ola.sync();
  inbox.refresh();
  const auto row = inbox.index_of(conversation);
  BOOST_REQUIRE(row.has_value());
  BOOST_TEST(inbox.cell(*row, Column::Assignee) == "Ola Nordmann");
  BOOST_TEST(waiting_to_send(ola.ws()) == 0U);
}

BOOST_AUTO_TEST_CASE(a_change_the_team_overtook_is_told_once_in_plain_words) {
  test::HubFixture hub;
  const auto conversation = hub.new_conversation("byggesak", "Tilbygg");
  SettingsMadeDesktop per(hub, "per");
  auto kari = hub.desktop("kari");
  per.sync();
  kari->sync();
  // Both leads assign before seeing the other's; Kari's reaches the hub first.
  kari->act(conversation, Assign{"ola"});
  BOOST_REQUIRE(per.ws().execute(conversation, Assign{"per"}, "per").decision.accepted());
  BOOST_TEST(waiting_to_send(per.ws()) == 1U);
  kari->sync();
  per.sync();

  RejectionWatch watch;
  const auto told = watch.fresh(per.ws());
  BOOST_REQUIRE_EQUAL(told.size(), 1U);
  BOOST_TEST_MESSAGE("told: " << told[0]);
  BOOST_TEST(told[0].find("Your change to «Tilbygg» did not take effect: ") == 0U);
  BOOST_TEST(told[0].find("Kari Nordmann assigned the conversation to Ola Nordmann") !=
             std::string::npos);
  BOOST_TEST(watch.fresh(per.ws()).empty());  // once
  RejectionWatch after_restart;               // a new window on the same profile
  BOOST_TEST(after_restart.fresh(per.ws()).empty());

  BannerFacts facts;
  facts.team = true;
  facts.fresh_rejections = told;
  BOOST_TEST((banner_for(facts).kind == Banner::Kind::rejected));
  BOOST_TEST(waiting_to_send(per.ws()) == 0U);
}

BOOST_AUTO_TEST_SUITE_END()
