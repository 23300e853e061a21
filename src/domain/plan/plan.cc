#include "domain/plan/plan.h"

#include "core/code_table.h"
#include "core/field_check.h"

namespace xaso::plan {
namespace {

constexpr std::pair<TaskStatus, std::string_view> kStatuses[] = {
    {TaskStatus::kNotStarted, "not_started"},
    {TaskStatus::kInProgress, "in_progress"},
    {TaskStatus::kDone, "done"}};
constexpr std::pair<Recurrence, std::string_view> kRecurrences[] = {
    {Recurrence::kNone, "none"},
    {Recurrence::kQuarterly, "quarterly"},
    {Recurrence::kHalfYearly, "half_yearly"},
    {Recurrence::kYearly, "yearly"},
    {Recurrence::kOngoing, "ongoing"}};
constexpr std::pair<EventKind, std::string_view> kEventKinds[] = {
    {EventKind::kCreate, "create"},
    {EventKind::kEdit, "edit"},
    {EventKind::kProgress, "progress"},
    {EventKind::kComment, "comment"},
    {EventKind::kEvidence, "evidence"}};

void CheckProgress(Error& err, TaskStatus status, int progress) {
  if (progress < 0 || progress > 100) {
    err.fields.push_back({"progress", "Tiến độ phải từ 0 đến 100%."});
  } else if (status == TaskStatus::kDone && progress != 100) {
    err.fields.push_back({"progress", "Nhiệm vụ đã hoàn thành thì tiến độ là 100%."});
  } else if (status != TaskStatus::kDone && progress == 100) {
    err.fields.push_back({"status", "Tiến độ 100% thì chọn trạng thái “Đã hoàn thành”."});
  } else if (status == TaskStatus::kNotStarted && progress != 0) {
    err.fields.push_back({"status", "Đã có tiến độ thì chọn trạng thái “Đang thực hiện”."});
  }
}

}  // namespace

std::string_view StatusCode(TaskStatus s) { return ToCode(kStatuses, s); }
std::optional<TaskStatus> StatusFromCode(std::string_view c) { return FromCode(kStatuses, c); }
std::string_view RecurrenceCode(Recurrence r) { return ToCode(kRecurrences, r); }
std::optional<Recurrence> RecurrenceFromCode(std::string_view c) {
  return FromCode(kRecurrences, c);
}
std::string_view EventKindCode(EventKind k) { return ToCode(kEventKinds, k); }
std::optional<EventKind> EventKindFromCode(std::string_view c) { return FromCode(kEventKinds, c); }

Status ValidateTask(const Task& t) {
  Error err{ErrorCode::kInvalidArgument, "Nhiệm vụ chưa hợp lệ.", {}};
  CheckText(err, "title", t.title, 300, "tên nhiệm vụ");
  CheckText(err, "description", t.description, 5000, "mô tả", false);
  CheckText(err, "section", t.section, 40, "mục của kế hoạch", false);
  if (t.dimension < 1 || t.dimension > 8) {
    err.fields.push_back({"dimension", "Chọn một lĩnh vực PAPI từ 1 đến 8."});
  }
  if (t.recurrence == Recurrence::kNone && !t.due_on) {
    err.fields.push_back({"due_on", "Cần nhập hạn hoàn thành (dd/mm/yyyy)."});
  } else if (t.recurrence != Recurrence::kNone && t.due_on) {
    err.fields.push_back({"due_on", "Nhiệm vụ định kỳ không có hạn cố định; bỏ trống hạn."});
  } else if (t.due_on && *t.due_on < t.starts_on) {
    err.fields.push_back({"due_on", "Hạn hoàn thành không được trước ngày bắt đầu."});
  }
  for (int64_t u : t.coordinating_unit_ids) {
    if (u == t.lead_unit_id) {
      err.fields.push_back({"coordinating_units", "Đơn vị chủ trì không cần chọn là phối hợp."});
      break;
    }
  }
  CheckProgress(err, t.status, t.progress);
  return FieldErrorsOrOk(std::move(err));
}

Status ValidateProgress(const ProgressUpdate& u) {
  Error err{ErrorCode::kInvalidArgument, "Báo cáo tiến độ chưa hợp lệ.", {}};
  CheckProgress(err, u.status, u.progress);
  CheckText(err, "note", u.note, 4000, "ghi chú", false);
  return FieldErrorsOrOk(std::move(err));
}

}  // namespace xaso::plan
