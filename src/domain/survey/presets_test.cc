#include "domain/survey/presets.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/embedded.h"
#include "domain/papi/catalogue.h"
#include "domain/papi/problem_lines_for_test.h"

namespace xaso::survey {
namespace {

using papi::ProblemLines;

const papi::IndicatorCatalogue& Indicators() { return papi::IndicatorCatalogue::Default(); }

TEST(PresetsTest, EveryShippedFileParsesValidatesAndMapsKnownIndicators) {
  int files = 0;
  for (const EmbeddedFile& f : EmbeddedSurveyPresets()) {
    if (f.path == "presets.csv") continue;
    ++files;
    Result<Preset> p = ParsePresetCsv(f.path, f.data);
    ASSERT_TRUE(p.has_value()) << f.path << ": " << testing::PrintToString(ProblemLines(p));
    Survey s = SurveyFromPreset(*p, 1, 2025);
    s.title = "t";
    Status valid = ValidateSurvey(s);
    EXPECT_TRUE(valid.has_value()) << f.path << ": " << valid.error().message;
    Status mapped = CheckIndicators(s, Indicators());
    EXPECT_TRUE(mapped.has_value()) << f.path << ": " << mapped.error().fields.front().message;
  }
  EXPECT_EQ(files, 5);
}

TEST(PresetsTest, PresetsComeInMenuOrderWithTitlesAndCanBeFound) {
  std::vector<std::string> keys;
  for (const Preset& p : Presets()) {
    keys.push_back(p.key);
    EXPECT_FALSE(p.title_vi.empty()) << p.key;
    EXPECT_FALSE(p.title_en.empty()) << p.key;
    EXPECT_FALSE(p.description_vi.empty()) << p.key;
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"papi", "health_station", "primary_school",
                                            "infrastructure", "security"}));
  ASSERT_NE(FindPreset("security"), nullptr);
  EXPECT_EQ(FindPreset("security")->title_vi, "Khảo sát về an ninh, trật tự khu dân cư");
  EXPECT_EQ(FindPreset("papi"), &Presets().front());
  EXPECT_EQ(FindPreset("nope"), nullptr);
  EXPECT_EQ(FindPreset(""), nullptr);
}

TEST(PresetsTest, SurveyFromPresetIsADraftOfTheCommuneAndYear) {
  const Preset& p = *FindPreset("health_station");
  const Survey s = SurveyFromPreset(p, 7, 2026);
  EXPECT_EQ(s.id, 0);
  EXPECT_EQ(s.commune_id, 7);
  EXPECT_EQ(s.year, 2026);
  EXPECT_EQ(s.preset, "health_station");
  EXPECT_EQ(s.title, p.title_vi);
  EXPECT_EQ(s.description, p.description_vi);
  EXPECT_EQ(s.status, SurveyStatus::kDraft);
  EXPECT_FALSE(s.needs_code);
  EXPECT_EQ(s.questions.size(), p.questions.size());
  EXPECT_EQ(s.sections.size(), p.sections.size());
  EXPECT_TRUE(ValidateSurvey(s).has_value());
}

// data/surveys/README.md lists what the PAPI preset leaves out: 5.2, which PAPI scores only up
// to 2020 (subdimensions.csv), so asking it today adds burden and no score.
TEST(PresetsTest, PapiPresetAsksEveryIndicatorOnceButConstructionPermits) {
  const Preset& p = *FindPreset(kPapiPreset);
  std::map<std::string, int> asked;
  for (const Question& q : p.questions) {
    if (!q.indicator.empty()) ++asked[q.indicator];
  }
  std::vector<std::string> left_out;
  for (const papi::Indicator& ind : Indicators().indicators()) {
    auto it = asked.find(ind.code);
    if (it == asked.end()) {
      left_out.push_back(ind.code);
    } else {
      EXPECT_EQ(it->second, 1) << ind.code;
    }
  }
  EXPECT_EQ(left_out,
            (std::vector<std::string>{"5.2.a", "5.2.b", "5.2.c", "5.2.d", "5.2.e", "5.2.f"}));
  // Every sub-dimension scored in the current year is then complete, so none is blank by design.
  for (int d = 1; d <= 8; ++d) {
    for (const papi::SubDimension* sub : papi::Catalogue::Default().SubDimensionsOf(d, 2026)) {
      for (const papi::Indicator& ind : Indicators().indicators()) {
        if (ind.subdimension == sub->code) {
          EXPECT_EQ(asked.count(ind.code), 1u) << ind.code;
        }
      }
    }
  }
}

