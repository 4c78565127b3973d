// Ingest: idempotent on (channel, external id), threading, attachments, atomic batches.
#include <boost/test/unit_test.hpp>

#include "generated_messages.h"
#include "samla/sync/sha256.h"
#include "store_fixture.h"

using namespace samla;
using namespace samla::test;

namespace {

std::size_t event_count(const samla::Store& store) {
  std::size_t n = 0;
  for (const auto& row : store.list(InboxView::All, {}, SIZE_MAX)) {
    n += store.events_of(row.id).size();
  }
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(StoreIngest)

BOOST_AUTO_TEST_CASE(a_new_message_starts_a_conversation_as_the_system) {
  samla::Store store(":memory:", test_options());
  const auto m = email("<m1@x>", "Tilbygg", "Kor lang tid?", at(2026, 11, 23, 9), "skatt");
  const auto r = store.ingest(m);
  BOOST_CHECK(!r.duplicate);
  BOOST_CHECK_EQUAL(r.event_id, "id-0001");
  BOOST_CHECK_EQUAL(r.conversation_id, "id-0002");
  const auto events = store.events_of(r.conversation_id);
  BOOST_REQUIRE_EQUAL(events.size(), 1U);
  BOOST_CHECK_EQUAL(events[0].id, r.event_id);
  BOOST_CHECK_EQUAL(events[0].actor, kSystemActor);
  BOOST_CHECK_EQUAL(events[0].department, "skatt");
  BOOST_CHECK(events[0].at == m.received_at);
  BOOST_CHECK(std::get<MessageReceived>(events[0].payload).message == m);

  const auto rows = store.list(InboxView::All, {});
  BOOST_REQUIRE_EQUAL(rows.size(), 1U);
  BOOST_CHECK_EQUAL(rows[0].owner_department, "skatt");
  BOOST_CHECK_EQUAL(rows[0].subject, "Tilbygg");
  BOOST_CHECK(rows[0].deadline == at(2026, 11, 28, 9));
  BOOST_CHECK_EQUAL(rows[0].message_count, 1);
  check_projection_is_fold(store);
}

BOOST_AUTO_TEST_CASE(a_duplicate_changes_nothing) {
  samla::Store store(":memory:", test_options());
  const auto m = email("<m1@x>", "Tilbygg", "Kor lang tid?", at(2026, 11, 23));
  const auto first = store.ingest(m);
  auto again = m;
  again.subject = "Another subject, same message";
  const auto second = store.ingest(again);
  BOOST_CHECK(second.duplicate);
  BOOST_CHECK_EQUAL(second.conversation_id, first.conversation_id);
  BOOST_CHECK_EQUAL(second.event_id, first.event_id);
  BOOST_CHECK_EQUAL(event_count(store), 1U);
  BOOST_CHECK_EQUAL(store.outbox_size(), 1U);
  BOOST_CHECK_EQUAL(store.list(InboxView::All, {})[0].subject, "Tilbygg");

  // The same within one batch, and the same id in another channel is another message.
  auto sms = m;
  sms.channel = Channel::Sms;
  const std::vector<InboundMessage> batch{m, sms, sms};
  const auto results = store.ingest_batch(batch);
  BOOST_CHECK(results[0].duplicate);
  BOOST_CHECK(!results[1].duplicate);
  BOOST_CHECK(results[2].duplicate);
  BOOST_CHECK_EQUAL(results[2].event_id, results[1].event_id);
  BOOST_CHECK_EQUAL(store.count(InboxView::All, {}), 2U);
}

BOOST_AUTO_TEST_CASE(threads_by_key_within_a_channel) {
  samla::Store store(":memory:", test_options());
  auto a = email("<a@x>", "Sak", "første", at(2026, 11, 23));
  a.thread_key = "fb:thread:1";
  auto b = email("<b@x>", "Sak", "andre", at(2026, 11, 24));
  b.thread_key = "fb:thread:1";
  auto c = b;
  c.external_id = "<c@x>";
  c.channel = Channel::Facebook;
  const auto ra = store.ingest(a);
  const auto rb = store.ingest(b);
  const auto rc = store.ingest(c);
  BOOST_CHECK_EQUAL(ra.conversation_id, rb.conversation_id);
  BOOST_CHECK_NE(ra.conversation_id, rc.conversation_id);
  const auto state = store.conversation(ra.conversation_id);
  BOOST_CHECK_EQUAL(state->message_ids.size(), 2U);
  BOOST_CHECK_EQUAL(store.list(InboxView::All, {})[0].snippet, "andre");
  check_projection_is_fold(store);
}

BOOST_AUTO_TEST_CASE(threads_by_references_to_earlier_messages) {
  samla::Store store(":memory:", test_options());
  const auto first = store.ingest(email("<a@x>", "Sak", "første", at(2026, 11, 23)));
  auto answer = email("<b@x>", "Sv: Sak", "andre", at(2026, 11, 24));
  answer.references = {"<unknown@x>", "<a@x>"};
  BOOST_CHECK_EQUAL(store.ingest(answer).conversation_id, first.conversation_id);

  auto stranger = email("<c@x>", "Ny sak", "tredje", at(2026, 11, 24));
  stranger.references = {"<unknown@x>"};
  BOOST_CHECK_NE(store.ingest(stranger).conversation_id, first.conversation_id);

  auto other_channel = email("<d@x>", "Sv: Sak", "fjerde", at(2026, 11, 24));
  other_channel.channel = Channel::Sms;
  other_channel.references = {"<a@x>"};
  BOOST_CHECK_NE(store.ingest(other_channel).conversation_id, first.conversation_id);
}

BOOST_AUTO_TEST_CASE(threads_an_answer_to_our_own_reply) {
  samla::Store store(":memory:", test_options());
  save_municipality(store);
  const auto id = store.ingest(email("<a@x>", "Sak", "første", at(2026, 11, 23))).conversation_id;
  const auto queued =
      act(store, id, "ola", QueueReply{"Sv: Sak", "Svar frå oss"}, at(2026, 11, 23, 12));
  BOOST_REQUIRE(queued.accepted());
  const auto reply_id = std::get<ReplyQueued>(queued.events.at(0).payload).reply_id;
  store.append(std::vector<Event>{
      Event{"sent-1", id, std::string(kSystemActor), "byggesak", at(2026, 11, 23, 12, 1),
            ReplySent{reply_id, "<reply-1@kommune.no>"}, std::nullopt}});
  auto answer = email("<b@x>", "Sv: Sv: Sak", "takk", at(2026, 11, 24));
  answer.references = {"<reply-1@kommune.no>"};
  BOOST_CHECK_EQUAL(store.ingest(answer).conversation_id, id);
  check_projection_is_fold(store);
}

BOOST_AUTO_TEST_CASE(a_batch_threads_into_messages_earlier_in_the_same_batch) {
  samla::Store store(":memory:", test_options());
  std::vector<InboundMessage> batch;
  batch.push_back(email("<a@x>", "Sak", "en", at(2026, 11, 23)));
  batch.push_back(email("<b@x>", "Sv", "to", at(2026, 11, 24)));
  batch.back().references = {"<a@x>"};
  batch.push_back(email("<c@x>", "Sv", "tre", at(2026, 11, 25)));
  batch.back().references = {"<b@x>"};
  const auto results = store.ingest_batch(batch);
  BOOST_CHECK_EQUAL(results[1].conversation_id, results[0].conversation_id);
  BOOST_CHECK_EQUAL(results[2].conversation_id, results[0].conversation_id);
  const auto rows = store.list(InboxView::All, {});
  BOOST_REQUIRE_EQUAL(rows.size(), 1U);
  BOOST_CHECK_EQUAL(rows[0].message_count, 3);
  BOOST_CHECK_EQUAL(rows[0].snippet, "tre");
  check_projection_is_fold(store);
}

BOOST_AUTO_TEST_CASE(a_new_message_reopens_a_closed_conversation) {
  samla::Store store(":memory:", test_options());
  save_municipality(store);
  const auto id = store.ingest(email("<a@x>", "Sak", "en", at(2026, 11, 23))).conversation_id;
  BOOST_REQUIRE(act(store, id, "ola", Close{}, at(2026, 11, 23, 12)).accepted());
  BOOST_CHECK(store.list(InboxView::All, {})[0].status == ConversationStatus::Closed);
  auto again = email("<b@x>", "Sv", "to", at(2026, 11, 26));
  again.references = {"<a@x>"};
  store.ingest(again);
  const auto row = store.list(InboxView::All, {})[0];
  BOOST_CHECK(row.status == ConversationStatus::Open);
  BOOST_CHECK(row.deadline == at(2026, 12, 1));
  check_projection_is_fold(store);
}

BOOST_AUTO_TEST_CASE(attachments_are_kept_as_blobs) {
  samla::Store store(":memory:", test_options());
  auto m = email("<a@x>", "Teikningar", "Sjå vedlegg", at(2026, 11, 23));
  m.attachments = {{"a.pdf", "application/pdf", 0, ""}, {"b.txt", "text/plain", 0, ""}};
  const std::vector<AttachmentBytes> bytes{{std::string("%PDF\0x", 6)}, {"hei"}};
  const auto r = store.ingest(m, bytes);
  const auto stored = std::get<MessageReceived>(store.events_of(r.conversation_id)[0].payload);
  BOOST_CHECK_EQUAL(stored.message.attachments[0].blob, sha256_hex(bytes[0].data));
  BOOST_CHECK_EQUAL(stored.message.attachments[0].size, 6U);
  BOOST_CHECK(store.blob(stored.message.attachments[1].blob) == std::string("hei"));

  auto mismatched = email("<b@x>", "x", "y", at(2026, 11, 23));
  BOOST_CHECK_THROW(store.ingest(mismatched, bytes), std::invalid_argument);
  BOOST_CHECK_EQUAL(store.count(InboxView::All, {}), 1U);
}

BOOST_AUTO_TEST_CASE(a_bad_message_rolls_back_its_whole_batch) {
  samla::Store store(":memory:", test_options());
  std::vector<InboundMessage> batch{email("<a@x>", "A", "a", at(2026, 11, 23)),
                                    email("", "no id", "b", at(2026, 11, 23))};
  BOOST_CHECK_THROW(store.ingest_batch(batch), std::invalid_argument);
  BOOST_CHECK_EQUAL(store.count(InboxView::All, {}), 0U);
  BOOST_CHECK_EQUAL(store.outbox_size(), 0U);
  BOOST_CHECK(store.search("a").empty());
  // The good message alone goes in afterwards.
  BOOST_CHECK(!store.ingest(batch[0]).duplicate);
}

BOOST_AUTO_TEST_CASE(snippet_is_the_latest_message_collapsed_and_cut) {
  samla::Store store(":memory:", test_options());
  std::string body = "  Hei,\n\n  eg\tlurer på  ";
  for (int i = 0; i < 40; ++i) body += "æøå ";
  const auto r = store.ingest(email("<a@x>", "Sak", body, at(2026, 11, 23)));
  const auto snippet = store.list(InboxView::All, {})[0].snippet;
  BOOST_CHECK(snippet.rfind("Hei, eg lurer på æøå æøå", 0) == 0);
  BOOST_CHECK(snippet.size() >= 3 && snippet.substr(snippet.size() - 3) == "…");
  // 140 code points and the ellipsis.
  std::size_t code_points = 0;
  for (const unsigned char c : snippet) code_points += (c & 0xC0) != 0x80 ? 1 : 0;
  BOOST_CHECK_EQUAL(code_points, 141U);
  (void)r;
}

BOOST_AUTO_TEST_CASE(text_that_is_not_utf8_is_stored_cleaned_and_still_known_again) {
  samla::Store store(":memory:", test_options());
  const auto m = email("<caf\xE9@x>", "Caf\xE9", "Hei fr\xE5 \xFF", at(2026, 11, 23));
  const auto first = store.ingest(m);
  BOOST_CHECK(store.ingest(m).duplicate);
  const auto row = store.list(InboxView::All, {})[0];
  BOOST_CHECK_EQUAL(row.subject, "Caf\xEF\xBF\xBD");
  BOOST_CHECK_EQUAL(row.snippet, "Hei fr\xEF\xBF\xBD \xEF\xBF\xBD");
  BOOST_CHECK_EQUAL(store.conversation(first.conversation_id)->message_ids.at(0),
                    "<caf\xEF\xBF\xBD@x>");
  check_projection_is_fold(store);
}

BOOST_AUTO_TEST_CASE(snippet_masks_national_identity_numbers) {
  samla::Store store(":memory:", test_options());
  store.ingest(email("<a@x>", "Sak", "Fødselsnummeret mitt er 01019010046, tlf 12345678901.",
                     at(2026, 11, 23)));
  const auto snippet = store.list(InboxView::All, {})[0].snippet;
  BOOST_CHECK(snippet.find("01019010046") == std::string::npos);
  BOOST_CHECK(snippet.find("010190*****") != std::string::npos);
  BOOST_CHECK(snippet.find("12345678901") != std::string::npos);  // not a valid number
}

BOOST_AUTO_TEST_CASE(generated_import_projects_the_fold_of_every_conversation) {
  samla::Store store(":memory:", test_options());
  std::vector<InboundMessage> batch;
  for (std::size_t i = 0; i < 3000; ++i) {
    batch.push_back(generated_message(i));
    if (batch.size() == 250) {
      store.ingest_batch(batch);
      batch.clear();
    }
  }
  store.ingest_batch(batch);
  std::size_t messages = 0;
  for (const auto& row : store.list(InboxView::All, {}, SIZE_MAX)) {
    messages += static_cast<std::size_t>(row.message_count);
  }
  BOOST_CHECK_EQUAL(messages, 3000U);
  BOOST_CHECK_LT(store.count(InboxView::All, {}), 3000U);  // some threaded
  check_projection_is_fold(store);
}

BOOST_AUTO_TEST_SUITE_END()
