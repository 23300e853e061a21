// DisclosureService's reads of compliance and the quarterly list of published items (Luật
// THDCCS Art 13(2)), which is published as an item of its own.
#include <algorithm>
#include <set>

#include "core/csv.h"
#include "core/text.h"
#include "domain/disclosure/disclosure_service.h"

namespace xaso::disclosure {
namespace {

constexpr size_t kMaxSummaryChars = 20000;
// Room left at the end of a long summary for the pointer to the CSV file.
constexpr size_t kSummaryTailChars = 200;

std::string_view ChannelLabelVi(Channel c) {
  switch (c) {
    case Channel::kNoticeBoard: return "niêm yết tại trụ sở";
    case Channel::kVillageHouse: return "niêm yết tại thôn";
    case Channel::kRadio: return "đài truyền thanh";
    case Channel::kPortal: return "cổng thông tin";
    case Channel::kVillageHead: return "qua trưởng thôn";
    case Channel::kMeeting: return "hội nghị";
    case Channel::kOther: return "hình thức khác";
  }
  return "";
}

std::optional<LogLine> LineOf(const Item& item, const Period& period) {
  if (item.status == ItemStatus::kDraft || item.postings.empty()) return std::nullopt;
  LogLine line;
  line.item_id = item.id;
  line.type_code = item.type_code;
  line.title = item.title;
  line.decision_number = item.decision_number;
  line.first_out = *FirstOut(item);
  std::set<Channel> channels;
  bool indefinite = false;
  for (const Posting& p : item.postings) {
    channels.insert(p.channel);
    if (!p.until) {
      indefinite = true;
    } else if (!line.until || *p.until > *line.until) {
      line.until = p.until;
    }
  }
  if (line.first_out < period.first || line.first_out > period.last) return std::nullopt;
  if (indefinite) line.until.reset();
  line.channels.assign(channels.begin(), channels.end());
  return line;
}

std::string SummaryOf(const QuarterLog& log) {
  std::string out = "Danh mục " + std::to_string(log.lines.size()) +
                    " thông tin đã công khai trong " + PeriodLabelVi(log.period) + ".\n";
  int n = 0;
  for (const LogLine& l : log.lines) {
    std::string line = std::to_string(++n) + ". " + l.first_out.ToVi() + ": " + l.title;
    if (!l.decision_number.empty()) line += " (" + l.decision_number + ")";
    line += " — ";
    for (size_t i = 0; i < l.channels.size(); ++i) {
      if (i > 0) line += ", ";
      line += ChannelLabelVi(l.channels[i]);
    }
    line += l.until ? "; đến " + l.until->ToVi() : "; không thời hạn";
    line += "\n";
    if (Utf8Length(out) + Utf8Length(line) > kMaxSummaryChars - kSummaryTailChars) {
      out += "… Danh mục đầy đủ trong tệp CSV đính kèm.\n";
      break;
    }
    out += line;
  }
  return out;
}

}  // namespace

std::string QuarterLogCsv(const QuarterLog& log) {
  // The byte order mark makes spreadsheet programs read the Vietnamese as UTF-8.
  std::string out =
      "\xEF\xBB\xBFitem_id,type_code,title,decision_number,channels,first_out,until\r\n";
  for (const LogLine& l : log.lines) {
    std::string channels;
    for (Channel c : l.channels) {
      if (!channels.empty()) channels += ';';
      channels += ChannelCode(c);
    }
    out += std::to_string(l.item_id) + "," + CsvEscape(l.type_code) + "," + CsvEscape(l.title) +
           "," + CsvEscape(l.decision_number) + "," + CsvEscape(channels) + "," +
           l.first_out.ToVi() + "," + (l.until ? l.until->ToVi() : "") + "\r\n";
  }
  return out;
}

Result<ItemCompliance> DisclosureService::Check(const Item& item) {
  const DisclosureType* type = TypeOf(item);
  if (!type) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "Loại thông tin của mục không còn trong danh mục.");
  }
  XASO_ASSIGN_OR_RETURN(auto cal, calendar_.For(item.commune_id));
  return CheckItem(item, *type, *cal, clock_.TodayVn());
}

