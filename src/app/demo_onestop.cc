// The demo commune's procedure catalogue: data/onestop/procedures.csv as compiled in, each
// procedure handled by the unit its row names.
#include <algorithm>

#include "domain/onestop/default_catalogue.h"
#include "domain/onestop/dossier_service.h"
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
  return LoadDemoDossiers(commune_id);
}

// A few dossiers in every state the register shows: waiting, being processed, waiting for the
// applicant's supplement, overdue, returned late, and returned on time and rated.
Status System::LoadDemoDossiers(int64_t commune_id) {
  using onestop::DossierStatus;
  XASO_ASSIGN_OR_RETURN(auto commune, impl_->identity->GetCommune(commune_id));
  XASO_ASSIGN_OR_RETURN(auto officer, impl_->identity->FindAccountByUsername("vanphong"));
  XASO_ASSIGN_OR_RETURN(auto clerk, impl_->identity->FindAccountByUsername("motcua"));
  if (!officer || !clerk) return MakeError(ErrorCode::kNotFound, "Thiếu tài khoản mẫu.");
  const audit::AuditRecord desk{commune_id, clerk->id, clerk->display_name, "", "", "", ""};
  const audit::AuditRecord office{commune_id, officer->id, officer->display_name, "", "", "", ""};
  const int64_t now = impl_->clock.NowUnix();
  const struct {
    const char* procedure;
    const char* applicant;
    int64_t hours_ago;
    DossierStatus until;
    const char* missing;  // a supplement asked for on the way
  } kDossiers[] = {
      {"1.004873", "Trần Thị Bình", 20, DossierStatus::kReceived, ""},
      {"1.004873", "Lê Văn Cường", 50, DossierStatus::kProcessing, ""},
      {"1.004873", "Phạm Thị Dung", 74, DossierStatus::kSupplementRequested,
       "Bản sao Giấy chứng nhận kết hôn đã ly hôn (bản án, quyết định ly hôn)"},
      {"1.004873", "Hoàng Văn Em", 12 * 24, DossierStatus::kProcessing, ""},
      {"1.004873", "Vũ Thị Giang", 12 * 24, DossierStatus::kReturned, ""},
      {"2.000815", "Đỗ Văn Hải", 2, DossierStatus::kReturned, ""},
  };
  // The workflow up to a dossier's last status, in order.
  const DossierStatus kPath[] = {DossierStatus::kAssigned, DossierStatus::kProcessing,
                                 DossierStatus::kSupplementRequested, DossierStatus::kResultReady,
                                 DossierStatus::kReturned};
  for (const auto& seed : kDossiers) {
    XASO_ASSIGN_OR_RETURN(auto procedure, impl_->procedures->GetByCode(commune_id, seed.procedure));
    onestop::Intake in;
    in.commune_id = commune_id;
    in.procedure_code = seed.procedure;
    in.applicant = {seed.applicant, "", "Thôn Đại Hạnh"};
    in.documents = procedure.documents;
    in.received_at = now - seed.hours_ago * 3600;
    XASO_ASSIGN_OR_RETURN(auto d,
                          impl_->dossiers->Receive(in, identity::DeskAgencyCode(commune), desk));
    for (DossierStatus to : kPath) {
      if (d.status == seed.until) break;
      const bool supplement = to == DossierStatus::kSupplementRequested;
      if (supplement && *seed.missing == '\0') continue;
      onestop::Step step;
      step.version = d.version;
      step.to = to;
      if (to == DossierStatus::kAssigned) step.assignee_id = officer->id;
      if (supplement) step.missing = {seed.missing};
      const bool at_desk = to == DossierStatus::kAssigned || to == DossierStatus::kReturned;
      XASO_ASSIGN_OR_RETURN(d, impl_->dossiers->Move(d, step, at_desk ? desk : office));
    }
    if (d.status == DossierStatus::kReturned && seed.hours_ago < 24) {
      XASO_RETURN_IF_ERROR(impl_->dossier_repo->Rate(commune_id, d.code, d.rating_pin,
                                                     onestop::Satisfaction::kSatisfied, "", now));
    }
  }
  return Ok{};
}

}  // namespace xaso::app
