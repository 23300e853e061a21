#include "domain/survey/survey_service.h"

#include <gtest/gtest.h>

#include "core/text.h"
#include "domain/papi/indicator_catalogue.h"
#include "domain/survey/fake_survey_repository.h"
#include "domain/survey/survey_testing.h"

namespace xaso::survey {
namespace {

using testing::FakeSurveyRepository;
using testing::FieldNames;

constexpr int64_t kNow = 1'800'000'000;
constexpr int64_t kCommune = 1;

// Call k returns k's digits in base 31 (the alphabet's size), so each call makes a new code;
// `repeat` returns every value twice.
RandomSource Counting(bool repeat = false) {
  return [k = 0, repeat](size_t len) mutable {
    std::string out;
    for (int v = repeat ? k / 2 : k; out.size() < len; v /= 31) {
      out.push_back(static_cast<char>(v % 31));
    }
    ++k;
    return out;
  };
}

class SurveyServiceTest : public ::testing::Test {
 protected:
  // A survey of kCommune stored and moved to `status`.
  Survey Stored(SurveyStatus status, bool needs_code = false) {
    Survey s = testing::Example();
    s.commune_id = kCommune;
    s.needs_code = needs_code;
    Survey stored = *repo_.Create(s, {});
    if (status != SurveyStatus::kDraft) {
      stored = *repo_.SetStatus(kCommune, stored.id, stored.version, SurveyStatus::kOpen, {});
    }
    if (status == SurveyStatus::kClosed) {
      stored = *repo_.SetStatus(kCommune, stored.id, stored.version, status, {});
    }
    return stored;
  }
  std::vector<Response> Responses(const Survey& s) { return *repo_.Responses(kCommune, s.id); }

