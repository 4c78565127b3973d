#include "samla/models/conversation.h"

#include <algorithm>

namespace samla {

const Reply* Conversation::reply(std::string_view reply_id) const {
  auto it = std::find_if(replies.begin(), replies.end(),
                         [&](const Reply& r) { return r.reply_id == reply_id; });
  return it == replies.end() ? nullptr : &*it;
}

std::vector<const TimelineEntry*> Conversation::rejected() const {
  std::vector<const TimelineEntry*> out;
  for (const auto& entry : timeline) {
    if (entry.rejection) out.push_back(&entry);
  }
  return out;
}

}  // namespace samla
