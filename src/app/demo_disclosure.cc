// The demo commune's disclosure register: this year's budget (the adopted estimate and the
// quarterly execution, one quarter published late), a land-use plan, the democracy regulation
// (posted for good), a support list read on the radio, a poor-household list (personal data;
// its households come from demo_households.cc), an inspection conclusion and the fees and
// charges; each posted at the headquarters and in some villages with a photo of the notice
// board, one village posting taken down too soon. Every record goes through DisclosureService
// at its own date, so compliance is computed from them.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/disclosure/disclosure_service.h"
#include "storage/disclosure/sql_disclosure_repository.h"
#include "app/system.h"
#include "app/system_impl.h"

namespace xaso::app {
namespace {

using disclosure::Channel;

constexpr size_t kMaxFile = 1 << 20;

uint32_t Crc32(std::string_view bytes) {
  uint32_t crc = 0xFFFFFFFFU;
  for (unsigned char b : bytes) {
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1U)));
  }
  return ~crc;
}

void PutBe32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void PngChunk(std::string& out, std::string_view type, const std::string& data) {
  PutBe32(out, static_cast<uint32_t>(data.size()));
  const std::string body = std::string(type) + data;
  out += body;
  PutBe32(out, Crc32(body));
}

// A small photo of a notice board: a green board with `sheets` white notices, as a PNG whose
// image data is one uncompressed deflate block (no zlib needed for 5 KB).
std::string NoticeBoardPng(int sheets) {
  constexpr int kW = 48, kH = 32;
  std::string raw;
  for (int y = 0; y < kH; ++y) {
    raw.push_back('\0');  // filter: none
    for (int x = 0; x < kW; ++x) {
      const bool frame = x < 2 || x >= kW - 2 || y < 2 || y >= kH - 2;
      const int sheet = (x - 4) / 11;
      const bool paper = !frame && y >= 6 && y < 26 && x >= 4 && sheet < sheets && (x - 4) % 11 < 9;
      const std::array<unsigned char, 3> rgb = frame   ? std::array<unsigned char, 3>{120, 72, 30}
                                               : paper ? std::array<unsigned char, 3>{245, 245, 240}
                                                       : std::array<unsigned char, 3>{30, 100, 60};
      for (unsigned char c : rgb) raw.push_back(static_cast<char>(c));
    }
  }
  std::string png = "\x89PNG\r\n\x1A\n";
  std::string header;
  PutBe32(header, kW);
  PutBe32(header, kH);
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, no interlace
  PngChunk(png, "IHDR", header);
  std::string z = "\x78\x01";  // zlib header, no compression
  const auto len = static_cast<uint16_t>(raw.size());
  z += std::string{'\x01', static_cast<char>(len & 0xFF), static_cast<char>(len >> 8),
                   static_cast<char>(~len & 0xFF), static_cast<char>((~len >> 8) & 0xFF)};
  z += raw;
  uint32_t a = 1, b = 0;
  for (unsigned char c : raw) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  PutBe32(z, (b << 16) | a);
  PngChunk(png, "IDAT", z);
  PngChunk(png, "IEND", "");
  return png;
}

// A one-page PDF standing in for the signed document.
std::string DocumentPdf(const std::string& title) {
  return "%PDF-1.4\n% xaso demo\n1 0 obj << /Title (" + title +
         ") >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
}

struct PostingSeed {
  Channel channel;
  int village = 0;      // 1..8 for a village channel
  int start_after = 0;  // days after publication
  int days = 0;         // planned days up; 0 = indefinitely
  int down_after = -1;  // days after the start it came down; -1 = at the end of `days`
  const char* note = "";
};

struct ItemSeed {
  const char* type;
  const char* title;
  const char* summary;
  const char* number;  // "" for a period
  // The decision date in this year; month 0: `day` days before today, so that the list is still
  // in its posting window (personal data is public only then).
  int month, day;
  int publish_after;   // days after the decision, or after the period's end
  const char* period;  // "Q1".."Q4" or ""
  std::vector<PostingSeed> postings;
};

