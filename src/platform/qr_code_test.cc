#include "platform/qr_code.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

namespace xaso::platform {
namespace {

constexpr std::string_view kLookupUrl =
    "https://xa.example/xa/nhat-tan/ho-so/000.00.21.H31-261127-0001";

// A finder pattern with its top-left module at (x0, y0): a dark 7×7 ring, a light 5×5 ring and a
// dark 3×3 core.
bool HasFinderAt(const QrMatrix& m, int x0, int y0) {
  for (int dy = 0; dy < 7; ++dy) {
    for (int dx = 0; dx < 7; ++dx) {
      const int ring = std::min(std::min(dx, dy), std::min(6 - dx, 6 - dy));
      if (m.IsDark(x0 + dx, y0 + dy) != (ring != 1)) return false;
    }
  }
  return true;
}

// The total length of the positive horizontal moves ("h3", not "h-3") in the SVG path: the
// number of dark modules it paints, given one "h n v1 h-n z" rectangle per run.
int PaintedModules(const std::string& svg) {
  const size_t d = svg.find(" d=\"");
  const size_t end = svg.find('"', d + 4);
  int total = 0;
  for (size_t i = d + 4; i < end; ++i) {
    if (svg[i] == 'h' && svg[i + 1] != '-') total += std::atoi(svg.c_str() + i + 1);
  }
  return total;
}

TEST(QrCodeTest, FinderPatternsSitInThreeCornersOnly) {
  const Result<QrMatrix> m = EncodeQr(kLookupUrl);
  ASSERT_TRUE(m.has_value());
  const int far = m->size - 7;
  EXPECT_TRUE(HasFinderAt(*m, 0, 0));
  EXPECT_TRUE(HasFinderAt(*m, far, 0));
  EXPECT_TRUE(HasFinderAt(*m, 0, far));
  EXPECT_FALSE(HasFinderAt(*m, far, far));
}

// 62 bytes fill a version 4 symbol at level M exactly (its byte capacity is 62).
TEST(QrCodeTest, SizeFollowsTheVersion) {
  const Result<QrMatrix> m = EncodeQr(kLookupUrl);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ((m->size - 17) % 4, 0);
  EXPECT_GE((m->size - 17) / 4, 1);
  EXPECT_EQ(m->size, 17 + 4 * 4);
  EXPECT_EQ(m->dark.size(), static_cast<size_t>(m->size * m->size));
  const Result<QrMatrix> longer = EncodeQr(std::string(kLookupUrl) + "?x");
  ASSERT_TRUE(longer.has_value());
  EXPECT_EQ(longer->size, 17 + 4 * 5);
}

TEST(QrCodeTest, SameTextSameMatrixOtherTextOtherMatrix) {
  const Result<QrMatrix> a = EncodeQr(kLookupUrl);
  const Result<QrMatrix> b = EncodeQr(kLookupUrl);
  const Result<QrMatrix> c =
      EncodeQr("https://xa.example/xa/nhat-tan/ho-so/000.00.21.H31-261127-0002");
  ASSERT_TRUE(a.has_value() && b.has_value() && c.has_value());
  EXPECT_EQ(a->dark, b->dark);
  EXPECT_EQ(a->size, c->size);
  EXPECT_NE(a->dark, c->dark);
}

TEST(QrCodeTest, RefusesEmptyAndTooLongText) {
  const Result<QrMatrix> empty = EncodeQr("");
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  const Result<QrMatrix> too_long = EncodeQr(std::string(kQrMaxBytes + 1, 'a'));
  ASSERT_FALSE(too_long.has_value());
  EXPECT_EQ(too_long.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(EncodeQr(std::string(kQrMaxBytes, 'a')).has_value());
}

TEST(QrCodeTest, SvgPaintsEveryDarkModuleInsideTheQuietZone) {
  const Result<QrMatrix> m = EncodeQr(kLookupUrl);
  ASSERT_TRUE(m.has_value());
  const std::string svg = QrSvg(*m, "Mã hồ sơ \"a<b\" & c>d");
  EXPECT_NE(svg.find("<title>Mã hồ sơ &quot;a&lt;b&quot; &amp; c&gt;d</title>"), std::string::npos);
  EXPECT_EQ(svg.find("a<b"), std::string::npos);
  EXPECT_NE(svg.find("viewBox=\"0 0 41 41\""), std::string::npos);
  EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("width=\"32mm\""), std::string::npos);
  // The top-left finder's first run starts at the quiet zone's edge and spans 7 modules.
  EXPECT_NE(svg.find("d=\"M4 4h7v1h-7z"), std::string::npos);
  EXPECT_EQ(PaintedModules(svg), std::count(m->dark.begin(), m->dark.end(), true));
}

}  // namespace
}  // namespace xaso::platform
