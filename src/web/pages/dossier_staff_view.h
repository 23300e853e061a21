// Pieces shared by the one-stop shop's staff pages (dossier_staff_pages.cc, dossier_handling.cc)
// and the printable forms 01-06 (dossier_forms.cc): the dossier a path names, the Vietnamese
// labels of statuses and timeliness, staff names, and the process-control sheet (form 06).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/onestop/dossier_repository.h"
#include "web/pages/dossier_view.h"
#include "web/router.h"

namespace xaso::web {

// The dossier of the path's {id} in the signed-in account's commune. kNotFound for a bad id or
// another commune's dossier.
Result<onestop::Dossier> LoadDossier(Context& ctx);

// The forms a status change prints (TT 03/2025/TT-VPCP): 02 the request to supplement, 03 the
// refusal, 05 the stop; each prints the latest event that moved the dossier to its status.
struct StatusForm {
  const char* number;
  const char* status;  // onestop::DossierStatusCode
};
inline constexpr StatusForm kStatusForms[] = {
    {"02", "supplement_requested"}, {"03", "refused"}, {"05", "stopped"}};

// The commune's accounts by id and by username (the sheet records usernames).
struct StaffNames {
  std::map<int64_t, std::string> by_id;
  std::map<std::string, std::string> by_username;
};
StaffNames LoadStaffNames(Context& ctx, int64_t commune_id);

// Form 06's lines for a template: at, actor, from, to, note, missing (list), due.
Data SheetData(Context& ctx, const std::vector<onestop::Event>& events, const StaffNames& names);

// Form 04's extensions in order, each with the due date it replaced.
struct ExtensionLine {
  int64_t at = 0;
  std::string actor;
  Date old_due_on;
  Date new_due_on;
  std::string reason;
};
std::vector<ExtensionLine> ExtensionsOf(const onestop::Dossier& d,
                                        const std::vector<onestop::Event>& events);

// The non-blank lines of a textarea, trimmed: the missing items of form 02, the other
// documents of an intake.
std::vector<std::string> Lines(const std::string& text);

// The site's address as the request reached it ("http://127.0.0.1:8080"; https when the
// request came over TLS or the site sets secure cookies), for links printed on paper; empty
// when the Host header is missing or holds anything a host name cannot.
std::string SiteBase(const Context& ctx);

}  // namespace xaso::web