const std::vector<ItemSeed>& Seeds() {
  static const std::vector<ItemSeed> kSeeds = {
      {"democracy_regulation",
       "Quy chế thực hiện dân chủ ở cơ sở xã Nhật Tân",
       "Quy chế thực hiện dân chủ ở cơ sở, nhiệm vụ của cán bộ, công chức xã và quy tắc ứng xử "
       "khi tiếp xúc với Nhân dân.",
       "05/QĐ-UBND",
       1,
       8,
       4,
       "",
       {{Channel::kNoticeBoard, 0, 0, 0, -1, "Bảng tin trụ sở UBND xã"}}},
      {"fees_charges",
       "Các khoản phí, lệ phí xã trực tiếp thu",
       "Lệ phí chứng thực, lệ phí đăng ký hộ tịch, phí chợ và các khoản đóng góp tự nguyện.",
       "02/TB-UBND",
       1,
       5,
       2,
       "",
       {{Channel::kNoticeBoard, 0, 0, 30, -1, "Bảng tin trụ sở UBND xã"},
        {Channel::kVillageHouse, 2, 1, 30, 20, "Nhà văn hóa thôn 2 (bảng tin bị gỡ khi sửa mái)"},
        {Channel::kRadio, 0, 0, 3, -1, "Đài truyền thanh xã, 06:00 và 17:00, 3 ngày"}}},
      {"budget_estimate",
       "Dự toán ngân sách xã năm {Y}",
       "Dự toán thu, chi ngân sách xã năm {Y} đã được Hội đồng nhân dân xã quyết định.",
       "35/NQ-HĐND",
       1,
       10,
       3,
       "",
       {{Channel::kNoticeBoard, 0, 0, 30, -1, "Bảng tin trụ sở UBND xã"},
        {Channel::kVillageHouse, 1, 1, 30, -1, "Nhà văn hóa thôn 1"},
        {Channel::kVillageHouse, 3, 1, 30, -1, "Nhà văn hóa thôn 3"}}},
      {"investment_land",
       "Kế hoạch sử dụng đất năm {Y} của xã Nhật Tân",
       "Kế hoạch sử dụng đất năm {Y} đã được phê duyệt, kèm bản đồ và danh mục công trình.",
       "120/QĐ-UBND",
       2,
       15,
       5,
       "",
       {{Channel::kNoticeBoard, 0, 0, 30, -1, "Bảng tin trụ sở UBND xã"},
        {Channel::kVillageHouse, 4, 2, 30, -1, "Nhà văn hóa thôn 4"}}},
      {"budget_execution",
       "Tình hình thực hiện dự toán ngân sách xã quý I/{Y}",
       "Số thu, chi ngân sách xã quý I so với dự toán năm.",
       "",
       0,
       0,
       10,
       "Q1",
       {{Channel::kNoticeBoard, 0, 0, 30, -1, "Bảng tin trụ sở UBND xã"}}},
      {"support_beneficiaries",
       "Danh sách hộ được hỗ trợ xây dựng nhà ở năm {Y}",
       "Tiêu chí, quy trình bình xét và danh sách hộ được hỗ trợ xây dựng, sửa chữa nhà ở.",
       "48/QĐ-UBND",
       5,
       6,
       3,
       "",
       {{Channel::kNoticeBoard, 0, 0, 30, -1, "Bảng tin trụ sở UBND xã"},
        {Channel::kRadio, 0, 0, 3, -1, "Đài truyền thanh xã, 06:00 và 17:00, 3 ngày"}}},
      {"budget_execution",
       "Tình hình thực hiện dự toán ngân sách xã quý II/{Y}",
       "Số thu, chi ngân sách xã 6 tháng đầu năm so với dự toán.",
       "",
       0,
       0,
       25,
       "Q2",
       {{Channel::kNoticeBoard, 0, 0, 30, -1, "Bảng tin trụ sở UBND xã"}}},
      {"inspection_results",
       "Kết luận kiểm tra việc quản lý quỹ đất công ích",
       "Kết luận kiểm tra việc quản lý, cho thuê quỹ đất công ích 5% và việc khắc phục.",
       "12/KL-UBND",
       8,
       5,
       3,
       "",
       {{Channel::kNoticeBoard, 0, 0, 30, -1, "Bảng tin trụ sở UBND xã"},
        {Channel::kRadio, 0, 1, 3, -1, "Đài truyền thanh xã, 06:00, 3 ngày"}}},
      {"budget_execution",
       "Tình hình thực hiện dự toán ngân sách xã quý III/{Y}",
       "Số thu, chi ngân sách xã 9 tháng so với dự toán.",
       "",
       0,
       0,
       8,
       "Q3",
       {{Channel::kNoticeBoard, 0, 0, 30, -1, "Bảng tin trụ sở UBND xã"},
        {Channel::kVillageHouse, 5, 1, 30, -1, "Nhà văn hóa thôn 5"}}},
      {"poor_households",
       "Danh sách hộ nghèo, hộ cận nghèo qua rà soát năm {Y}",
       "Danh sách dự kiến hộ nghèo, hộ cận nghèo sau rà soát, lấy ý kiến Nhân dân.",
       "60/TB-UBND",
       0,
       5,
       2,
       "",
       {{Channel::kNoticeBoard, 0, 0, 30, -1, "Bảng tin trụ sở UBND xã"},
        {Channel::kVillageHouse, 6, 0, 30, -1, "Nhà văn hóa thôn 6"},
        {Channel::kRadio, 0, 0, 3, -1, "Đài truyền thanh xã, 06:00 và 17:00, 3 ngày"}}},
  };
  return kSeeds;
}

