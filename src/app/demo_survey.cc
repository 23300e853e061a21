// The demo commune's surveys: the PAPI questionnaire of last year (closed, typed in from paper
// interviews) and of this year (open, answered on the portal), so the PAPI dashboard shows a
// self-assessment with a trend; and an open satisfaction survey of the health station.
// Answers are drawn from a fixed seed: every demo is the same.
#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

#include "domain/survey/presets.h"
#include "app/system.h"
#include "app/system_impl.h"

namespace xaso::app {
namespace {

// The chance of the favourable answer to `key`, from its hash and the year: stable per demo,
// different between questions and slightly different between the two years.
double Leaning(const std::string& key, int year) {
  const size_t h = std::hash<std::string>{}(key + "/" + std::to_string(year));
  return 0.35 + 0.5 * static_cast<double>(h % 1000) / 1000.0;
}

// An index below `n` from a uniform draw u in [0, 1).
size_t Draw(double u, size_t n) {
  return std::min(n - 1, static_cast<size_t>(u * static_cast<double>(n)));
}

// One respondent's answers to `s`, question by question, skipping what the answers so far hide.
survey::Answers DrawAnswers(const survey::Survey& s, std::mt19937& rng) {
  using survey::QuestionType;
  survey::Answers answers;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (const auto& q : s.questions) {
    if (!survey::IsShown(q, answers)) continue;
    const double lean = Leaning(q.key, s.year);
    switch (q.type) {
      case QuestionType::kSingle: {
        // The best-scored option with chance `lean`, else the worst; now and then an unscored
        // one ("không biết"); uniform when no option carries a score.
        const survey::Option* best = nullptr;
        const survey::Option* worst = nullptr;
        const survey::Option* unscored = nullptr;
        for (const auto& o : q.options) {
          if (!o.score) {
            if (unscored == nullptr) unscored = &o;
            continue;
          }
          if (best == nullptr || *o.score > *best->score) best = &o;
          if (worst == nullptr || *o.score < *worst->score) worst = &o;
        }
        const double u = unit(rng);
        const survey::Option* pick = nullptr;
        if (best == nullptr) {
          pick = &q.options[Draw(u, q.options.size())];
        } else if (unscored != nullptr && u < 0.05) {
          pick = unscored;
        } else {
          pick = unit(rng) < lean ? best : worst;
        }
        answers[q.key] = {pick->value};
        break;
      }
      case QuestionType::kMultiple:
        answers[q.key] = {q.options[Draw(unit(rng), q.options.size())].value};
        break;
      case QuestionType::kScale:
      case QuestionType::kNumber: {
        // Around lean × the range, one step either way.
        const double span = q.max - q.min;
        double v = q.min + span * lean + (unit(rng) - 0.5) * span * 0.4;
        v = std::min(q.max, std::max(q.min, v));
        answers[q.key] = {std::to_string(std::lround(v))};
        break;
      }
      case QuestionType::kText:
        if (q.required) answers[q.key] = {"Không có ý kiến thêm."};
        break;
    }
  }
  return answers;
}

}  // namespace

Status System::LoadDemoSurveys(int64_t commune_id) {
  XASO_ASSIGN_OR_RETURN(auto clerk, impl_->identity->FindAccountByUsername("motcua"));
  if (!clerk) return MakeError(ErrorCode::kNotFound, "Thiếu tài khoản mẫu.");
  const audit::AuditRecord demo{commune_id, 0, "demo", "", "", "", ""};
  const audit::AuditRecord desk{commune_id, clerk->id, clerk->display_name, "", "", "", ""};
  const int year = impl_->clock.TodayVn().year();
  const struct {
    const char* preset;
    int year;
    int responses;
    survey::Channel channel;
    bool close;
  } kSurveys[] = {
      {"papi", year - 1, 200, survey::Channel::kInterview, true},
      {"papi", year, 160, survey::Channel::kWeb, false},
      {"health_station", year, 24, survey::Channel::kWeb, false},
  };
  std::mt19937 rng(20240129);  // the plan's date: any fixed seed
  for (const auto& seed : kSurveys) {
    XASO_ASSIGN_OR_RETURN(auto s,
                          impl_->surveys->Create(commune_id, seed.preset, "", seed.year, demo));
    XASO_ASSIGN_OR_RETURN(s, impl_->survey_repo->SetStatus(commune_id, s.id, s.version,
                                                           survey::SurveyStatus::kOpen, demo));
    for (int i = 0; i < seed.responses; ++i) {
      const auto& who = seed.channel == survey::Channel::kInterview ? desk : demo;
      XASO_RETURN_IF_ERROR(impl_->surveys->Answer(s, DrawAnswers(s, rng), seed.channel, "", who));
    }
    if (seed.close) {
      XASO_RETURN_IF_ERROR(impl_->survey_repo->SetStatus(commune_id, s.id, s.version,
                                                         survey::SurveyStatus::kClosed, demo));
    }
  }
  return Ok{};
}

}  // namespace xaso::app
