#include "domain/disclosure/disclosure.h"

#include "core/code_table.h"
#include "core/field_check.h"
#include "domain/disclosure/disclosure_type.h"
#include "domain/disclosure/period.h"

namespace xaso::disclosure {
namespace {

constexpr std::pair<ItemStatus, std::string_view> kStatuses[] = {
    {ItemStatus::kDraft, "draft"},
    {ItemStatus::kPublished, "published"},
    {ItemStatus::kWithdrawn, "withdrawn"},
};

constexpr std::pair<Channel, std::string_view> kChannels[] = {
    {Channel::kNoticeBoard, "notice_board"},
    {Channel::kVillageHouse, "village_house"},
    {Channel::kRadio, "radio"},
    {Channel::kPortal, "portal"},
    {Channel::kVillageHead, "village_head"},
    {Channel::kMeeting, "meeting"},
    {Channel::kOther, "other"},
};

}  // namespace

std::optional<ItemStatus> ParseItemStatus(std::string_view code) {
  return FromCode(kStatuses, code);
}
std::string_view ItemStatusCode(ItemStatus s) { return ToCode(kStatuses, s); }
std::optional<Channel> ParseChannel(std::string_view code) { return FromCode(kChannels, code); }
std::string_view ChannelCode(Channel c) { return ToCode(kChannels, c); }

bool IsPosting(Channel c) { return c == Channel::kNoticeBoard || c == Channel::kVillageHouse; }

Status ValidateItem(const Item& item, const DisclosureType& type) {
  Error err{ErrorCode::kInvalidArgument, "Mục công khai chưa hợp lệ.", {}};
  CheckText(err, "title", item.title, 300, "tiêu đề");
  CheckText(err, "summary", item.summary, 20000, "nội dung", /*required=*/false);
  CheckText(err, "decision_number", item.decision_number, 60, "số văn bản", /*required=*/false);
  if (item.year < 2000 || item.year > 2100) {
    err.fields.push_back({"year", "Năm phải từ 2000 đến 2100."});
  }
  if (type.recurrence == Recurrence::kNone) {
    if (!item.period_key.empty()) {
      err.fields.push_back({"period_key", "Loại công khai này không theo kỳ."});
    }
    if (!item.decision_on) {
      err.fields.push_back({"decision_on", "Cần nhập ngày của quyết định hoặc văn bản."});
    }
  } else if (!MatchesRecurrence(item.period_key, type.recurrence)) {
    err.fields.push_back({"period_key", type.recurrence == Recurrence::kQuarterly
                                            ? "Cần chọn quý, ví dụ 2026-Q1."
                                            : "Cần chọn năm, ví dụ 2026."});
  }
  return FieldErrorsOrOk(std::move(err));
}

Status ValidatePosting(const Posting& p) {
  Error err{ErrorCode::kInvalidArgument, "Lần niêm yết chưa hợp lệ.", {}};
  if (p.channel == Channel::kPortal) {
    err.fields.push_back({"channel", "Cổng thông tin được ghi tự động khi công bố."});
  }
  const bool village_channel =
      p.channel == Channel::kVillageHouse || p.channel == Channel::kVillageHead;
  if (village_channel && p.village_id == 0) {
    err.fields.push_back({"village_id", "Cần chọn thôn."});
  } else if (!village_channel && p.village_id != 0) {
    err.fields.push_back({"village_id", "Chỉ chọn thôn khi niêm yết ở thôn."});
  }
  if (p.until && *p.until < p.started_on) {
    err.fields.push_back({"until", "Ngày kết thúc trước ngày bắt đầu."});
  }
  if (p.taken_down_on && *p.taken_down_on < p.started_on) {
    err.fields.push_back({"taken_down_on", "Ngày gỡ xuống trước ngày bắt đầu."});
  }
  CheckText(err, "note", p.note, 1000, "ghi chú", /*required=*/false);
  return FieldErrorsOrOk(std::move(err));
}

}  // namespace xaso::disclosure
