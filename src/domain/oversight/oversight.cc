#include "domain/oversight/oversight.h"

#include "core/code_table.h"
#include "core/field_check.h"
#include "core/text.h"

namespace xaso::oversight {
namespace {

constexpr std::pair<InspectionKind, std::string_view> kKinds[] = {
    {InspectionKind::kPlanned, "planned"}, {InspectionKind::kUnannounced, "unannounced"}};
constexpr std::pair<FindingStatus, std::string_view> kFindingStatuses[] = {
    {FindingStatus::kOpen, "open"}, {FindingStatus::kClosed, "closed"}};
constexpr std::pair<SupervisoryBody, std::string_view> kBodies[] = {
    {SupervisoryBody::kMttq, "mttq"},
    {SupervisoryBody::kBttnd, "bttnd"},
    {SupervisoryBody::kBgsdtcd, "bgsdtcd"}};
constexpr std::pair<RecommendationStatus, std::string_view> kRecommendationStatuses[] = {
    {RecommendationStatus::kOpen, "open"}, {RecommendationStatus::kAnswered, "answered"}};

void CheckNotFuture(Error& err, std::string_view field, Date day, Date today,
                    std::string_view what) {
  if (day > today) {
    err.fields.push_back({std::string(field),
                          std::string(what) + " không được sau hôm nay (" + today.ToVi() + ")."});
  }
}

}  // namespace

std::string_view KindCode(InspectionKind k) { return ToCode(kKinds, k); }
std::optional<InspectionKind> KindFromCode(std::string_view c) { return FromCode(kKinds, c); }
std::string_view FindingStatusCode(FindingStatus s) { return ToCode(kFindingStatuses, s); }
std::optional<FindingStatus> FindingStatusFromCode(std::string_view c) {
  return FromCode(kFindingStatuses, c);
}
std::string_view BodyCode(SupervisoryBody b) { return ToCode(kBodies, b); }
std::optional<SupervisoryBody> BodyFromCode(std::string_view c) { return FromCode(kBodies, c); }
std::string_view RecommendationStatusCode(RecommendationStatus s) {
  return ToCode(kRecommendationStatuses, s);
}
std::optional<RecommendationStatus> RecommendationStatusFromCode(std::string_view c) {
  return FromCode(kRecommendationStatuses, c);
}

Status ValidateInspection(const Inspection& i, Date today) {
  Error err{ErrorCode::kInvalidArgument, "Cuộc kiểm tra chưa hợp lệ.", {}};
  CheckText(err, "topic", i.topic, 300, "nội dung kiểm tra");
  CheckText(err, "subject", i.subject, 300, "đối tượng kiểm tra", false);
  CheckText(err, "conclusion", i.conclusion, 10000, "kết luận", false);
  if (!i.unit_id && Trim(i.subject).empty()) {
    err.fields.push_back({"subject", "Chọn bộ phận được kiểm tra hoặc nhập đối tượng kiểm tra."});
  }
  if (i.dimension && (*i.dimension < 1 || *i.dimension > 8)) {
    err.fields.push_back({"dimension", "Chọn một lĩnh vực PAPI từ 1 đến 8."});
  }
  // An inspection may take place before its planned day (an earlier or unannounced visit), but
  // a record of one that has not happened yet is refused.
  if (i.conducted_on) CheckNotFuture(err, "conducted_on", *i.conducted_on, today, "Ngày kiểm tra");
  if (!i.conducted_on && !Trim(i.conclusion).empty()) {
    err.fields.push_back({"conducted_on", "Nhập ngày kiểm tra cùng với kết luận."});
  }
  return FieldErrorsOrOk(std::move(err));
}

Status ValidateFinding(const Finding& f, Date inspected_on) {
  Error err{ErrorCode::kInvalidArgument, "Nội dung phát hiện chưa hợp lệ.", {}};
  CheckText(err, "description", f.description, 4000, "nội dung phát hiện");
  CheckText(err, "sanction", f.sanction, 2000, "hình thức xử lý", false);
  if (f.remediation_due_on < inspected_on) {
    err.fields.push_back({"remediation_due_on", "Hạn khắc phục không được trước ngày kiểm tra (" +
                                                    inspected_on.ToVi() + ")."});
  }
  return FieldErrorsOrOk(std::move(err));
}

Status ValidateRecheck(const Recheck& r, const Finding& f, Date inspected_on, Date today) {
  Error err{ErrorCode::kInvalidArgument, "Kết quả tái kiểm tra chưa hợp lệ.", {}};
  CheckText(err, "note", r.note, 4000, "ghi chú", false);
  CheckNotFuture(err, "checked_on", r.checked_on, today, "Ngày tái kiểm tra");
  std::optional<Date> latest;
  for (const Recheck& x : f.rechecks) {
    if (!latest || x.checked_on > *latest) latest = x.checked_on;
  }
  if (r.checked_on < inspected_on) {
    err.fields.push_back({"checked_on", "Ngày tái kiểm tra không được trước ngày kiểm tra (" +
                                            inspected_on.ToVi() + ")."});
  } else if (latest && r.checked_on < *latest) {
    err.fields.push_back(
        {"checked_on",
         "Ngày tái kiểm tra không được trước lần tái kiểm tra gần nhất (" + latest->ToVi() + ")."});
  } else if (f.closed_on && r.checked_on < *f.closed_on) {
    err.fields.push_back({"checked_on",
                          "Ngày tái kiểm tra không được trước ngày phát hiện được "
                          "xác nhận đã khắc phục (" +
                              f.closed_on->ToVi() + ")."});
  }
  if (!r.remedied && !r.new_due_on) {
    err.fields.push_back({"new_due_on", "Chưa khắc phục thì cần hạn khắc phục mới (dd/mm/yyyy)."});
  } else if (!r.remedied && *r.new_due_on <= r.checked_on) {
    err.fields.push_back({"new_due_on", "Hạn khắc phục mới phải sau ngày tái kiểm tra."});
  } else if (r.remedied && r.new_due_on) {
    err.fields.push_back({"new_due_on", "Đã khắc phục thì bỏ trống hạn mới."});
  }
  return FieldErrorsOrOk(std::move(err));
}

Status ValidateRecommendation(const Recommendation& r, Date today) {
  Error err{ErrorCode::kInvalidArgument, "Kiến nghị chưa hợp lệ.", {}};
  CheckText(err, "title", r.title, 300, "tiêu đề kiến nghị");
  CheckText(err, "content", r.content, 10000, "nội dung kiến nghị");
  CheckText(err, "reference", r.reference, 100, "số văn bản", false);
  CheckNotFuture(err, "received_on", r.received_on, today, "Ngày nhận");
  return FieldErrorsOrOk(std::move(err));
}

Status ValidateAnswer(const Answer& a, const Recommendation& r, Date today) {
  Error err{ErrorCode::kInvalidArgument, "Văn bản trả lời chưa hợp lệ.", {}};
  CheckText(err, "answer", a.text, 10000, "nội dung trả lời");
  CheckText(err, "answer_reference", a.reference, 100, "số văn bản trả lời", false);
  CheckNotFuture(err, "answered_on", a.answered_on, today, "Ngày trả lời");
  if (a.answered_on < r.received_on) {
    err.fields.push_back({"answered_on", "Ngày trả lời không được trước ngày nhận kiến nghị (" +
                                             r.received_on.ToVi() + ")."});
  }
  return FieldErrorsOrOk(std::move(err));
}

Date EffectiveRemediationDue(const Finding& f, const calendar::LegalCalendar& cal) {
  return cal.CalendarDaysDeadline(f.remediation_due_on, 0);
}

bool IsOverdue(const Finding& f, Date today, const calendar::LegalCalendar& cal) {
  return f.status == FindingStatus::kOpen && today > EffectiveRemediationDue(f, cal);
}

bool IsLate(const Recommendation& r, Date today) {
  if (r.status == RecommendationStatus::kOpen) return today > r.due_on;
  return r.answered_on && *r.answered_on > r.due_on;
}

}  // namespace xaso::oversight
