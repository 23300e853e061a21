// GET /quan-ly/cong-khai/{id}: one item of the register for staff, with its compliance, files
// and their SHA-256, its postings and the forms that change it; and the POSTs that attach or
// remove a file, publish and withdraw. Every change carries the version the page was read at.
#include "web/form.h"
#include "web/pages/disclosure_staff_view.h"
#include "web/pages/plan_view.h"
#include "web/pages/select_options.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using disclosure::ItemStatus;
using identity::Permission;

Data AttachmentsData(const disclosure::Item& item, bool can_remove) {
  Data files(Data::type::list);
  for (const auto& a : item.attachments) {
    Data f;
    f.set("n", std::to_string(a.n));
    f.set("filename", a.filename);
    f.set("size", VnInt(a.size));
    f.set("sha256", a.sha256);
    f.set("href", DisclosureStaffHref(item.id) + "/tep/" + std::to_string(a.n));
    f.set("can_remove", Data(can_remove));
    files.push_back(f);
  }
  return files;
}

Data PostingsData(Context& ctx, const disclosure::Item& item,
                  const std::optional<disclosure::ItemCompliance>& compliance,
                  const std::map<int64_t, std::string>& villages, bool can_manage) {
  Data postings(Data::type::list);
  for (const auto& p : item.postings) {
    Data x;
    x.set("id", std::to_string(p.id));
    x.set("channel", DisclosureChannelLabel(ctx.lang, p.channel));
    x.set("channel_code", std::string(disclosure::ChannelCode(p.channel)));
    if (auto v = villages.find(p.village_id); v != villages.end()) x.set("village", v->second);
    x.set("started_on", p.started_on.ToVi());
    if (p.until) x.set("until", p.until->ToVi());
    if (p.taken_down_on) x.set("taken_down_on", p.taken_down_on->ToVi());
    if (!p.note.empty()) x.set("note", p.note);
    if (!p.proof_sha256.empty()) {
      x.set("proof_href",
            DisclosureStaffHref(item.id) + "/niem-yet/" + std::to_string(p.id) + "/minh-chung");
      x.set("proof_sha256", p.proof_sha256);
    }
    if (p.recorded_at != 0) x.set("recorded_at", VnDateTime(p.recorded_at));
    Data flags(Data::type::list);
    for (const auto& f : compliance ? compliance->flags : std::vector<disclosure::Flag>()) {
      if (f.posting_id == p.id) flags.push_back(DisclosureFlagText(ctx.lang, f, compliance->due));
    }
    x.set("flags", flags);
    x.set("take_down_href",
          DisclosureStaffHref(item.id) + "/niem-yet/" + std::to_string(p.id) + "/go-xuong");
    x.set("can_take_down",
          Data(can_manage && !p.taken_down_on && p.channel != disclosure::Channel::kPortal));
    postings.push_back(x);
  }
  return postings;
}

void PostingFormData(Context& ctx, Data& d, const std::map<int64_t, std::string>& villages) {
  std::vector<std::pair<std::string, std::string>> channels;
  for (auto c : HandChannels()) {
    channels.emplace_back(std::string(disclosure::ChannelCode(c)),
                          DisclosureChannelLabel(ctx.lang, c));
  }
  d.set("channel_options", SelectOptions(channels, ctx.form["channel"]));
  std::vector<std::pair<std::string, std::string>> vs = {
      {"", Message(ctx.lang, "disclosure.staff.no_village")}};
  for (const auto& [id, name] : villages) vs.emplace_back(std::to_string(id), name);
  d.set("village_options", SelectOptions(vs, ctx.form["village_id"]));
  const std::string today = ctx.svc.clock->TodayVn().ToVi();
  d.set("form_started_on", ctx.form.count("started_on") ? ctx.form["started_on"] : today);
  d.set("form_until", ctx.form["until"]);
  d.set("form_note", ctx.form["note"]);
  d.set("form_taken_down_on", ctx.form.count("taken_down_on") ? ctx.form["taken_down_on"] : today);
  d.set("form_reason", ctx.form["reason"]);
}

std::string Notice(Context& ctx) {
  if (!ctx.req.Query("da-luu").empty()) return Message(ctx.lang, "disclosure.staff.saved");
  if (!ctx.req.Query("da-cong-bo").empty()) return Message(ctx.lang, "disclosure.staff.published");
  if (!ctx.req.Query("niem-yet").empty()) return Message(ctx.lang, "disclosure.staff.posted");
  return "";
}