TEST(PresetsTest, PapiPresetHasOneSectionPerDimension) {
  const Preset& p = *FindPreset(kPapiPreset);
  ASSERT_EQ(p.sections.size(), 8u);
  for (const Question& q : p.questions) {
    if (q.indicator.empty()) continue;
    const papi::Indicator& ind = Indicators().indicators()[*Indicators().IndexOf(q.indicator)];
    EXPECT_EQ(q.section, "d" + std::to_string(ind.dimension)) << q.key;
  }
  EXPECT_EQ(p.sections[6].title_vi, "Quản trị môi trường");
}

// The engine reverses negative indicators, so their questions score the bad answer 1, as the
// question asks it ("did you pay a bribe?" yes = 1).
TEST(PresetsTest, PapiYesNoQuestionsScoreYesOneOrZeroAndLeaveDontKnowUnscored) {
  const Preset& p = *FindPreset(kPapiPreset);
  int yes_no = 0;
  for (const Question& q : p.questions) {
    if (q.type != QuestionType::kSingle || q.options.front().value != "co") continue;
    ++yes_no;
    EXPECT_TRUE(q.required) << q.key;
    for (const Option& o : q.options) {
      if (o.value == "khong_biet" || o.value == "khong_tra_loi") {
        EXPECT_FALSE(o.score) << q.key << " " << o.value;
      }
    }
    if (q.indicator.empty()) continue;
    const papi::Indicator& ind = Indicators().indicators()[*Indicators().IndexOf(q.indicator)];
    if (ind.direction == papi::Direction::kNegative) {
      EXPECT_EQ(q.options.front().score, 1.0) << q.key;
    }
  }
  EXPECT_GT(yes_no, 80);
  const Question* mask = nullptr;
  for (const Question& q : p.questions) {
    if (q.indicator == "7.2.a") mask = &q;
  }
  ASSERT_NE(mask, nullptr);  // "no need to wear a mask": asked as "do you have to?", yes = 0.
  EXPECT_EQ(mask->options[0].score, 0.0);
  EXPECT_EQ(mask->options[1].score, 1.0);
}

TEST(PresetsTest, PapiFollowUpsAreAskedOnlyAfterTheirFilter) {
  const Preset& p = *FindPreset(kPapiPreset);
  std::map<std::string, const Question*> by_indicator;
  for (const Question& q : p.questions) by_indicator[q.indicator] = &q;
  EXPECT_EQ(by_indicator["5.1.e"]->show_if.question, "d5_cert_used");
  EXPECT_EQ(by_indicator["5.1.e"]->show_if.any_of, std::vector<std::string>{"co"});
  EXPECT_EQ(by_indicator["2.1.c"]->show_if.question, "d2_info_got");
  EXPECT_EQ(by_indicator["1.4.e"]->show_if.question, "d1_contribute");
  EXPECT_EQ(by_indicator["4.4.c"]->type, QuestionType::kNumber);
  EXPECT_EQ(by_indicator["4.4.c"]->max, 150000);
  EXPECT_EQ(by_indicator["5.4.d"]->type, QuestionType::kScale);
  EXPECT_EQ(by_indicator["5.4.d"]->min_label, "Rất không hài lòng");
}

