// The commune procedures of data/onestop/procedures.csv, compiled into the binary: what
// `xaso demo` loads for Nhật Tân. Every value is marked to_verify until checked against the
// province's published catalogue.
#pragma once

#include <vector>

#include "core/result.h"
#include "domain/onestop/procedure.h"

namespace xaso::onestop {

// ParseProcedureCatalogue of the embedded file (its errors; kNotFound if it is missing).
Result<std::vector<Procedure>> DefaultProcedureCatalogue();

}  // namespace xaso::onestop
