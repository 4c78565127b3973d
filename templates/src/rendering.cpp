#include "samla/templates/rendering.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "samla/templates/date_text.h"

namespace samla {
namespace {

class Renderer {
 public:
  Renderer(const TemplateValues& values, Language language, const TimeZone& zone)
      : values_(values), language_(language), zone_(zone) {}

  void write(const std::vector<TemplateNode>& nodes) {
    for (const auto& n : nodes) {
      switch (n.kind) {
        case TemplateNode::Kind::Text:
          out.text += n.text;
          break;
        case TemplateNode::Kind::Value:
          if (auto value = lookup(n.name)) {
            out.text += *value;
          } else if (n.has_fallback) {
            out.text += n.text;
          } else if (std::find(out.missing.begin(), out.missing.end(), n.name) ==
                     out.missing.end()) {
            out.missing.push_back(n.name);
          }
          break;
        case TemplateNode::Kind::If:
          write(lookup(n.name) ? n.then : n.otherwise);
          break;
      }
    }
  }

  RenderedText out;

 private:
  // The value as written in the template's language; nothing when missing or empty.
  [[nodiscard]] std::optional<std::string> lookup(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    if (const auto* text = std::get_if<std::string>(&it->second)) {
      if (text->empty()) return std::nullopt;
      return *text;
    }
    const auto at = std::get<Instant>(it->second);
    const auto* placeholder = find_placeholder(name);
    if (placeholder != nullptr && placeholder->type == PlaceholderType::DateTime) {
      return long_date_time(at, zone_, language_);
    }
    const auto local = date::local_seconds{(at + zone_.offset_at(at)).time_since_epoch()};
    return long_date(date::year_month_day{date::floor<date::days>(local)}, language_);
  }

  const TemplateValues& values_;
  Language language_;
  const TimeZone& zone_;
};

}  // namespace

RenderedText render_text(std::string_view text, const TemplateValues& values, Language language,
                         const TimeZone& zone) {
  auto parsed = parse_template(text);
  if (!parsed.ok()) {
    RenderedText failed;
    failed.errors = std::move(parsed.errors);
    return failed;
  }
  Renderer renderer(values, language, zone);
  renderer.write(parsed.nodes);
  return std::move(renderer.out);
}

std::optional<Language> pick_language(const std::map<std::string, TemplateText>& texts,
                                      Language wanted, Language administration) {
  const auto has = [&](Language l) {
    const auto it = texts.find(std::string(to_code(l)));
    return it != texts.end() && !it->second.body.empty();
  };
  if (has(wanted)) return wanted;
  if (has(administration)) return administration;
  for (const auto l : {Language::Nynorsk, Language::Bokmal, Language::English}) {
    if (has(l)) return l;
  }
  return std::nullopt;
}

RenderedMessage render_message(const std::map<std::string, TemplateText>& texts, Language wanted,
                               Language administration, const TemplateValues& values,
                               const TimeZone& zone) {
  const auto language = pick_language(texts, wanted, administration);
  if (!language) throw std::invalid_argument("the template has no text in any language");
  const auto& text = texts.at(std::string(to_code(*language)));
  RenderedMessage out;
  out.language = *language;
  for (auto [source, target] :
       std::array{std::pair{&text.subject, &out.subject}, std::pair{&text.body, &out.body}}) {
    auto rendered = render_text(*source, values, *language, zone);
    if (!rendered.ok()) {
      throw std::invalid_argument("the template's " + std::string(to_code(*language)) +
                                  " text has an error at " + rendered.errors.front().text());
    }
    *target = std::move(rendered.text);
    for (auto& name : rendered.missing) {
      if (std::find(out.missing.begin(), out.missing.end(), name) == out.missing.end()) {
        out.missing.push_back(std::move(name));
      }
    }
  }
  return out;
}

}  // namespace samla