TEST(PresetsTest, SatisfactionPresetsAreShortWithLabelledScalesAndOneSuggestion) {
  for (const Preset& p : Presets()) {
    if (p.key == kPapiPreset) continue;
    EXPECT_GE(p.questions.size(), 6u) << p.key;
    EXPECT_LE(p.questions.size(), 12u) << p.key;
    int texts = 0;
    int scales = 0;
    int choices = 0;
    for (const Question& q : p.questions) {
      texts += q.type == QuestionType::kText ? 1 : 0;
      choices += q.type == QuestionType::kSingle || q.type == QuestionType::kMultiple ? 1 : 0;
      if (q.type != QuestionType::kScale) continue;
      ++scales;
      EXPECT_EQ(q.min, 1) << q.key;
      EXPECT_EQ(q.max, 5) << q.key;
      EXPECT_FALSE(q.min_label.empty()) << q.key;
      EXPECT_FALSE(q.max_label.empty()) << q.key;
    }
    EXPECT_EQ(texts, 1) << p.key;
    EXPECT_GE(scales, 5) << p.key;
    EXPECT_GE(choices, 2) << p.key;
  }
}

// Optional columns may be left out: this header has 11 of the 16.
constexpr char kHeader[] =
    "section,section_title_vi,key,type,required,text_vi,options,min,max,"
    "min_label,show_if\n";

Result<Preset> Parse(const std::string& rows) { return ParsePresetCsv("x", kHeader + rows); }

TEST(PresetsTest, ParsesListsInlineOptionsScalesAndConditions) {
  Result<Preset> p = Parse(
      ",,yn,options,,,co=Có|Yes|1; khong=Không|No|0; kb=Không biết,,,,\n"
      "a,Phần A,q1,single,yes,Câu 1?,@yn,,,,\n"
      "a,,q2,scale,,Câu 2?,,1,5,Rất kém,q1=co;kb\n"
      "b,Phần B,q3,multiple,no,Câu 3?,\"x=Một, hai|One|0.5;y=Ba\",,,,\n"
      "b,Phần B,q4,text,,Câu 4?,,,,,\n");
  ASSERT_TRUE(p.has_value()) << testing::PrintToString(ProblemLines(p));
  ASSERT_EQ(p->sections.size(), 2u);
  EXPECT_EQ(p->sections[1].key, "b");
  EXPECT_EQ(p->sections[1].title_vi, "Phần B");
  ASSERT_EQ(p->questions.size(), 4u);
  const Question& q1 = p->questions[0];
  EXPECT_TRUE(q1.required);
  ASSERT_EQ(q1.options.size(), 3u);
  EXPECT_EQ(q1.options[0].label_en, "Yes");
  EXPECT_EQ(q1.options[0].score, 1.0);
  EXPECT_EQ(q1.options[2].label_vi, "Không biết");
  EXPECT_FALSE(q1.options[2].score);
  const Question& q2 = p->questions[1];
  EXPECT_EQ(q2.min, 1);
  EXPECT_EQ(q2.max, 5);
  EXPECT_EQ(q2.min_label, "Rất kém");
  EXPECT_EQ(q2.show_if.question, "q1");
  EXPECT_EQ(q2.show_if.any_of, (std::vector<std::string>{"co", "kb"}));
  const Question& q3 = p->questions[2];
  EXPECT_FALSE(q3.required);
  EXPECT_EQ(q3.options[0].label_vi, "Một, hai");
  EXPECT_EQ(q3.options[0].score, 0.5);
  EXPECT_EQ(q3.options[1].label_en, "");
  EXPECT_EQ(p->questions[3].type, QuestionType::kText);
}

struct BadFile {
  const char* name;
  const char* rows;
  std::vector<std::string> problems;
};

