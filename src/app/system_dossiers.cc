// The System's dossier operations for the CLI (`xaso dossiers`).
#include "app/system.h"
#include "app/system_impl.h"

namespace xaso::app {

Result<onestop::ImportReport> System::ImportDossiers(const std::string& commune_slug,
                                                     std::string_view text,
                                                     platform::ImportFormat format) {
  identity::Commune commune;
  if (commune_slug.empty()) {
    XASO_ASSIGN_OR_RETURN(auto all, impl_->identity->ListCommunes());
    if (all.empty()) return MakeError(ErrorCode::kNotFound, "no commune in the database");
    commune = all.front();
  } else {
    XASO_ASSIGN_OR_RETURN(commune, impl_->identity->GetCommuneBySlug(commune_slug));
  }
  XASO_ASSIGN_OR_RETURN(auto batch, platform::ParseDossierImport(text, format));
  const audit::AuditRecord rec{commune.id, 0, "cli", "", "", "", ""};
  return onestop::ImportDossiers(*impl_->dossiers, batch, commune.id,
                                 identity::DeskAgencyCode(commune), rec);
}

Status System::RebuildDossierStatistics() { return impl_->dossier_repo->RebuildStatistics(); }

}  // namespace xaso::app
