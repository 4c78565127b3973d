// The schema ladder: a fresh file, an old file with data, a newer file, a failed migration.
#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "store_fixture.h"

using namespace samla;
using namespace samla::test;

namespace {

int file_version(const std::filesystem::path& file) {
  SQLite::Database db(file.string());
  return db.execAndGet("PRAGMA user_version").getInt();
}

bool has_table(const std::filesystem::path& file, const std::string& name) {
  SQLite::Database db(file.string());
  return db.tableExists(name);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(StoreMigrations)

BOOST_AUTO_TEST_CASE(a_fresh_file_gets_the_current_schema) {
  TempDir dir;
  const auto file = dir.file("fresh.samla");
  { samla::Store store(file, test_options()); }
  BOOST_CHECK_EQUAL(file_version(file), samla::Store::kSchemaVersion);
  for (const char* table :
       {"events", "messages", "conversations", "message_search", "outbox", "blobs", "sync_state",
        "departments", "users", "memberships", "settings"}) {
    BOOST_TEST_CONTEXT(table) { BOOST_CHECK(has_table(file, table)); }
  }
}

BOOST_AUTO_TEST_CASE(a_version_0_file_is_migrated_and_keeps_its_data) {
  TempDir dir;
  const auto file = dir.file("old.samla");
  {
    // Made by hand: a SQLite file at user_version 0 that already holds someone's data.
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
    db.exec("INSERT INTO notes (text) VALUES ('Hugs: ring Kari')");
    BOOST_REQUIRE_EQUAL(db.execAndGet("PRAGMA user_version").getInt(), 0);
  }
  {
    samla::Store store(file, test_options());
    BOOST_CHECK_EQUAL(store.schema_version(), samla::Store::kSchemaVersion);
    store.ingest(email("<m@x>", "Hei", "Tekst", at(2026, 11, 23)));
  }
  SQLite::Database db(file.string());
  BOOST_CHECK_EQUAL(db.execAndGet("SELECT text FROM notes").getString(), "Hugs: ring Kari");
  BOOST_CHECK_EQUAL(db.execAndGet("SELECT count(*) FROM conversations").getInt(), 1);
}

BOOST_AUTO_TEST_CASE(reopening_a_current_file_changes_nothing) {
  TempDir dir;
  const auto file = dir.file("p.samla");
  {
    samla::Store store(file, test_options());
    store.ingest(email("<m@x>", "Hei", "Tekst", at(2026, 11, 23)));
  }
  for (int i = 0; i < 3; ++i) {
    samla::Store store(file, test_options("r-"));
    BOOST_CHECK_EQUAL(store.count(InboxView::All, {}), 1U);
  }
  BOOST_CHECK_EQUAL(file_version(file), samla::Store::kSchemaVersion);
}

BOOST_AUTO_TEST_CASE(a_file_from_a_newer_samla_is_refused_and_left_alone) {
  TempDir dir;
  const auto file = dir.file("new.samla");
  {
    samla::Store store(file, test_options());
    store.ingest(email("<m@x>", "Hei", "Tekst", at(2026, 11, 23)));
  }
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(samla::Store::kSchemaVersion + 1));
  }
  try {
    samla::Store store(file, test_options());
    BOOST_FAIL("a newer file was opened");
  } catch (const StoreError& error) {
    const std::string text = error.what();
    BOOST_TEST_MESSAGE(text);
    BOOST_CHECK(text.find("newer version of Samla") != std::string::npos);
  }
  BOOST_CHECK_EQUAL(file_version(file), samla::Store::kSchemaVersion + 1);
  SQLite::Database db(file.string());
  BOOST_CHECK_EQUAL(db.execAndGet("SELECT count(*) FROM events").getInt(), 1);
}

BOOST_AUTO_TEST_CASE(a_failed_migration_leaves_the_file_as_it_was) {
  TempDir dir;
  const auto file = dir.file("clash.samla");
  {
    // A table of ours already exists with another shape: step 1 fails half way.
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE outbox (what TEXT)");
    db.exec("INSERT INTO outbox VALUES ('keep me')");
  }
  BOOST_CHECK_THROW(samla::Store(file, test_options()), StoreError);
  BOOST_CHECK_EQUAL(file_version(file), 0);
  BOOST_CHECK(!has_table(file, "events"));
  BOOST_CHECK(!has_table(file, "conversations"));
  SQLite::Database db(file.string());
  BOOST_CHECK_EQUAL(db.execAndGet("SELECT what FROM outbox").getString(), "keep me");
}

BOOST_AUTO_TEST_CASE(a_version_2_file_gets_the_index_of_queued_replies) {
  TempDir dir;
  const auto file = dir.file("v2.samla");
  { samla::Store store(file, test_options()); }
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec("DROP INDEX events_reply_queued");
    db.exec("PRAGMA user_version = 2");
  }
  { samla::Store store(file, test_options()); }
  SQLite::Database db(file.string());
  BOOST_TEST(file_version(file) == samla::Store::kSchemaVersion);
  BOOST_TEST(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = "
                           "'events_reply_queued'")
                 .getInt() == 1);
  // The connectors' question is answered from it, not by reading every event.
  SQLite::Statement explain(
      db, "EXPLAIN QUERY PLAN SELECT seq FROM events WHERE type = 'ReplyQueued' ORDER BY seq");
  std::string plan;
  while (explain.executeStep()) plan += explain.getColumn(3).getString() + "\n";
  BOOST_TEST(plan.find("events_reply_queued") != std::string::npos, plan);
}

// The desktop's sync workers each open their own connection to the profile's store when they
// start; on a first run the file does not exist yet, so they all create it at the same moment.
BOOST_AUTO_TEST_CASE(threads_that_open_a_new_file_at_the_same_moment_all_get_the_store) {
  TempDir dir;
  constexpr int kThreads = 8;
  for (int round = 0; round < 10; ++round) {
    const auto file = dir.file("race-" + std::to_string(round) + ".samla");
    std::atomic<int> ready{0};
    std::vector<std::string> errors(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        ++ready;
        while (ready.load() < kThreads) std::this_thread::yield();
        try {
          samla::Store store(file, test_options());
          store.set_sync_state("race", std::to_string(t), "opened");
        } catch (const std::exception& error) {
          errors[static_cast<std::size_t>(t)] = error.what();
        }
      });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) {
      BOOST_TEST_CONTEXT("round " << round << ", thread " << t) {
        BOOST_TEST(errors[static_cast<std::size_t>(t)] == "");
      }
    }
    BOOST_TEST(file_version(file) == samla::Store::kSchemaVersion);
  }
}

BOOST_AUTO_TEST_SUITE_END()
