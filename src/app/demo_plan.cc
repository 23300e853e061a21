// Plan 11/KH-UBND as a plan with one task per action (demo/plan11-tasks.csv), with the demo
// progress that makes the accountability pages meaningful. Tasks go through the same checks
// as any other (ValidateTask, the PAPI catalogue), so a bad row fails the demo loudly.
#include <array>
#include <map>

#include "core/csv.h"
#include "domain/papi/catalogue.h"
#include "app/system_impl.h"

namespace xaso::app {
namespace {

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(';', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Error RowError(const CsvRow& row, const std::string& what) {
  return MakeError(ErrorCode::kInvalidArgument,
                   "plan11-tasks.csv dòng " + std::to_string(row.line) + ": " + what);
}

}  // namespace

Status LoadDemoPlan(identity::IdentityRepository& identity, plan::PlanRepository& plans,
                    int64_t now, int64_t commune_id, int64_t document_id) {
  constexpr std::array<std::string_view, 15> kColumns = {
      "key",           "parent_key",    "section",
      "title",         "description",   "dimension",
      "subdimensions", "lead_unit",     "coordinating_units",
      "starts_on",     "due_on",        "recurrence",
      "demo_status",   "demo_progress", "demo_note"};
  XASO_ASSIGN_OR_RETURN(const std::string_view csv, DemoFile("plan11-tasks.csv"));
  XASO_ASSIGN_OR_RETURN(auto table, ParseCsvWithHeader(csv, kColumns));
  XASO_ASSIGN_OR_RETURN(auto units, identity.ListUnits(commune_id));
  std::map<std::string, int64_t, std::less<>> unit_ids;
  for (const auto& u : units) unit_ids[u.code] = u.id;

  const audit::AuditRecord demo{commune_id, 0, "demo", "", "", "", ""};
  plan::Plan p;
  p.commune_id = commune_id;
  p.year = 2024;
  p.number = "11/KH-UBND";
  p.issued_on = Date::FromYmd(2024, 1, 29);
  p.title = "Kế hoạch nâng cao hiệu quả quản trị và hành chính công xã Nhật Tân năm 2024";
  p.goal = "Chỉ số PAPI của xã Nhật Tân năm 2024 tăng bậc so với năm 2023.";
  p.document_id = document_id;
  XASO_ASSIGN_OR_RETURN(p.id, plans.CreatePlan(p, demo, now));

  std::map<std::string, int64_t, std::less<>> task_ids;
  for (const CsvRow& row : table.rows) {
    auto field = [&](std::string_view c) -> const std::string& { return table.Field(row, c); };
    plan::Task t;
    t.commune_id = commune_id;
    t.plan_id = p.id;
    t.plan_year = p.year;
    if (!field("parent_key").empty()) {
      auto it = task_ids.find(field("parent_key"));
      if (it == task_ids.end()) return RowError(row, "unknown parent " + field("parent_key"));
      t.parent_id = it->second;
    }
    t.section = field("section");
    t.title = field("title");
    t.description = field("description");
    t.dimension = std::atoi(field("dimension").c_str());
    t.subdimensions = SplitList(field("subdimensions"));
    auto lead = unit_ids.find(field("lead_unit"));
    if (lead == unit_ids.end()) return RowError(row, "unknown unit " + field("lead_unit"));
    t.lead_unit_id = lead->second;
    for (const std::string& code : SplitList(field("coordinating_units"))) {
      auto it = unit_ids.find(code);
      if (it == unit_ids.end()) return RowError(row, "unknown unit " + code);
      t.coordinating_unit_ids.push_back(it->second);
    }
    auto starts = Date::ParseIso(field("starts_on"));
    if (!starts) return RowError(row, "bad starts_on");
    t.starts_on = *starts;
    if (!field("due_on").empty()) t.due_on = Date::ParseIso(field("due_on"));
    auto recurrence = plan::RecurrenceFromCode(field("recurrence"));
    auto status = plan::StatusFromCode(field("demo_status"));
    if (!recurrence || !status) return RowError(row, "bad recurrence or status");
    t.recurrence = *recurrence;
    t.status = *status;
    t.progress = std::atoi(field("demo_progress").c_str());
    // Demo history: finished work is dated at its deadline (or the year's end when it
    // recurs), so that the 2024 plan reads as it would have been reported.
    const Date year_end = Date::FromYmd(p.year, 12, 31);
    if (t.status == plan::TaskStatus::kDone) t.done_on = t.due_on.value_or(year_end);
    if (t.recurrence != plan::Recurrence::kNone && t.status != plan::TaskStatus::kNotStarted) {
      t.last_done_on = year_end;
    }
    XASO_RETURN_IF_ERROR(plan::ValidateTask(t));
    XASO_RETURN_IF_ERROR(
        papi::Catalogue::Default().ValidateCodes(t.dimension, t.subdimensions, p.year));
    XASO_ASSIGN_OR_RETURN(const int64_t id, plans.CreateTask(t, demo, now));
    task_ids[field("key")] = id;
    if (!field("demo_note").empty()) {
      XASO_RETURN_IF_ERROR(plans.AddComment(commune_id, id, field("demo_note"), demo, now));
    }
  }
  return Ok{};
}

}  // namespace xaso::app
