// libFuzzer target: any bytes as HTML mail. walk_html (libxml2 underneath) must report elements
// balanced, and the pane's sanitiser must never let a tag through that is not on its list.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "safe_html.h"
#include "samla/sync/html_walk.h"

namespace {

// Counts enter/leave: every element entered and descended into is left exactly once.
class Balance : public samla::HtmlVisitor {
 public:
  bool enter(std::string_view name, const Attributes& attributes) override {
    (void)attributes.get("href");
    // Skipping some subtrees exercises the skip path too.
    if (name == "script") return false;
    ++depth_;
    return true;
  }
  void leave(std::string_view /*name*/) override {
    if (--depth_ < 0) std::abort();
  }
  void text(std::string_view utf8) override { chars_ += utf8.size(); }
  [[nodiscard]] long depth() const { return depth_; }

 private:
  long depth_ = 0;
  std::size_t chars_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  Balance balance;
  samla::walk_html(input, balance);
  if (balance.depth() != 0) std::abort();
  const std::string safe = samla::app::sanitise_html(input);
  // Whatever came in, only the sanitiser's own tags go out: no attribute but a link's href.
  for (std::size_t at = safe.find('<'); at != std::string::npos; at = safe.find('<', at + 1)) {
    const std::string_view tag = std::string_view(safe).substr(at, safe.find('>', at) - at);
    if (tag.find(' ') != std::string_view::npos && !tag.starts_with("<a href=\"")) std::abort();
    if (tag.starts_with("<script") || tag.starts_with("<img") || tag.starts_with("<iframe")) {
      std::abort();
    }
  }
  return 0;
}