struct Target {
  int64_t id = 0;
  int64_t version = 0;
};

// The item named by the path and the version the form was read at; nullopt → 404 or 400.
std::optional<Target> ReadTarget(Context& ctx, Response& failure) {
  const auto id = IdParam(ctx, "id");
  if (!id) {
    failure = ErrorPage(ctx, 404);
    return std::nullopt;
  }
  const auto version = ParseInt(ctx.form["version"]);
  if (!version) {
    failure = ErrorPage(ctx, 400);
    return std::nullopt;
  }
  return Target{*id, *version};
}

Response Attach(Context& ctx) {
  Response failure;
  const auto t = ReadTarget(ctx, failure);
  if (!t) return failure;
  auto f = ctx.files.find("file");
  if (f == ctx.files.end()) {
    Error err{ErrorCode::kInvalidArgument, Message(ctx.lang, "disclosure.staff.invalid"), {}};
    err.fields.push_back({"file", Message(ctx.lang, "disclosure.staff.choose_file")});
    return DisclosureItemPage(ctx, t->id, 422, ErrorData(err));
  }
  auto a = ctx.svc.disclosures->Attach(*ctx.account, ctx.account->commune_id, t->id, t->version,
                                       f->second.filename, std::move(f->second.bytes),
                                       ctx.svc.max_upload_bytes, ActorOf(ctx));
  return DisclosureChanged(ctx, t->id, a, "?da-luu=1#tep");
}

Response Detach(Context& ctx) {
  Response failure;
  const auto t = ReadTarget(ctx, failure);
  if (!t) return failure;
  const auto n = DisclosureAttachmentParam(ctx);
  if (!n) return ErrorPage(ctx, 404);
  auto s = ctx.svc.disclosures->Detach(*ctx.account, ctx.account->commune_id, t->id, t->version, *n,
                                       ActorOf(ctx));
  return DisclosureChanged(ctx, t->id, s, "?da-luu=1#tep");
}

Response Download(Context& ctx) {
  const auto id = IdParam(ctx, "id");
  const auto n = DisclosureAttachmentParam(ctx);
  if (!id || !n) return ErrorPage(ctx, 404);
  auto a = ctx.svc.disclosure_repo->GetAttachment(ctx.account->commune_id, *id, *n);
  if (!a) return ErrorPage(ctx, HttpStatusFor(a.error().code, false));
  plan::Evidence e;
  e.filename = a->filename;
  e.content_type = a->content_type;
  e.sha256 = a->sha256;
  return FileResponse(e, std::move(a->bytes));
}

Response Publish(Context& ctx) {
  Response failure;
  const auto t = ReadTarget(ctx, failure);
  if (!t) return failure;
  auto v = ctx.svc.disclosures->Publish(*ctx.account, ctx.account->commune_id, t->id, t->version,
                                        ActorOf(ctx));
  return DisclosureChanged(ctx, t->id, v, "?da-cong-bo=1");
}

Response Withdraw(Context& ctx) {
  Response failure;
  const auto t = ReadTarget(ctx, failure);
  if (!t) return failure;
  auto v = ctx.svc.disclosures->Withdraw(*ctx.account, ctx.account->commune_id, t->id, t->version,
                                         ctx.form["reason"], ActorOf(ctx));
  return DisclosureChanged(ctx, t->id, v, "?da-luu=1");
}

}  // namespace

