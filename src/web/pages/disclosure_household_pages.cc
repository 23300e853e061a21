// The poor-household review list of a disclosure item (issue 7 items 4(b) and 6; LEGAL.md §9,
// §11; ADR 0016). Staff (GET /quan-ly/cong-khai/{id}/ho-ngheo, view_disclosures) see the list
// by village, the objection window, every objection with its objector, and the final list;
// officers import the list from CSV, record objections and settle them. The public page
// (/xa/{slug}/cong-khai/{id}/ho-ngheo) shows names, villages and classes only while the item is
// public (its posting window), is never offered to search engines, and never names objectors.
#include <map>

#include "core/text.h"
#include "web/form.h"
#include "web/pages/disclosure_public_view.h"
#include "web/pages/plan_view.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using disclosure::Household;
using disclosure::HouseholdReview;
using disclosure::HouseholdReviewView;
using disclosure::HouseholdStatus;
using disclosure::Item;
using disclosure::Objection;
using identity::Permission;

using VillageNames = std::map<int64_t, std::string>;

std::string StaffHref(int64_t id) {
  return "/quan-ly/cong-khai/" + std::to_string(id) + "/ho-ngheo";
}

HouseholdReview Review(Context& ctx) {
  return HouseholdReview(*ctx.svc.households, ctx.svc.disclosures->catalogue(), *ctx.svc.clock);
}

// The item of `commune_id` named by {id}, when its type carries a household list.
Result<Item> LoadItem(Context& ctx, int64_t commune_id) {
  const std::optional<int64_t> id = IdParam(ctx, "id");
  if (!id) return MakeError(ErrorCode::kNotFound, "no such item");
  XASO_ASSIGN_OR_RETURN(Item item, ctx.svc.disclosure_repo->Get(commune_id, *id));
  if (!Review(ctx).HasList(item)) return MakeError(ErrorCode::kNotFound, "no household list");
  return item;
}

VillageNames LoadVillages(Context& ctx, int64_t commune_id,
                          std::vector<identity::Village>* all = nullptr) {
  VillageNames names;
  auto villages = ctx.svc.identity->ListVillages(commune_id);
  if (!villages) return names;
  for (const auto& v : *villages) names[v.id] = v.name;
  if (all) *all = std::move(*villages);
  return names;
}

std::string StatusLabel(Lang lang, HouseholdStatus s) {
  return Message(lang, "disclosure.hh.status." + std::string(disclosure::HouseholdStatusCode(s)));
}

// Households grouped by village, in the list's order: [{village, count, households: [...]}].
Data ByVillage(Lang lang, const std::vector<Household>& list, const VillageNames& villages,
               bool with_status) {
  Data groups(Data::type::list);
  Data group;
  Data rows(Data::type::list);
  int64_t current = -1;
  int count = 0;
  auto flush = [&] {
    if (current < 0) return;
    group.set("count", VnInt(count));
    group.set("households", rows);
    groups.push_back(group);
  };
  for (const Household& h : list) {
    if (h.village_id != current) {
      flush();
      current = h.village_id;
      group = Data();
      rows = Data(Data::type::list);
      count = 0;
      auto v = villages.find(h.village_id);
      group.set("village", v == villages.end() ? std::string("—") : v->second);
    }
    Data x;
    x.set("id", std::to_string(h.id));
    x.set("head_name", h.head_name);
    x.set("class", std::string(disclosure::HouseholdClassLabelVi(h.household_class)));
    if (with_status && h.status != HouseholdStatus::kListed) {
      x.set("status", StatusLabel(lang, h.status));
      x.set("status_code", std::string(disclosure::HouseholdStatusCode(h.status)));
    }
    rows.push_back(x);
    ++count;
  }
  flush();
  return groups;
}

// The posted list: the households not added after objections.
std::vector<Household> Posted(const std::vector<Household>& households) {
  std::vector<Household> out;
  for (const Household& h : households) {
    if (h.status != HouseholdStatus::kAddedAfterObjection) out.push_back(h);
  }
  return out;
}

void SetWindow(Data& d, const HouseholdReviewView& v) {
  if (!v.window) return;
  d.set("window", v.window->first.ToVi() + "–" + v.window->last.ToVi());
  d.set("window_last", v.window->last.ToVi());
}

