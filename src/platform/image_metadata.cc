#include "platform/image_metadata.h"

#include <exception>
#include <mutex>
#include <optional>

// Exiv2 0.27 declares its handles as std::auto_ptr, deprecated since C++11; the warnings are in
// its headers and its API, not in what this file does with them.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>
#include <exiv2/webpimage.hpp>

#include "platform/image_container.h"

namespace xaso::platform {
namespace {

constexpr const char* kOrientation = "Exif.Image.Orientation";

// Exiv2's XMP toolkit must be initialised once before threads use it, and its warnings about
// odd files would go to stderr: a refused photo is reported to the sender, not logged.
void InitExiv2Once() {
  static std::once_flag once;
  std::call_once(once, [] {
    Exiv2::XmpParser::initialize();
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
  });
}

Error Unreadable() {
  return MakeError(ErrorCode::kInvalidArgument,
                   "Không đọc được ảnh (tệp hỏng hoặc không phải ảnh JPG, PNG, WebP).");
}

}  // namespace

Result<std::string> StripImageMetadata(std::string_view bytes) {
  InitExiv2Once();
  if (bytes.empty()) return Unreadable();
  try {
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()),
                                           static_cast<long>(bytes.size()));
    const int type = image->imageType();
    if (type != Exiv2::ImageType::jpeg && type != Exiv2::ImageType::png &&
        type != Exiv2::ImageType::webp) {
      return Unreadable();
    }
    image->readMetadata();
    std::optional<uint16_t> orientation;
    const auto found = image->exifData().findKey(Exiv2::ExifKey(kOrientation));
    if (found != image->exifData().end() && found->count() == 1) {
      const long value = found->toLong();
      if (value >= 1 && value <= 8) orientation = static_cast<uint16_t>(value);
    }
    image->clearMetadata();
    if (orientation) image->exifData()[kOrientation] = *orientation;
    image->writeMetadata();
    Exiv2::BasicIo& io = image->io();
    if (io.open() != 0) return Unreadable();
    std::string out(io.size(), '\0');
    const long read =
        io.read(reinterpret_cast<Exiv2::byte*>(out.data()), static_cast<long>(out.size()));
    io.close();
    if (read != static_cast<long>(out.size()) || out.empty()) return Unreadable();
    // What exiv2 does not manage (other segments and chunks, data after the image) goes too.
    std::optional<std::string> kept;
    if (type == Exiv2::ImageType::jpeg) kept = KeepJpegImageSegments(out);
    if (type == Exiv2::ImageType::png) kept = KeepPngImageChunks(out);
    if (type == Exiv2::ImageType::webp) kept = KeepWebpImageChunks(out);
    if (!kept) return Unreadable();
    return std::move(*kept);
  } catch (const std::exception&) {
    // Exiv2 reports a file it cannot parse by throwing Exiv2::AnyError (or std::bad_alloc on
    // absurd sizes); both mean the photo is refused.
    return Unreadable();
  }
}

}  // namespace xaso::platform

#pragma GCC diagnostic pop
