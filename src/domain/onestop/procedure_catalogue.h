// The procedure catalogue as a CSV file (data/onestop/procedures.csv): one procedure a row, so
// that a commune's list can be copied from the province's published catalogue and checked.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/onestop/procedure.h"

namespace xaso::onestop {

// Columns (any order, more are ignored): code, name, field, processing_time ("trong_ngay" or a
// number of working days), fees, documents, steps, legal_basis, online_level (OnlineLevelCode),
// unit_code, to_verify ("0" or "1"). List columns separate items with '|'; a fee is
// "kind:amount:per:name" (FeeKindCode, whole đồng, the unit charged or empty, then the name,
// which may hold ':'). Items and fields are trimmed.
// kInvalidArgument naming the line ("dòng N: ") for the first row that does not parse, fails
// ValidateProcedure (with its field errors) or repeats a code; or when the CSV itself is bad.
Result<std::vector<Procedure>> ParseProcedureCatalogue(std::string_view csv);

}  // namespace xaso::onestop