// `settle_href` is the stem of the settle forms' actions; "" when the reader cannot settle.
// Objectors are named only to those who manage disclosures (LEGAL.md §11): a clerk, supervisor
// or the level above sees the objection without its author.
Data ObjectionsData(Lang lang, const HouseholdReviewView& v, const VillageNames& villages,
                    const std::string& settle_href, bool name_objectors) {
  std::map<int64_t, const Household*> by_id;
  for (const Household& h : v.households) by_id[h.id] = &h;
  Data list(Data::type::list);
  for (const Objection& o : v.objections) {
    Data x;
    x.set("id", std::to_string(o.id));
    x.set("received_on", o.received_on.ToVi());
    if (disclosure::IsLate(o, v.window)) x.set("late", Data(true));
    if (o.household_id != 0) {
      auto h = by_id.find(o.household_id);
      if (h != by_id.end()) x.set("against", h->second->head_name);
    } else if (o.proposed) {
      auto vn = villages.find(o.proposed->village_id);
      x.set("proposed",
            o.proposed->head_name + " (" + (vn == villages.end() ? std::string("—") : vn->second) +
                ", " + std::string(disclosure::HouseholdClassLabelVi(o.proposed->household_class)) +
                ")");
    }
    if (name_objectors && !o.objector.empty()) x.set("objector", o.objector);
    x.set("text", o.text);
    if (o.outcome) {
      x.set("outcome",
            Message(lang, "disclosure.hh.outcome." +
                              std::string(disclosure::ObjectionOutcomeCode(*o.outcome))));
      x.set("settled_on", o.settled_on ? o.settled_on->ToVi() : std::string());
      x.set("answer", o.answer);
    } else if (!settle_href.empty()) {
      x.set("settle_action", settle_href + "/" + std::to_string(o.id) + "/giai-quyet");
    }
    list.push_back(x);
  }
  return list;
}

// The staff page, with `d` holding a form's errors or a notice.
Response StaffPage(Context& ctx, int status, Data d) {
  const int64_t commune_id = ctx.account->commune_id;
  auto item = LoadItem(ctx, commune_id);
  if (!item) return ErrorPage(ctx, HttpStatusFor(item.error().code, false));
  auto view = Review(ctx).Load(*item);
  if (!view) return ErrorPage(ctx, HttpStatusFor(view.error().code, false));
  std::vector<identity::Village> all_villages;
  const VillageNames villages = LoadVillages(ctx, commune_id, &all_villages);
  const bool manager = identity::Allows(ctx.role, Permission::kManageDisclosures);
  const bool can_manage = manager && item->status != disclosure::ItemStatus::kWithdrawn;
  const std::string href = StaffHref(item->id);

  d.set("csrf", EnsureCsrf(ctx));
  d.set("item_title", item->title);
  d.set("item_href", "/quan-ly/cong-khai/" + std::to_string(item->id));
  SetWindow(d, *view);
  d.set("count", VnInt(static_cast<int64_t>(Posted(view->households).size())));
  d.set("villages", ByVillage(ctx.lang, view->households, villages, /*with_status=*/true));
  d.set("has_households", Data(!view->households.empty()));
  d.set("objections",
        ObjectionsData(ctx.lang, *view, villages, can_manage ? href + "/khieu-nai" : "", manager));
  d.set("has_objections", Data(!view->objections.empty()));
  d.set("final_villages", ByVillage(ctx.lang, view->final_list, villages, /*with_status=*/true));
  d.set("final_count", VnInt(static_cast<int64_t>(view->final_list.size())));
  d.set("settled", Data(view->settled));
  if (item->status == disclosure::ItemStatus::kPublished) {
    auto commune = ctx.svc.identity->GetCommune(commune_id);
    if (commune) {
      d.set("public_href",
            "/xa/" + commune->slug + "/cong-khai/" + std::to_string(item->id) + "/ho-ngheo");
    }
  }
  if (can_manage) {
    d.set("can_manage", Data(true));
    if (view->objections.empty()) d.set("import_action", href + "/nhap");
    d.set("header", std::string(disclosure::kHouseholdCsvHeader));
    d.set("object_action", href + "/khieu-nai");
    if (!d.get("form_received_on")) {
      d.set("form_received_on", ctx.svc.clock->TodayVn().ToVi());
    }
    Data households(Data::type::list);
    for (const Household& h : view->households) {
      if (h.status != HouseholdStatus::kListed) continue;
      Data x;
      x.set("id", std::to_string(h.id));
      auto v = villages.find(h.village_id);
      x.set("label", h.head_name + " — " + (v == villages.end() ? std::string() : v->second));
      households.push_back(x);
    }
    d.set("household_options", households);
    Data village_options(Data::type::list);
    for (const auto& v : all_villages) {
      Data x;
      x.set("id", std::to_string(v.id));
      x.set("name", v.name);
      village_options.push_back(x);
    }
    d.set("village_options", village_options);
  }
  return RenderPage(ctx, status, "disclosure_hh_staff", d,
                    Message(ctx.lang, "disclosure.hh.staff.title"));
}

