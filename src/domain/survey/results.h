// The results of a survey per question (PRODUCT.md part 10: "results per question and over
// time"): counts per option, the distribution and mean of a scale, the spread of numbers.
// Computed in memory from the stored responses; weights are ignored here (counts of people).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/survey/survey.h"

namespace xaso::survey {

struct OptionCount {
  std::string value;  // the option's value, or for a scale the step ("1".."5")
  std::string label;  // the option's label_vi, or for a scale the step and the end labels
  int64_t count = 0;
};

struct QuestionResult {
  const Question* question = nullptr;  // points into the survey passed to Tally
  int64_t shown = 0;                   // responses in which the question was asked (IsShown)
  int64_t answered = 0;                // of those, how many answered
  // single, multiple and scale: one entry per option or step, in order (for multiple the
  // counts add up to more than `answered`).
  std::vector<OptionCount> counts;
  // scale and number: over the answers; none when nobody answered.
  std::optional<double> mean;
  std::optional<double> median;
  std::optional<double> min;
  std::optional<double> max;
  // text: the answers, newest first, at most `max_texts`.
  std::vector<std::string> texts;
};

struct SurveyResults {
  int64_t responses = 0;
  std::vector<QuestionResult> questions;  // one per question of the survey, in order
};

SurveyResults Tally(const Survey& s, std::span<const Response> responses, size_t max_texts = 50);

}  // namespace xaso::survey
