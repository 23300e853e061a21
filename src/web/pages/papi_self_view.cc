#include "web/pages/papi_self_view.h"

#include <algorithm>
#include <cstdio>

#include "core/ttl_cache.h"
#include "domain/papi/benchmark.h"
#include "domain/papi/catalogue.h"
#include "domain/papi/indicator_catalogue.h"
#include "domain/papi/ranking.h"
#include "web/svg_chart.h"

namespace xaso::web {
namespace {

// Scoring is pure and a survey's responses only grow, so (survey, count) names a result; the
// age limit only bounds memory held for surveys nobody looks at.
TtlCache<std::string, papi::SelfScores>& ScoreCache() {
  static TtlCache<std::string, papi::SelfScores> cache(24 * 3600);
  return cache;
}

std::string Number4(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", value);
  std::string s = buf;
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

}  // namespace

std::string Score4(const std::optional<double>& value) { return value ? Number4(*value) : "—"; }

std::string ScoreWithInterval(const papi::Score& s) {
  std::string out = Score4(s.value);
  if (s.low() && s.high()) out += " (" + Number4(*s.low()) + "–" + Number4(*s.high()) + ")";
  return out;
}

Result<std::vector<papi::SelfScores>> LoadSelfAssessments(Context& ctx, int64_t commune_id,
                                                          const std::string& unit) {
  std::vector<papi::SelfScores> selfs;
  if (ctx.svc.survey_repo == nullptr || ctx.svc.surveys == nullptr) return selfs;
  auto list = ctx.svc.survey_repo->List(commune_id, std::nullopt);
  if (!list) return list.error();
  std::vector<int> seen;  // newest first, so the first survey of a year is the one scored
  for (const auto& summary : *list) {
    if (summary.preset != "papi" || summary.status == survey::SurveyStatus::kDraft) continue;
    if (std::find(seen.begin(), seen.end(), summary.year) != seen.end()) continue;
    seen.push_back(summary.year);
    const std::string key = std::to_string(summary.id) + ":" + std::to_string(summary.responses);
    auto scores =
        ScoreCache().Get(key, ctx.svc.clock->NowUnix(), [&]() -> Result<papi::SelfScores> {
          auto s = ctx.svc.survey_repo->Get(commune_id, summary.id);
          if (!s) return s.error();
          const papi::ScoringModel model(papi::IndicatorCatalogue::Default(),
                                         papi::Catalogue::Default(), s->year);
          auto scored = ctx.svc.surveys->ScorePapi(*s, model, unit);
          if (!scored) return scored.error();
          return papi::ToSelfScores(model, *scored, summary.responses);
        });
    if (!scores) return scores.error();
    selfs.push_back(std::move(*scores));
  }
  std::sort(selfs.begin(), selfs.end(),
            [](const auto& a, const auto& b) { return a.year < b.year; });
  return selfs;
}

const papi::ScoreRow* BenchmarkFor(const std::vector<const papi::ScoreRow*>& rows, int year) {
  const papi::ScoreRow* best = nullptr;
  for (const auto* r : rows) {
    if (r->year <= year) best = r;
  }
  return best;
}

void SetSelfAssessment(Context& ctx, const std::vector<papi::SelfScores>& selfs,
                       const std::vector<const papi::ScoreRow*>& province_rows, Data& d) {
  if (selfs.empty()) return;
  d.set("has_self", Data(true));
  const auto& refs = papi::ShippedNationalReference();
  Data years(Data::type::list);
  std::vector<Bar> bars;
  const auto pct = [](double x) { return static_cast<int>((x - 8) * 100 / 72); };
  for (const auto& s : selfs) {
    Data y;
    y.set("year", std::to_string(s.year));
    y.set("respondents", std::to_string(s.respondents));
    y.set("total", ScoreWithInterval(s.total));
    if (const auto* p = BenchmarkFor(province_rows, s.year)) {
      y.set("province", Score4(p->aggregate));
      y.set("province_year", std::to_string(p->year));
      if (p->aggregate) {
        bars.push_back({std::to_string(p->year) + " · " + Message(ctx.lang, "papi.dash.province"),
                        pct(*p->aggregate), Number4(*p->aggregate)});
      }
    }
    // The national quartiles of the self-assessment's year, else the latest before it.
    const papi::NationalReference* ref = nullptr;
    for (const auto& r : refs) {
      if (r.year <= s.year && (ref == nullptr || r.year > ref->year)) ref = &r;
    }
    if (ref && s.total.value) {
      const auto group = papi::GroupOf(*s.total.value, ref->quartiles());
      y.set("group", std::string(papi::GroupNameVi(group)));
      y.set("group_code", std::string(papi::GroupCode(group)));
      y.set("group_year", std::to_string(ref->year));
    }
    if (s.total.value) {
      bars.push_back({std::to_string(s.year) + " · " + Message(ctx.lang, "papi.self.commune"),
                      pct(*s.total.value), Number4(*s.total.value)});
    }
    years.push_back(y);
  }
  d.set("self_years", years);
  if (!bars.empty()) {
    d.set("self_chart", ProgressBarsSvg(Message(ctx.lang, "papi.self.chart"), bars));
  }
  const auto& latest = selfs.back();
  d.set("self_year", std::to_string(latest.year));
  Data dims(Data::type::list);
  const auto* bench = BenchmarkFor(province_rows, latest.year);
  for (const auto& dim : papi::Catalogue::Default().dimensions()) {
    if (dim.from_year > latest.year) continue;
    Data x;
    x.set("number", std::to_string(dim.number));
    x.set("name", ctx.lang == Lang::kEn ? dim.name_en : dim.name_vi);
    x.set("score", ScoreWithInterval(latest.dimensions[dim.number - 1]));
    x.set("province", bench ? Score4(bench->dimensions[dim.number - 1]) : std::string("—"));
    dims.push_back(x);
  }
  d.set("self_dimensions", dims);
  if (bench) d.set("bench_year", std::to_string(bench->year));
}

}  // namespace xaso::web
