#include "samla/templates/language.h"

namespace samla {

std::string_view to_code(Language language) {
  switch (language) {
    case Language::Nynorsk:
      return "nn";
    case Language::Bokmal:
      return "nb";
    case Language::English:
      return "en";
  }
  return "nb";
}

std::optional<Language> language_from_code(std::string_view code) {
  if (code == "nn" || code == "nno") return Language::Nynorsk;
  if (code == "nb" || code == "no" || code == "nob") return Language::Bokmal;
  if (code == "en" || code == "eng") return Language::English;
  return std::nullopt;
}

}  // namespace samla
