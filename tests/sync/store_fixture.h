#pragma once
// Helpers for the store tests: a temporary directory, deterministic ids, a small municipality,
// messages, and a comparison of a projection row with the fold of its events.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <optional>
#include <string>

#include "generated_messages.h"
#include "samla/models/command.h"
#include "samla/models/fold.h"
#include "samla/sync/projection.h"
#include "samla/sync/store.h"
#include "samla/sync/uuid.h"

namespace samla::test {

inline Instant at(int y, unsigned m, unsigned d, int hh = 10, int mm = 0) {
  return Instant{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} +
         std::chrono::hours{hh} + std::chrono::minutes{mm};
}

/// A directory under the system temp dir, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() : path_(std::filesystem::temp_directory_path() / ("samla-test-" + new_uuid())) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::filesystem::path file(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

/// Options with ids "<prefix>0001", "<prefix>0002" … and the test deadline rule.
inline StoreOptions test_options(const std::string& prefix = "id-") {
  auto counter = std::make_shared<int>(0);
  StoreOptions options;
  options.deadline_of = test_deadline;
  options.new_id = [counter, prefix] {
    auto n = std::to_string(++*counter);
    return prefix + std::string(n.size() < 4 ? 4 - n.size() : 0, '0') + n;
  };
  return options;
}

inline void save_municipality(Store& store) {
  store.save_department({"byggesak", "Byggesak"});
  store.save_department({"skatt", "Skatt og avgift"});
  store.save_department({"barnehage", "Barnehage"});
  store.save_user({"kari", "Kari Nordmann", {{"byggesak", Role::Lead}}});
  store.save_user({"ola", "Ola Nordmann", {{"byggesak", Role::Caseworker}}});
  store.save_user({"ingrid", "Ingrid Haugen", {{"byggesak", Role::Caseworker}}});
  store.save_user({"siri", "Siri Berg", {{"skatt", Role::Lead}}});
  store.save_user({"per", "Per Olsen", {{"skatt", Role::Caseworker}}});
  store.save_user({"berit", "Berit Lie", {{"barnehage", Role::Lead}}});
}

inline InboundMessage email(const std::string& external_id, const std::string& subject,
                            const std::string& body, Instant received,
                            const std::string& department = "byggesak") {
  InboundMessage m;
  m.channel = Channel::Email;
  m.external_id = external_id;
  m.from = {"Kari Innbyggjar", "kari.innbyggjar@example.no"};
  m.to = {{"Byggesak", "byggesak@kommune.no"}};
  m.subject = subject;
  m.body_text = body;
  m.received_at = received;
  m.department = department;
  m.language = "nn";
  return m;
}

/// Decides a command as `actor` against the stored state and appends what it yields.
inline Decision act(Store& store, const std::string& conversation_id, const std::string& actor,
                    const Command& command, Instant when) {
  const auto state = store.conversation(conversation_id);
  BOOST_REQUIRE(state);
  CommandContext context{actor, when, [] { return new_uuid(); }};
  auto decision = decide(*state, command, context, store.directory());
  if (decision.accepted()) store.append(decision.events);
  return decision;
}

/// Every field of two projection rows, with the id in the message of a mismatch.
inline void check_same_summary(const ConversationSummary& a, const ConversationSummary& b) {
  BOOST_TEST_CONTEXT("conversation " << a.id) {
    BOOST_CHECK_EQUAL(a.id, b.id);
    BOOST_CHECK(a.channel == b.channel);
    BOOST_CHECK_EQUAL(a.owner_department, b.owner_department);
    BOOST_CHECK(a.assignee == b.assignee);
    BOOST_CHECK(a.status == b.status);
    BOOST_CHECK(a.citizen == b.citizen);
    BOOST_CHECK_EQUAL(a.subject, b.subject);
    BOOST_CHECK_EQUAL(a.snippet, b.snippet);
    BOOST_CHECK(a.received_at == b.received_at);
    BOOST_CHECK(a.last_activity == b.last_activity);
    BOOST_CHECK(a.deadline == b.deadline);
    BOOST_CHECK(a.handover_to == b.handover_to);
    BOOST_CHECK_EQUAL(a.message_count, b.message_count);
    BOOST_CHECK_EQUAL(a.rejected_count, b.rejected_count);
  }
}

/// Checks that every projection row is the fold of its conversation's events.
inline void check_projection_is_fold(const Store& store) {
  const ViewScope everyone{};
  for (const auto& row : store.list(InboxView::All, everyone, SIZE_MAX)) {
    const auto state = store.conversation(row.id);
    BOOST_REQUIRE(state);
    check_same_summary(row, summarize(*state, test_deadline(*state)));
  }
}

}  // namespace samla::test
