// The Open311 formats: XML escaping and layout, and W3C datetimes in Vietnam's time.
#include "web/open311/open311_format.h"

#include <gtest/gtest.h>

#include "web/open311/open311_request.h"
#include "web/open311/xml_writer.h"

namespace xaso::web {
namespace {

TEST(Open311FormatTest, XmlEscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(EscapeXmlText("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
  EXPECT_EQ(EscapeXmlText("Đèn hỏng"), "Đèn hỏng");
}

TEST(Open311FormatTest, ArraysBecomeRepeatedElementsNamedForTheirItems) {
  nlohmann::ordered_json body = nlohmann::ordered_json::array(
      {{{"service_request_id", "PA-1"}, {"lat", 20.5}, {"address", nullptr}}});
  auto r = Open311Body(Open311Format::kXml, 200, "service_requests", body);
  EXPECT_EQ(r.body,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request>"
            "<service_request_id>PA-1</service_request_id><lat>20.5</lat><address></address>"
            "</request></service_requests>");
  auto e = Open311Error("/open311/v2/requests.json", 404, "<không>");
  EXPECT_EQ(e.body, R"([{"code":404,"description":"<không>"}])");
  auto x = Open311Error("/open311/v2/requests.csv", 404, "a&b");
  EXPECT_NE(x.body.find("<errors><error><code>404</code><description>a&amp;b</description>"),
            std::string::npos);
}

TEST(Open311FormatTest, FileNamesNeedAKnownExtension) {
  EXPECT_EQ(ParseOpen311Name("PA-ABC.xml")->stem, "PA-ABC");
  EXPECT_EQ(ParseOpen311Name("PA-ABC.xml")->format, Open311Format::kXml);
  EXPECT_FALSE(ParseOpen311Name("PA-ABC.html").has_value());
  EXPECT_FALSE(ParseOpen311Name("PA-ABC").has_value());
}

TEST(Open311FormatTest, DatetimesAreW3cInVietnamAndParseAnyZone) {
  EXPECT_EQ(W3cDateTime(1707102000), "2024-02-05T10:00:00+07:00");
  EXPECT_EQ(ParseW3cDateTime("2024-02-05T10:00:00+07:00"), 1707102000);
  EXPECT_EQ(ParseW3cDateTime("2024-02-05T03:00:00Z"), 1707102000);
  EXPECT_EQ(ParseW3cDateTime("2024-02-05T03:00:00.250Z"), 1707102000);
  EXPECT_EQ(ParseW3cDateTime("2024-02-05"), 1707066000);  // midnight in Vietnam
  EXPECT_FALSE(ParseW3cDateTime("2024-02-05T03:00").has_value());
  EXPECT_FALSE(ParseW3cDateTime("05/02/2024").has_value());
  EXPECT_FALSE(ParseW3cDateTime("2024-02-05T03:00:00+7").has_value());
}

}  // namespace
}  // namespace xaso::web
