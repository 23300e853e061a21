#include "app/config.h"

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>
#include <unistd.h>

namespace xaso::app {
namespace {

// One file per test and per call: ctest runs the cases of this file in parallel processes.
std::string WriteFile(const std::string& text) {
  static int counter = 0;
  std::string path = ::testing::TempDir() + "xaso_config_" +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
                     std::to_string(getpid()) + "_" + std::to_string(++counter) + ".toml";
  std::ofstream(path) << text;
  return path;
}

TEST(ConfigTest, TheExampleFileIsValid) {
  const char* src = std::getenv("XASO_SOURCE_DIR");
  ASSERT_NE(src, nullptr);
  Config c;
  ASSERT_TRUE(LoadConfigFile(std::string(src) + "/config/xaso.example.toml", c).has_value());
  EXPECT_TRUE(ValidateConfig(c).has_value());
  EXPECT_EQ(c.portal.default_commune, "nhat-tan");
}

TEST(ConfigTest, EnvironmentOverridesTheFile) {
  Config c;
  ASSERT_TRUE(LoadConfigFile(WriteFile("[server]\nlisten = \"0.0.0.0:9000\"\n"), c).has_value());
  EXPECT_EQ(c.server.listen, "0.0.0.0:9000");
  setenv("XASO_LISTEN", "127.0.0.1:9100", 1);
  ASSERT_TRUE(ApplyEnvironment(c).has_value());
  unsetenv("XASO_LISTEN");
  EXPECT_EQ(c.server.listen, "127.0.0.1:9100");
}

TEST(ConfigTest, RejectsUnknownKeysAndBadValues) {
  Config c;
  EXPECT_FALSE(LoadConfigFile(WriteFile("[server]\nlisten_addr = \"x\"\n"), c).has_value());
  EXPECT_FALSE(LoadConfigFile(WriteFile("[server\n"), c).has_value());
  c.server.listen = "nohost";
  c.server.threads = 0;
  auto s = ValidateConfig(c);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().fields.size(), 2u);
}

TEST(ConfigTest, NotifyIntervalIsOffOrTenSecondsToADay) {
  Config c;
  EXPECT_EQ(c.notify.interval_seconds, 300);
  ASSERT_TRUE(LoadConfigFile(WriteFile("[notify]\ninterval_seconds = 60\n"), c).has_value());
  EXPECT_EQ(c.notify.interval_seconds, 60);
  EXPECT_TRUE(ValidateConfig(c).has_value());
  c.notify.interval_seconds = 0;
  EXPECT_TRUE(ValidateConfig(c).has_value());
  for (int bad : {-1, 5, 86401}) {
    c.notify.interval_seconds = bad;
    auto s = ValidateConfig(c);
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().fields.at(0).field, "notify.interval_seconds");
  }
}

TEST(ConfigTest, FeedbackLimitPerIpComesFromFileOrEnvironment) {
  Config c;
  EXPECT_EQ(c.feedback.max_per_ip_per_hour, 10);
  ASSERT_TRUE(LoadConfigFile(WriteFile("[feedback]\nmax_per_ip_per_hour = 3\n"), c).has_value());
  EXPECT_EQ(c.feedback.max_per_ip_per_hour, 3);
  setenv("XASO_FEEDBACK_MAX_PER_IP", "2", 1);
  ASSERT_TRUE(ApplyEnvironment(c).has_value());
  unsetenv("XASO_FEEDBACK_MAX_PER_IP");
  EXPECT_EQ(c.feedback.max_per_ip_per_hour, 2);
  EXPECT_TRUE(ValidateConfig(c).has_value());
  for (int bad : {0, -1, 10001}) {
    c.feedback.max_per_ip_per_hour = bad;
    auto s = ValidateConfig(c);
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().fields.at(0).field, "feedback.max_per_ip_per_hour");
  }
}

TEST(ConfigTest, SurveyLimitPerIpComesFromFileOrEnvironment) {
  Config c;
  EXPECT_EQ(c.survey.max_per_ip_per_hour, 30);
  ASSERT_TRUE(LoadConfigFile(WriteFile("[survey]\nmax_per_ip_per_hour = 4\n"), c).has_value());
  EXPECT_EQ(c.survey.max_per_ip_per_hour, 4);
  setenv("XASO_SURVEY_MAX_PER_IP", "2", 1);
  ASSERT_TRUE(ApplyEnvironment(c).has_value());
  unsetenv("XASO_SURVEY_MAX_PER_IP");
  EXPECT_EQ(c.survey.max_per_ip_per_hour, 2);
  c.survey.max_per_ip_per_hour = 0;
  auto s = ValidateConfig(c);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().fields.at(0).field, "survey.max_per_ip_per_hour");
}

TEST(ConfigTest, IpKeyAndOpen311LimitComeFromFileOrEnvironment) {
  Config c;
  EXPECT_EQ(c.security.ip_key, "");  // a random key per start
  EXPECT_EQ(c.feedback.open311_max_per_key_per_hour, 600);
  ASSERT_TRUE(LoadConfigFile(WriteFile("[security]\nip_key = \"0123456789abcdef-tinh\"\n"
                                       "[feedback]\nopen311_max_per_key_per_hour = 50\n"),
                             c)
                  .has_value());
  EXPECT_EQ(c.security.ip_key, "0123456789abcdef-tinh");
  EXPECT_EQ(c.feedback.open311_max_per_key_per_hour, 50);
  setenv("XASO_IP_KEY", "short", 1);
  setenv("XASO_OPEN311_MAX_PER_KEY", "0", 1);
  ASSERT_TRUE(ApplyEnvironment(c).has_value());
  unsetenv("XASO_IP_KEY");
  unsetenv("XASO_OPEN311_MAX_PER_KEY");
  auto s = ValidateConfig(c);
  ASSERT_FALSE(s.has_value());
  ASSERT_EQ(s.error().fields.size(), 2U);
  EXPECT_EQ(s.error().fields[0].field, "security.ip_key");
  EXPECT_EQ(s.error().fields[1].field, "feedback.open311_max_per_key_per_hour");
}

TEST(ConfigTest, ParsesListenAddresses) {
  auto ok = ParseListen("127.0.0.1:8080");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->second, 8080);
  EXPECT_FALSE(ParseListen("127.0.0.1:0").has_value());
  EXPECT_FALSE(ParseListen("127.0.0.1:99999").has_value());
  EXPECT_FALSE(ParseListen(":80").has_value());
}

}  // namespace
}  // namespace xaso::app
