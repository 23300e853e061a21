// The demo commune's feedback categories: the default set (feedback::DefaultCategories), each
// routed to the unit whose work it is; and a handful of items received at fixed dates in 2026
// (answered, closed and rated, one answered and not yet rated, one overdue, one the citizen was
// not satisfied with) so that the public list and the register have something to show.
#include "platform/image_metadata.h"
#include "app/system.h"
#include "app/system_impl.h"

namespace xaso::app {
namespace {

struct DemoItem {
  const char* category;
  feedback::Kind kind;
  feedback::Channel channel;
  int month;
  int day;
  const char* title;
  const char* description;
  const char* name;
  bool show_name;
  const char* answer;  // empty: not answered
  feedback::Rating rating;
  bool close;
};

const DemoItem kDemoItems[] = {
    {"ha_tang", feedback::Kind::kFeedback, feedback::Channel::kPortal, 3, 2,
     "Đèn chiếu sáng đường trục thôn Đông hỏng",
     "Ba bóng đèn chiếu sáng trên đường trục thôn Đông, đoạn gần nhà văn hóa, không sáng từ "
     "tuần trước, đi lại buổi tối rất nguy hiểm.",
     "Ngô Thị Thu", true,
     "Ngày 09/3/2026, Ban Địa chính – Xây dựng đã phối hợp với Điện lực huyện thay 3 bóng đèn "
     "hỏng. Cảm ơn bà đã phản ánh.",
     feedback::Rating::kSatisfied, true},
    {"thu_tuc", feedback::Kind::kQuestion, feedback::Channel::kPhone, 4, 6,
     "Hồ sơ đăng ký khai sinh cần những giấy tờ gì?",
     "Tôi muốn đăng ký khai sinh cho con, cần chuẩn bị những giấy tờ gì và nộp ở đâu?", "", false,
     "Hồ sơ gồm tờ khai theo mẫu và giấy chứng sinh; nộp tại Bộ phận Một cửa của xã hoặc trực "
     "tuyến trên Cổng Dịch vụ công quốc gia.",
     feedback::Rating::kNone, false},
    {"moi_truong", feedback::Kind::kFeedback, feedback::Channel::kHotline, 5, 4,
     "Rác thải đổ trộm ven kênh thôn Nam",
     "Có người đổ trộm rác xây dựng ven kênh thủy lợi thôn Nam, gây tắc dòng chảy.",
     "Trần Văn Bình", false, "", feedback::Rating::kNone, false},
    {"khac", feedback::Kind::kFeedback, feedback::Channel::kPortal, 6, 1,
     "Loa truyền thanh thôn Bắc phát quá to vào buổi sáng",
     "Loa truyền thanh gần chợ thôn Bắc phát quá to từ 5 giờ sáng, đề nghị điều chỉnh âm lượng.",
     "", false, "Xã đã điều chỉnh giờ phát sáng sang 6 giờ.", feedback::Rating::kUnsatisfied,
     false},
    // Two more answered questions, so that the questions and answers have something to find.
    {"thu_tuc", feedback::Kind::kQuestion, feedback::Channel::kPortal, 6, 8,
     "Xã công khai dự toán ngân sách năm 2026 ở đâu?",
     "Tôi muốn xem dự toán và quyết toán ngân sách của xã thì xem ở đâu?", "", false,
     "Dự toán ngân sách xã năm 2026 được công khai tại trụ sở Ủy ban nhân dân xã, tại nhà văn "
     "hóa các thôn và trên trang này của xã, trong 30 ngày kể từ ngày được Hội đồng nhân dân "
     "xã quyết định.",
     feedback::Rating::kSatisfied, false},
    {"dat_dai", feedback::Kind::kQuestion, feedback::Channel::kInPerson, 6, 15,
     "Quy hoạch sử dụng đất của xã xem ở đâu?", "Gia đình tôi muốn xem quy hoạch sử dụng đất.", "",
     false,
     "Bản đồ quy hoạch sử dụng đất được niêm yết tại trụ sở Ủy ban nhân dân xã; công chức Địa "
     "chính – Xây dựng hướng dẫn xem vào giờ hành chính.",
     feedback::Rating::kNone, false},
};

}  // namespace

Status System::LoadDemoFeedback(int64_t commune_id, const std::vector<identity::Unit>& units) {
  const audit::AuditRecord demo{commune_id, 0, "demo", "", "", "", ""};
  XASO_RETURN_IF_ERROR(SeedFeedbackCategories(commune_id, units, demo));
  XASO_ASSIGN_OR_RETURN(auto categories, impl_->feedback_repo->ListCategories(commune_id));
  for (const auto& item : kDemoItems) {
    feedback::Submission s;
    s.commune_id = commune_id;
    for (const auto& c : categories) {
      if (c.code == item.category) s.category_id = c.id;
    }
    s.kind = item.kind;
    s.channel = item.channel;
    s.title = item.title;
    s.description = item.description;
    s.citizen_name = item.name;
    s.show_name = item.show_name;
    // Received at 09:00 in Vietnam on the item's day.
    const int64_t received =
        Date::FromYmd(2026, item.month, item.day).days() * int64_t{86400} + 2 * 3600;
    FakeClock at(received);
    feedback::FeedbackService service(
        *impl_->feedback_repo, *impl_->rules, *impl_->calendar_service, at, platform::RandomBytes,
        {/*max_bytes=*/0, platform::StripImageMetadata});  // no photos
    XASO_ASSIGN_OR_RETURN(auto f, service.Submit(s, 0, demo));
    int64_t version = f.version;
    // Each move two days after the one before, through the service so that answers carry
    // their answer time.
    auto move = [&](feedback::ItemStatus to, const std::string& text) -> Status {
      at.Advance(2 * 86400);
      feedback::Move m{f.id, version, to, std::nullopt, text};
      XASO_ASSIGN_OR_RETURN(version, service.Apply(f, m, demo));
      return Ok{};
    };
    XASO_RETURN_IF_ERROR(move(feedback::ItemStatus::kInProgress, ""));
    if (*item.answer == '\0') continue;
    XASO_RETURN_IF_ERROR(move(feedback::ItemStatus::kAnswered, item.answer));
    if (item.rating != feedback::Rating::kNone) {
      XASO_RETURN_IF_ERROR(
          impl_->feedback_repo->Rate(f.tracking_code, item.rating, at.NowUnix() + 86400));
    }
    if (item.close) XASO_RETURN_IF_ERROR(move(feedback::ItemStatus::kClosed, ""));
  }
  return Ok{};
}

}  // namespace xaso::app
