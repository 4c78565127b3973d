#include "samla/templates/default_templates.h"

#include <vector>

namespace samla {
namespace {

// The greeting every letter opens with: by name when we know it.
#define SAMLA_HELLO_NO "{if citizen.name}Hei, {citizen.name}!{else}Hei!{end}\n\n"
#define SAMLA_HELLO_EN "{if citizen.name}Hello {citizen.name},{else}Hello,{end}\n\n"

TemplateSaved make(TemplateKind kind, std::optional<Channel> channel, const char* name,
                   std::map<std::string, TemplateText> texts) {
  TemplateSaved t;
  t.kind = kind;
  t.channel = channel;
  t.name = name;
  t.texts = std::move(texts);
  return t;
}

std::vector<DefaultTemplate> build() {
  std::vector<DefaultTemplate> out;

  // The email auto-reply: thanks, and when the answer comes.
  out.push_back(
      {"auto-reply-email",
       make(TemplateKind::AutoReply, Channel::Email, "Automatisk svar på e-post",
            {{"nn",
              {"Takk for meldinga di", SAMLA_HELLO_NO
               "Takk for at du skreiv til {municipality|oss}. Vi har fått meldinga di, og "
               "du får svar innan {deadline}.\n\n"
               "Vil du leggje til noko, kan du svare på denne e-posten. Ikkje send "
               "personnummer eller helseopplysningar på e-post.\n\n"
               "Har du det travelt, kan du ringje oss på "
               "{contact.phone|telefonnummeret på nettsida vår}.\n\n"
               "Helsing\n{municipality}\n\n"
               "Dette er eit automatisk svar. Referansen din er {reference}."}},
             {"nb",
              {"Takk for meldingen din", SAMLA_HELLO_NO
               "Takk for at du skrev til {municipality|oss}. Vi har fått meldingen din, og "
               "du får svar innen {deadline}.\n\n"
               "Vil du legge til noe, kan du svare på denne e-posten. Ikke send "
               "personnummer eller helseopplysninger på e-post.\n\n"
               "Har du det travelt, kan du ringe oss på "
               "{contact.phone|telefonnummeret på nettsiden vår}.\n\n"
               "Hilsen\n{municipality}\n\n"
               "Dette er et automatisk svar. Referansen din er {reference}."}},
             {"en",
              {"Thank you for your message", SAMLA_HELLO_EN
               "Thank you for writing to {municipality|us}. We have received your "
               "message, and you will get an answer by {deadline}.\n\n"
               "To add something, reply to this email. Do not send national identity "
               "numbers or health information by email.\n\n"
               "If it is urgent, call us on "
               "{contact.phone|the phone number on our website}.\n\n"
               "Best regards\n{municipality}\n\n"
               "This is an automatic reply. Your reference is {reference}."}}})});

  // The preliminary reply (forvaltningsloven § 11a): why it takes longer, and when.
  out.push_back(
      {"preliminary-reply",
       make(TemplateKind::PreliminaryReply, std::nullopt, "Førebels svar",
            {{"nn",
              {"Svaret ditt kjem {promised_date}", SAMLA_HELLO_NO
               "Vi har ikkje gløymt meldinga di. Det tek lengre tid enn vanleg å gje deg eit "
               "godt svar{if reason}, fordi {reason}{end}.\n\n"
               "Du får svar innan {promised_date}.\n\n"
               "Lurer du på noko før det, kan du ringje oss på "
               "{contact.phone|telefonnummeret på nettsida vår}. Referansen din er "
               "{reference}.\n\n"
               "Helsing\n{if caseworker}{caseworker}\n{end}{department}\n{municipality}"}},
             {"nb",
              {"Svaret ditt kommer {promised_date}", SAMLA_HELLO_NO
               "Vi har ikke glemt meldingen din. Det tar lengre tid enn vanlig å gi deg et godt "
               "svar{if reason}, fordi {reason}{end}.\n\n"
               "Du får svar innen {promised_date}.\n\n"
               "Lurer du på noe før det, kan du ringe oss på "
               "{contact.phone|telefonnummeret på nettsiden vår}. Referansen din er "
               "{reference}.\n\n"
               "Hilsen\n{if caseworker}{caseworker}\n{end}{department}\n{municipality}"}},
             {"en",
              {"Your answer will come by {promised_date}", SAMLA_HELLO_EN
               "We have not forgotten your message. A good answer will take longer than "
               "usual{if reason}, because {reason}{end}.\n\n"
               "You will get an answer by {promised_date}.\n\n"
               "If you have questions before then, call us on "
               "{contact.phone|the phone number on our website}. Your reference is "
               "{reference}.\n\n"
               "Best regards\n{if caseworker}{caseworker}\n{end}{department}\n{municipality}"}}})});

  // The handover notice, sent only once the new department has accepted.
  out.push_back(
      {"handover-notice",
       make(TemplateKind::HandoverNotice, std::nullopt, "Melding om at saka er send vidare",
            {{"nn",
              {"{department} har teke over saka di", SAMLA_HELLO_NO
               "Det du skreiv om, er det {department} som har ansvaret for. Dei har no teke "
               "over saka di.\n\n"
               "Du får svar innan {deadline}.\n\n"
               "Har du spørsmål, kan du kontakte {department} på "
               "{contact.phone|telefonnummeret på nettsida vår}. Referansen din er "
               "{reference}.\n\n"
               "Helsing\n{municipality}"}},
             {"nb",
              {"{department} har tatt over saken din", SAMLA_HELLO_NO
               "Det du skrev om, er det {department} som har ansvaret for. De har nå tatt over "
               "saken din.\n\n"
               "Du får svar innen {deadline}.\n\n"
               "Har du spørsmål, kan du kontakte {department} på "
               "{contact.phone|telefonnummeret på nettsiden vår}. Referansen din er "
               "{reference}.\n\n"
               "Hilsen\n{municipality}"}},
             {"en",
              {"{department} has taken over your case", SAMLA_HELLO_EN
               "What you wrote about is the responsibility of {department}. They have now "
               "taken over your case.\n\n"
               "You will get an answer by {deadline}.\n\n"
               "If you have questions, contact {department} on "
               "{contact.phone|the phone number on our website}. Your reference is "
               "{reference}.\n\n"
               "Best regards\n{municipality}"}}})});

  // The callback SMS: when we will call. Short enough for one segment with long values.
  out.push_back({"callback-sms",
                 make(TemplateKind::CallbackNotice, Channel::Callback, "SMS om når vi ringjer",
                      {{"nn",
                        {"",
                         "Hei! Takk for at du bad oss ringje. Vi ringjer deg "
                         "{callback_time}. Helsing {municipality}"}},
                       {"nb",
                        {"",
                         "Hei! Takk for at du ba oss ringe. Vi ringer deg {callback_time}. "
                         "Hilsen {municipality}"}},
                       {"en",
                        {"",
                         "Hello! Thank you for asking us to call. We will call you on "
                         "{callback_time}. {municipality}"}}})});
  return out;
}

#undef SAMLA_HELLO_NO
#undef SAMLA_HELLO_EN

}  // namespace

std::span<const DefaultTemplate> default_templates() {
  static const std::vector<DefaultTemplate> kDefaults = build();
  return kDefaults;
}

const DefaultTemplate* find_default_template(std::string_view id) {
  for (const auto& t : default_templates()) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

bool is_sms_kind(TemplateKind kind) {
  return kind == TemplateKind::Sms || kind == TemplateKind::CallbackNotice;
}

}  // namespace samla
