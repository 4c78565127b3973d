#include "samla/sync/sha256.h"

#include <glib.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace samla {

// GLib's GChecksum: GLib is already linked for GMime, so no extra crypto library is needed.
std::string sha256_hex(std::string_view data) {
  std::unique_ptr<GChecksum, decltype(&g_checksum_free)> checksum(g_checksum_new(G_CHECKSUM_SHA256),
                                                                  &g_checksum_free);
  if (!checksum) throw std::runtime_error("SHA-256 is not available");
  // g_checksum_update takes a gssize length: feed large inputs in pieces.
  constexpr std::size_t kChunk = std::size_t{1} << 30;
  for (std::size_t done = 0; done < data.size(); done += kChunk) {
    const std::size_t n = std::min(kChunk, data.size() - done);
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): GLib takes bytes as guchar
    g_checksum_update(checksum.get(), reinterpret_cast<const guchar*>(data.data() + done),
                      static_cast<gssize>(n));
  }
  return g_checksum_get_string(checksum.get());
}

}  // namespace samla
