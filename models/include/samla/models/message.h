#pragma once
// A citizen's message as a channel delivers it, normalised: what every connector and importer
// produces, and what a MessageReceived event carries.
#include <cstdint>
#include <string>
#include <vector>

#include "samla/models/channel.h"
#include "samla/models/time.h"

namespace samla {

/// A sender or recipient: a display name (may be empty) and an address (email address, phone
/// number in E.164, platform user id …).
struct Party {
  std::string name;
  std::string address;
  bool operator==(const Party&) const = default;
};

/// An attachment's description; the bytes live in the store's content-addressed blobs.
struct AttachmentRef {
  std::string filename;
  std::string content_type;
  std::uint64_t size = 0;
  std::string blob;  // SHA-256 hex of the content; empty when the bytes were not kept
  bool operator==(const AttachmentRef&) const = default;
};

/// One inbound message, normalised.
struct InboundMessage {
  Channel channel = Channel::Email;
  std::string external_id;  // unique per channel: Message-ID, platform id, file digest …
  Party from;
  std::vector<Party> to;
  std::string subject;
  std::string body_text;  // UTF-8 plain text as shown and searched
  Instant received_at{};
  std::string thread_key;  // groups messages into a conversation; empty: a new conversation
  std::vector<std::string> references;  // external ids this message answers (In-Reply-To …)
  std::string department;               // the owning department the channel routes to; may be empty
  std::string language;                 // "nn", "nb", "en" when known from the citizen's writing
  std::vector<AttachmentRef> attachments;
  std::vector<std::string> warnings;  // what could not be read cleanly (broken MIME, charset …)
  bool operator==(const InboundMessage&) const = default;
};

}  // namespace samla
