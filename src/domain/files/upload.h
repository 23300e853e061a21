// What files the platform accepts as evidence and attachments: PDF, images and office
// documents under a size limit. The type is decided from the file's first bytes and its
// extension together, never from what the browser claims, and is the only type the file is
// ever served with.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace xaso::files {

// The content type to store and serve the file with, or kInvalidArgument naming the problem
// (empty, over `max_bytes`, a type not accepted, contents that do not match the extension).
Result<std::string> CheckUpload(std::string_view filename, std::string_view bytes,
                                size_t max_bytes);

// The extension of `filename` after its last dot, in lower case; "" when it has none.
std::string FileExtension(std::string_view filename);

// A file name safe for a Content-Disposition header and for display: the last path segment,
// control characters and quotes removed, at most 120 characters; "tep" when nothing is left.
std::string SafeFilename(std::string_view filename);

}  // namespace xaso::files