TEST(PresetsTest, BadFilesNameTheLineAndColumn) {
  const std::vector<BadFile> cases = {
      {"unknown type",
       "a,A,q1,choice,,Câu?,,,,,\n",
       {"dòng 2, cột 4 (type): loại 'choice' không có; dùng single, multiple, scale, number, "
        "text hoặc options"}},
      {"option without a label",
       "a,A,q1,single,,Câu?,co=Có;khong=,,,,\n",
       {"dòng 2, cột 7 (options): lựa chọn 2 'khong=': thiếu nhãn tiếng Việt"}},
      {"option without a value",
       "a,A,q1,single,,Câu?,Có;Không,,,,\n",
       {"dòng 2, cột 7 (options): lựa chọn 1 'Có': cần dạng giá_trị=nhãn|label|điểm, giá trị "
        "gồm a–z, số, _"}},
      {"malformed score",
       "a,A,q1,single,,Câu?,co=Có|Yes|một;khong=Không|No|0,,,,\n",
       {"dòng 2, cột 7 (options): lựa chọn 1 'co=Có|Yes|một': điểm 'một' không phải là số"}},
      {"unknown list",
       "a,A,q1,single,,Câu?,@yn,,,,\n",
       {"dòng 2, cột 7 (options): chưa có danh sách lựa chọn 'yn' ở các dòng trên"}},
      {"list defined twice",
       ",,yn,options,,,a=A;b=B,,,,\n,,yn,options,,,a=A;b=B,,,,\n"
       "a,A,q1,single,,Câu?,@yn,,,,\n",
       {"dòng 3, cột 3 (key): danh sách lựa chọn 'yn' đã có ở trên"}},
      {"choice without options",
       "a,A,q1,single,,Câu?,,,,,\n",
       {"dòng 2, cột 7 (options): câu hỏi single hoặc multiple cần có lựa chọn"}},
      {"scale without bounds and with options",
       "a,A,q1,scale,,Câu?,a=A,1,,,\n",
       {"dòng 2, cột 7 (options): chỉ câu hỏi single hoặc multiple có lựa chọn",
        "dòng 2, cột 9 (max): thiếu giới hạn"}},
      {"bad bound and a label on a number",
       "a,A,q1,number,,Câu?,,0,1e3,Ít,\n",
       {"dòng 2, cột 9 (max): '1e3' không phải là số",
        "dòng 2, cột 10 (min_label): chỉ câu hỏi scale có nhãn hai đầu"}},
      {"bad required and no text",
       "a,A,q1,text,có,,,,,,\n",
       {"dòng 2, cột 6 (text_vi): thiếu nội dung câu hỏi",
        "dòng 2, cột 5 (required): phải là yes, no hoặc để trống, không phải 'có'"}},
      {"malformed condition",
       "a,A,q1,text,,Câu?,,,,,\na,,q2,text,,Câu?,,,,,q1\n",
       {"dòng 3, cột 11 (show_if): cần dạng câu_hỏi=giá_trị;giá_trị, không phải 'q1'"}},
      {"repeated question",
       "a,A,q1,text,,Câu?,,,,,\na,,q1,text,,Câu?,,,,,\n",
       {"dòng 3, cột 3 (key): câu hỏi 'q1' đã có ở dòng 2"}},
      {"section without a title and interleaved",
       "a,,q1,text,,Câu?,,,,,\nb,B,q2,text,,Câu?,,,,,\n"
       "a,,q3,text,,Câu?,,,,,\n",
       {"dòng 2, cột 2 (section_title_vi): dòng đầu của phần thiếu tên phần",
        "dòng 4, cột 1 (section): phần 'a' bắt đầu ở dòng 2 nhưng bị phần khác xen giữa; các câu "
        "của một phần phải liền nhau"}},
      {"section title changes",
       "a,A,q1,text,,Câu?,,,,,\na,B,q2,text,,Câu?,,,,,\n",
       {"dòng 3, cột 2 (section_title_vi): tên phần khác với dòng 2; hãy để trống"}},
      {"no questions", ",,yn,options,,,a=A;b=B,,,,\n", {"dòng 1: tệp không có câu hỏi nào"}},
  };
  for (const BadFile& c : cases) {
    EXPECT_EQ(ProblemLines(Parse(c.rows)), c.problems) << c.name;
  }
}

TEST(PresetsTest, MissingRequiredColumnIsRefused) {
  Result<Preset> p = ParsePresetCsv("x", "section,key,text_vi\na,q1,Câu?\n");
  ASSERT_FALSE(p.has_value());
  EXPECT_NE(p.error().message.find("type"), std::string::npos) << p.error().message;
}

