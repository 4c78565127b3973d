// Kept in step with the migrations by a test (HubRefusalTexts): a new hub.refuse sentence that
// is not listed here fails it, so it cannot reach a person untranslated.
#include "samla/sync/hub_refusals.h"

namespace samla {
namespace {

// Marks a msgid for scripts/update-po.sh; translated where it is shown.
constexpr const char* N_(const char* text) { return text; }

}  // namespace

const std::vector<std::string>& hub_refusal_texts() {
  static const std::vector<std::string> texts{
      N_("{0} is not a user of this hub"),
      N_("the event is not a JSON object"),
      N_("the event has a malformed id or time"),
      N_("the event lacks its id, conversation, type, actor or time"),
      N_("events can only be recorded with yourself as the actor"),
      N_("{0} must be done by a person"),
      N_("{0} events come from the channel, not from a person"),
      N_("only comms staff and administrators can save templates"),
      N_("this hub does not know events of type {0}"),
      N_("there is no such conversation"),
      N_("a new conversation needs a known owning department, not {0}"),
      N_("this message is already in the hub"),
      N_("this message was already answered automatically"),
      N_("this reply was already sent"),
      N_("only members of {0} can claim this conversation"),
      N_("only a lead of {0} can assign this conversation"),
      N_("only members of {0} can add notes to this conversation"),
      N_("there is no handover to answer"),
      N_("only members of {0} can accept this handover"),
      N_("only members of {0} can decline this handover"),
      N_("only members of {0} can work on this conversation"),
      N_("{0} is not a known department"),
      N_("only agents store attachments"),
      N_("the attachment does not match its digest {0}"),
  };
  return texts;
}

}  // namespace samla