  FakeSurveyRepository repo_;
  FakeClock clock_{kNow};
  SurveyService service_{repo_, papi::IndicatorCatalogue::Default(), clock_, Counting()};
};

TEST_F(SurveyServiceTest, AnswerStoresTheCheckedSheetNow) {
  const Survey s = Stored(SurveyStatus::kOpen);
  const auto id = service_.Answer(s, {{"q1", {"khong"}}, {"q2", {"a"}}, {"q4", {" 4 "}}},
                                  Channel::kInterview, "", {});
  ASSERT_TRUE(id.has_value()) << id.error().message;
  const auto stored = Responses(s);
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(stored[0].id, *id);
  EXPECT_EQ(stored[0].survey_id, s.id);
  EXPECT_EQ(stored[0].channel, Channel::kInterview);
  EXPECT_EQ(stored[0].submitted_at, kNow);
  EXPECT_EQ(stored[0].weight, 1);
  const Answers want = {{"q1", {"khong"}}, {"q4", {"4"}}};  // q2 hidden: dropped
  EXPECT_EQ(stored[0].answers, want);
}

TEST_F(SurveyServiceTest, AWebSheetKeepsOnlyItsDayInVietnam) {
  const Survey s = Stored(SurveyStatus::kOpen);
  // 2026-07-15 16:20:00 UTC is 23:20 in Vietnam; 18:10 UTC is already the 16th there.
  constexpr int64_t kEvening = 1'784'132'400;
  clock_.Set(kEvening);
  ASSERT_TRUE(service_.Answer(s, {{"q4", {"3"}}}, Channel::kWeb, "", {}).has_value());
  ASSERT_TRUE(service_.Answer(s, {{"q4", {"3"}}}, Channel::kInterview, "", {}).has_value());
  clock_.Set(kEvening + 6600);
  ASSERT_TRUE(service_.Answer(s, {{"q4", {"3"}}}, Channel::kWeb, "", {}).has_value());
  const auto stored = Responses(s);
  ASSERT_EQ(stored.size(), 3U);
  EXPECT_EQ(stored[0].submitted_at, kEvening - 23 * 3600 - 20 * 60);  // 00:00 of the 15th
  EXPECT_EQ(stored[1].submitted_at, kEvening);                        // an interview: its time
  EXPECT_EQ(stored[2].submitted_at, kEvening + 40 * 60);              // 00:00 of the 16th
  EXPECT_EQ(Clock::DayVn(stored[2].submitted_at).ToIso(), "2026-07-16");
}

TEST_F(SurveyServiceTest, AnswerRejectsBadSheetsClosedSurveysAndImportsStoringNothing) {
  const Survey open = Stored(SurveyStatus::kOpen);
  const auto bad = service_.Answer(open, {{"q4", {"9"}}}, Channel::kWeb, "", {});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(FieldNames(bad.error()), std::vector<std::string>{"q.q4"});
  EXPECT_EQ(service_.Answer(open, {{"q4", {"1"}}}, Channel::kImport, "", {}).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(Responses(open).empty());
  for (SurveyStatus st : {SurveyStatus::kDraft, SurveyStatus::kClosed}) {
    const Survey s = Stored(st);
    const auto got = service_.Answer(s, {{"q4", {"1"}}}, Channel::kWeb, "", {});
    ASSERT_FALSE(got.has_value());
    EXPECT_EQ(got.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_TRUE(Responses(s).empty());
  }
}

TEST_F(SurveyServiceTest, ACodeAnswersOnceAndLeavesNoTrace) {
  const Survey s = Stored(SurveyStatus::kOpen, true);
  const auto codes = service_.MintCodes(s, 2, {});
  ASSERT_TRUE(codes.has_value());
  const Answers sheet = {{"q4", {"3"}}};
  // Missing or malformed codes never reach the repository.
  for (const std::string& typed : {std::string(), std::string("ABC"), std::string("00000000")}) {
    const auto got = service_.Answer(s, sheet, Channel::kWeb, typed, {});
    ASSERT_FALSE(got.has_value()) << typed;
    EXPECT_EQ(FieldNames(got.error()), std::vector<std::string>{"code"}) << typed;
  }
  std::string typed = "  " + (*codes)[0] + " ";
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ASSERT_TRUE(service_.Answer(s, sheet, Channel::kWeb, typed, {}).has_value());
  const auto again = service_.Answer(s, sheet, Channel::kWeb, (*codes)[0], {});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(FieldNames(again.error()), std::vector<std::string>{"code"});
  EXPECT_EQ(*repo_.UnusedCodes(kCommune, s.id), std::vector<std::string>{(*codes)[1]});
  for (const audit::AuditRecord& rec : repo_.audit) {
    EXPECT_EQ(rec.summary.find((*codes)[0]), std::string::npos);
  }
}

TEST_F(SurveyServiceTest, AnInterviewNeedsNoCodeButAWebAnswerDoes) {
  const Survey s = Stored(SurveyStatus::kOpen, true);
  const auto codes = service_.MintCodes(s, 1, {});
  ASSERT_TRUE(codes.has_value());
  const Answers sheet = {{"q4", {"3"}}};
  ASSERT_TRUE(service_.Answer(s, sheet, Channel::kInterview, "", {}).has_value());
  EXPECT_EQ(*repo_.UnusedCodes(kCommune, s.id), *codes);  // none used
  const auto web = service_.Answer(s, sheet, Channel::kWeb, "", {});
  ASSERT_FALSE(web.has_value());
  EXPECT_EQ(FieldNames(web.error()), std::vector<std::string>{"code"});
  EXPECT_EQ(Responses(s).size(), 1U);
}

TEST_F(SurveyServiceTest, ACodeIsIgnoredWhenTheSurveyNeedsNone) {
  const Survey s = Stored(SurveyStatus::kOpen);
  EXPECT_TRUE(service_.Answer(s, {{"q4", {"3"}}}, Channel::kWeb, "bất kỳ", {}).has_value());
}

TEST_F(SurveyServiceTest, MintCodesMakesUniquePlainCodesAndStoresThem) {
  SurveyService repeating(repo_, papi::IndicatorCatalogue::Default(), clock_, Counting(true));
  const Survey s = Stored(SurveyStatus::kDraft, true);
  const auto codes = repeating.MintCodes(s, 40, {});
  ASSERT_TRUE(codes.has_value());
  ASSERT_EQ(codes->size(), 40U);
  std::set<std::string> unique(codes->begin(), codes->end());
  EXPECT_EQ(unique.size(), 40U);
  for (const std::string& c : *codes) {
    EXPECT_EQ(c.size(), kCodeLength);
    EXPECT_TRUE(IsPlainCode(c)) << c;
  }
  EXPECT_EQ(*repo_.UnusedCodes(kCommune, s.id), *codes);
  EXPECT_EQ(repo_.CountCodes(kCommune, s.id)->issued, 40);
}

TEST_F(SurveyServiceTest, MintCodesChecksTheCountAndTheSurvey) {
  const Survey s = Stored(SurveyStatus::kOpen, true);
  for (int n : {0, kMaxCodesPerBatch + 1}) {
    const auto got = service_.MintCodes(s, n, {});
    ASSERT_FALSE(got.has_value());
    EXPECT_EQ(FieldNames(got.error()), std::vector<std::string>{"n"});
  }
  EXPECT_EQ(service_.MintCodes(Stored(SurveyStatus::kOpen), 5, {}).error().code,
            ErrorCode::kFailedPrecondition);
  SurveyService stuck(repo_, papi::IndicatorCatalogue::Default(), clock_,
                      [](size_t n) { return std::string(n, 'x'); });
  EXPECT_EQ(stuck.MintCodes(s, 2, {}).error().code, ErrorCode::kInternal);
  EXPECT_EQ(repo_.CountCodes(kCommune, s.id)->issued, 0);
}

TEST_F(SurveyServiceTest, ImportIsAllOrNothing) {
  const Survey s = Stored(SurveyStatus::kClosed);  // paper forms typed in after closing
  const std::string head = "channel,submitted_at,weight,q1,q2,q3,q4,q5,q6\n";
  const auto bad = service_.Import(s, head + ",,,,,,3,,\n,,,,,,9,,\n", {});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(FieldNames(bad.error()), std::vector<std::string>{"dòng 3, cột q4"});
  EXPECT_TRUE(Responses(s).empty());
  const auto n = service_.Import(s, head + ",,,,,,3,,\ninterview,,2,,,,5,,\n", {});
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(*n, 2);
  const auto stored = Responses(s);
  ASSERT_EQ(stored.size(), 2U);
  EXPECT_EQ(stored[0].channel, Channel::kImport);
  EXPECT_EQ(stored[0].submitted_at, kNow);
  EXPECT_EQ(stored[1].channel, Channel::kInterview);
  EXPECT_EQ(stored[1].weight, 2);
  EXPECT_EQ(service_.Import(Stored(SurveyStatus::kDraft), head, {}).error().code,
            ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace xaso::survey
