#include "web/pages/disclosure_public_view.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "web/pages/disclosure_staff_view.h"

namespace xaso::web {
namespace {

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d); }

std::optional<DisclosureListQuery> Parse(const std::map<std::string, std::string>& q) {
  return ParseDisclosureListQuery(q);
}

TEST(DisclosurePublicViewTest, ListQueryKeepsWhatIsValid) {
  auto q =
      Parse({{"loai", "budget_execution"}, {"nam", "2026"}, {"q", "ngân sách"}, {"trang", "3"}});
  ASSERT_TRUE(q);
  EXPECT_EQ(q->type_code, "budget_execution");
  EXPECT_EQ(q->year, 2026);
  EXPECT_EQ(q->q, "ngân sách");
  EXPECT_EQ(q->page, 3);
  // Empty fields are absent fields: the form sends "loai=" for "every type".
  auto empty = Parse({{"loai", ""}, {"nam", ""}, {"trang", ""}});
  ASSERT_TRUE(empty);
  EXPECT_FALSE(empty->type_code);
  EXPECT_FALSE(empty->year);
  EXPECT_EQ(empty->page, 1);
}

TEST(DisclosurePublicViewTest, ListQueryRefusesBadInput) {
  for (const auto& [k, v] : std::vector<std::pair<std::string, std::string>>{
           {"nam", "abc"},
           {"nam", "1999"},
           {"nam", "2101"},
           {"nam", "-2026"},
           {"trang", "-1"},
           {"trang", "0"},
           {"trang", "1e3"},
           {"loai", "Budget"},
           {"loai", "a b"},
           {"loai", "x'--"},
           {"q", std::string(201, 'a')},
       }) {
    EXPECT_FALSE(Parse({{k, v}})) << k << "=" << v;
  }
  EXPECT_TRUE(Parse({{"q", std::string(200, 'a')}}));
}