Response StaffShow(Context& ctx) { return StaffPage(ctx, 200, Data()); }

// The CSV of a file field or, failing that, of the pasted text.
std::string CsvOf(Context& ctx) {
  auto file = ctx.files.find("file");
  if (file != ctx.files.end() && !file->second.bytes.empty()) return file->second.bytes;
  return ctx.form["csv"];
}

Response Import(Context& ctx) {
  auto item = LoadItem(ctx, ctx.account->commune_id);
  if (!item) return ErrorPage(ctx, HttpStatusFor(item.error().code, false));
  const std::string csv = CsvOf(ctx);
  Data d;
  if (Trim(csv).empty()) {
    d.set("import_error", Message(ctx.lang, "disclosure.hh.import.no_file"));
    return StaffPage(ctx, 422, d);
  }
  std::vector<identity::Village> villages;
  LoadVillages(ctx, item->commune_id, &villages);
  auto n = Review(ctx).Import(*ctx.account, *item, csv, villages, ActorOf(ctx));
  if (!n) {
    if (n.error().code == ErrorCode::kPermissionDenied) return ErrorPage(ctx, 403);
    d.set("import_error", n.error().code == ErrorCode::kFailedPrecondition
                              ? Message(ctx.lang, "disclosure.hh.import.frozen")
                              : Message(ctx.lang, "disclosure.hh.import.refused"));
    Data problems(Data::type::list);
    for (const auto& f : n.error().fields) {
      Data x;
      x.set("line", f.field.starts_with("line ") ? f.field.substr(5) : f.field);
      x.set("message", f.message);
      problems.push_back(x);
    }
    d.set("problems", problems);
    d.set("has_problems", Data(!n.error().fields.empty()));
    d.set("csv", csv);
    return StaffPage(ctx, HttpStatusFor(n.error().code, true), d);
  }
  d.set("imported", VnInt(*n));
  return StaffPage(ctx, 200, d);
}

Response Object(Context& ctx) {
  auto item = LoadItem(ctx, ctx.account->commune_id);
  if (!item) return ErrorPage(ctx, HttpStatusFor(item.error().code, false));
  auto& f = ctx.form;
  Data d;
  Objection o;
  o.objector = std::string(Trim(f["objector"]));
  o.text = std::string(Trim(f["text"]));
  const std::optional<Date> received = ParseDateInput(f["received_on"]);
  const std::optional<int64_t> household = ParseInt(f["household_id"], 0);
  if (household && *household != 0) {
    o.household_id = *household;
  } else {
    o.proposed = Household{.head_name = std::string(Trim(f["head_name"])),
                           .village_id = ParseInt(f["village_id"]).value_or(0)};
    auto cls = disclosure::ParseHouseholdClass(f["classification"]);
    if (cls) o.proposed->household_class = *cls;
  }
  std::vector<identity::Village> villages;
  LoadVillages(ctx, item->commune_id, &villages);
  Result<int64_t> id = MakeError(ErrorCode::kInvalidArgument, "");
  if (!received) {
    Error err = MakeError(ErrorCode::kInvalidArgument, "invalid objection");
    err.fields.push_back({"received_on", Message(ctx.lang, "disclosure.hh.object.bad_date")});
    id = err;
  } else {
    o.received_on = *received;
    id = Review(ctx).Object(*ctx.account, *item, o, villages, ActorOf(ctx));
  }
  if (!id) {
    if (id.error().code == ErrorCode::kPermissionDenied) return ErrorPage(ctx, 403);
    Data e = ErrorData(id.error());
    e.set("object_error", Message(ctx.lang, id.error().code == ErrorCode::kNotFound
                                                ? "disclosure.hh.object.no_household"
                                                : "disclosure.hh.object.refused"));
    e.set("form_received_on", f["received_on"]);
    e.set("form_objector", o.objector);
    e.set("form_text", o.text);
    return StaffPage(ctx, HttpStatusFor(id.error().code, true), e);
  }
  return RedirectResponse(StaffHref(item->id) + "#khieu-nai");
}

