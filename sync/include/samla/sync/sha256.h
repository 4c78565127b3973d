#pragma once
// SHA-256 digests, the names of content-addressed attachment blobs. Pure function; any thread.
#include <string>
#include <string_view>

namespace samla {

/// The SHA-256 of `data` as 64 lowercase hex digits.
[[nodiscard]] std::string sha256_hex(std::string_view data);

}  // namespace samla
