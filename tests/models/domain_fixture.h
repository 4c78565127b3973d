#pragma once
// A small municipality for the rules tests: two departments, their leads and caseworkers, a
// comms advisor and an administrator, and helpers that make events and decide commands.
#include <string>
#include <vector>

#include "samla/models/command.h"
#include "samla/models/fold.h"

namespace samla::test {

inline Instant at(int y, unsigned m, unsigned d, int hh = 10, int mm = 0) {
  return Instant{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} +
         std::chrono::hours{hh} + std::chrono::minutes{mm};
}

inline Directory municipality() {
  Directory dir;
  dir.add_department({"byggesak", "Byggesak"});
  dir.add_department({"skatt", "Skatt og avgift"});
  dir.add_department({"barnehage", "Barnehage"});
  dir.add_user({"kari", "Kari Nordmann", {{"byggesak", Role::Lead}}});
  dir.add_user({"ola", "Ola Nordmann", {{"byggesak", Role::Caseworker}}});
  dir.add_user({"ingrid", "Ingrid Haugen", {{"byggesak", Role::Caseworker}}});
  dir.add_user({"siri", "Siri Berg", {{"skatt", Role::Lead}}});
  dir.add_user({"per", "Per Olsen", {{"skatt", Role::Caseworker}}});
  dir.add_user({"anne", "Anne Dahl", {{"innbyggjarservice", Role::Comms}}});
  dir.add_user({"admin", "Systemansvarleg", {{"it", Role::Admin}}});
  return dir;
}

/// Makes events and decides commands against one conversation, counting ids deterministically.
class ConversationScript {
 public:
  explicit ConversationScript(Directory dir = municipality()) : dir_(std::move(dir)) {}

  Event received(const std::string& external_id, Instant when,
                 const std::string& department = "byggesak") {
    InboundMessage m;
    m.channel = Channel::Email;
    m.external_id = external_id;
    m.from = {"Kari Innbyggjar", "kari.innbyggjar@example.no"};
    m.subject = "Søknad om bruksendring";
    m.body_text = "Hei, kor lang tid tek det?";
    m.received_at = when;
    m.department = department;
    return make(std::string(kSystemActor), department, when, MessageReceived{m});
  }

  Event make(const std::string& actor, const std::string& department, Instant when,
             EventPayload payload) {
    return Event{next_id(), "conv-1", actor, department, when, std::move(payload), std::nullopt};
  }

  /// Decides a command as `actor` at `when`; accepted events are applied to the state.
  Decision run(const std::string& actor, const Command& command, Instant when) {
    CommandContext ctx{actor, when, [this] { return next_id(); }};
    auto decision = decide(state, command, ctx, dir_);
    for (const auto& e : decision.events) {
      log.push_back(e);
      apply(state, e, dir_);
    }
    return decision;
  }

  /// Appends an event made elsewhere (a channel) to the log and the state.
  bool feed(const Event& e) {
    log.push_back(e);
    return apply(state, e, dir_);
  }

  [[nodiscard]] const Directory& directory() const { return dir_; }

  Conversation state;
  std::vector<Event> log;

 private:
  std::string next_id() { return "e" + std::to_string(++counter_); }
  Directory dir_;
  int counter_ = 0;
};

}  // namespace samla::test
