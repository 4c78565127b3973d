#include "template_choice.h"

#include <algorithm>
#include <stdexcept>

#include "i18n.h"
#include "samla/models/rejection.h"
#include "samla/templates/sms_length.h"

namespace samla::app {

std::vector<TemplateOption> template_options(const Workspace& ws, TemplateKind kind,
                                             Channel channel) {
  TemplateFilter filter;
  filter.kind = kind;
  filter.channel = channel;
  std::vector<TemplateOption> options;
  for (const auto& info : ws.templates(filter)) {
    options.push_back({info.id, info.content.name.empty() ? info.id : info.content.name});
  }
  std::stable_sort(options.begin(), options.end(),
                   [](const auto& a, const auto& b) { return a.label < b.label; });
  return options;
}

TemplateDraft draft_from_template(const Workspace& ws, const std::string& id,
                                  const std::string& conversation,
                                  std::optional<Instant> promised) {
  TemplateValues extra;
  if (promised) extra.emplace("promised_date", *promised);
  try {
    const auto preview = ws.render_template(id, conversation, std::nullopt, extra);
    return {preview.message.subject, preview.message.body, {}};
  } catch (const std::invalid_argument& error) {
    return {{}, {}, substitute(tr("The template could not be used: {0}"), {error.what()})};
  }
}

SmsCounter sms_counter(std::string_view utf8) {
  const auto length = sms_length(utf8);
  SmsCounter counter;
  const std::string encoding(to_string(length.encoding));
  if (length.segments == 0) {
    counter.text = tr("Empty: 0 SMS");
  } else if (length.encoding == SmsEncoding::Gsm7) {
    counter.text = substitute(tr("{0} SMS, {1} characters ({2}), {3} left in this SMS"),
                              {std::to_string(length.segments), std::to_string(length.units),
                               encoding, std::to_string(length.left)});
  } else {
    counter.text = substitute(tr("{0} SMS, {1} units ({2}), {3} left in this SMS"),
                              {std::to_string(length.segments), std::to_string(length.units),
                               encoding, std::to_string(length.left)});
  }
  if (length.segments > 1) {
    counter.warning = tr("Longer than one SMS: it costs more and may arrive in pieces.");
  }
  return counter;
}

}  // namespace samla::app
