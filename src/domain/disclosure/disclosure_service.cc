// DisclosureService's writes: items, files, publication and postings. The compliance checks
// and the quarterly list are in disclosure_service_log.cc.
#include "domain/disclosure/disclosure_service.h"

#include <algorithm>
#include <utility>

#include "core/field_check.h"
#include "domain/files/upload.h"
#include "domain/identity/authorization.h"

namespace xaso::disclosure {
namespace {

constexpr size_t kMaxReasonChars = 1000;

Error Denied() {
  return MakeError(ErrorCode::kPermissionDenied, "Bạn không có quyền quản lý thông tin công khai.");
}

Error NotFound() { return MakeError(ErrorCode::kNotFound, "Không tìm thấy mục công khai."); }

Error FieldProblem(std::string field, std::string message) {
  return Error{ErrorCode::kInvalidArgument, message, {{std::move(field), message}}};
}

Date EndOfTime() { return Date::FromYmd(9999, 12, 31); }

// The day an item's obligation arose: the last day of its period for a recurring type (the
// day its deadline counts from, even when the report also has a decision date), else its
// decision.
std::optional<Date> ReferenceDate(const Item& item, const DisclosureType& newest) {
  const std::optional<Period> period = ParsePeriod(item.period_key);
  if (newest.recurrence != Recurrence::kNone && period) return period->last;
  if (item.decision_on) return item.decision_on;
  if (period) return period->last;
  return std::nullopt;
}

bool IsImageOrPdf(std::string_view content_type) {
  return content_type == "application/pdf" || content_type.substr(0, 6) == "image/";
}

// Picks the type version for the item's dates and checks the fields against it. Defaults the
// year to that of the period or decision, so that a form may leave it out.
Status PrepareItem(const TypeCatalogue& catalogue, Item& item) {
  const DisclosureType* newest = catalogue.Find(item.type_code, EndOfTime());
  if (!newest) {
    return FieldProblem("type_code", "Loại thông tin công khai không có trong danh mục.");
  }
  // Without a date the newest version stands in, so that ValidateItem names the missing field.
  const std::optional<Date> ref = ReferenceDate(item, *newest);
  const DisclosureType* type = ref ? catalogue.Find(item.type_code, *ref) : newest;
  if (!type) {
    const bool by_period = newest->recurrence != Recurrence::kNone || !item.decision_on;
    return FieldProblem(by_period ? "period_key" : "decision_on",
                        "Loại thông tin này chưa có hiệu lực vào ngày " + ref->ToVi() + ".");
  }
  // A recurring report belongs to its period's year, whatever the form sent: filed under
  // another year, CheckCommune would count its period as missing.
  const std::optional<Period> period = ParsePeriod(item.period_key);
  if (newest->recurrence != Recurrence::kNone && period) {
    item.year = period->last.year();
  } else if (item.year == 0 && ref) {
    item.year = ref->year();
  }
  XASO_RETURN_IF_ERROR(ValidateItem(item, *type));
  item.type_effective_from = type->effective_from;
  return Ok{};
}

}  // namespace

Status DisclosureService::Prepare(Item& item) const { return PrepareItem(catalogue_, item); }

Posting DisclosureService::PortalPosting(const Item& item, const DisclosureType& type,
                                         const identity::Account& who, int64_t now) const {
  const Date today = Clock::DayVn(now);
  Posting portal;
  portal.channel = Channel::kPortal;
  portal.started_on = today;
  if (type.personal_data) {
    // The window runs from the first day out on any channel, so a list already on the notice
    // board leaves the portal when it leaves the board's legal window.
    Item with_portal = item;
    with_portal.postings.push_back(portal);
    if (const auto window = PostingWindow(with_portal, type)) {
      portal.until = std::max(today, window->last);
    }
  }
  portal.note = "Công bố trên cổng thông tin";
  portal.recorded_at = now;
  portal.recorded_by = who.id;
  return portal;
}

bool DisclosureService::CanManage(const identity::Account& who) {
  return who.active && identity::Allows(who.role, identity::Permission::kManageDisclosures);
}

const DisclosureType* DisclosureService::TypeOf(const Item& item) const {
  return catalogue_.Find(item.type_code, item.type_effective_from);
}

Result<int64_t> DisclosureService::Create(const identity::Account& who, Item item,
                                          const audit::AuditRecord& rec) {
  if (!CanManage(who)) return Denied();
  if (item.commune_id == 0) item.commune_id = who.commune_id;
  if (item.commune_id != who.commune_id) return Denied();
  XASO_RETURN_IF_ERROR(Prepare(item));
  item.status = ItemStatus::kDraft;
  item.published_at = 0;
  item.withdrawn_reason.clear();
  item.attachments.clear();
  item.postings.clear();
  item.created_at = clock_.NowUnix();
  item.created_by = who.id;
  return repo_.Create(item, rec);
}

Result<int64_t> DisclosureService::Update(const identity::Account& who, const Item& item,
                                          const audit::AuditRecord& rec) {
  if (!CanManage(who)) return Denied();
  if (item.commune_id != who.commune_id) return NotFound();
  XASO_ASSIGN_OR_RETURN(Item stored, repo_.Get(item.commune_id, item.id));
  if (stored.status == ItemStatus::kWithdrawn) {
    return MakeError(ErrorCode::kFailedPrecondition, "Mục đã gỡ xuống, không sửa được nữa.");
  }
  Item changed = item;
  changed.type_code = stored.type_code;
  // Once out, the dates the deadline counts from are the record: changing them would rewrite
  // the item's compliance after the fact.
  if (stored.status == ItemStatus::kPublished) {
    if (changed.decision_on != stored.decision_on) {
      return FieldProblem("decision_on", "Mục đã công bố: không sửa được ngày ban hành.");
    }
    if (changed.period_key != stored.period_key) {
      return FieldProblem("period_key", "Mục đã công bố: không sửa được kỳ báo cáo.");
    }
  }
  XASO_RETURN_IF_ERROR(Prepare(changed));
  if (stored.status == ItemStatus::kPublished && changed.year != stored.year) {
    return FieldProblem("year", "Mục đã công bố: không sửa được năm.");
  }
  return repo_.Update(changed, rec);
}

Result<Attachment> DisclosureService::Attach(const identity::Account& who, int64_t commune_id,
                                             int64_t item_id, int64_t version,
                                             const std::string& filename, std::string bytes,
                                             size_t max_bytes, const audit::AuditRecord& rec) {
  if (!CanManage(who)) return Denied();
  if (commune_id != who.commune_id) return NotFound();
  auto type = files::CheckUpload(filename, bytes, max_bytes);
  if (!type) return FieldProblem("file", type.error().message);
  Attachment file;
  file.filename = files::SafeFilename(filename);
  file.content_type = *type;
  file.bytes = std::move(bytes);
  return repo_.AddAttachment(commune_id, item_id, version, std::move(file), rec);
}

Status DisclosureService::Detach(const identity::Account& who, int64_t commune_id, int64_t item_id,
                                 int64_t version, int n, const audit::AuditRecord& rec) {
  if (!CanManage(who)) return Denied();
  if (commune_id != who.commune_id) return NotFound();
  return repo_.RemoveAttachment(commune_id, item_id, version, n, rec);
}

Result<int64_t> DisclosureService::Publish(const identity::Account& who, int64_t commune_id,
                                           int64_t id, int64_t version,
                                           const audit::AuditRecord& rec) {
  if (!CanManage(who)) return Denied();
  if (commune_id != who.commune_id) return NotFound();
  XASO_ASSIGN_OR_RETURN(Item item, repo_.Get(commune_id, id));
  if (item.status != ItemStatus::kDraft) {
    return MakeError(ErrorCode::kFailedPrecondition, "Chỉ công bố được mục đang là bản nháp.");
  }
  const DisclosureType* type = TypeOf(item);
  if (!type) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "Loại thông tin của mục không còn trong danh mục.");
  }
  XASO_RETURN_IF_ERROR(ValidateItem(item, *type));
  const int64_t now = clock_.NowUnix();
  return repo_.Publish(commune_id, id, version, now, PortalPosting(item, *type, who, now), rec);
}

