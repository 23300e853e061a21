// The demo commune's procedure catalogue: data/onestop/procedures.csv as compiled in, each
// procedure handled by the unit its row names.
#include <algorithm>

#include "domain/onestop/default_catalogue.h"
#include "app/system.h"
#include "app/system_impl.h"

namespace xaso::app {

Status System::LoadDemoProcedures(int64_t commune_id, const std::vector<identity::Unit>& units) {
  XASO_ASSIGN_OR_RETURN(auto procedures, onestop::DefaultProcedureCatalogue());
  const audit::AuditRecord demo{0, 0, "demo", "", "", "", ""};
  const int64_t now = impl_->clock.NowUnix();
  for (const onestop::Procedure& p : procedures) {
    // A row naming a unit the commune lacks would route its dossiers nowhere.
    const bool known = std::any_of(units.begin(), units.end(),
                                   [&](const identity::Unit& u) { return u.code == p.unit_code; });
    if (!known) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "Thủ tục " + p.code + " ghi đơn vị không có trong xã: " + p.unit_code);
    }
    XASO_RETURN_IF_ERROR(impl_->procedures->Create(commune_id, p, demo, now));
  }
  return Ok{};
}

}  // namespace xaso::app
