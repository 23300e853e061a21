// Reading a portal's export of dossiers received online (issue 5, part 2): CSV with a header,
// or JSON (an array of objects with the same names as keys). JSON needs nlohmann-json, which
// the domain may not include, hence this adapter over domain/onestop/dossier_import.h.
#pragma once

#include <optional>
#include <string_view>

#include "core/result.h"
#include "domain/onestop/dossier_import.h"

namespace xaso::platform {

enum class ImportFormat { kCsv, kJson };

// "csv" or "json"; nullopt otherwise.
std::optional<ImportFormat> ImportFormatFromName(std::string_view name);

// The intakes of an export and the records that cannot be intakes (IntakesFromRecords).
// kInvalidArgument, in Vietnamese, when the file as a whole cannot be read: empty, not CSV or
// JSON, a CSV header with missing or unknown columns, JSON that is not an array of objects.
// A JSON value that is not a string is a problem of its record (numbers are accepted as text).
Result<onestop::ImportBatch> ParseDossierImport(std::string_view text, ImportFormat format);

}  // namespace xaso::platform
