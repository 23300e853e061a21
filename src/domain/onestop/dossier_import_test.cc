#include "domain/onestop/dossier_import.h"

#include <gtest/gtest.h>

#include "domain/onestop/onestop_testing.h"

namespace xaso::onestop {
namespace {

using testing::VnTime;

TEST(DossierImportTest, ReceivedAtInVietnamTimeOrIsoWithOffset) {
  EXPECT_EQ(ParseReceivedAt("20/11/2026 08:30"), VnTime("2026-11-20", 8, 30));
  EXPECT_EQ(ParseReceivedAt(" 20/11/2026 08:30 "), VnTime("2026-11-20", 8, 30));
  EXPECT_EQ(ParseReceivedAt("2026-11-20T08:30:15+07:00"), VnTime("2026-11-20", 8, 30, 15));
  EXPECT_EQ(ParseReceivedAt("2026-11-20T01:30:00Z"), VnTime("2026-11-20", 8, 30));
  EXPECT_EQ(ParseReceivedAt("2026-11-19T20:30-05:00"), VnTime("2026-11-20", 8, 30));
}

TEST(DossierImportTest, BadReceivedAtIsRefused) {
  for (const char* bad : {"", "31/02/2026 08:30", "20/11/2026 24:00", "20/11/2026", "2026-11-20",
                          "2026-11-20T08:30:00", "2026-11-20T08:30:00+7", "20-11-2026 08:30",
                          "2026-13-01T08:30:00Z", "hôm qua"}) {
    EXPECT_FALSE(ParseReceivedAt(bad).has_value()) << bad;
  }
}

TEST(DossierImportTest, CsvRowsBecomeOnlineIntakesKeepingTheirCodes) {
  auto records = ReadImportCsv(
      "\xEF\xBB\xBF"
      "code,procedure_code,received_at,applicant_name,phone,address,documents\r\n"
      "000.00.21.H31-261120-0001,1.001193,20/11/2026 08:30,Nguyễn Văn An,0912345678,Thôn 1,"
      "\"Tờ khai; Giấy chứng sinh ;\"\r\n");
  ASSERT_TRUE(records.has_value()) << records.error().message;
  const ImportBatch batch = IntakesFromRecords(*records);
  ASSERT_TRUE(batch.problems.empty());
  ASSERT_EQ(batch.rows.size(), 1U);
  const ImportRow& row = batch.rows[0];
  EXPECT_EQ(row.line, 2);
  EXPECT_EQ(row.intake.code, "000.00.21.H31-261120-0001");
  EXPECT_EQ(row.intake.procedure_code, "1.001193");
  EXPECT_EQ(row.intake.channel, DossierChannel::kOnline);
  EXPECT_EQ(row.intake.received_at, VnTime("2026-11-20", 8, 30));
  EXPECT_EQ(row.intake.applicant.name, "Nguyễn Văn An");
  EXPECT_EQ(row.intake.applicant.phone, "0912345678");
  EXPECT_EQ(row.intake.applicant.address, "Thôn 1");
  EXPECT_EQ(row.intake.documents, (std::vector<std::string>{"Tờ khai", "Giấy chứng sinh"}));
}

TEST(DossierImportTest, ABadLineIsReportedAndTheOthersKept) {
  auto records = ReadImportCsv(
      "applicant_name,code,procedure_code,received_at\n"
      "Trần Thị Bình,A-0001,1.001193,2026-11-20T08:30:00+07:00\n"
      "Lê Văn C,A-0002,1.001193,32/11/2026 08:30\n"
      ",A-0003,1.001193,20/11/2026 08:30\n");
  ASSERT_TRUE(records.has_value());
  const ImportBatch batch = IntakesFromRecords(*records);
  ASSERT_EQ(batch.rows.size(), 1U);
  EXPECT_EQ(batch.rows[0].intake.code, "A-0001");
  ASSERT_EQ(batch.problems.size(), 2U);
  EXPECT_EQ(batch.problems[0].line, 3);
  EXPECT_NE(batch.problems[0].message.find("32/11/2026 08:30"), std::string::npos);
  EXPECT_EQ(batch.problems[1].line, 4);
  EXPECT_NE(batch.problems[1].message.find("thiếu “applicant_name”"), std::string::npos);
}

TEST(DossierImportTest, UnknownOrMissingColumnsRefuseTheFile) {
  auto unknown = ReadImportCsv(
      "code,procedure_code,received_at,applicant_name,email\nA-0001,1.001193,20/11/2026 "
      "08:30,An,a@b.vn\n");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_NE(unknown.error().message.find("“email”"), std::string::npos);
  auto missing = ReadImportCsv("code,procedure_code,applicant_name\nA-0001,1.001193,An\n");
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message.find("received_at"), std::string::npos);
  EXPECT_FALSE(ReadImportCsv("").has_value());
}

TEST(DossierImportTest, AnUnknownKeyOfARecordIsItsProblem) {
  ImportRecord r{7,
                 {{"code", "A-0001"},
                  {"procedure_code", "1.001193"},
                  {"received_at", "20/11/2026 08:30"},
                  {"applicant_name", "An"},
                  {"cccd", "001"}}};
  const ImportBatch batch = IntakesFromRecords({r});
  EXPECT_TRUE(batch.rows.empty());
  ASSERT_EQ(batch.problems.size(), 1U);
  EXPECT_EQ(batch.problems[0].line, 7);
  EXPECT_NE(batch.problems[0].message.find("cột không biết “cccd”"), std::string::npos);
}

}  // namespace
}  // namespace xaso::onestop
