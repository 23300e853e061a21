// The item form: GET/POST /quan-ly/cong-khai/moi creates a draft, POST /quan-ly/cong-khai/{id}
// saves an edit made on the item page with the version it was read at. Types are offered as
// they stand today, grouped by the law's item (Luật THDCCS Art 11(1)–(14)).
#include <map>

#include "core/text.h"
#include "web/form.h"
#include "web/pages/disclosure_staff_view.h"
#include "web/pages/plan_view.h"
#include "web/pages/select_options.h"

namespace xaso::web {
namespace {

using identity::Permission;

Response FormPage(Context& ctx, int status, Data d) {
  d.set("csrf", EnsureCsrf(ctx));
  DisclosureFormData(ctx, d);
  const std::string title = Message(ctx.lang, "disclosure.staff.new_title");
  return RenderPage(ctx, status, "disclosure_staff_new", d, title);
}

Response Create(Context& ctx) {
  Error err{ErrorCode::kInvalidArgument, Message(ctx.lang, "disclosure.staff.invalid"), {}};
  disclosure::Item item = DisclosureFromForm(ctx, err);
  item.type_code = ctx.form["type_code"];
  if (ctx.svc.disclosures->catalogue().Find(item.type_code, ctx.svc.clock->TodayVn()) == nullptr) {
    err.fields.push_back({"type_code", Message(ctx.lang, "disclosure.staff.choose_type")});
  }
  if (!err.fields.empty()) return FormPage(ctx, 422, ErrorData(err));
  auto id = ctx.svc.disclosures->Create(*ctx.account, item, ActorOf(ctx));
  if (!id) return FormPage(ctx, HttpStatusFor(id.error().code, true), ErrorData(id.error()));
  Response r{303, {}, ""};
  return r.With("Location", DisclosureStaffHref(*id));
}

Response Update(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  if (!id) return ErrorPage(ctx, 404);
  auto stored = ctx.svc.disclosure_repo->Get(ctx.account->commune_id, *id);
  if (!stored) return ErrorPage(ctx, HttpStatusFor(stored.error().code, false));
  Error err{ErrorCode::kInvalidArgument, Message(ctx.lang, "disclosure.staff.invalid"), {}};
  disclosure::Item item = DisclosureFromForm(ctx, err);
  if (!err.fields.empty()) return DisclosureItemPage(ctx, *id, 422, ErrorData(err));
  item.id = *id;
  item.commune_id = stored->commune_id;
  item.type_code = stored->type_code;
  item.type_effective_from = stored->type_effective_from;
  auto v = ctx.svc.disclosures->Update(*ctx.account, item, ActorOf(ctx));
  if (!v) {
    return DisclosureItemPage(ctx, *id, HttpStatusFor(v.error().code, true),
                              DisclosureErrorData(ctx, v.error()));
  }
  InvalidatePublicPages();
  Response r{303, {}, ""};
  return r.With("Location", DisclosureStaffHref(*id) + "?da-luu=1");
}

}  // namespace

void DisclosureFormData(Context& ctx, Data& d) {
  const Date today = ctx.svc.clock->TodayVn();
  // Types by law item; the quarterly list is made by its own page, not typed in.
  std::map<int, Data> groups;
  for (const auto* t : ctx.svc.disclosures->catalogue().InForce(today)) {
    if (t->code == disclosure::kLogTypeCode) continue;
    auto [it, added] = groups.try_emplace(t->law_item, Data::type::list);
    Data o;
    o.set("id", t->code);
    o.set("name", DisclosureTypeName(ctx.lang, *t));
    o.set("recurrence", std::string(disclosure::RecurrenceCode(t->recurrence)));
    o.set("selected", Data(ctx.form["type_code"] == t->code));
    it->second.push_back(o);
  }
  Data type_groups(Data::type::list);
  for (auto& [law_item, types] : groups) {
    Data g;
    g.set("label", law_item == 0 ? Message(ctx.lang, "disclosure.staff.law_item_other")
                                 : Message(ctx.lang, "disclosure.staff.law_item") + " " +
                                       std::to_string(law_item));
    g.set("types", types);
    type_groups.push_back(g);
  }
  d.set("type_groups", type_groups);

  std::vector<std::pair<std::string, std::string>> periods = {
      {"", Message(ctx.lang, "disclosure.staff.no_period")}};
  bool chosen_listed = ctx.form["period_key"].empty();
  for (int y = today.year(); y >= today.year() - 1; --y) {
    for (auto r : {disclosure::Recurrence::kQuarterly, disclosure::Recurrence::kYearly}) {
      for (const auto& p : disclosure::PeriodsEndingIn(r, y)) {
        periods.emplace_back(p.key, disclosure::PeriodLabelVi(p));
        chosen_listed = chosen_listed || p.key == ctx.form["period_key"];
      }
    }
  }
  if (!chosen_listed) {
    if (auto p = disclosure::ParsePeriod(ctx.form["period_key"])) {
      periods.emplace_back(p->key, disclosure::PeriodLabelVi(*p));
    }
  }
  d.set("period_options", SelectOptions(periods, ctx.form["period_key"]));

  std::vector<std::pair<std::string, std::string>> units = {
      {"0", Message(ctx.lang, "disclosure.staff.unit_ubnd")}};
  for (const auto& [id, name] : LoadUnitNames(ctx, ctx.account->commune_id)) {
    units.emplace_back(std::to_string(id), name);
  }
  d.set("unit_options", SelectOptions(units, ctx.form["unit_id"]));
  if (ctx.form["year"].empty()) ctx.form["year"] = std::to_string(today.year());
  for (const char* f : {"title", "summary", "decision_number", "decision_on", "year", "version"}) {
    d.set(std::string("form_") + f, ctx.form[f]);
  }
}

disclosure::Item DisclosureFromForm(Context& ctx, Error& err) {
  disclosure::Item item;
  item.commune_id = ctx.account->commune_id;
  item.title = std::string(Trim(ctx.form["title"]));
  item.summary = ctx.form["summary"];
  item.decision_number = std::string(Trim(ctx.form["decision_number"]));
  item.period_key = ctx.form["period_key"];
  item.version = ParseInt(ctx.form["version"], 0).value_or(0);
  if (!ctx.form["decision_on"].empty()) {
    item.decision_on = ParseDateInput(ctx.form["decision_on"]);
    if (!item.decision_on) {
      err.fields.push_back({"decision_on", Message(ctx.lang, "disclosure.staff.bad_date")});
    }
  }
  if (ctx.form["year"].empty()) {
    // A recurring type's year follows its period (DisclosureService::Create).
    if (auto p = disclosure::ParsePeriod(item.period_key)) item.year = p->last.year();
  } else if (auto y = ParseInt(ctx.form["year"], 2000, 2100)) {
    item.year = static_cast<int>(*y);
  } else {
    err.fields.push_back({"year", Message(ctx.lang, "disclosure.staff.bad_year")});
  }
  if (auto unit = ParseInt(ctx.form["unit_id"], 0)) {
    item.unit_id = *unit;
  } else if (!ctx.form["unit_id"].empty()) {
    err.fields.push_back({"unit_id", Message(ctx.lang, "disclosure.staff.bad_unit")});
  }
  return item;
}

void AddDisclosureStaffFormRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/cong-khai/moi", Permission::kManageDisclosures,
                    RouteKind::kPage, [](Context& ctx) { return FormPage(ctx, 200, {}); }});
  routes.push_back(
      {"POST", "/quan-ly/cong-khai/moi", Permission::kManageDisclosures, RouteKind::kPage, Create});
}

void AddDisclosureStaffEditRoute(std::vector<Route>& routes) {
  routes.push_back({"POST", "/quan-ly/cong-khai/{id}", Permission::kManageDisclosures,
                    RouteKind::kPage, Update});
}

}  // namespace xaso::web
