#include "domain/plan/plan.h"

#include <type_traits>

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

Status ValidatePlan(const Plan& p) {
  Error err{ErrorCode::kInvalidArgument, "Kế hoạch chưa hợp lệ.", {}};
  CheckText(err, "number", p.number, 40, "số kế hoạch");
  CheckText(err, "title", p.title, 300, "tên kế hoạch");
  CheckText(err, "goal", p.goal, 2000, "mục tiêu", false);
  if (p.year < 1990 || p.year > 2200) {
    err.fields.push_back({"year", "Năm của kế hoạch phải trong khoảng 1990–2200."});
  }
  if (p.issued_on.year() < 1990 || p.issued_on.year() > 2200) {
    err.fields.push_back({"issued_on", "Ngày ban hành không hợp lệ."});
  }
  return FieldErrorsOrOk(std::move(err));
}

Status ValidateTask(const Task& t) {
  Error err{ErrorCode::kInvalidArgument, "Nhiệm vụ chưa hợp lệ.", {}};
  CheckText(err, "title", t.title, 300, "tên nhiệm vụ");
  CheckText(err, "description", t.description, 5000, "mô tả", false);
  CheckText(err, "section", t.section, 40, "mục của kế hoạch", false);
  if (t.dimension < 1 || t.dimension > 8) {
    err.fields.push_back({"dimension", "Chọn một lĩnh vực PAPI từ 1 đến 8."});
  }
  // Dates far from today would only be typing mistakes, and would make every working-day
  // count walk centuries.
  const auto sane = [](Date d) { return d.year() >= 1990 && d.year() <= 2200; };
  if (!sane(t.starts_on)) {
    err.fields.push_back({"starts_on", "Ngày bắt đầu phải trong khoảng 1990–2200."});
  }
  if (t.due_on && !sane(*t.due_on)) {
    err.fields.push_back({"due_on", "Hạn hoàn thành phải trong khoảng 1990–2200."});
  } else if (t.recurrence == Recurrence::kNone && !t.due_on) {
    err.fields.push_back({"due_on", "Cần nhập hạn hoàn thành (dd/mm/yyyy)."});
  } else if (t.recurrence != Recurrence::kNone && t.due_on) {
    err.fields.push_back({"due_on", "Nhiệm vụ định kỳ không có hạn cố định; bỏ trống hạn."});
  } else if (t.due_on && *t.due_on < t.starts_on) {
    err.fields.push_back({"due_on", "Hạn hoàn thành không được trước ngày bắt đầu."});
  }
  for (int64_t u : t.coordinating_unit_ids) {
    if (u == t.lead_unit_id) {
      err.fields.push_back({"coordinating_unit_ids", "Đơn vị chủ trì không cần chọn là phối hợp."});
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

namespace {

std::string DateText(const std::optional<Date>& d) { return d ? d->ToVi() : "không có"; }

template <class T>
std::string Join(const std::vector<T>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += ", ";
    if constexpr (std::is_same_v<T, std::string>) {
      out += i;
    } else {
      out += "#" + std::to_string(i);
    }
  }
  return out.empty() ? "không có" : out;
}

}  // namespace

std::string DescribeChanges(const Task& a, const Task& b) {
  std::string out;
  auto add = [&](const char* field, const std::string& from, const std::string& to) {
    if (from == to) return;
    if (!out.empty()) out += "; ";
    out += std::string(field) + ": " + from + " → " + to;
  };
  add("tên", "“" + a.title + "”", "“" + b.title + "”");
  add("mục", a.section, b.section);
  if (a.description != b.description) add("mô tả", "(cũ)", "(mới)");
  add("lĩnh vực", std::to_string(a.dimension), std::to_string(b.dimension));
  add("nội dung thành phần", Join(a.subdimensions), Join(b.subdimensions));
  add("đơn vị chủ trì", "#" + std::to_string(a.lead_unit_id), "#" + std::to_string(b.lead_unit_id));
  add("đơn vị phối hợp", Join(a.coordinating_unit_ids), Join(b.coordinating_unit_ids));
  add("bắt đầu", a.starts_on.ToVi(), b.starts_on.ToVi());
  add("hạn hoàn thành", DateText(a.due_on), DateText(b.due_on));
  add("lặp lại", std::string(RecurrenceCode(a.recurrence)),
      std::string(RecurrenceCode(b.recurrence)));
  add("nhiệm vụ cha", a.parent_id ? "#" + std::to_string(*a.parent_id) : "không có",
      b.parent_id ? "#" + std::to_string(*b.parent_id) : "không có");
  return out.empty() ? "không đổi" : out;
}

}  // namespace xaso::plan
