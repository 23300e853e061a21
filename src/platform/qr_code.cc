#include "platform/qr_code.h"

#include <cerrno>
#include <cstring>
#include <memory>

#include <qrencode.h>

namespace xaso::platform {
namespace {

constexpr int kQuietZone = 4;

struct QrCodeFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

void AppendEscaped(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
}

}  // namespace

Result<QrMatrix> EncodeQr(std::string_view text) {
  if (text.empty()) return MakeError(ErrorCode::kInvalidArgument, "QR code text is empty");
  if (text.size() > kQrMaxBytes) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "QR code text is longer than " + std::to_string(kQrMaxBytes) + " bytes");
  }
  // encodeData rather than encodeString8bit: a string_view need not end in NUL.
  errno = 0;
  const std::unique_ptr<QRcode, QrCodeFree> code(
      QRcode_encodeData(static_cast<int>(text.size()),
                        reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
  if (!code) {
    return MakeError(ErrorCode::kInternal,
                     std::string("libqrencode failed: ") + std::strerror(errno));
  }
  QrMatrix m;
  m.size = code->width;
  const auto cells = static_cast<size_t>(m.size) * static_cast<size_t>(m.size);
  m.dark.resize(cells);
  // libqrencode packs several flags per module; the lowest bit is "dark".
  for (size_t i = 0; i < cells; ++i) m.dark[i] = (code->data[i] & 1U) != 0;
  return m;
}

std::string QrSvg(const QrMatrix& m, std::string_view title) {
  const std::string side = std::to_string(m.size + 2 * kQuietZone);
  std::string out =
      R"(<svg xmlns="http://www.w3.org/2000/svg" role="img" width="32mm" height="32mm" viewBox="0 0 )";
  out += side + ' ' + side + R"(" shape-rendering="crispEdges"><title>)";
  AppendEscaped(out, title);
  out += R"(</title><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d=")";
  // One closed rectangle per horizontal run of dark modules keeps the path a few KB.
  for (int y = 0; y < m.size; ++y) {
    for (int x = 0; x < m.size;) {
      if (!m.IsDark(x, y)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < m.size && m.IsDark(x + run, y)) ++run;
      const std::string n = std::to_string(run);
      out += 'M';
      out += std::to_string(x + kQuietZone);
      out += ' ';
      out += std::to_string(y + kQuietZone);
      out += 'h';
      out += n;
      out += "v1h-";
      out += n;
      out += 'z';
      x += run;
    }
  }
  out += R"("/></svg>)";
  return out;
}

}  // namespace xaso::platform
