// RFC 3834 section 2 lists when an automatic responder must stay silent; the no-reply, own
// address and once-per-period rules keep two responders (two Samla instances, an out-of-office
// reply) from answering each other for ever.
#include "samla/sync/email/auto_reply.h"

#include <algorithm>
#include <array>

#include "ascii_lower.h"
#include "samla/templates/date_text.h"

namespace samla {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// The bare address of a header value: "Name <a@b>" -> "a@b".
std::string address_of(std::string_view value) {
  const std::size_t open = value.rfind('<');
  const std::size_t close = value.rfind('>');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
    return ascii_lower(trim(value.substr(open + 1, close - open - 1)));
  }
  return ascii_lower(trim(value));
}

bool is_no_reply(std::string_view address) {
  const std::string local = ascii_lower(address.substr(0, address.find('@')));
  static constexpr std::array<std::string_view, 8> kNames{
      "noreply",      "no-reply",     "no_reply",      "donotreply",
      "do-not-reply", "do_not_reply", "mailer-daemon", "postmaster"};
  return std::find(kNames.begin(), kNames.end(), local) != kNames.end() ||
         local.rfind("noreply", 0) == 0 || local.rfind("no-reply", 0) == 0 ||
         local.find("bounce") != std::string::npos;
}

}  // namespace

AutoReplyHeaders auto_reply_headers(std::string_view raw) {
  AutoReplyHeaders h;
  std::size_t pos = 0;
  std::string name;
  std::string value;
  const auto flush = [&] {
    if (name.empty()) return;
    const std::string key = ascii_lower(name);
    const std::string_view v = trim(value);
    if (key == "from" && h.from.empty())
      h.from = address_of(v);
    else if (key == "return-path" && h.return_path.empty())
      h.return_path = std::string(v);
    else if (key == "auto-submitted")
      h.auto_submitted = ascii_lower(v);
    else if (key == "precedence")
      h.precedence = ascii_lower(v);
    else if (key.rfind("list-", 0) == 0)
      h.list_header = true;
    else if (key == "x-auto-response-suppress")
      h.suppress = ascii_lower(v);
    else if (key == "x-autoreply" || key == "x-autorespond")
      h.other_autoreply_marker = true;
    else if (key == "content-type" && ascii_lower(v).rfind("multipart/report", 0) == 0) {
      h.delivery_report = true;
    }
    name.clear();
    value.clear();
  };
  while (pos < raw.size()) {
    std::size_t end = raw.find('\n', pos);
    if (end == std::string_view::npos) end = raw.size();
    std::string_view line = raw.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;  // end of the header section
    if (line.front() == ' ' || line.front() == '\t') {
      value += " ";
      value += trim(line);
      continue;
    }
    flush();
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a header line; skip it
    name = std::string(trim(line.substr(0, colon)));
    value = std::string(line.substr(colon + 1));
  }
  flush();
  return h;
}

std::string_view describe(AutoReplyVerdict verdict) {
  switch (verdict) {
    case AutoReplyVerdict::reply:
      return "reply";
    case AutoReplyVerdict::bounce:
      return "a bounce or delivery report";
    case AutoReplyVerdict::auto_submitted:
      return "sent automatically (Auto-Submitted)";
    case AutoReplyVerdict::bulk:
      return "bulk mail (Precedence)";
    case AutoReplyVerdict::mailing_list:
      return "mailing list mail (List-*)";
    case AutoReplyVerdict::no_reply_address:
      return "a no-reply sender";
    case AutoReplyVerdict::own_address:
      return "one of our own addresses";
    case AutoReplyVerdict::suppressed:
      return "the sender asked for no auto-replies";
    case AutoReplyVerdict::recently_answered:
      return "auto-replied to this sender recently";
    case AutoReplyVerdict::no_sender:
      return "no sender address";
  }
  return "unknown";
}

AutoReplyVerdict decide_auto_reply(const AutoReplyHeaders& h, const AutoReplyPolicy& policy,
                                   std::optional<Instant> last_auto_reply, Instant now) {
  const std::string from = ascii_lower(h.from);
  if (trim(h.return_path) == "<>" || h.delivery_report) return AutoReplyVerdict::bounce;
  if (from.empty() || from.find('@') == std::string::npos) return AutoReplyVerdict::no_sender;
  const std::string local = from.substr(0, from.find('@'));
  if (local == "mailer-daemon" || local == "postmaster") return AutoReplyVerdict::bounce;
  const std::string submitted{trim(h.auto_submitted.substr(0, h.auto_submitted.find(';')))};
  if ((!submitted.empty() && submitted != "no") || h.other_autoreply_marker) {
    return AutoReplyVerdict::auto_submitted;
  }
  if (h.precedence == "bulk" || h.precedence == "list" || h.precedence == "junk") {
    return AutoReplyVerdict::bulk;
  }
  if (h.list_header) return AutoReplyVerdict::mailing_list;
  if (h.suppress.find("all") != std::string::npos ||
      h.suppress.find("autoreply") != std::string::npos ||
      h.suppress.find("oof") != std::string::npos) {
    return AutoReplyVerdict::suppressed;
  }
  if (is_no_reply(from)) return AutoReplyVerdict::no_reply_address;
  for (const auto& own : policy.own_addresses) {
    if (ascii_lower(own) == from) return AutoReplyVerdict::own_address;
  }
  if (last_auto_reply && now - *last_auto_reply < policy.per_sender_period) {
    return AutoReplyVerdict::recently_answered;
  }
  return AutoReplyVerdict::reply;
}

AutoReplyText default_auto_reply(const AutoReplyFacts& facts) {
  const std::string when = long_date_time(facts.deadline, *facts.zone, facts.language);
  const std::string subject = facts.subject.empty() ? std::string() : ": " + facts.subject;
  AutoReplyText text;
  switch (facts.language) {
    case Language::Nynorsk:
      text.subject = "Vi har fått meldinga di" + subject;
      text.body = "Takk for meldinga di til " + facts.department +
                  ". Vi har fått ho og svarar deg innan " + when +
                  ".\n\nDette er eit automatisk svar. Du treng ikkje svare på det.\n";
      break;
    case Language::Bokmal:
      text.subject = "Vi har mottatt meldingen din" + subject;
      text.body = "Takk for meldingen din til " + facts.department +
                  ". Vi har mottatt den og svarer deg innen " + when +
                  ".\n\nDette er et automatisk svar. Du trenger ikke svare på det.\n";
      break;
    case Language::English:
      text.subject = "We have received your message" + subject;
      text.body = "Thank you for your message to " + facts.department +
                  ". We have received it and will answer you by " + when +
                  ".\n\nThis is an automatic reply; there is no need to answer it.\n";
      break;
  }
  return text;
}

}  // namespace samla
