#include "web/pages/plan_view.h"

#include "core/text.h"
#include "domain/papi/catalogue.h"
#include "web/form.h"
#include "web/svg_chart.h"

namespace xaso::web {

std::optional<int64_t> IdParam(const Context& ctx, const std::string& name) {
  auto it = ctx.params.find(name);
  if (it == ctx.params.end()) return std::nullopt;
  return ParseInt(it->second);
}

Result<std::optional<plan::Plan>> ChoosePlan(Context& ctx, int64_t commune_id) {
  const std::string wanted = ctx.req.Query("ke-hoach");
  if (!wanted.empty()) {
    const auto id = ParseInt(wanted);
    if (!id) return MakeError(ErrorCode::kNotFound, "Không tìm thấy kế hoạch.");
    XASO_ASSIGN_OR_RETURN(auto plan, ctx.svc.plans->GetPlan(commune_id, *id));
    return std::optional<plan::Plan>(std::move(plan));
  }
  XASO_ASSIGN_OR_RETURN(auto plans, ctx.svc.plans->ListPlans(commune_id));
  if (plans.empty()) return std::optional<plan::Plan>();
  return std::optional<plan::Plan>(std::move(plans.front()));
}

UnitNames LoadUnitNames(Context& ctx, int64_t commune_id) {
  UnitNames names;
  if (auto units = ctx.svc.identity->ListUnits(commune_id)) {
    for (const auto& u : *units) {
      names[u.id] = ctx.lang == Lang::kEn && !u.name_en.empty() ? u.name_en : u.name_vi;
    }
  }
  return names;
}

std::string DimensionName(Lang lang, int dimension) {
  const auto* d = papi::Catalogue::Default().FindDimension(dimension);
  if (!d) return std::to_string(dimension);
  return lang == Lang::kEn ? d->name_en : d->name_vi;
}

std::string StatusLabel(Lang lang, plan::TaskStatus status) {
  return Message(lang, "plan.status." + std::string(plan::StatusCode(status)));
}

std::string TallyNote(Lang lang, const plan::Tally& t) {
  std::string note = std::to_string(t.done) + "/" + std::to_string(t.total) + " " +
                     Message(lang, "plan.done_short");
  if (t.overdue)
    note += " · " + std::to_string(t.overdue) + " " + Message(lang, "plan.overdue_short");
  return note;
}

Data TaskData(Context& ctx, const plan::TaskView& v, const UnitNames& units) {
  const plan::Task& t = v.task;
  Data d;
  d.set("id", std::to_string(t.id));
  d.set("title", t.title);
  d.set("section", t.section);
  d.set("dimension", std::to_string(t.dimension));
  d.set("dimension_name", DimensionName(ctx.lang, t.dimension));
  auto unit = units.find(t.lead_unit_id);
  d.set("unit", unit == units.end() ? std::string() : unit->second);
  d.set("status", std::string(plan::StatusCode(t.status)));
  d.set("status_label", StatusLabel(ctx.lang, t.status));
  d.set("progress", std::to_string(t.progress));
  if (v.deadline.due) d.set("due", v.deadline.due->ToVi());
  d.set("overdue", Data(v.deadline.overdue));
  d.set("recurrence",
        Message(ctx.lang, "plan.recurrence." + std::string(plan::RecurrenceCode(t.recurrence))));
  if (v.deadline.due && !v.deadline.overdue && t.status != plan::TaskStatus::kDone) {
    d.set("days_left", std::to_string(v.deadline.working_days_left));
  }
  // Late over a weekend is late by no working day yet: the badge then gives no count.
  if (v.deadline.overdue && v.deadline.working_days_left < 0) {
    d.set("days_late", std::to_string(-v.deadline.working_days_left));
  }
  return d;
}

std::string DimensionChart(Context& ctx, const plan::Summary& s, const std::string& title) {
  std::vector<Bar> bars;
  for (const auto& [dim, tally] : s.by_dimension) {
    if (tally.total == 0) continue;
    bars.push_back({std::to_string(dim) + ". " + DimensionName(ctx.lang, dim), tally.MeanProgress(),
                    TallyNote(ctx.lang, tally), tally.overdue > 0});
  }
  return ProgressBarsSvg(title, bars);
}

Response FileResponse(const plan::Evidence& e, std::string bytes) {
  Response r{200, {}, std::move(bytes)};
  r.With("Content-Type", e.content_type);
  // RFC 6266: an ASCII fallback and the UTF-8 name; SafeFilename already removed quotes.
  std::string ascii;
  for (unsigned char c : FoldVietnamese(e.filename)) {
    ascii.push_back(c < 0x80 ? static_cast<char>(c) : '_');
  }
  r.With("Content-Disposition",
         "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + PercentEncode(e.filename));
  r.With("X-Content-SHA256", e.sha256);
  return r;
}

}  // namespace xaso::web