Result<int64_t> DisclosureService::Withdraw(const identity::Account& who, int64_t commune_id,
                                            int64_t id, int64_t version, const std::string& reason,
                                            const audit::AuditRecord& rec) {
  if (!CanManage(who)) return Denied();
  if (commune_id != who.commune_id) return NotFound();
  Error err{ErrorCode::kInvalidArgument, "Cần ghi lý do gỡ xuống.", {}};
  CheckText(err, "reason", reason, kMaxReasonChars, "lý do");
  XASO_RETURN_IF_ERROR(FieldErrorsOrOk(std::move(err)));
  return repo_.Withdraw(commune_id, id, version, clock_.TodayVn(), reason, rec);
}

Result<DisclosureService::PostingResult> DisclosureService::AddPosting(
    const identity::Account& who, int64_t commune_id, int64_t item_id, Posting p,
    std::optional<std::pair<std::string, std::string>> proof, size_t max_bytes,
    const audit::AuditRecord& rec) {
  if (!CanManage(who)) return Denied();
  if (commune_id != who.commune_id) return NotFound();
  XASO_RETURN_IF_ERROR(ValidatePosting(p));
  // A posting dated ahead would make the item "on time" before it went out.
  if (p.started_on > clock_.TodayVn()) {
    return FieldProblem("started_on", "Ngày bắt đầu niêm yết không được sau hôm nay.");
  }
  XASO_ASSIGN_OR_RETURN(Item item, repo_.Get(commune_id, item_id));
  if (item.status == ItemStatus::kWithdrawn) {
    return MakeError(ErrorCode::kFailedPrecondition, "Mục đã gỡ xuống, không ghi thêm niêm yết.");
  }
  const DisclosureType* type = TypeOf(item);
  if (!type) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "Loại thông tin của mục không còn trong danh mục.");
  }
  std::optional<Attachment> file;
  if (proof) {
    auto content_type = files::CheckUpload(proof->first, proof->second, max_bytes);
    if (!content_type) return FieldProblem("proof", content_type.error().message);
    if (!IsImageOrPdf(*content_type)) {
      return FieldProblem("proof", "Bằng chứng niêm yết phải là ảnh hoặc tệp PDF.");
    }
    file = Attachment{};
    file->content_type = *content_type;
    file->bytes = std::move(proof->second);
    p.proof_content_type = *content_type;
  } else {
    p.proof_sha256.clear();
    p.proof_content_type.clear();
  }
  p.recorded_at = clock_.NowUnix();
  p.recorded_by = who.id;
  XASO_ASSIGN_OR_RETURN(p.id, repo_.AddPosting(commune_id, item_id, p, file, rec));
  XASO_ASSIGN_OR_RETURN(auto cal, calendar_.For(commune_id));
  item.postings.push_back(p);
  return PostingResult{p.id, CheckItem(item, *type, *cal, clock_.TodayVn())};
}

