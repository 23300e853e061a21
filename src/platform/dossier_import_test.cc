#include "platform/dossier_import.h"

#include <gtest/gtest.h>

namespace xaso::platform {
namespace {

TEST(DossierImportJsonTest, AnArrayOfObjectsBecomesIntakes) {
  auto batch = ParseDossierImport(R"([
    {"code": "H31-0001", "procedure_code": "1.001193", "received_at": "2026-11-20T08:30:00+07:00",
     "applicant_name": "Nguyễn Văn An", "phone": "0912345678", "documents": "Tờ khai;CCCD"},
    {"code": "H31-0002", "procedure_code": "1.001193", "received_at": 20261120,
     "applicant_name": "Bình"},
    {"code": "H31-0003", "procedure_code": "1.001193", "received_at": "20/11/2026 09:00",
     "applicant_name": "Cường", "phone": ["x"]},
    "not an object"
  ])",
                                  ImportFormat::kJson);
  ASSERT_TRUE(batch.has_value()) << batch.error().message;
  ASSERT_EQ(batch->rows.size(), 1U);
  EXPECT_EQ(batch->rows[0].line, 1);
  EXPECT_EQ(batch->rows[0].intake.code, "H31-0001");
  EXPECT_EQ(batch->rows[0].intake.documents, (std::vector<std::string>{"Tờ khai", "CCCD"}));
  EXPECT_EQ(batch->rows[0].intake.channel, onestop::DossierChannel::kOnline);
  ASSERT_EQ(batch->problems.size(), 3U);
  EXPECT_EQ(batch->problems[0].line, 2);  // a number that is no time of receipt
  EXPECT_EQ(batch->problems[1].line, 3);
  EXPECT_NE(batch->problems[1].message.find("“phone”"), std::string::npos);
  EXPECT_EQ(batch->problems[2].line, 4);
}

TEST(DossierImportJsonTest, AFileThatCannotBeReadIsRefusedWhole) {
  EXPECT_FALSE(ParseDossierImport("", ImportFormat::kJson).has_value());
  EXPECT_FALSE(ParseDossierImport("  \n", ImportFormat::kCsv).has_value());
  EXPECT_FALSE(ParseDossierImport("{\"code\": \"x\"}", ImportFormat::kJson).has_value());
  EXPECT_FALSE(ParseDossierImport("[1, 2", ImportFormat::kJson).has_value());
  EXPECT_FALSE(ParseDossierImport("code\n\"unterminated", ImportFormat::kCsv).has_value());
}

TEST(DossierImportJsonTest, CsvGoesThroughTheSameRecords) {
  auto batch = ParseDossierImport(
      "code,procedure_code,received_at,applicant_name\nH31-0001,1.001193,20/11/2026 08:30,An\n",
      ImportFormat::kCsv);
  ASSERT_TRUE(batch.has_value());
  ASSERT_EQ(batch->rows.size(), 1U);
  EXPECT_EQ(batch->rows[0].intake.code, "H31-0001");
  EXPECT_EQ(ImportFormatFromName("json"), ImportFormat::kJson);
  EXPECT_FALSE(ImportFormatFromName("xml").has_value());
}

}  // namespace
}  // namespace xaso::platform
