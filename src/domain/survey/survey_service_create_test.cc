// Create and Save link with presets.cc (data/surveys/*.csv compiled in).
#include <gtest/gtest.h>

#include "domain/papi/indicator_catalogue.h"
#include "domain/survey/fake_survey_repository.h"
#include "domain/survey/presets.h"
#include "domain/survey/survey_service.h"
#include "domain/survey/survey_testing.h"

namespace xaso::survey {
namespace {

using testing::FieldNames;

class SurveyServiceCreateTest : public ::testing::Test {
 protected:
  testing::FakeSurveyRepository repo_;
  FakeClock clock_{1'800'000'000};
  SurveyService service_{repo_, papi::IndicatorCatalogue::Default(), clock_,
                         [](size_t n) { return std::string(n, 'x'); }};
};

TEST_F(SurveyServiceCreateTest, FromAPresetTakesItsQuestionsAndTitle) {
  const Preset* p = FindPreset("health_station");
  ASSERT_NE(p, nullptr);
  const auto s = service_.Create(7, "health_station", "", 2026, {});
  ASSERT_TRUE(s.has_value()) << s.error().message;
  EXPECT_GT(s->id, 0);
  EXPECT_EQ(s->commune_id, 7);
  EXPECT_EQ(s->year, 2026);
  EXPECT_EQ(s->status, SurveyStatus::kDraft);
  EXPECT_EQ(s->title, p->title_vi);
  EXPECT_EQ(s->preset, "health_station");
  EXPECT_EQ(s->questions.size(), p->questions.size());
  EXPECT_EQ(s->created_at, 1'800'000'000);
  const auto titled = service_.Create(7, "health_station", "Trạm y tế xã 2026", 2026, {});
  ASSERT_TRUE(titled.has_value());
  EXPECT_EQ(titled->title, "Trạm y tế xã 2026");
}

TEST_F(SurveyServiceCreateTest, BlankHasOneEmptySectionAndNeedsATitle) {
  const auto s = service_.Create(7, "", "Khảo sát nước sạch", 2026, {});
  ASSERT_TRUE(s.has_value()) << s.error().message;
  EXPECT_EQ(s->sections.size(), 1U);
  EXPECT_TRUE(s->questions.empty());
  EXPECT_TRUE(s->preset.empty());
  const auto untitled = service_.Create(7, "", "", 1999, {});
  ASSERT_FALSE(untitled.has_value());
  EXPECT_EQ(FieldNames(untitled.error()), (std::vector<std::string>{"title", "year"}));
  const auto unknown = service_.Create(7, "khong_co", "", 2026, {});
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(FieldNames(unknown.error()), std::vector<std::string>{"preset"});
}

TEST_F(SurveyServiceCreateTest, SaveValidatesAndChecksIndicators) {
  Survey s = *service_.Create(7, "", "Khảo sát", 2026, {});
  s.questions.push_back(testing::Bounded("muc_do", QuestionType::kScale, 1, 5));
  s.questions[0].section = s.sections[0].key;
  const auto saved = service_.Save(s, {});
  ASSERT_TRUE(saved.has_value()) << saved.error().message;
  EXPECT_EQ(saved->version, s.version + 1);
  EXPECT_EQ(saved->questions.size(), 1U);

  Survey bad = *saved;
  bad.questions[0].indicator = "9.9.z";  // no such indicator
  const auto unknown = service_.Save(bad, {});
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(FieldNames(unknown.error()), std::vector<std::string>{"q.muc_do"});
  bad.questions[0].indicator = "";
  bad.questions[0].max = 1;
  EXPECT_EQ(FieldNames(service_.Save(bad, {}).error()), std::vector<std::string>{"q.muc_do"});
  EXPECT_EQ(service_.Save(s, {}).error().code, ErrorCode::kAborted);  // stale version
}

}  // namespace
}  // namespace xaso::survey
