#include "domain/survey/papi_responses.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

#include "domain/survey/numbers.h"

namespace xaso::survey {
namespace {

// What one answer gives its question's indicator.
double ValueOf(const Question& q, const std::vector<std::string>& values) {
  switch (q.type) {
    case QuestionType::kSingle: {
      if (values.size() != 1) return papi::kNotAnswered;
      auto it = std::find_if(q.options.begin(), q.options.end(),
                             [&](const Option& o) { return o.value == values.front(); });
      return it != q.options.end() && it->score ? *it->score : papi::kNotAnswered;
    }
    case QuestionType::kScale:
    case QuestionType::kNumber:
      if (values.size() != 1) return papi::kNotAnswered;
      return ParsePlain(values.front()).value_or(papi::kNotAnswered);
    case QuestionType::kMultiple:
    case QuestionType::kText: break;
  }
  return papi::kNotAnswered;
}

}  // namespace

papi::RespondentTable RespondentsFromResponses(const Survey& s, std::span<const Response> responses,
                                               const std::string& unit) {
  papi::RespondentTable table;
  // Per column, the questions that map to its indicator, in the order asked.
  std::vector<std::vector<const Question*>> sources;
  std::map<std::string_view, size_t> column_of;
  for (const Question& q : s.questions) {
    if (q.indicator.empty()) continue;
    auto [it, added] = column_of.emplace(q.indicator, table.columns.size());
    if (added) {
      table.columns.push_back(q.indicator);
      sources.emplace_back();
    }
    sources[it->second].push_back(&q);
  }
  table.units = {unit};
  table.unit_of.assign(responses.size(), 0);
  table.weights.reserve(responses.size());
  table.values.reserve(responses.size() * sources.size());
  for (const Response& r : responses) {
    table.weights.push_back(r.weight);
    for (const std::vector<const Question*>& questions : sources) {
      double value = papi::kNotAnswered;
      for (const Question* q : questions) {
        auto it = r.answers.find(q->key);
        if (it == r.answers.end() || it->second.empty()) continue;
        value = ValueOf(*q, it->second);
        break;
      }
      table.values.push_back(value);
    }
  }
  return table;
}

}  // namespace xaso::survey
