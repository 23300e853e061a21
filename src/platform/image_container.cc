#include "platform/image_container.h"

#include <array>
#include <cstdint>

namespace xaso::platform {
namespace {

uint8_t Byte(std::string_view s, size_t i) { return static_cast<uint8_t>(s[i]); }
uint32_t Be16(std::string_view s, size_t i) { return (Byte(s, i) << 8) | Byte(s, i + 1); }
uint32_t Be32(std::string_view s, size_t i) { return (Be16(s, i) << 16) | Be16(s, i + 2); }
uint32_t Le32(std::string_view s, size_t i) {
  return Byte(s, i) | (Byte(s, i + 1) << 8) | (Byte(s, i + 2) << 16) |
         (static_cast<uint32_t>(Byte(s, i + 3)) << 24);
}
void PutLe32(std::string& s, size_t i, uint32_t v) {
  for (int k = 0; k < 4; ++k) s[i + k] = static_cast<char>((v >> (8 * k)) & 0xFF);
}

// APPn segments kept by their marker and signature; every other APPn and COM is dropped.
bool KeepJpegSegment(uint8_t marker, std::string_view payload) {
  if (marker == 0xE0) return payload.starts_with("JFIF");
  if (marker == 0xE1) return payload.starts_with(std::string_view("Exif\0\0", 6));
  if (marker == 0xE2) return payload.starts_with(std::string_view("ICC_PROFILE\0", 12));
  if (marker == 0xEE) return payload.starts_with("Adobe");
  return !(marker >= 0xE0 && marker <= 0xEF) && marker != 0xFE;
}

}  // namespace

std::optional<std::string> KeepJpegImageSegments(std::string_view j) {
  if (j.size() < 4 || Byte(j, 0) != 0xFF || Byte(j, 1) != 0xD8) return std::nullopt;
  std::string out(j.substr(0, 2));
  size_t pos = 2;
  while (pos + 1 < j.size()) {
    if (Byte(j, pos) != 0xFF) return std::nullopt;
    const uint8_t marker = Byte(j, pos + 1);
    if (marker == 0xFF) {  // fill byte before a marker
      ++pos;
      continue;
    }
    if (marker == 0xD9) return out.append("\xFF\xD9");  // EOI: what follows is dropped
    if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      out.append(j.substr(pos, 2));
      pos += 2;
      continue;
    }
    if (pos + 4 > j.size()) return std::nullopt;
    const size_t length = Be16(j, pos + 2);
    if (length < 2 || pos + 2 + length > j.size()) return std::nullopt;
    if (KeepJpegSegment(marker, j.substr(pos + 4, length - 2))) {
      out.append(j.substr(pos, 2 + length));
    }
    pos += 2 + length;
    if (marker == 0xDA) {
      // The entropy-coded scan runs to the next marker other than a stuffed 0xFF00 or RSTn.
      const size_t start = pos;
      while (pos + 1 < j.size()) {
        if (Byte(j, pos) == 0xFF) {
          const uint8_t next = Byte(j, pos + 1);
          if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7)) break;
        }
        ++pos;
      }
      out.append(j.substr(start, pos - start));
    }
  }
  return std::nullopt;
}

std::optional<std::string> KeepPngImageChunks(std::string_view p) {
  constexpr std::string_view kSignature("\x89PNG\r\n\x1A\n", 8);
  constexpr std::array<std::string_view, 14> kKept = {"IHDR", "PLTE", "IDAT", "IEND", "tRNS",
                                                      "gAMA", "cHRM", "sRGB", "iCCP", "sBIT",
                                                      "pHYs", "acTL", "fcTL", "fdAT"};
  if (!p.starts_with(kSignature)) return std::nullopt;
  std::string out(kSignature);
  size_t pos = kSignature.size();
  while (pos + 12 <= p.size()) {
    const size_t length = Be32(p, pos);
    if (length > p.size() - pos - 12) return std::nullopt;
    const std::string_view type = p.substr(pos + 4, 4);
    for (std::string_view k : kKept) {
      if (type == k) out.append(p.substr(pos, 12 + length));
    }
    pos += 12 + length;
    if (type == "IEND") return out;
  }
  return std::nullopt;
}

std::optional<std::string> KeepWebpImageChunks(std::string_view w) {
  constexpr std::array<std::string_view, 8> kKept = {"VP8 ", "VP8L", "VP8X", "ALPH",
                                                     "ANIM", "ANMF", "ICCP", "EXIF"};
  if (w.size() < 12 || !w.starts_with("RIFF") || w.substr(8, 4) != "WEBP") return std::nullopt;
  const size_t end = 8 + static_cast<size_t>(Le32(w, 4));
  if (end > w.size()) return std::nullopt;
  std::string out(w.substr(0, 12));
  bool has_exif = false;
  size_t pos = 12;
  while (pos + 8 <= end) {
    const size_t length = Le32(w, pos + 4);
    const size_t padded = length + (length & 1);
    if (padded > end - pos - 8) return std::nullopt;
    const std::string_view type = w.substr(pos, 4);
    for (std::string_view k : kKept) {
      if (type == k) out.append(w.substr(pos, 8 + padded));
    }
    has_exif = has_exif || type == "EXIF";
    pos += 8 + padded;
  }
  if (pos != end) return std::nullopt;
  PutLe32(out, 4, static_cast<uint32_t>(out.size() - 8));
  // VP8X flags: XMP (0x04) is never kept; EXIF (0x08) only with its chunk.
  if (out.size() >= 21 && out.substr(12, 4) == "VP8X") {
    uint8_t flags = Byte(out, 20) & ~uint8_t{0x04};
    if (!has_exif) flags &= ~uint8_t{0x08};
    out[20] = static_cast<char>(flags);
  }
  return out;
}

}  // namespace xaso::platform