Response Settle(Context& ctx) {
  auto item = LoadItem(ctx, ctx.account->commune_id);
  if (!item) return ErrorPage(ctx, HttpStatusFor(item.error().code, false));
  const std::optional<int64_t> oid = IdParam(ctx, "oid");
  const auto outcome = disclosure::ParseObjectionOutcome(ctx.form["outcome"]);
  Data d;
  if (!oid) return ErrorPage(ctx, 404);
  if (!outcome) {
    d.set("settle_error", Message(ctx.lang, "disclosure.hh.settle.no_outcome"));
    return StaffPage(ctx, 422, d);
  }
  auto done =
      Review(ctx).Settle(*ctx.account, *item, *oid, *outcome, ctx.form["answer"], ActorOf(ctx));
  if (!done) {
    if (done.error().code == ErrorCode::kPermissionDenied) return ErrorPage(ctx, 403);
    if (done.error().code == ErrorCode::kNotFound) return ErrorPage(ctx, 404);
    d.set("settle_error", Message(ctx.lang, done.error().code == ErrorCode::kFailedPrecondition
                                                ? "disclosure.hh.settle.already"
                                                : "disclosure.hh.settle.no_answer"));
    return StaffPage(ctx, HttpStatusFor(done.error().code, true), d);
  }
  return RedirectResponse(StaffHref(item->id) + "#khieu-nai");
}

// The public list. 404 (still unindexed) unless the item is public today: personal data is
// public only during its posting window.
Response Public(Context& ctx) {
  auto not_found = [&] {
    Response r = ErrorPage(ctx, 404);
    return NoIndex(r);
  };
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return not_found();
  auto item = LoadItem(ctx, commune->id);
  if (!item || !ctx.svc.disclosures->IsPublicNow(*item)) return not_found();
  auto view = Review(ctx).Load(*item);
  if (!view) return ErrorPage(ctx, HttpStatusFor(view.error().code, false));
  const VillageNames villages = LoadVillages(ctx, commune->id);
  Data d;
  d.set("noindex", Data(true));
  d.set("commune_name", commune->name);
  d.set("item_title", item->title);
  d.set("item_href", "/xa/" + commune->slug + "/cong-khai/" + std::to_string(item->id));
  SetWindow(d, *view);
  const std::vector<Household> posted = Posted(view->households);
  d.set("count", VnInt(static_cast<int64_t>(posted.size())));
  d.set("villages", ByVillage(ctx.lang, posted, villages, /*with_status=*/false));
  d.set("has_households", Data(!posted.empty()));
  if (view->settled) {
    d.set("final_villages", ByVillage(ctx.lang, view->final_list, villages, /*with_status=*/true));
    d.set("final_count", VnInt(static_cast<int64_t>(view->final_list.size())));
    d.set("settled", Data(true));
  }
  Response r = RenderPage(ctx, 200, "disclosure_hh_public", d,
                          Message(ctx.lang, "disclosure.hh.public.title"));
  // Names must not outlive the window in a shared cache (signed-in pages get no-store anyway).
  if (!ctx.account) r.With("Cache-Control", "no-store");
  return NoIndex(r);
}

}  // namespace

void AddDisclosureHouseholdRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/xa/{slug}/cong-khai/{id}/ho-ngheo", Permission::kReadPublic,
                    RouteKind::kPage, Public});
  routes.push_back({"GET", "/quan-ly/cong-khai/{id}/ho-ngheo", Permission::kViewDisclosures,
                    RouteKind::kPage, StaffShow});
  routes.push_back({"POST", "/quan-ly/cong-khai/{id}/ho-ngheo/nhap", Permission::kManageDisclosures,
                    RouteKind::kPage, Import});
  routes.push_back({"POST", "/quan-ly/cong-khai/{id}/ho-ngheo/khieu-nai",
                    Permission::kManageDisclosures, RouteKind::kPage, Object});
  routes.push_back({"POST", "/quan-ly/cong-khai/{id}/ho-ngheo/khieu-nai/{oid}/giai-quyet",
                    Permission::kManageDisclosures, RouteKind::kPage, Settle});
}

}  // namespace xaso::web
