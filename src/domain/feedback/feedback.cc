#include "domain/feedback/feedback.h"

#include <cmath>

#include "core/code_table.h"
#include "core/field_check.h"
#include "core/text.h"

namespace xaso::feedback {
namespace {

constexpr std::pair<Kind, std::string_view> kKinds[] = {{Kind::kFeedback, "feedback"},
                                                        {Kind::kQuestion, "question"}};
constexpr std::pair<Channel, std::string_view> kChannels[] = {
    {Channel::kPortal, "portal"}, {Channel::kInPerson, "in_person"},
    {Channel::kPhone, "phone"},   {Channel::kHotline, "hotline"},
    {Channel::kLetter, "letter"}, {Channel::kOpen311, "open311"}};
constexpr std::pair<ItemStatus, std::string_view> kStatuses[] = {
    {ItemStatus::kReceived, "received"},      {ItemStatus::kAssigned, "assigned"},
    {ItemStatus::kInProgress, "in_progress"}, {ItemStatus::kAnswered, "answered"},
    {ItemStatus::kClosed, "closed"},          {ItemStatus::kForwarded, "forwarded"}};
constexpr std::pair<Rating, std::string_view> kRatings[] = {
    {Rating::kNone, ""}, {Rating::kSatisfied, "satisfied"}, {Rating::kUnsatisfied, "unsatisfied"}};

// Readable on a receipt and over the phone: no 0/O, 1/I/L.
constexpr std::string_view kCodePrefix = "PA-";
constexpr size_t kCodeLength = 8;

bool LooksLikePhone(std::string_view s) {
  int digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '.' && c != '-' && c != '+' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 8 && digits <= 15;
}

bool LooksLikeEmail(std::string_view s) {
  const size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && s.find('@', at + 1) == std::string_view::npos &&
         s.find('.', at) != std::string_view::npos && s.back() != '.' &&
         s.find_first_of(" \t<>\"") == std::string_view::npos;
}

}  // namespace

std::string_view KindCode(Kind k) { return ToCode(kKinds, k); }
std::optional<Kind> KindFromCode(std::string_view c) { return FromCode(kKinds, c); }
std::string_view ChannelCode(Channel c) { return ToCode(kChannels, c); }
std::optional<Channel> ChannelFromCode(std::string_view c) { return FromCode(kChannels, c); }
std::string_view StatusCode(ItemStatus s) { return ToCode(kStatuses, s); }
std::optional<ItemStatus> StatusFromCode(std::string_view c) { return FromCode(kStatuses, c); }
std::string_view RatingCode(Rating r) { return ToCode(kRatings, r); }
std::optional<Rating> RatingFromCode(std::string_view c) { return FromCode(kRatings, c); }

bool IsOpen(ItemStatus s) {
  return s != ItemStatus::kAnswered && s != ItemStatus::kClosed && s != ItemStatus::kForwarded;
}

const std::vector<DefaultCategory>& DefaultCategories() {
  static const std::vector<DefaultCategory> kDefaults = {
      {"ha_tang", "Cơ sở hạ tầng (đường, điện, nước, chiếu sáng)",
       "Infrastructure (roads, power, water, lighting)", "infrastructure", "dc_xd"},
      {"moi_truong", "Môi trường, ô nhiễm, rác thải", "Environment, pollution and waste",
       "environment", "dc_xd"},
      {"an_ninh", "An ninh, trật tự", "Security and public order", "security", "cong_an"},
      {"thu_tuc", "Thủ tục hành chính", "Administrative procedures", "procedures", "mot_cua"},
      {"y_te", "Y tế", "Health", "health", "tram_yt"},
      {"giao_duc", "Giáo dục", "Education", "education", "vh_xh"},
      {"dat_dai", "Đất đai", "Land", "land", "dc_xd"},
      {"khac", "Khác", "Other", "other", "vp_tk"},
  };
  return kDefaults;
}

Status ValidateSubmission(const Submission& s) {
  Error err{ErrorCode::kInvalidArgument, "Phản ánh chưa hợp lệ.", {}};
  CheckText(err, "description", s.description, 4000, "nội dung");
  CheckText(err, "title", s.title, 200, "tiêu đề", false);
  CheckText(err, "address", s.address, 300, "địa chỉ", false);
  CheckText(err, "citizen_name", s.citizen_name, 100, "họ và tên", false);
  if (s.lat.has_value() != s.lon.has_value()) {
    err.fields.push_back({s.lat ? "long" : "lat", "Cần cả vĩ độ và kinh độ."});
  } else if (s.lat && (!std::isfinite(*s.lat) || !std::isfinite(*s.lon) || *s.lat < -90 ||
                       *s.lat > 90 || *s.lon < -180 || *s.lon > 180)) {
    err.fields.push_back({"lat", "Tọa độ không hợp lệ (vĩ độ −90…90, kinh độ −180…180)."});
  }
  if (!s.citizen_phone.empty() && !LooksLikePhone(s.citizen_phone)) {
    err.fields.push_back({"citizen_phone", "Số điện thoại không hợp lệ."});
  }
  if (!s.citizen_email.empty() &&
      (s.citizen_email.size() > 200 || !LooksLikeEmail(s.citizen_email))) {
    err.fields.push_back({"citizen_email", "Địa chỉ thư điện tử không hợp lệ."});
  }
  if (s.show_name && s.citizen_name.empty()) {
    err.fields.push_back({"show_name", "Cần nhập họ và tên nếu muốn hiển thị tên."});
  }
  return FieldErrorsOrOk(std::move(err));
}

bool CanRate(const Feedback& f) {
  return f.rating == Rating::kNone && !f.answer.empty() && !f.merged_into &&
         (f.status == ItemStatus::kAnswered || f.status == ItemStatus::kClosed);
}

bool CanMove(ItemStatus from, ItemStatus to) {
  switch (to) {
    case ItemStatus::kAssigned:
      return from == ItemStatus::kReceived || from == ItemStatus::kAssigned;
    case ItemStatus::kInProgress:
      // Also the reopening of an answer the citizen was not satisfied with.
      return from == ItemStatus::kAssigned || from == ItemStatus::kReceived ||
             from == ItemStatus::kAnswered;
    case ItemStatus::kAnswered: return IsOpen(from);
    case ItemStatus::kClosed: return from == ItemStatus::kAnswered;
    case ItemStatus::kForwarded: return IsOpen(from);
    case ItemStatus::kReceived: return false;
  }
  return false;
}

Date AnswerDue(Date received_on, int days, const calendar::LegalCalendar& cal) {
  return cal.AddWorkingDays(received_on, days);
}

std::string MakeTrackingCode(std::string_view random_bytes) {
  return std::string(kCodePrefix) + PlainCode(random_bytes, kCodeLength);
}

bool IsTrackingCode(std::string_view code) {
  if (code.size() != kCodePrefix.size() + kCodeLength || !code.starts_with(kCodePrefix)) {
    return false;
  }
  return IsPlainCode(code.substr(kCodePrefix.size()));
}

std::vector<std::string> SearchTerms(std::string_view query) {
  std::vector<std::string> terms;
  const std::string folded = FoldVietnamese(query);
  size_t i = 0;
  while (i < folded.size() && terms.size() < kMaxSearchTerms) {
    const size_t start = folded.find_first_not_of(" \t\r\n,.;:!?\"'()", i);
    if (start == std::string::npos) break;
    size_t end = folded.find_first_of(" \t\r\n,.;:!?\"'()", start);
    if (end == std::string::npos) end = folded.size();
    std::string term;
    size_t chars = 0;
    for (char c : std::string_view(folded).substr(start, end - start)) {
      const bool starts_char = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      if (starts_char && ++chars > 40) break;
      if (c == '%' || c == '_' || c == '\\') term += '\\';
      term += c;
    }
    terms.push_back(std::move(term));
    i = end;
  }
  return terms;
}

std::string RegisterCursor::ToText() const {
  return std::string(done ? "1." : "0.") + due_on.ToIso() + "." + std::to_string(id);
}

std::optional<RegisterCursor> RegisterCursor::Parse(std::string_view text) {
  // "F.YYYY-MM-DD.ID": a flag, a date of 10 characters, an id of 1 to 18 digits.
  if (text.size() < 14 || text.size() > 31 || (text[0] != '0' && text[0] != '1') ||
      text[1] != '.' || text[12] != '.') {
    return std::nullopt;
  }
  const auto due = Date::ParseIso(text.substr(2, 10));
  if (!due) return std::nullopt;
  int64_t id = 0;
  for (char c : text.substr(13)) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  if (id <= 0) return std::nullopt;
  return RegisterCursor{text[0] == '1', *due, id};
}

}  // namespace xaso::feedback