Status DisclosureService::TakeDown(const identity::Account& who, int64_t commune_id,
                                   int64_t item_id, int64_t posting_id, Date on,
                                   const audit::AuditRecord& rec) {
  if (!CanManage(who)) return Denied();
  if (commune_id != who.commune_id) return NotFound();
  XASO_ASSIGN_OR_RETURN(Item item, repo_.Get(commune_id, item_id));
  const auto it = std::find_if(item.postings.begin(), item.postings.end(),
                               [&](const Posting& p) { return p.id == posting_id; });
  if (it == item.postings.end()) {
    return MakeError(ErrorCode::kNotFound, "Không tìm thấy lần niêm yết này.");
  }
  if (it->channel == Channel::kPortal) {
    return FieldProblem("channel", "Tin trên cổng thông tin chỉ gỡ bằng cách gỡ xuống cả mục.");
  }
  if (on < it->started_on) {
    return FieldProblem("taken_down_on", "Ngày gỡ không được trước ngày bắt đầu niêm yết.");
  }
  if (on > clock_.TodayVn()) {
    return FieldProblem("taken_down_on", "Ngày gỡ không được sau hôm nay.");
  }
  return repo_.TakeDown(commune_id, item_id, posting_id, on, rec);
}

}  // namespace xaso::disclosure