TEST(DisclosurePublicViewTest, TimesAndSizes) {
  EXPECT_EQ(Rfc3339Utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(Rfc3339Utc(1772672523), "2026-03-05T01:02:03Z");
  EXPECT_EQ(FileSizeVi(12), "12 B");
  EXPECT_EQ(FileSizeVi(3482), "3,4 kB");
  EXPECT_EQ(FileSizeVi(1258291), "1,2 MB");
}

TEST(DisclosurePublicViewTest, TimelinessCountsDaysPastTheDeadline) {
  disclosure::ItemCompliance c;
  c.due = D(2026, 4, 15);
  EXPECT_EQ(TimelinessLabel(Lang::kVi, c), "");  // not out yet: nothing to say
  c.first_out = D(2026, 4, 15);
  EXPECT_EQ(TimelinessLabel(Lang::kVi, c), "Đúng hạn");
  c.first_out = D(2026, 4, 16);
  EXPECT_EQ(TimelinessLabel(Lang::kVi, c), "Chậm 1 ngày");
  EXPECT_EQ(TimelinessLabel(Lang::kEn, c), "1 days late");
}

TEST(DisclosurePublicViewTest, AtomFeedEscapesAndDatesEveryEntry) {
  const std::vector<FeedEntry> entries = {
      {"http://x.vn/xa/a/cong-khai/2?a=1&b=2", "Chi <ngân sách> & \"thu\"", "Dự toán", "Tóm tắt",
       1772672523},
      {"http://x.vn/xa/a/cong-khai/1", "Kế hoạch", "Kế hoạch", "", 1772000000},
  };
  const std::string xml = AtomFeed("Công khai · Xã A", "http://x.vn/xa/a/cong-khai/moi.atom",
                                   "http://x.vn/xa/a/cong-khai", entries, 1);
  EXPECT_TRUE(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
  EXPECT_NE(xml.find("<feed xmlns=\"http://www.w3.org/2005/Atom\""), std::string::npos);
  EXPECT_NE(xml.find("<title>Chi &lt;ngân sách&gt; &amp; &quot;thu&quot;</title>"),
            std::string::npos);
  EXPECT_NE(xml.find("href=\"http://x.vn/xa/a/cong-khai/2?a=1&amp;b=2\""), std::string::npos);
  EXPECT_EQ(xml.find("<ngân"), std::string::npos);
  // The feed's <updated> is its newest entry's.
  EXPECT_NE(xml.find("<updated>2026-03-05T01:02:03Z</updated>\n<author>"), std::string::npos);
  size_t entries_seen = 0;
  for (size_t at = 0; (at = xml.find("<entry>", at)) != std::string::npos; ++at) ++entries_seen;
  EXPECT_EQ(entries_seen, 2u);
  EXPECT_EQ(xml.find("<summary></summary>"), std::string::npos);
  // No entries: still a valid feed, updated now.
  EXPECT_NE(AtomFeed("A", "s", "h", {}, 0).find("<updated>1970-01-01T00:00:00Z</updated>"),
            std::string::npos);
}

std::vector<ExportRow> SampleRows() {
  ExportRow r;
  r.id = 7;
  r.type_code = "budget_execution";
  r.law_item = 2;
  r.title = "Thực hiện dự toán, quý I";
  r.year = 2026;
  r.period_key = "2026-Q1";
  r.decision_on = D(2026, 4, 2);
  r.published_at = 1772672523;
  r.first_out = D(2026, 4, 3);
  r.due = D(2026, 4, 15);
  r.on_time = true;
  r.url = "http://x.vn/xa/a/cong-khai/7";
  r.files.push_back(
      {1, "bao-cao.pdf", "application/pdf", 1234, std::string(64, 'a'), r.url + "/tep/1"});
  ExportRow s;
  s.id = 3;
  s.type_code = "plan";
  s.title = "=HYPERLINK(\"x\")";
  s.year = 2025;
  s.url = "http://x.vn/xa/a/cong-khai/3";
  return {r, s};
}

TEST(DisclosurePublicViewTest, CsvExportReadsBackWithItsHeader) {
  const std::string csv = DisclosureExportCsv(SampleRows());
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF"));
  auto table = ParseCsv(csv);
  ASSERT_TRUE(table) << table.error().message;
  ASSERT_EQ(table->size(), 3u);
  const auto& header = (*table)[0];
  const auto& row = (*table)[1];
  ASSERT_EQ(header.size(), row.size());
  auto col = [&](const std::vector<std::string>& r, const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    EXPECT_NE(it, header.end()) << name;
    return r[it - header.begin()];
  };
  EXPECT_EQ(col(row, "id"), "7");
  EXPECT_EQ(col(row, "title"), "Thực hiện dự toán, quý I");
  EXPECT_EQ(col(row, "period"), "2026-Q1");
  EXPECT_EQ(col(row, "decision_on"), "02/04/2026");
  EXPECT_EQ(col(row, "published_at"), "2026-03-05T01:02:03Z");
  EXPECT_EQ(col(row, "due"), "15/04/2026");
  EXPECT_EQ(col(row, "on_time"), "1");
  EXPECT_EQ(col(row, "files"),
            "bao-cao.pdf|" + std::string(64, 'a') + "|http://x.vn/xa/a/cong-khai/7/tep/1");
  // A formula typed as a title stays text in a spreadsheet.
  EXPECT_EQ(col((*table)[2], "title"), "'=HYPERLINK(\"x\")");
  EXPECT_EQ(col((*table)[2], "decision_on"), "");
}

TEST(DisclosurePublicViewTest, JsonExportHasTheSameItems) {
  const auto j = nlohmann::json::parse(DisclosureExportJson(SampleRows()));
  ASSERT_EQ(j["items"].size(), 2u);
  const auto& a = j["items"][0];
  EXPECT_EQ(a["id"], 7);
  EXPECT_EQ(a["law_item"], 2);
  EXPECT_EQ(a["decision_on"], "2026-04-02");
  EXPECT_EQ(a["first_out"], "2026-04-03");
  EXPECT_EQ(a["on_time"], true);
  EXPECT_EQ(a["files"][0]["sha256"], std::string(64, 'a'));
  EXPECT_EQ(a["files"][0]["size"], 1234);
  EXPECT_EQ(a["files"][0]["url"], "http://x.vn/xa/a/cong-khai/7/tep/1");
  EXPECT_TRUE(j["items"][1]["decision_on"].is_null());
  EXPECT_EQ(j["items"][1]["title"], "=HYPERLINK(\"x\")");  // JSON is not a spreadsheet
}

TEST(DisclosurePublicViewTest, NoIndexSetsTheHeader) {
  Response r;
  NoIndex(r);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "X-Robots-Tag");
  EXPECT_EQ(r.headers[0].second, "noindex, nofollow");
}

TEST(DisclosurePublicViewTest, ProofFilenameFollowsItsType) {
  EXPECT_EQ(DisclosureProofFilename(7, "image/jpeg"), "minh-chung-7.jpg");
  EXPECT_EQ(DisclosureProofFilename(7, "image/png"), "minh-chung-7.png");
  EXPECT_EQ(DisclosureProofFilename(7, "image/webp"), "minh-chung-7.webp");
  EXPECT_EQ(DisclosureProofFilename(12, "application/pdf"), "minh-chung-12.pdf");
  EXPECT_EQ(DisclosureProofFilename(3, "text/html"), "minh-chung-3.bin");
}

TEST(DisclosurePublicViewTest, FillPlaceholdersReplacesEveryOccurrence) {
  EXPECT_EQ(
      FillPlaceholders("{days} / {required} ngày, {days}", {{"days", "29"}, {"required", "30"}}),
      "29 / 30 ngày, 29");
  // A value holding its own placeholder is not expanded again.
  EXPECT_EQ(FillPlaceholders("{a}", {{"a", "{a}{a}"}}), "{a}{a}");
}

}  // namespace
}  // namespace xaso::web
