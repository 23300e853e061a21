#include "core/csv.h"

#include <array>

#include <gtest/gtest.h>

namespace xaso {
namespace {

using Records = std::vector<std::vector<std::string>>;

constexpr std::array<std::string_view, 2> kCodeName = {"code", "name"};

// The message of a failed parse, or "" when it succeeded (so EXPECT_EQ shows both).
std::string ParseError(std::string_view text) {
  auto records = ParseCsv(text);
  if (records.has_value()) return "";
  EXPECT_EQ(records.error().code, ErrorCode::kInvalidArgument);
  return records.error().message;
}

std::string HeaderError(std::string_view text) {
  auto table = ParseCsvWithHeader(text, kCodeName);
  if (table.has_value()) return "";
  EXPECT_EQ(table.error().code, ErrorCode::kInvalidArgument);
  return table.error().message;
}

TEST(CsvTest, SplitsRecordsAndFields) {
  auto records = ParseCsv("a,b\nc,d\n");
  ASSERT_TRUE(records.has_value());
  EXPECT_EQ(*records, (Records{{"a", "b"}, {"c", "d"}}));
}

TEST(CsvTest, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  auto records = ParseCsv("\"x, y\",\"say \"\"hi\"\"\",\"l1\nl2\",\"\"\n");
  ASSERT_TRUE(records.has_value());
  EXPECT_EQ(*records, (Records{{"x, y", "say \"hi\"", "l1\nl2", ""}}));
}

TEST(CsvTest, AcceptsCrlfLfAndALastLineWithoutBreak) {
  auto records = ParseCsv("a,b\r\nc,d\ne,f");
  ASSERT_TRUE(records.has_value());
  EXPECT_EQ(*records, (Records{{"a", "b"}, {"c", "d"}, {"e", "f"}}));
}

TEST(CsvTest, SkipsAByteOrderMarkAndEmptyLinesButKeepsEmptyFields) {
  auto records = ParseCsv(
      "\xEF\xBB\xBF"
      "code,tên\r\n\r\n1.1,,\n\n\"\"\n");
  ASSERT_TRUE(records.has_value());
  EXPECT_EQ(*records, (Records{{"code", "tên"}, {"1.1", "", ""}, {""}}));
  auto trailing_comma = ParseCsv("a,");
  ASSERT_TRUE(trailing_comma.has_value());
  EXPECT_EQ(*trailing_comma, (Records{{"a", ""}}));
  auto empty = ParseCsv("");
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(empty->empty());
}

TEST(CsvTest, ErrorsNameTheLine) {
  EXPECT_EQ(ParseError("a,b\nc,\"unterminated\n"), "dòng 2: trường trong ngoặc kép chưa được đóng");
  EXPECT_EQ(ParseError("a\r\nb\r\nc\"d\r\n"),
            "dòng 3: dấu ngoặc kép trong trường không được đặt trong ngoặc kép");
  // The quoted field spans lines 1-2, so the bad record is on line 3.
  EXPECT_EQ(ParseError("\"a\nb\",c\n\"d\"e\n"), "dòng 3: có ký tự sau dấu ngoặc kép đóng trường");
  EXPECT_EQ(ParseError("ok\nx\xC3\n"), "dòng 2: trường không phải UTF-8 hợp lệ");
}

TEST(CsvTest, HeaderMapsColumnsInAnyOrderAndKeepsExtras) {
  auto table = ParseCsvWithHeader("extra,name,code\nz,\"Tri thức, công dân\",1.1\n", kCodeName);
  ASSERT_TRUE(table.has_value()) << table.error().message;
  EXPECT_EQ(table->header, (std::vector<std::string>{"extra", "name", "code"}));
  EXPECT_EQ(table->ColumnIndex("code"), 2u);
  EXPECT_EQ(table->ColumnIndex("missing"), std::nullopt);
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_EQ(table->rows[0].line, 2);
  EXPECT_EQ(table->Field(table->rows[0], "code"), "1.1");
  EXPECT_EQ(table->Field(table->rows[0], "name"), "Tri thức, công dân");
  EXPECT_EQ(table->Field(table->rows[0], "extra"), "z");
}

TEST(CsvTest, RowLinesCountQuotedLineBreaksAndSkippedLines) {
  auto table = ParseCsvWithHeader("code,name\n1,\"two\nlines\"\n\n2,b\n", kCodeName);
  ASSERT_TRUE(table.has_value()) << table.error().message;
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0].line, 2);
  EXPECT_EQ(table->rows[1].line, 5);
}

TEST(CsvTest, HeaderErrorsNameTheColumnOrTheLine) {
  EXPECT_EQ(HeaderError(""), "dòng 1: tệp trống, thiếu dòng tiêu đề");
  EXPECT_EQ(HeaderError("id,title\n"), "dòng 1: thiếu cột code, name");
  EXPECT_EQ(HeaderError("code,name,code\n"), "dòng 1: cột code lặp lại");
  EXPECT_EQ(HeaderError("code,name\n1,a\n2,\"b\nc\"\n3\n"),
            "dòng 5: có 1 trường, dòng tiêu đề có 2");
  EXPECT_EQ(HeaderError("code,name\n1,a,extra\n"), "dòng 2: có 3 trường, dòng tiêu đề có 2");
  EXPECT_EQ(HeaderError("code,name\n\"1,a\n"), "dòng 2: trường trong ngoặc kép chưa được đóng");
}

TEST(CsvTest, EscapeQuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvEscape("Tri thức công dân"), "Tri thức công dân");
  EXPECT_EQ(CsvEscape(""), "");
  EXPECT_EQ(CsvEscape("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvEscape("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvEscape("l1\nl2"), "\"l1\nl2\"");
  EXPECT_EQ(CsvEscape("l1\rl2"), "\"l1\rl2\"");
}

TEST(CsvTest, EscapeBlocksSpreadsheetFormulas) {
  EXPECT_EQ(CsvEscape("=1+2"), "'=1+2");
  EXPECT_EQ(CsvEscape("+84 912"), "'+84 912");
  EXPECT_EQ(CsvEscape("-5"), "'-5");
  EXPECT_EQ(CsvEscape("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvEscape("\tx"), "'\tx");
  EXPECT_EQ(CsvEscape("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  EXPECT_EQ(CsvEscape("a=b"), "a=b");
}

TEST(CsvTest, EscapedFieldsParseBack) {
  const std::vector<std::string> fields = {"plain", "a,b", "say \"hi\"", "l1\r\nl2", "", "x y"};
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    line += CsvEscape(fields[i]);
  }
  auto records = ParseCsv(line + "\r\n");
  ASSERT_TRUE(records.has_value()) << records.error().message;
  EXPECT_EQ(*records, Records{fields});
}

}  // namespace
}  // namespace xaso
