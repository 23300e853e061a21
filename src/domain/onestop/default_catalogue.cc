#include "domain/onestop/default_catalogue.h"

#include "core/embedded.h"
#include "domain/onestop/procedure_catalogue.h"

namespace xaso::onestop {

Result<std::vector<Procedure>> DefaultProcedureCatalogue() {
  for (const EmbeddedFile& f : EmbeddedProcedureCatalogue()) {
    if (f.path == "procedures.csv") return ParseProcedureCatalogue(f.data);
  }
  return MakeError(ErrorCode::kNotFound, "Thiếu danh mục thủ tục procedures.csv.");
}

}  // namespace xaso::onestop
