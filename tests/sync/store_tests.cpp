// The store's plain parts: opening, directory, settings, sync state, blobs, ids, threads,
// persistence, and what a damaged row does.
#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/test/unit_test.hpp>

#include <array>
#include <fstream>
#include <thread>

#include "samla/sync/sha256.h"
#include "store_fixture.h"

using namespace samla;
using namespace samla::test;

BOOST_AUTO_TEST_SUITE(Store)

BOOST_AUTO_TEST_CASE(opens_a_fresh_file_in_wal_mode) {
  TempDir dir;
  {
    samla::Store store(dir.file("profile.samla"), test_options());
    BOOST_CHECK_EQUAL(store.schema_version(), samla::Store::kSchemaVersion);
  }
  SQLite::Database db(dir.file("profile.samla").string());
  BOOST_CHECK_EQUAL(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

BOOST_AUTO_TEST_CASE(works_in_memory) {
  samla::Store store(":memory:", test_options());
  const auto r = store.ingest(email("<m1@x>", "Hei", "Tekst", at(2026, 11, 23)));
  BOOST_CHECK(store.conversation(r.conversation_id));
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_database_is_a_clear_error) {
  TempDir dir;
  std::ofstream(dir.file("junk.samla")) << "this is not SQLite, it is a shopping list\n";
  try {
    samla::Store store(dir.file("junk.samla"), test_options());
    BOOST_FAIL("opened a text file");
  } catch (const StoreError& error) {
    BOOST_TEST_MESSAGE(error.what());
    BOOST_CHECK(std::string(error.what()).find("cannot open the store") != std::string::npos);
  }
  BOOST_CHECK_THROW(samla::Store(dir.file("no/such/dir/x.samla"), test_options()), StoreError);
}

BOOST_AUTO_TEST_CASE(directory_round_trips_and_memberships_are_replaced) {
  samla::Store store(":memory:", test_options());
  save_municipality(store);
  auto dir = store.directory();
  BOOST_REQUIRE(dir.department("skatt"));
  BOOST_CHECK_EQUAL(dir.department("skatt")->name, "Skatt og avgift");
  BOOST_REQUIRE(dir.user("kari"));
  BOOST_CHECK(dir.user("kari")->is_lead_of("byggesak"));

  store.save_user({"kari", "Kari N. Nordmann", {{"skatt", Role::Caseworker}}});
  store.save_department({"skatt", "Skatt"});
  dir = store.directory();
  BOOST_CHECK_EQUAL(dir.user("kari")->name, "Kari N. Nordmann");
  BOOST_CHECK(!dir.user("kari")->is_member_of("byggesak"));
  BOOST_CHECK(dir.user("kari")->has_role("skatt", Role::Caseworker));
  BOOST_CHECK_EQUAL(dir.department("skatt")->name, "Skatt");
}

BOOST_AUTO_TEST_CASE(settings_and_sync_state) {
  samla::Store store(":memory:", test_options());
  BOOST_CHECK(!store.setting("language"));
  store.set_setting("language", "nn");
  store.set_setting("language", "nb");
  BOOST_CHECK_EQUAL(store.setting("language").value(), "nb");

  BOOST_CHECK(!store.sync_state("imap:post@kommune.no", "uidvalidity"));
  store.set_sync_state("imap:post@kommune.no", "uidvalidity", "1234");
  store.set_sync_state("imap:post@kommune.no", "last_uid", "7");
  store.set_sync_state("imap:post@kommune.no", "last_uid", "8");
  store.set_sync_state("imap:byggesak@kommune.no", "last_uid", "99");
  BOOST_CHECK_EQUAL(store.sync_state("imap:post@kommune.no", "uidvalidity").value(), "1234");
  BOOST_CHECK_EQUAL(store.sync_state("imap:post@kommune.no", "last_uid").value(), "8");
  BOOST_CHECK_EQUAL(store.sync_state("imap:byggesak@kommune.no", "last_uid").value(), "99");
}

BOOST_AUTO_TEST_CASE(blobs_are_content_addressed) {
  samla::Store store(":memory:", test_options());
  const std::string data("%PDF-1.7\0\x01\xff binary\0", 19);
  const auto hash = store.put_blob(data);
  BOOST_CHECK_EQUAL(hash, sha256_hex(data));
  BOOST_CHECK_EQUAL(store.put_blob(data), hash);
  BOOST_CHECK(store.blob(hash) == data);
  BOOST_CHECK(store.blob(sha256_hex("")) == std::nullopt);
  BOOST_CHECK(store.blob(store.put_blob("")) == std::string());
}

BOOST_AUTO_TEST_CASE(ids_resolve_from_a_unique_prefix_of_eight) {
  StoreOptions options = test_options();
  int n = 0;
  options.new_id = [&n] {
    // Two conversation ids share their first 9 characters; event ids are apart.
    static constexpr std::array<const char*, 6> kIds = {"evt-0001",    "abcdefgh1-x", "evt-0002",
                                                        "abcdefgh2-y", "evt-0003",    "zyxwvuts-z"};
    return std::string(kIds[n++]);
  };
  samla::Store store(":memory:", options);
  const auto a = store.ingest(email("<a@x>", "A", "a", at(2026, 11, 23))).conversation_id;
  const auto b = store.ingest(email("<b@x>", "B", "b", at(2026, 11, 23))).conversation_id;
  const auto c = store.ingest(email("<c@x>", "C", "c", at(2026, 11, 23))).conversation_id;
  BOOST_CHECK_EQUAL(a, "abcdefgh1-x");
  BOOST_CHECK(store.resolve_id(a) == a);
  BOOST_CHECK(store.resolve_id("abcdefgh2") == b);
  BOOST_CHECK(store.resolve_id("abcdefgh") == std::nullopt);  // ambiguous
  BOOST_CHECK(store.resolve_id("zyxwvuts") == c);
  BOOST_CHECK(store.resolve_id("zyxwvut") == std::nullopt);  // too short
  BOOST_CHECK(store.resolve_id("nothing-like-it") == std::nullopt);
  BOOST_REQUIRE(store.conversation("zyxwvuts"));
  BOOST_CHECK_EQUAL(store.conversation("zyxwvuts")->id, c);
  BOOST_CHECK(!store.conversation("abcdefgh"));
}

BOOST_AUTO_TEST_CASE(use_from_another_thread_is_refused) {
  samla::Store store(":memory:", test_options());
  bool refused = false;
  std::thread other([&] {
    try {
      (void)store.setting("x");
    } catch (const StoreError&) {
      refused = true;
    }
  });
  other.join();
  BOOST_CHECK(refused);
  BOOST_CHECK_NO_THROW((void)store.setting("x"));
}

BOOST_AUTO_TEST_CASE(everything_persists_across_reopen) {
  TempDir dir;
  const auto file = dir.file("profile.samla");
  std::string conversation_id;
  std::vector<ConversationSummary> before;
  {
    samla::Store store(file, test_options("a-"));
    save_municipality(store);
    conversation_id =
        store.ingest(email("<m1@x>", "Tilbygg", "Kor lang tid tek det?", at(2026, 11, 23)))
            .conversation_id;
    act(store, conversation_id, "ola", Claim{}, at(2026, 11, 23, 11));
    store.set_setting("k", "v");
    store.set_sync_state("imap:x", "uid", "5");
    before = store.list(InboxView::All, {});
  }
  samla::Store store(file, test_options("b-"));
  BOOST_CHECK_EQUAL(store.setting("k").value(), "v");
  BOOST_CHECK_EQUAL(store.sync_state("imap:x", "uid").value(), "5");
  BOOST_CHECK(store.directory().user("ola"));
  const auto after = store.list(InboxView::All, {});
  BOOST_REQUIRE_EQUAL(after.size(), before.size());
  check_same_summary(after[0], before[0]);
  BOOST_CHECK(after[0].assignee == std::string("ola"));
  BOOST_CHECK_EQUAL(store.events_of(conversation_id).size(), 2U);
  BOOST_CHECK_EQUAL(store.outbox_size(), 2U);
  BOOST_CHECK_EQUAL(store.search("tilbygg").size(), 1U);
  check_projection_is_fold(store);
}

BOOST_AUTO_TEST_CASE(a_damaged_event_spoils_only_its_own_conversation) {
  TempDir dir;
  const auto file = dir.file("profile.samla");
  std::string good;
  std::string bad;
  {
    samla::Store store(file, test_options());
    good = store.ingest(email("<good@x>", "Fint", "Alt i orden", at(2026, 11, 23))).conversation_id;
    bad =
        store.ingest(email("<bad@x>", "Øydelagt", "Snart skadd", at(2026, 11, 24))).conversation_id;
  }
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    SQLite::Statement q(db,
                        "UPDATE events SET payload = '{\"message\": {' WHERE conversation_id = ?");
    q.bind(1, bad);
    BOOST_REQUIRE_EQUAL(q.exec(), 1);
  }
  samla::Store store(file, test_options("x-"));
  BOOST_CHECK_EQUAL(store.list(InboxView::All, {}).size(), 2U);
  BOOST_CHECK_EQUAL(store.count(InboxView::All, {}), 2U);
  BOOST_CHECK(store.conversation(good));
  try {
    (void)store.conversation(bad);
    BOOST_FAIL("a damaged conversation was read");
  } catch (const StoreError& error) {
    const std::string text = error.what();
    BOOST_TEST_MESSAGE(text);
    BOOST_CHECK(text.find(bad) != std::string::npos);
    BOOST_CHECK(text.find("MessageReceived") != std::string::npos);
  }
  BOOST_CHECK_THROW((void)store.events_of(bad), StoreError);
  // A rebuild repairs what it can, keeps the damaged row, and says which one it could not read.
  BOOST_CHECK_THROW(store.rebuild_projections(), StoreError);
  BOOST_CHECK_EQUAL(store.list(InboxView::All, {}).size(), 2U);
  BOOST_CHECK(store.conversation(good));
  BOOST_CHECK_EQUAL(store.search("orden").size(), 1U);
}

BOOST_AUTO_TEST_CASE(for_each_message_visits_in_ingest_order) {
  samla::Store store(":memory:", test_options());
  store.ingest(email("<1@x>", "En", "a", at(2026, 11, 25)));
  store.ingest(email("<2@x>", "To", "b", at(2026, 11, 23)));
  auto reply = email("<3@x>", "Sv: En", "c", at(2026, 11, 26));
  reply.references = {"<1@x>"};
  store.ingest(reply);
  std::vector<std::string> seen;
  std::vector<std::string> conversations;
  store.for_each_message(
      [&](const std::string& conversation_id, const std::string&, const InboundMessage& m) {
        seen.push_back(m.external_id);
        conversations.push_back(conversation_id);
      });
  BOOST_CHECK((seen == std::vector<std::string>{"<1@x>", "<2@x>", "<3@x>"}));
  BOOST_CHECK_EQUAL(conversations[0], conversations[2]);
  BOOST_CHECK_NE(conversations[0], conversations[1]);
}

BOOST_AUTO_TEST_CASE(rebuild_applies_a_changed_deadline_rule) {
  TempDir dir;
  const auto file = dir.file("profile.samla");
  {
    samla::Store store(file, test_options());
    store.ingest(email("<1@x>", "En", "a", at(2026, 11, 23)));
  }
  auto options = test_options("y-");
  options.deadline_of = [](const Conversation& c) -> std::optional<Instant> {
    return c.first_received + std::chrono::hours{1};
  };
  samla::Store store(file, options);
  BOOST_CHECK(store.list(InboxView::All, {})[0].deadline == at(2026, 11, 28));
  store.rebuild_projections();
  BOOST_CHECK(store.list(InboxView::All, {})[0].deadline == at(2026, 11, 23, 11));
}

BOOST_AUTO_TEST_SUITE_END()
