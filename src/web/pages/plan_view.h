// Pieces shared by the plan pages, the public accountability pages and the plan API: which
// plan a page shows, unit and dimension names, and a task as template data.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "domain/plan/plan_service.h"
#include "web/router.h"

namespace xaso::web {

using UnitNames = std::map<int64_t, std::string>;

// The commune's plan chosen by `?ke-hoach=ID`, else its latest; nullopt when it has none.
// Errors: a bad or foreign id → kNotFound.
Result<std::optional<plan::Plan>> ChoosePlan(Context& ctx, int64_t commune_id);
UnitNames LoadUnitNames(Context& ctx, int64_t commune_id);
std::string DimensionName(Lang lang, int dimension);
std::string StatusLabel(Lang lang, plan::TaskStatus status);
// One task for a template: id, title, section, dimension, unit, due (dd/mm/yyyy), overdue,
// days left, status label and code, progress.
Data TaskData(Context& ctx, const plan::TaskView& v, const UnitNames& units);
// Bars per PAPI dimension, drawn as SVG.
std::string DimensionChart(Context& ctx, const plan::Summary& s, const std::string& title);
// "3/5 xong · 1 quá hạn" for a tally.
std::string TallyNote(Lang lang, const plan::Tally& t);
// A positive id from a path parameter; nullopt for anything else.
std::optional<int64_t> IdParam(const Context& ctx, const std::string& name);
// A file download: its own content type, never sniffed, always as an attachment.
Response FileResponse(const plan::Evidence& e, std::string bytes);

}  // namespace xaso::web