// ValidateSurvey's problems come back on the line of the question they concern.
TEST(PresetsTest, ValidationProblemsNameTheQuestionsLine) {
  Result<Preset> p = Parse(
      "a,A,q1,text,,Câu?,,,,,\n"
      "a,,q2,single,,Câu?,co=Có;khong=Không,,,,q3=co\n"
      "a,,q3,single,,Câu?,co=Có;khong=Không,,,,\n");
  const std::vector<std::string> lines = ProblemLines(p);
  ASSERT_EQ(lines.size(), 1u) << testing::PrintToString(lines);
  EXPECT_EQ(lines[0].rfind("dòng 3: ", 0), 0u) << lines[0];
}

Survey OneQuestion(Question q) {
  Survey s;
  s.title = "t";
  s.year = 2025;
  s.sections = {{"a", "A", ""}};
  q.section = "a";
  q.key = "q";
  q.text_vi = "Câu?";
  s.questions = {std::move(q)};
  return s;
}

std::vector<std::string> IndicatorProblems(const Question& q) {
  Status st = CheckIndicators(OneQuestion(q), Indicators());
  if (st.has_value()) return {};
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
  std::vector<std::string> out;
  for (const FieldError& f : st.error().fields) out.push_back(f.field + ": " + f.message);
  return out;
}

TEST(PresetsTest, CheckIndicatorsRefusesUnknownCodesAndAnswersOutsideTheBounds) {
  Question yes_no{.type = QuestionType::kSingle,
                  .options = {{"co", "Có", "", 1.0}, {"khong", "Không", "", 0.0}},
                  .indicator = "7.3.a"};
  EXPECT_EQ(IndicatorProblems(yes_no), std::vector<std::string>{});
  Question unmapped = yes_no;
  unmapped.indicator.clear();
  unmapped.options[0].score = 9;  // scores of an unmapped question are not read
  EXPECT_EQ(IndicatorProblems(unmapped), std::vector<std::string>{});

  Question unknown = yes_no;
  unknown.indicator = "9.9.z";
  EXPECT_EQ(IndicatorProblems(unknown),
            std::vector<std::string>{"q.q: không có chỉ tiêu PAPI '9.9.z'"});
  Question too_high = yes_no;
  too_high.options[0].score = 2;
  EXPECT_EQ(IndicatorProblems(too_high),
            std::vector<std::string>{
                "q.q: lựa chọn 'co' có điểm 2, ngoài khoảng [0, 1] của chỉ tiêu 7.3.a"});
  Question unscored = yes_no;
  for (Option& o : unscored.options) o.score.reset();
  EXPECT_EQ(IndicatorProblems(unscored),
            std::vector<std::string>{"q.q: không lựa chọn nào có điểm nên câu hỏi không cho giá "
                                     "trị chỉ tiêu 7.3.a"});
  Question multiple = yes_no;
  multiple.type = QuestionType::kMultiple;
  EXPECT_EQ(IndicatorProblems(multiple),
            std::vector<std::string>{"q.q: câu hỏi nhiều lựa chọn không cho được giá trị chỉ "
                                     "tiêu 7.3.a; hãy dùng câu hỏi một lựa chọn"});

  Question scale{.type = QuestionType::kScale, .min = 1, .max = 5, .indicator = "5.1.e"};
  EXPECT_EQ(IndicatorProblems(scale), std::vector<std::string>{});
  scale.max = 7;
  EXPECT_EQ(IndicatorProblems(scale),
            std::vector<std::string>{
                "q.q: giới hạn [1, 7] vượt ra ngoài khoảng [1, 5] của chỉ tiêu 5.1.e"});
  Question number{.type = QuestionType::kNumber, .min = -1, .max = 20, .indicator = "6.2.a"};
  EXPECT_EQ(IndicatorProblems(number),
            std::vector<std::string>{
                "q.q: giới hạn [-1, 20] vượt ra ngoài khoảng [0, 20] của chỉ tiêu 6.2.a"});
}

}  // namespace
}  // namespace xaso::survey
