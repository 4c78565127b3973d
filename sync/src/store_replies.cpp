// The queue of outbound replies, read from the event log: a reply is waiting while its
// ReplyQueued has no ReplySent or ReplyFailed with the same reply id. A reply goes out on the
// channel it names, else on its conversation's own; a callback request is answered by SMS (its
// citizen address is a phone number).
#include "store_impl.h"

namespace samla {

std::vector<QueuedReply> Store::queued_replies(Channel channel, std::size_t limit) const {
  impl_->check_thread();
  // Candidates by SQL; the fold then decides, so that a reply the rules refused (e.g. queued
  // offline on a conversation that was meanwhile handed over) is never sent.
  SQLite::Statement q(impl_->db, R"sql(
    SELECT e.conversation_id, json_extract(e.payload, '$.reply_id') AS reply_id
      FROM events e JOIN conversations c ON c.id = e.conversation_id
     WHERE e.type = 'ReplyQueued'
       AND COALESCE(json_extract(e.payload, '$.channel'),
                    CASE c.channel WHEN 'callback' THEN 'sms' ELSE c.channel END) = ?1
       AND NOT EXISTS (
         SELECT 1 FROM events d
          WHERE d.conversation_id = e.conversation_id
            AND d.type IN ('ReplySent', 'ReplyFailed')
            AND json_extract(d.payload, '$.reply_id') = json_extract(e.payload, '$.reply_id'))
     ORDER BY e.seq)sql");
  q.bind(1, std::string(to_string(channel)));
  std::vector<std::pair<std::string, std::string>> candidates;
  while (q.executeStep()) {
    candidates.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
  }
  std::vector<QueuedReply> out;
  for (const auto& [conversation_id, reply_id] : candidates) {
    if (out.size() >= limit) break;
    const auto conversation = this->conversation(conversation_id);
    if (!conversation) continue;
    const Reply* reply = conversation->reply(reply_id);
    if (reply == nullptr || reply->state != Reply::State::Queued) continue;
    for (const auto& entry : conversation->timeline) {
      const auto* queued = std::get_if<ReplyQueued>(&entry.event.payload);
      if (queued != nullptr && queued->reply_id == reply_id && !entry.rejection) {
        out.push_back(QueuedReply{conversation_id, entry.event});
        break;
      }
    }
  }
  return out;
}

}  // namespace samla
