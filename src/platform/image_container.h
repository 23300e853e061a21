// The second pass of photo scrubbing (ADR 0006): after exiv2 has rewritten the metadata it
// knows, only the parts of the file a viewer needs to show the picture are copied, so that
// blocks exiv2 leaves alone (other JPEG APPn segments, data after the end of a JPEG such as
// the secondary images of MPF, PNG text chunks, unknown WebP chunks) cannot carry a position.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace xaso::platform {

// A JPEG with only SOI, APP0 (JFIF), an APP1 "Exif" block, APP2 ICC_PROFILE, APP14 (Adobe
// colour transform), the tables, frame and scans, and EOI; nothing after EOI. nullopt when the
// segments cannot be followed to EOI.
std::optional<std::string> KeepJpegImageSegments(std::string_view jpeg);

// A PNG with only the chunks that change how the picture looks (critical chunks, transparency,
// colour and gamma, physical size, animation); text, time and Exif chunks are dropped.
// nullopt when the chunks do not add up to a PNG ending in IEND.
std::optional<std::string> KeepPngImageChunks(std::string_view png);

// A WebP with only the VP8/VP8L/VP8X, ALPH, ANIM/ANMF, ICCP and EXIF chunks, its RIFF size and
// VP8X flags made to match. nullopt when the RIFF chunks do not add up.
std::optional<std::string> KeepWebpImageChunks(std::string_view webp);

}  // namespace xaso::platform
