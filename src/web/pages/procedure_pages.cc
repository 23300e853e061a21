// The one-stop shop's procedure catalogue for citizens (PRODUCT.md part 9; issue 5, part 1):
// every procedure of the commune grouped by field, searchable without diacritics ("khai sinh"
// finds "Đăng ký khai sinh"), and one page a procedure with what to bring, what it costs, how
// long it takes and who handles it. No sign-in.
#include <map>

#include "domain/feedback/feedback.h"
#include "domain/rules/rule_book.h"
#include "web/form.h"
#include "web/router.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using identity::Permission;
using onestop::Procedure;

constexpr size_t kMaxQuery = 200;

Data TextList(const std::vector<std::string>& items) {
  Data list(Data::type::list);
  for (const auto& item : items) list.push_back(Data(item));
  return list;
}

// The same-day cutoff in force today ("15:00"): a dated rule, never a constant. Empty when the
// rule book has none, and the page then says only "trong ngày".
std::string CutoffInForce(Context& ctx, int64_t commune_id) {
  if (!ctx.svc.rules) return {};
  auto all = ctx.svc.rules->LoadRules();
  if (!all) return {};
  auto cutoff = rules::RuleBook(*all).Lookup(onestop::kSameDayCutoffRule, ctx.svc.clock->TodayVn(),
                                             commune_id);
  return cutoff ? cutoff->value : std::string();
}

// The time limit as the citizen reads it.
std::string ProcessingTime(Lang lang, const Procedure& p, const std::string& cutoff) {
  if (!p.same_day) {
    return std::to_string(p.working_days) + " " + Message(lang, "procedure.working_days");
  }
  std::string text = Message(lang, "procedure.same_day");
  if (cutoff.empty()) return text;
  return text + Message(lang, "procedure.after_cutoff") + " " + cutoff + " " +
         Message(lang, "procedure.next_working_day");
}

Data FeeData(Lang lang, const onestop::Fee& f) {
  Data x;
  x.set("name", f.name);
  x.set("kind", Message(lang, std::string("procedure.fee_kind.") +
                                  std::string(onestop::FeeKindCode(f.kind))));
  x.set("amount",
        f.amount_dong == 0 ? Message(lang, "procedure.exempt") : VnInt(f.amount_dong) + " đ");
  if (!f.per.empty()) x.set("per", f.per);
  return x;
}

Response List(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  const std::string query = ctx.req.Query("q");
  if (query.size() > kMaxQuery) return ErrorPage(ctx, 400);
  auto procedures = ctx.svc.procedures->Search(commune->id, feedback::SearchTerms(query));
  if (!procedures) return ErrorPage(ctx, HttpStatusFor(procedures.error().code, false));
  const std::string base = "/xa/" + commune->slug;
  const std::string cutoff = CutoffInForce(ctx, commune->id);
  // Fields in the order their first procedure comes in the catalogue.
  std::vector<std::string> fields;
  std::map<std::string, Data> by_field;
  for (const Procedure& p : *procedures) {
    if (!by_field.count(p.field)) {
      fields.push_back(p.field);
      by_field.emplace(p.field, Data(Data::type::list));
    }
    Data x;
    x.set("href", base + "/thu-tuc/" + PercentEncode(p.code));
    x.set("code", p.code);
    x.set("name", p.name);
    x.set("time", ProcessingTime(ctx.lang, p, cutoff));
    by_field[p.field].push_back(x);
  }
  Data groups(Data::type::list);
  for (const auto& f : fields) {
    Data g;
    g.set("field", f);
    g.set("procedures", by_field[f]);
    groups.push_back(g);
  }
  Data d;
  d.set("commune_name", commune->name);
  d.set("home", base + "/");
  d.set("lookup_href", base + "/ho-so");
  d.set("groups", groups);
  d.set("empty", Data(procedures->empty()));
  if (!query.empty()) d.set("q", query);
  return RenderPage(ctx, 200, "procedures", d, Message(ctx.lang, "procedure.title"));
}

Response Show(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  const std::string& code = ctx.params["code"];
  if (!onestop::IsProcedureCode(code)) return ErrorPage(ctx, 404);
  auto p = ctx.svc.procedures->GetByCode(commune->id, code);
  if (!p) return ErrorPage(ctx, HttpStatusFor(p.error().code, false));
  Data fees(Data::type::list);
  for (const auto& f : p->fees) fees.push_back(FeeData(ctx.lang, f));
  std::string unit = p->unit_code;
  if (auto units = ctx.svc.identity->ListUnits(commune->id)) {
    for (const auto& u : *units) {
      if (u.code == p->unit_code) {
        unit = ctx.lang == Lang::kEn && !u.name_en.empty() ? u.name_en : u.name_vi;
      }
    }
  }
  const std::string base = "/xa/" + commune->slug;
  Data d;
  d.set("commune_name", commune->name);
  d.set("home", base + "/");
  d.set("list_href", base + "/thu-tuc");
  d.set("code", p->code);
  d.set("name", p->name);
  d.set("field", p->field);
  d.set("steps", TextList(p->steps));
  d.set("time", ProcessingTime(ctx.lang, *p, CutoffInForce(ctx, commune->id)));
  d.set("fees", fees);
  d.set("no_fees", Data(p->fees.empty()));
  d.set("documents", TextList(p->documents));
  d.set("legal_basis", p->legal_basis);
  d.set("online_level",
        Message(ctx.lang, "procedure.online." + std::string(OnlineLevelCode(p->online_level))));
  d.set("unit", unit);
  d.set("to_verify", Data(p->to_verify));
  return RenderPage(ctx, 200, "procedure", d, p->name);
}

}  // namespace

void AddProcedureRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/xa/{slug}/thu-tuc", Permission::kReadPublic, RouteKind::kPage, List});
  routes.push_back(
      {"GET", "/xa/{slug}/thu-tuc/{code}", Permission::kReadPublic, RouteKind::kPage, Show});
}

}  // namespace xaso::web
