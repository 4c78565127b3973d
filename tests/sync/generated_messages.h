#pragma once
// A deterministic stream of inbound messages for bulk and crash tests (message i is always the
// same), and the deadline rule the tests project with. About one in five answers an earlier message
// by reference and one in five joins a thread by key, so imports exercise threading as well as new
// conversations.
#include <array>
#include <cstdint>
#include <string>

#include "samla/models/conversation.h"

namespace samla::test {

/// The deadline rule of the store tests: 5 days after the oldest unanswered message, or the
/// promised date.
inline std::optional<Instant> test_deadline(const Conversation& c) {
  if (!c.is_open() || !c.awaiting_since) return std::nullopt;
  if (c.promised) return c.promised;
  return *c.awaiting_since + std::chrono::days{5};
}

inline std::string generated_external_id(std::size_t i) {
  return "<gen-" + std::to_string(i) + "@innbyggjar.example.no>";
}

inline Channel generated_channel(std::size_t i) {
  // Blocks of 50 so that references to the previous message usually stay in one channel.
  return (i / 50) % 7 == 3 ? Channel::Sms : Channel::Email;
}

inline InboundMessage generated_message(std::size_t i) {
  static constexpr std::array<const char*, 24> kWords{
      "søknad",       "byggeløyve",     "tilbygg",  "garasje",       "nabovarsel", "eigedomsskatt",
      "faktura",      "barnehageplass", "opptak",   "frist",         "klage",      "vedtak",
      "kommunen",     "takk",           "spørsmål", "dokumentasjon", "gebyr",      "teikningar",
      "ferdigattest", "svar",           "snarleg",  "Åsane",         "kor",        "lenge"};
  static constexpr std::array<const char*, 3> kDepartments{"byggesak", "skatt", "barnehage"};
  std::uint64_t state = i * 6364136223846793005ULL + 1442695040888963407ULL;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };

  InboundMessage m;
  m.channel = generated_channel(i);
  m.external_id = generated_external_id(i);
  const auto citizen = i % 997;
  m.from = {"Innbyggjar " + std::to_string(citizen),
            m.channel == Channel::Sms ? "+4790" + std::to_string(100000 + citizen)
                                      : "innbyggjar" + std::to_string(citizen) + "@example.no"};
  m.to = {{"Postmottak", "post@kommune.example.no"}};
  m.subject = std::string("Sak ") + std::to_string(i) + ": " + kWords[next() % kWords.size()];
  const auto words = 20 + next() % 120;
  for (std::size_t w = 0; w < words; ++w) {
    if (w > 0) m.body_text += (w % 12 == 0) ? ".\n" : " ";
    m.body_text += kWords[next() % kWords.size()];
  }
  m.received_at = Instant{std::chrono::seconds{1'790'000'000}} + std::chrono::minutes{i};
  m.department = kDepartments[i % kDepartments.size()];
  m.language = i % 2 == 0 ? "nn" : "nb";
  if (i > 0 && i % 5 == 1) m.references = {generated_external_id(i - 1)};
  if (i % 5 == 2) m.thread_key = "thread-" + std::to_string(i / 20);
  return m;
}

}  // namespace samla::test
