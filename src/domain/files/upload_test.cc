#include "domain/files/upload.h"

#include <gtest/gtest.h>

namespace xaso::files {
namespace {

TEST(CheckUploadTest, AcceptsPdfAndImagesByContent) {
  EXPECT_EQ(CheckUpload("bao-cao.PDF", "%PDF-1.7\n...", 100).value(), "application/pdf");
  EXPECT_EQ(CheckUpload("anh.jpg", "\xFF\xD8\xFF\xE0xx", 100).value(), "image/jpeg");
  EXPECT_EQ(CheckUpload("anh.png", std::string("\x89PNG\r\n\x1A\n", 8) + "x", 100).value(),
            "image/png");
  EXPECT_EQ(CheckUpload("bang.xlsx", "PK\x03\x04rest", 100).value(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

TEST(CheckUploadTest, RefusesMismatchedForbiddenEmptyAndLarge) {
  EXPECT_FALSE(CheckUpload("x.pdf", "<html>", 100).has_value());
  EXPECT_FALSE(CheckUpload("x.html", "<html>", 100).has_value());
  EXPECT_FALSE(CheckUpload("x.exe", "MZ", 100).has_value());
  EXPECT_FALSE(CheckUpload("noext", "%PDF-", 100).has_value());
  EXPECT_FALSE(CheckUpload("x.pdf", "", 100).has_value());
  EXPECT_FALSE(CheckUpload("x.pdf", "%PDF-" + std::string(200, 'a'), 100).has_value());
  EXPECT_FALSE(CheckUpload("x.webp", "RIFF0000WAVE", 100).has_value());
  auto e = CheckUpload("x.svg", "<svg/>", 100);
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().fields.at(0).field, "file");
}

TEST(FileExtensionTest, IsTheLowerCasePartAfterTheLastDot) {
  EXPECT_EQ(FileExtension("IMG_0001.JPG"), "jpg");
  EXPECT_EQ(FileExtension("anh.tar.WebP"), "webp");
  EXPECT_EQ(FileExtension("khong-duoi"), "");
  EXPECT_EQ(FileExtension("cham."), "");
}

TEST(SafeFilenameTest, StripsPathsQuotesAndControls) {
  EXPECT_EQ(SafeFilename("C:\\Users\\a\\Biên bản.pdf"), "Biên bản.pdf");
  EXPECT_EQ(SafeFilename("../../etc/passwd"), "passwd");
  EXPECT_EQ(SafeFilename("a\"b;\r\nc.pdf"), "abc.pdf");
  EXPECT_EQ(SafeFilename(""), "tep");
  EXPECT_EQ(SafeFilename(".."), "tep");
  const std::string long_name = std::string(200, 'a') + ".pdf";
  const std::string safe = SafeFilename(long_name);
  EXPECT_EQ(safe.size(), 120u);
  EXPECT_TRUE(safe.ends_with(".pdf"));
}

}  // namespace
}  // namespace xaso::files