std::string WithYear(std::string text, int year) {
  for (size_t at = text.find("{Y}"); at != std::string::npos; at = text.find("{Y}")) {
    text.replace(at, 3, std::to_string(year));
  }
  return text;
}

// 09:00 in Vietnam on `day`.
int64_t Morning(Date day) { return Clock::AtVn(day, 9 * 3600); }

}  // namespace

Status System::LoadDemoDisclosures(int64_t commune_id) {
  const Date today = impl_->clock.TodayVn();
  const int year = today.year();
  XASO_ASSIGN_OR_RETURN(auto found, impl_->identity->FindAccountByUsername("vanphong"));
  if (!found) return MakeError(ErrorCode::kNotFound, "Thiếu tài khoản mẫu.");
  const identity::Account& officer = *found;
  XASO_ASSIGN_OR_RETURN(auto villages, impl_->identity->ListVillages(commune_id));
  const audit::AuditRecord rec{commune_id, officer.id, officer.username, "", "", "", ""};
  // Each step at its own date: the repository dates its audit entries and files by this clock
  // and the service its portal posting.
  FakeClock at(impl_->clock.NowUnix());
  storage::SqlDisclosureRepository repo(*impl_->db, at);
  disclosure::DisclosureService service(repo, disclosure::DefaultCatalogue(),
                                        *impl_->calendar_service, at);
  disclosure::HouseholdReview review(*impl_->households, service.catalogue(), at);
  int photo = 0;
  for (const ItemSeed& seed : Seeds()) {
    disclosure::Item item;
    item.commune_id = commune_id;
    item.type_code = seed.type;
    item.title = WithYear(seed.title, year);
    item.summary = WithYear(seed.summary, year);
    item.year = year;
    item.decision_number = seed.number;
    Date published;
    if (*seed.period != '\0') {
      item.period_key = std::to_string(year) + "-" + seed.period;
      const int quarter = seed.period[1] - '0';
      published = Date::FromYmd(year, quarter * 3, quarter == 1 || quarter == 4 ? 31 : 30)
                      .AddDays(seed.publish_after);
    } else if (seed.month == 0) {
      item.decision_on = today.AddDays(-seed.day);
      item.year = item.decision_on->year();
      published = item.decision_on->AddDays(seed.publish_after);
    } else {
      item.decision_on = Date::FromYmd(year, seed.month, seed.day);
      published = item.decision_on->AddDays(seed.publish_after);
    }
    if (published > today) continue;  // a demo run early in the year has less to show
    at.Set(Morning(published) - 3600);
    XASO_ASSIGN_OR_RETURN(const int64_t id, service.Create(officer, item, rec));
    XASO_ASSIGN_OR_RETURN(auto stored, repo.Get(commune_id, id));
    const std::string slug = std::string(seed.type) + "-" + std::to_string(id) + ".pdf";
    XASO_RETURN_IF_ERROR(service.Attach(officer, commune_id, id, stored.version, slug,
                                        DocumentPdf(item.title), kMaxFile, rec));
    XASO_RETURN_IF_ERROR(ImportDemoHouseholds(review, officer, stored, villages, rec));
    at.Set(Morning(published));
    XASO_RETURN_IF_ERROR(service.Publish(officer, commune_id, id, stored.version + 1, rec));
    for (const PostingSeed& ps : seed.postings) {
      disclosure::Posting p;
      p.channel = ps.channel;
      if (ps.village > 0 && ps.village <= static_cast<int>(villages.size())) {
        p.village_id = villages[ps.village - 1].id;
      }
      p.started_on = published.AddDays(ps.start_after);
      if (p.started_on > today) continue;
      if (ps.days > 0) p.until = p.started_on.AddDays(ps.days - 1);
      p.note = ps.note;
      at.Set(Morning(p.started_on));
      std::optional<std::pair<std::string, std::string>> proof;
      if (ps.channel != Channel::kRadio) {
        ++photo;
        proof.emplace("bang-tin-" + std::to_string(photo) + ".png", NoticeBoardPng(1 + photo % 4));
      }
      XASO_ASSIGN_OR_RETURN(auto posted, service.AddPosting(officer, commune_id, id, p,
                                                            std::move(proof), kMaxFile, rec));
      if (ps.channel == Channel::kRadio || ps.days == 0) continue;
      // Notice boards come down the day after their last day, or early when the seed says so.
      const Date down = p.started_on.AddDays(ps.down_after >= 0 ? ps.down_after : ps.days);
      if (down > today) continue;
      at.Set(Morning(down));
      XASO_RETURN_IF_ERROR(service.TakeDown(officer, commune_id, id, posted.posting_id, down, rec));
    }
  }
  return Ok{};
}

}  // namespace xaso::app