Response DisclosureItemPage(Context& ctx, int64_t id, int status, Data d) {
  const int64_t commune_id = ctx.account->commune_id;
  auto item = ctx.svc.disclosure_repo->Get(commune_id, id);
  if (!item) return ErrorPage(ctx, HttpStatusFor(item.error().code, false));
  const Date today = ctx.svc.clock->TodayVn();
  const bool can_manage = identity::Allows(ctx.role, Permission::kManageDisclosures);
  const bool draft = item->status == ItemStatus::kDraft;
  const bool withdrawn = item->status == ItemStatus::kWithdrawn;
  std::map<int64_t, std::string> villages;
  if (auto vs = ctx.svc.identity->ListVillages(commune_id)) {
    for (const auto& v : *vs) villages[v.id] = v.name;
  }

  d.set("id", std::to_string(item->id));
  d.set("title", item->title);
  d.set("type", DisclosureTypeName(ctx, item->type_code, item->type_effective_from));
  if (const auto* type = ctx.svc.disclosures->TypeOf(*item)) {
    d.set("legal_basis", type->legal_basis);
    d.set("posting_days", type->permanent ? Message(ctx.lang, "disclosure.staff.permanent")
                                          : std::to_string(type->posting_days));
  }
  if (!item->summary.empty()) d.set("summary", item->summary);
  d.set("year", std::to_string(item->year));
  if (auto p = disclosure::ParsePeriod(item->period_key)) {
    d.set("period", disclosure::PeriodLabelVi(*p));
  }
  if (!item->decision_number.empty()) d.set("decision_number", item->decision_number);
  if (item->decision_on) d.set("decision_on", item->decision_on->ToVi());
  const UnitNames units = LoadUnitNames(ctx, commune_id);
  auto unit = units.find(item->unit_id);
  d.set("unit",
        unit != units.end() ? unit->second : Message(ctx.lang, "disclosure.staff.unit_ubnd"));
  d.set("status", DisclosureStatusLabel(ctx.lang, item->status));
  d.set("status_code", std::string(disclosure::ItemStatusCode(item->status)));
  if (item->published_at != 0) d.set("published_at", VnDateTime(item->published_at));
  if (!item->withdrawn_reason.empty()) d.set("withdrawn_reason", item->withdrawn_reason);
  d.set("version", std::to_string(item->version));
  if (!d.get("notice")) {
    if (std::string n = Notice(ctx); !n.empty()) d.set("notice", n);
  }

  std::optional<disclosure::ItemCompliance> compliance;
  if (auto c = ctx.svc.disclosures->Check(*item)) compliance = std::move(*c);
  if (compliance) {
    d.set("marks", DisclosureMarks(ctx, *compliance, today));
    d.set("due", compliance->due.ToVi());
    if (compliance->first_out) d.set("first_out", compliance->first_out->ToVi());
    if (compliance->posted_until) d.set("posted_until", compliance->posted_until->ToVi());
  }
  d.set("attachments", AttachmentsData(*item, can_manage && draft));
  d.set("has_attachments", Data(!item->attachments.empty()));
  d.set("postings", PostingsData(ctx, *item, compliance, villages, can_manage));
  d.set("has_postings", Data(!item->postings.empty()));
  d.set("can_manage", Data(can_manage));
  d.set("can_edit", Data(can_manage && !withdrawn));
  d.set("can_publish", Data(can_manage && draft));
  d.set("can_withdraw", Data(can_manage && item->status == ItemStatus::kPublished));
  if (can_manage) {
    d.set("csrf", EnsureCsrf(ctx));
    d.set("max_upload_mb", std::to_string(ctx.svc.max_upload_bytes / (1024 * 1024)));
    // The edit form shows what was sent when it comes back with errors, else the item.
    if (!ctx.form.count("title")) {
      ctx.form["title"] = item->title;
      ctx.form["summary"] = item->summary;
      ctx.form["decision_number"] = item->decision_number;
      ctx.form["decision_on"] = item->decision_on ? item->decision_on->ToVi() : "";
      ctx.form["period_key"] = item->period_key;
      ctx.form["year"] = std::to_string(item->year);
      ctx.form["unit_id"] = std::to_string(item->unit_id);
    }
    ctx.form["type_code"] = item->type_code;
    DisclosureFormData(ctx, d);
    PostingFormData(ctx, d, villages);
  }
  return RenderPage(ctx, status, "disclosure_staff_item", d, item->title);
}

void AddDisclosureStaffItemRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/cong-khai/{id}", Permission::kViewDisclosures,
                    RouteKind::kPage, [](Context& ctx) {
                      const auto id = IdParam(ctx, "id");
                      if (!id) return ErrorPage(ctx, 404);
                      return DisclosureItemPage(ctx, *id, 200, Data());
                    }});
  routes.push_back({"GET", "/quan-ly/cong-khai/{id}/tep/{n}", Permission::kViewDisclosures,
                    RouteKind::kPage, Download});
  routes.push_back({"POST", "/quan-ly/cong-khai/{id}/tep", Permission::kManageDisclosures,
                    RouteKind::kPage, Attach});
  routes.push_back({"POST", "/quan-ly/cong-khai/{id}/tep/{n}/xoa", Permission::kManageDisclosures,
                    RouteKind::kPage, Detach});
  routes.push_back({"POST", "/quan-ly/cong-khai/{id}/cong-bo", Permission::kManageDisclosures,
                    RouteKind::kPage, Publish});
  routes.push_back({"POST", "/quan-ly/cong-khai/{id}/thu-hoi", Permission::kManageDisclosures,
                    RouteKind::kPage, Withdraw});
}

}  // namespace xaso::web
