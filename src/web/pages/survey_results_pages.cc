// The results of a survey (view_survey_results): GET /quan-ly/khao-sat/{id}/ket-qua tallies
// the stored responses per question (survey::Tally): bars of counts drawn on the server as SVG
// for choices and scales, the mean and median of scales and numbers, the free-text answers, and
// the responses by channel, and beside each mean the means of the earlier surveys made from the
// same preset. A PAPI survey links to the PAPI dashboard, which scores it.
#include <map>
#include <utility>

#include "domain/survey/presets.h"
#include "domain/survey/results.h"
#include "web/pages/survey_view.h"
#include "web/svg_chart.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using identity::Permission;
using survey::QuestionType;

std::string Number(const std::optional<double>& v) { return v ? VnDecimal(*v) : "—"; }

Data QuestionData(Lang lang, const survey::Survey& s, const survey::QuestionResult& r,
                  size_t index) {
  const survey::Question& q = *r.question;
  Data x;
  x.set("key", q.key);
  x.set("number", std::to_string(index + 1));
  x.set("text", q.text_vi);
  x.set("type", QuestionTypeLabel(lang, q.type));
  x.set("shown", VnInt(r.shown));
  x.set("answered", VnInt(r.answered));
  const std::string condition = ConditionText(lang, s, q);
  if (!condition.empty()) x.set("condition", condition);
  if (!r.counts.empty()) {
    std::vector<CountBar> bars;
    Data rows(Data::type::list);
    for (const auto& c : r.counts) {
      bars.push_back({c.label, c.count});
      Data row;
      row.set("label", c.label);
      row.set("count", VnInt(c.count));
      rows.push_back(row);
    }
    x.set("chart", CountBarsSvg("q-" + std::to_string(index + 1), q.text_vi, bars, r.answered));
    x.set("counts", rows);
    x.set("multiple", Data(q.type == QuestionType::kMultiple));
  }
  if (q.type == QuestionType::kScale || q.type == QuestionType::kNumber) {
    Data stats;
    stats.set("mean", Number(r.mean));
    stats.set("median", Number(r.median));
    stats.set("min", Number(r.min));
    stats.set("max", Number(r.max));
    x.set("stats", stats);
  }
  if (q.type == QuestionType::kText) {
    Data texts(Data::type::list);
    for (const auto& t : r.texts) texts.push_back(Data(t));
    x.set("texts", texts);
    x.set("no_texts", Data(r.texts.empty()));
  }
  return x;
}

// The mean of every scale and number question in each earlier survey made from the same
// preset (PRODUCT.md part 10: "results per question and over time"), by question key: the
// year and the mean, oldest first. Questions keep their keys across a preset's years.
using Trend = std::map<std::string, std::vector<std::pair<int, double>>>;

Result<Trend> EarlierMeans(Context& ctx, const survey::Survey& s) {
  Trend trend;
  if (s.preset.empty()) return trend;
  auto list = ctx.svc.survey_repo->List(s.commune_id, std::nullopt);
  if (!list) return list.error();
  for (auto it = list->rbegin(); it != list->rend(); ++it) {  // the list is newest first
    if (it->preset != s.preset || it->id == s.id || it->status == survey::SurveyStatus::kDraft ||
        it->year > s.year) {
      continue;
    }
    auto other = ctx.svc.survey_repo->Get(s.commune_id, it->id);
    if (!other) return other.error();
    auto responses = ctx.svc.survey_repo->Responses(s.commune_id, it->id);
    if (!responses) return responses.error();
    for (const auto& r : survey::Tally(*other, *responses).questions) {
      if (r.mean) trend[r.question->key].emplace_back(other->year, *r.mean);
    }
  }
  return trend;
}

Response Results(Context& ctx) {
  auto s = LoadSurvey(ctx);
  if (!s) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  auto responses = ctx.svc.survey_repo->Responses(s->commune_id, s->id);
  if (!responses) return ErrorPage(ctx, HttpStatusFor(responses.error().code, false));
  const survey::SurveyResults results = survey::Tally(*s, *responses);
  auto trend = EarlierMeans(ctx, *s);
  if (!trend) return ErrorPage(ctx, HttpStatusFor(trend.error().code, false));
  Data d;
  d.set("title", s->title);
  d.set("year", std::to_string(s->year));
  d.set("status", SurveyStatusLabel(ctx.lang, s->status));
  d.set("responses", VnInt(results.responses));
  d.set("empty", Data(results.responses == 0));
  d.set("can_manage", Data(identity::Allows(ctx.role, Permission::kManageSurveys)));
  d.set("builder_href", SurveyHref(s->id));
  d.set("export_href", SurveyHref(s->id) + "/phieu.csv");
  d.set("is_papi", Data(s->preset == survey::kPapiPreset));
  Data channels(Data::type::list);
  for (auto c : {survey::Channel::kWeb, survey::Channel::kInterview, survey::Channel::kImport}) {
    int64_t n = 0;
    for (const auto& r : *responses) n += r.channel == c ? 1 : 0;
    Data x;
    x.set("code", std::string(survey::ChannelCode(c)));
    x.set("name", ChannelLabel(ctx.lang, c));
    x.set("count", VnInt(n));
    channels.push_back(x);
  }
  d.set("channels", channels);
  Data questions(Data::type::list);
  for (size_t i = 0; i < results.questions.size(); ++i) {
    const auto& r = results.questions[i];
    Data x = QuestionData(ctx.lang, *s, r, i);
    x.set("has_trend", Data(false));
    const auto earlier = trend->find(r.question->key);
    if (earlier != trend->end() && r.mean) {
      Data years(Data::type::list);
      for (const auto& [year, mean] : earlier->second) {
        Data y;
        y.set("year", std::to_string(year));
        y.set("mean", VnDecimal(mean));
        y.set("current", Data(false));
        years.push_back(y);
      }
      Data now;
      now.set("year", std::to_string(s->year));
      now.set("mean", VnDecimal(*r.mean));
      now.set("current", Data(true));
      years.push_back(now);
      x.set("trend", years);
      x.set("has_trend", Data(true));
    }
    questions.push_back(x);
  }
  d.set("questions", questions);
  return RenderPage(ctx, 200, "survey_results", d,
                    Message(ctx.lang, "survey_staff.results.title") + ": " + s->title);
}

}  // namespace

void AddSurveyResultsRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/khao-sat/{id}/ket-qua", Permission::kViewSurveyResults,
                    RouteKind::kPage, Results});
}

}  // namespace xaso::web
