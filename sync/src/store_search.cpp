// Full-text search over inbound messages: the user's words made safe for FTS5, best matches
// first, one hit per conversation.
#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "samla/models/national_id.h"
#include "store_impl.h"

namespace samla {

std::vector<SearchHit> Store::search(const std::string& query, std::size_t limit) const {
  impl_->check_thread();
  const auto match = store_detail::fts_query(query);
  if (match.empty() || limit == 0) return {};

  // Rank first with nothing but rowids: a column such as snippet() in the ranking query would be
  // computed for every match before sorting. Several messages of one conversation may rank
  // high, so fetch a window of them and widen it until enough conversations are found.
  struct Best {
    std::int64_t message;
    std::string conversation_id;
  };
  std::vector<Best> best;
  for (std::size_t window = limit * 4 + 16;; window *= 4) {
    best.clear();
    std::unordered_set<std::string> seen;
    std::size_t ranked = 0;
    auto q = impl_->query(
        "SELECT rowid FROM message_search WHERE message_search MATCH ? "
        "ORDER BY bm25(message_search, 3.0, 1.0, 2.0) LIMIT ?");
    q->bind(1, match);
    q->bind(2, static_cast<std::int64_t>(window));
    while (best.size() < limit && q->executeStep()) {
      ++ranked;
      const auto message = q->getColumn(0).getInt64();
      auto owner = impl_->query("SELECT conversation_id FROM messages WHERE id = ?");
      owner->bind(1, message);
      if (!owner->executeStep()) continue;
      auto conversation_id = owner->getColumn(0).getString();
      if (seen.insert(conversation_id).second)
        best.push_back({message, std::move(conversation_id)});
    }
    if (best.size() >= limit || ranked < window) break;
  }

  std::vector<SearchHit> hits;
  for (const auto& [message, conversation_id] : best) {
    auto row = impl_->query(std::string("SELECT ") + store_detail::kSummaryColumns +
                            " FROM conversations WHERE id = ?");
    row->bind(1, conversation_id);
    if (!row->executeStep()) continue;
    auto excerpt = impl_->query(
        "SELECT snippet(message_search, -1, '[', ']', '…', 12) FROM message_search "
        "WHERE message_search MATCH ? AND rowid = ?");
    excerpt->bind(1, match);
    excerpt->bind(2, message);
    // The excerpt is a preview too: national identity numbers are masked.
    hits.push_back(SearchHit{store_detail::read_summary(*row),
                             excerpt->executeStep()
                                 ? mask_national_ids(excerpt->getColumn(0).getString())
                                 : std::string()});
  }
  return hits;
}

namespace store_detail {

namespace {

// Spaces and control characters separate words; a NUL would even end the query early in FTS5.
bool separates(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u <= 0x20 || u == 0x7F;
}

}  // namespace

std::string fts_query(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && separates(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !separates(text[i])) ++i;
    const auto word = text.substr(start, i - start);
    // A word of only ASCII punctuation has nothing to search for.
    const bool has_letter = std::any_of(word.begin(), word.end(), [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return u >= 0x80 || (std::isalnum(u) != 0);
    });
    if (!has_letter) continue;
    // A quoted FTS5 string: operators and column filters inside it are plain text; a quote is
    // written twice. The trailing * makes the last token a prefix.
    if (!out.empty()) out.push_back(' ');
    out.push_back('"');
    for (const char c : word) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out += "\"*";
  }
  return out;
}

}  // namespace store_detail

}  // namespace samla
