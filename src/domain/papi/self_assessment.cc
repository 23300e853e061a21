#include "domain/papi/self_assessment.h"

namespace xaso::papi {

SelfScores ToSelfScores(const ScoringModel& model, const UnitScore& u, int64_t respondents) {
  SelfScores s;
  s.year = model.year();
  s.respondents = respondents;
  for (size_t i = 0; i < model.subdimensions().size(); ++i)
    s.subdimensions.emplace(model.subdimensions()[i]->code, u.subdimensions[i]);
  for (size_t i = 0; i < model.dimensions().size(); ++i) {
    const int number = model.dimensions()[i]->number;
    if (number >= 1 && number <= kDimensionCount) s.dimensions[number - 1] = u.dimensions[i];
  }
  s.total = u.total;
  return s;
}

namespace {

// Whether `now` lies below `before`: beyond both intervals when both have one.
bool Fell(const Score& now, const Score& before) {
  if (!now.value || !before.value) return false;
  const auto high = now.high();
  const auto low = before.low();
  if (high && low) return *high < *low;
  return *now.value < *before.value;
}

}  // namespace

std::vector<WeakSpot> FindWeakSpots(const SelfScores& latest, const SelfScores* previous,
                                    const ScoreRow* province) {
  std::vector<WeakSpot> weak;
  for (const auto& [code, score] : latest.subdimensions) {
    if (!score.value) continue;
    WeakSpot w;
    w.code = code;
    if (province) {
      const auto it = province->subdimensions.find(code);
      if (it != province->subdimensions.end() && *score.value < it->second) {
        w.below_province = true;
        const auto high = score.high();
        w.clearly_below = high && *high < it->second;
      }
    }
    if (previous) {
      const auto it = previous->subdimensions.find(code);
      w.fell = it != previous->subdimensions.end() && Fell(score, it->second);
    }
    if (w.below_province || w.fell) weak.push_back(std::move(w));
  }
  return weak;
}

}  // namespace xaso::papi