Result<CommuneCompliance> DisclosureService::CheckYear(int64_t commune_id, int year) {
  XASO_ASSIGN_OR_RETURN(std::vector<Item> items, repo_.ItemsOfYear(commune_id, year));
  XASO_ASSIGN_OR_RETURN(auto cal, calendar_.For(commune_id));
  return CheckCommune(items, catalogue_, *cal, year, clock_.TodayVn());
}

bool DisclosureService::IsPublicNow(const Item& item) const {
  const DisclosureType* type = TypeOf(item);
  return type != nullptr && IsPublicOn(item, *type, clock_.TodayVn());
}

Result<QuarterLog> DisclosureService::BuildQuarterLog(int64_t commune_id, int year, int quarter) {
  const auto period = ParsePeriod(std::to_string(year) + "-Q" + std::to_string(quarter));
  if (quarter < 1 || quarter > 4 || !period) {
    return Error{
        ErrorCode::kInvalidArgument, "Quý không hợp lệ.", {{"quarter", "Quý không hợp lệ."}}};
  }
  QuarterLog log;
  log.period = *period;
  // An item goes out in the quarter whatever year it belongs to: a December decision is
  // often published in January, a next year's estimate in December.
  for (int y = year - 1; y <= year + 1; ++y) {
    XASO_ASSIGN_OR_RETURN(std::vector<Item> items, repo_.ItemsOfYear(commune_id, y));
    for (const Item& item : items) {
      if (auto line = LineOf(item, log.period)) log.lines.push_back(std::move(*line));
    }
  }
  std::sort(log.lines.begin(), log.lines.end(), [](const LogLine& a, const LogLine& b) {
    return a.first_out != b.first_out ? a.first_out < b.first_out : a.item_id < b.item_id;
  });
  return log;
}

Result<int64_t> DisclosureService::PublishQuarterLog(const identity::Account& who,
                                                     int64_t commune_id, int year, int quarter,
                                                     const audit::AuditRecord& rec) {
  if (!CanManage(who)) {
    return MakeError(ErrorCode::kPermissionDenied,
                     "Bạn không có quyền quản lý thông tin công khai.");
  }
  if (commune_id != who.commune_id) return MakeError(ErrorCode::kNotFound, "Không tìm thấy xã.");
  XASO_ASSIGN_OR_RETURN(QuarterLog log, BuildQuarterLog(commune_id, year, quarter));
  if (clock_.TodayVn() <= log.period.last) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     PeriodLabelVi(log.period) + " chưa kết thúc, chưa lập được danh mục.");
  }
  Item item;
  item.commune_id = commune_id;
  item.type_code = kLogTypeCode;
  item.title = "Danh mục thông tin đã công khai " + PeriodLabelVi(log.period);
  item.summary = SummaryOf(log);
  item.year = year;
  item.period_key = log.period.key;
  item.created_at = clock_.NowUnix();
  item.created_by = who.id;
  XASO_RETURN_IF_ERROR(Prepare(item));
  const DisclosureType* type = TypeOf(item);
  if (!type) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "Loại thông tin của mục không còn trong danh mục.");
  }
  Attachment csv;
  csv.filename = "danh-muc-cong-khai-" + log.period.key + ".csv";
  csv.content_type = "text/csv; charset=utf-8";
  csv.bytes = QuarterLogCsv(log);
  // One write: the list, its CSV (a file the system writes itself: files::CheckUpload is for
  // what people upload) and the portal posting, refused when the quarter's list is out already.
  const int64_t now = clock_.NowUnix();
  auto id =
      repo_.CreatePublished(item, std::move(csv), now, PortalPosting(item, *type, who, now), rec);
  if (!id && id.error().code == ErrorCode::kFailedPrecondition) {
    return MakeError(ErrorCode::kFailedPrecondition,
                     "Danh mục " + PeriodLabelVi(log.period) + " đã được công bố.");
  }
  return id;
}

}  // namespace xaso::disclosure
