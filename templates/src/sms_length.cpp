#include "samla/templates/sms_length.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace samla {
namespace {

constexpr std::size_t kSingleGsm = 160;
constexpr std::size_t kPartGsm = 153;
constexpr std::size_t kSingleUcs2 = 70;
constexpr std::size_t kPartUcs2 = 67;

// Non-ASCII characters of the GSM 03.38 basic table (3GPP TS 23.038 § 6.2.1).
constexpr std::u32string_view kBasicNonAscii = U"£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà";
// The extension table (§ 6.2.1.1), reached by an escape septet: two septets each.
constexpr std::u32string_view kExtension = U"\f^{}\\[~]|€";

// Fills segments of `capacity` with items of the given sizes, never splitting an item; an item
// larger than a segment (which only a pathological grapheme can be) starts its own.
class Segmenter {
 public:
  explicit Segmenter(std::size_t capacity) : capacity_(capacity) {}
  void add(std::size_t size) {
    if (segments_ == 0 || used_ + size > capacity_) {
      ++segments_;
      used_ = 0;
    }
    used_ += size;
    // A too-large item spills over whole segments.
    while (used_ > capacity_) {
      ++segments_;
      used_ -= capacity_;
    }
  }
  [[nodiscard]] std::size_t segments() const { return segments_; }
  [[nodiscard]] std::size_t left() const { return capacity_ - used_; }

 private:
  std::size_t capacity_;
  std::size_t segments_ = 0;
  std::size_t used_ = 0;
};

}  // namespace

std::string_view to_string(SmsEncoding encoding) {
  return encoding == SmsEncoding::Gsm7 ? "GSM-7" : "UCS-2";
}

int gsm7_cost(char32_t c) {
  if (c == U'\n' || c == U'\r') return 1;
  if (c >= 0x20 && c < 0x7F) {
    if (kExtension.find(c) != std::u32string_view::npos) return 2;
    return c == U'`' ? 0 : 1;
  }
  if (kBasicNonAscii.find(c) != std::u32string_view::npos) return 1;
  if (kExtension.find(c) != std::u32string_view::npos) return 2;
  return 0;
}

SmsLength sms_length(std::string_view utf8) {
  const auto text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  SmsLength out;
  if (text.isEmpty()) {
    out.per_segment = kSingleGsm;
    out.left = kSingleGsm;
    return out;
  }

  bool gsm = true;
  std::size_t septets = 0;
  for (std::int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const int cost = gsm7_cost(static_cast<char32_t>(text.char32At(i)));
    if (cost == 0) {
      gsm = false;
      break;
    }
    septets += static_cast<std::size_t>(cost);
  }

  if (gsm) {
    out.encoding = SmsEncoding::Gsm7;
    out.units = septets;
    if (septets <= kSingleGsm) {
      out.segments = 1;
      out.per_segment = kSingleGsm;
      out.left = kSingleGsm - septets;
      return out;
    }
    Segmenter segmenter(kPartGsm);
    for (std::int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
      segmenter.add(static_cast<std::size_t>(gsm7_cost(static_cast<char32_t>(text.char32At(i)))));
    }
    out.segments = segmenter.segments();
    out.per_segment = kPartGsm;
    out.left = segmenter.left();
    return out;
  }

  out.encoding = SmsEncoding::Ucs2;
  out.units = static_cast<std::size_t>(text.length());
  if (out.units <= kSingleUcs2) {
    out.segments = 1;
    out.per_segment = kSingleUcs2;
    out.left = kSingleUcs2 - out.units;
    return out;
  }
  // Grapheme clusters by ICU (UAX #29 extended grapheme clusters).
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> graphemes(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !graphemes) {
    throw std::runtime_error(std::string("ICU cannot find grapheme clusters: ") +
                             u_errorName(status));
  }
  graphemes->setText(text);
  Segmenter segmenter(kPartUcs2);
  for (std::int32_t start = graphemes->first(), end = graphemes->next();
       end != icu::BreakIterator::DONE; start = end, end = graphemes->next()) {
    segmenter.add(static_cast<std::size_t>(end - start));
  }
  out.segments = segmenter.segments();
  out.per_segment = kPartUcs2;
  out.left = segmenter.left();
  return out;
}

}  // namespace samla
