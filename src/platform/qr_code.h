// Adapter over libqrencode: the QR code printed on the one-stop receipt (form 01), which takes
// the citizen's phone to the public lookup page of the dossier.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xaso::platform {

// The modules of a QR symbol, without the quiet zone. `dark` is row-major, size × size.
struct QrMatrix {
  int size = 0;
  std::vector<bool> dark;

  bool IsDark(int x, int y) const {
    return dark[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)];
  }
};

// Longest text EncodeQr accepts. A lookup URL is under 100 bytes; past this the modules get too
// small to scan from a printed A5 receipt.
inline constexpr size_t kQrMaxBytes = 1000;

// Encodes `text` as 8-bit bytes with error-correction level M (15 %, enough for a creased or
// stamped receipt), at the smallest version that holds it. kInvalidArgument when `text` is
// empty or longer than kQrMaxBytes; kInternal when libqrencode fails.
Result<QrMatrix> EncodeQr(std::string_view text);

// An inline SVG of `m` with the standard 4-module quiet zone, printed 32 mm square: a receipt's
// lookup URL gives a version 4 or 5 symbol, so a module is about 0.7 mm, which phones read at
// arm's length. `title` (escaped here) is the accessible name.
std::string QrSvg(const QrMatrix& m, std::string_view title);

}  // namespace xaso::platform
