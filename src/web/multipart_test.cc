#include "web/multipart.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace xaso::web {
namespace {

constexpr const char* kType = "multipart/form-data; boundary=----xaso42";

std::string Body(const std::string& file_bytes) {
  return "------xaso42\r\n"
         "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
         "tok\r\n"
         "------xaso42\r\n"
         "Content-Disposition: form-data; name=\"note\"\r\n\r\n"
         "Đã niêm yết\r\n"
         "------xaso42\r\n"
         "Content-Disposition: form-data; name=\"file\"; filename=\"bien-ban.pdf\"\r\n"
         "Content-Type: application/pdf\r\n\r\n" +
         file_bytes +
         "\r\n"
         "------xaso42--\r\n";
}

TEST(MultipartTest, FieldsAndFileWithBinaryBytes) {
  const std::string bytes("%PDF-1.4\r\n\x00\xFF", 12);
  auto form = ParseMultipart(kType, Body(bytes));
  ASSERT_TRUE(form.has_value()) << form.error().message;
  EXPECT_EQ(form->fields.at("_csrf"), "tok");
  EXPECT_EQ(form->fields.at("note"), "Đã niêm yết");
  ASSERT_EQ(form->files.count("file"), 1u);
  EXPECT_EQ(form->files.find("file")->second.filename, "bien-ban.pdf");
  EXPECT_EQ(form->files.find("file")->second.bytes, bytes);
}

TEST(MultipartTest, ARepeatedFileFieldKeepsEveryFileInOrder) {
  const std::string part =
      "--b\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"NAME\"\r\n"
      "Content-Type: image/jpeg\r\n\r\nBYTES\r\n";
  std::string body;
  for (const char* n : {"1", "2", "3"}) {
    std::string p = part;
    p.replace(p.find("NAME"), 4, std::string("a") + n + ".jpg");
    p.replace(p.find("BYTES"), 5, std::string("bytes") + n);
    body += p;
  }
  body += "--b--\r\n";
  auto form = ParseMultipart("multipart/form-data; boundary=b", body);
  ASSERT_TRUE(form.has_value()) << form.error().message;
  const auto [first, last] = form->files.equal_range("photo");
  std::vector<std::string> names;
  for (auto it = first; it != last; ++it)
    names.push_back(it->second.filename + ":" + it->second.bytes);
  EXPECT_EQ(names, (std::vector<std::string>{"a1.jpg:bytes1", "a2.jpg:bytes2", "a3.jpg:bytes3"}));
}

TEST(MultipartTest, EmptyFileInputIsAbsent) {
  std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n";
  auto form = ParseMultipart("multipart/form-data; boundary=b", body);
  ASSERT_TRUE(form.has_value());
  EXPECT_TRUE(form->files.empty());
}

TEST(MultipartTest, RefusesBadTypeBoundaryAndParts) {
  EXPECT_FALSE(ParseMultipart("text/plain", Body("x")).has_value());
  EXPECT_FALSE(ParseMultipart("multipart/form-data", Body("x")).has_value());
  EXPECT_FALSE(ParseMultipart(kType, "garbage").has_value());
  EXPECT_FALSE(
      ParseMultipart(kType, "------xaso42\r\nNo-Colon\r\n\r\nx\r\n------xaso42--\r\n").has_value());
  EXPECT_FALSE(ParseMultipart(kType,
                              "------xaso42\r\nContent-Type: text/plain\r\n\r\nx\r\n"
                              "------xaso42--\r\n")
                   .has_value());
}

}  // namespace
}  // namespace xaso::web
