// Removes the metadata of a photo (Exif with GPS position and camera, IPTC, XMP, comments)
// before it is stored or published, through libexiv2 (ADR 0006). Only the Exif orientation is
// kept, so that a phone photo is not shown sideways.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace xaso::platform {

// The bytes of the JPEG, PNG or WebP image `bytes` with every metadata block removed except
// the Exif orientation tag; the picture data itself is copied, not re-encoded.
// kInvalidArgument when exiv2 cannot read or rewrite the image (not an image, a truncated or
// damaged file, a type it cannot write). Thread-safe.
Result<std::string> StripImageMetadata(std::string_view bytes);

}  // namespace xaso::platform
