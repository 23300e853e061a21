// The supervision register (giám sát, plan III.3; LEGAL.md §2.6): a supervisor records the
// recommendations of UB MTTQ, Ban TTND and Ban GSĐTCĐ; leaders and the assigned unit answer
// within the days of the rule book. Late ones are listed first and marked in words, not
// colour alone.
#include "web/pages/oversight_forms.h"

namespace xaso::web {
namespace {

using identity::Permission;
using oversight::RecommendationStatus;
using oversight::RecommendationView;

Data RecommendationData(Context& ctx, const RecommendationView& v,
                        const std::vector<identity::Unit>& units) {
  const auto& r = v.recommendation;
  Data x;
  x.set("id", std::to_string(r.id));
  x.set("version", std::to_string(r.version));
  x.set("body", Message(ctx.lang, "supervision.body_" + std::string(oversight::BodyCode(r.body))));
  SetIfNotEmpty(x, "reference", r.reference);
  x.set("received", r.received_on.ToVi());
  x.set("title", r.title);
  x.set("content", r.content);
  SetIfNotEmpty(x, "unit", UnitName(units, r.assigned_unit_id, ctx.lang));
  x.set("due", r.due_on.ToVi());
  x.set("rule_key", r.rule_key);
  x.set("rule_from", r.rule_effective_from.ToVi());
  x.set("answered", Data(r.status == RecommendationStatus::kAnswered));
  x.set("answer", r.answer);
  SetIfNotEmpty(x, "answer_reference", r.answer_reference);
  SetIfNotEmpty(x, "answered_on", ViDate(r.answered_on));
  x.set("late", Data(v.late));
  return x;
}

// <option> rows {code, name, selected} for the supervising bodies; the one chosen before an
// error stays chosen.
Data BodyOptions(Lang lang, const std::string& selected) {
  Data list(Data::type::list);
  for (auto body : {oversight::SupervisoryBody::kMttq, oversight::SupervisoryBody::kBttnd,
                    oversight::SupervisoryBody::kBgsdtcd}) {
    const std::string code(oversight::BodyCode(body));
    Data o;
    o.set("code", code);
    o.set("name", Message(lang, "supervision.body_" + code));
    o.set("selected", Data(selected == code));
    list.push_back(o);
  }
  return list;
}

Response RegisterPage(Context& ctx, int status, Data d) {
  d.set("csrf", EnsureCsrf(ctx));
  const auto units = CommuneUnits(ctx);
  auto list = ctx.svc.oversight->ListRecommendations({ctx.account->commune_id, {}, 0, 500});
  if (!list) return ErrorPage(ctx, HttpStatusFor(list.error().code, false));
  oversight::SortLateFirst(*list);
  Data rows(Data::type::list);
  int late_open = 0;
  for (const auto& v : *list) {
    rows.push_back(RecommendationData(ctx, v, units));
    if (v.late && v.recommendation.status == RecommendationStatus::kOpen) ++late_open;
  }
  d.set("recommendations", rows);
  d.set("empty", Data(list->empty()));
  d.set("late_open", std::to_string(late_open));
  d.set("has_late", Data(late_open > 0));
  d.set("can_record", Data(identity::Allows(ctx.role, Permission::kRecordRecommendation)));
  d.set("units", UnitOptions(units, ctx.form["assigned_unit"], ctx.lang));
  d.set("bodies", BodyOptions(ctx.lang, ctx.form["body"]));
  return RenderPage(ctx, status, "supervision", d, Message(ctx.lang, "supervision.register"));
}

Response RecommendationPage(Context& ctx, int status, Data d) {
  auto id = ParseId(ctx.params["id"]);
  if (!id) return ErrorPage(ctx, 404);
  auto v = ctx.svc.oversight->ViewRecommendation(ctx.account->commune_id, *id);
  if (!v) return ErrorPage(ctx, HttpStatusFor(v.error().code, false));
  d.set("csrf", EnsureCsrf(ctx));
  d.set("r", RecommendationData(ctx, *v, CommuneUnits(ctx)));
  d.set("can_answer",
        Data(v->recommendation.status == RecommendationStatus::kOpen &&
             oversight::OversightService::CanAnswer(*ctx.account, v->recommendation)));
  return RenderPage(ctx, status, "recommendation", d, v->recommendation.title);
}

Response PostRecommendation(Context& ctx) {
  int64_t id = 0;
  Status st = [&]() -> Status {
    XASO_ASSIGN_OR_RETURN(auto r, RecommendationFromFields(ctx.form));
    XASO_ASSIGN_OR_RETURN(id,
                          ctx.svc.oversight->CreateRecommendation(*ctx.account, r, ActorOf(ctx)));
    return Ok{};
  }();
  return AfterFormWrite(ctx, st, "/quan-ly/giam-sat/" + std::to_string(id), RegisterPage);
}

Response PostAnswer(Context& ctx) {
  auto id = ParseId(ctx.params["id"]);
  if (!id) return ErrorPage(ctx, 404);
  Status st = [&]() -> Status {
    XASO_ASSIGN_OR_RETURN(auto a, AnswerFromFields(ctx.form));
    XASO_ASSIGN_OR_RETURN(a.version, VersionFromFields(ctx.form));
    a.recommendation_id = *id;
    return Dropped(ctx.svc.oversight->AnswerRecommendation(*ctx.account, a, ActorOf(ctx)));
  }();
  return AfterFormWrite(ctx, st, "/quan-ly/giam-sat/" + std::to_string(*id), RecommendationPage);
}

}  // namespace

void AddSupervisionRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/giam-sat", Permission::kViewOversight, RouteKind::kPage,
                    [](Context& ctx) { return RegisterPage(ctx, 200, {}); }});
  routes.push_back({"POST", "/quan-ly/giam-sat", Permission::kRecordRecommendation,
                    RouteKind::kPage, PostRecommendation});
  routes.push_back({"GET", "/quan-ly/giam-sat/{id}", Permission::kViewOversight, RouteKind::kPage,
                    [](Context& ctx) { return RecommendationPage(ctx, 200, {}); }});
  routes.push_back({"POST", "/quan-ly/giam-sat/{id}", Permission::kAnswerRecommendation,
                    RouteKind::kPage, PostAnswer});
}

}  // namespace xaso::web
