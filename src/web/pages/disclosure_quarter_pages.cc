// The quarterly list of what the commune published (Luật THDCCS Art 13(2)): GET
// /quan-ly/cong-khai/danh-sach-quy?nam=&quy= shows it, .../danh-sach-quy.csv downloads it, and
// POST publishes it as an item of its own, then shows that item.
#include "web/form.h"
#include "web/pages/disclosure_staff_view.h"

namespace xaso::web {
namespace {

using identity::Permission;

struct Quarter {
  int year = 0;
  int quarter = 0;
};

// ?nam=&quy= (or the form's fields); empty: the last quarter that has ended.
std::optional<Quarter> ReadQuarter(Context& ctx, const std::string& year_text,
                                   const std::string& quarter_text) {
  const Date today = ctx.svc.clock->TodayVn();
  if (year_text.empty() && quarter_text.empty()) {
    const int current = (today.month() - 1) / 3 + 1;
    return current == 1 ? Quarter{today.year() - 1, 4} : Quarter{today.year(), current - 1};
  }
  const auto year = ParseInt(year_text, 2000, 2100);
  const auto quarter = ParseInt(quarter_text, 1, 4);
  if (!year || !quarter) return std::nullopt;
  return Quarter{static_cast<int>(*year), static_cast<int>(*quarter)};
}

std::string ChannelList(Lang lang, const std::vector<disclosure::Channel>& channels) {
  std::string out;
  for (auto c : channels) out += (out.empty() ? "" : ", ") + DisclosureChannelLabel(lang, c);
  return out;
}

Response Page(Context& ctx, int status, Data d) {
  const std::string title = Message(ctx.lang, "disclosure.staff.quarter_title");
  const bool posted = ctx.req.method == "POST";
  const auto q = posted ? ReadQuarter(ctx, ctx.form["nam"], ctx.form["quy"])
                        : ReadQuarter(ctx, ctx.req.Query("nam"), ctx.req.Query("quy"));
  if (!q) {
    d.set("error", Message(ctx.lang, "disclosure.staff.bad_quarter"));
    return RenderPage(ctx, 400, "disclosure_staff_quarter", d, title);
  }
  auto log = ctx.svc.disclosures->BuildQuarterLog(ctx.account->commune_id, q->year, q->quarter);
  if (!log) return ErrorPage(ctx, HttpStatusFor(log.error().code, false));
  Data lines(Data::type::list);
  for (const auto& l : log->lines) {
    Data x;
    x.set("href", DisclosureStaffHref(l.item_id));
    x.set("title", l.title);
    x.set("type", DisclosureTypeName(ctx, l.type_code, l.first_out));
    if (!l.decision_number.empty()) x.set("decision_number", l.decision_number);
    x.set("channels", ChannelList(ctx.lang, l.channels));
    x.set("first_out", l.first_out.ToVi());
    x.set("until", l.until ? l.until->ToVi() : Message(ctx.lang, "disclosure.staff.indefinitely"));
    lines.push_back(x);
  }
  d.set("lines", lines);
  d.set("empty", Data(log->lines.empty()));
  d.set("period", disclosure::PeriodLabelVi(log->period));
  d.set("year", std::to_string(q->year));
  d.set("quarter", std::to_string(q->quarter));
  Data quarter_options(Data::type::list);
  for (int n = 1; n <= 4; ++n) {
    Data o;
    o.set("id", std::to_string(n));
    o.set("name", std::to_string(n));
    o.set("selected", Data(n == q->quarter));
    quarter_options.push_back(o);
  }
  d.set("quarter_options", quarter_options);
  d.set("csv_href", "/quan-ly/cong-khai/danh-sach-quy.csv?nam=" + std::to_string(q->year) +
                        "&quy=" + std::to_string(q->quarter));
  // The list of a quarter is published once the quarter is over (PublishQuarterLog).
  if (identity::Allows(ctx.role, Permission::kManageDisclosures) &&
      ctx.svc.clock->TodayVn() > log->period.last) {
    d.set("can_publish", Data(true));
    d.set("csrf", EnsureCsrf(ctx));
  }
  return RenderPage(ctx, status, "disclosure_staff_quarter", d, title);
}

Response Csv(Context& ctx) {
  const auto q = ReadQuarter(ctx, ctx.req.Query("nam"), ctx.req.Query("quy"));
  if (!q) return ErrorPage(ctx, 400);
  auto log = ctx.svc.disclosures->BuildQuarterLog(ctx.account->commune_id, q->year, q->quarter);
  if (!log) return ErrorPage(ctx, HttpStatusFor(log.error().code, false));
  Response r{200, {}, disclosure::QuarterLogCsv(*log)};
  r.With("Content-Type", "text/csv; charset=utf-8");
  r.With("Content-Disposition", "attachment; filename=\"danh-sach-cong-khai-" +
                                    std::to_string(q->year) + "-q" + std::to_string(q->quarter) +
                                    ".csv\"");
  return r;
}

Response Publish(Context& ctx) {
  const auto q = ReadQuarter(ctx, ctx.form["nam"], ctx.form["quy"]);
  if (!q) return Page(ctx, 400, Data());
  auto id = ctx.svc.disclosures->PublishQuarterLog(*ctx.account, ctx.account->commune_id, q->year,
                                                   q->quarter, ActorOf(ctx));
  if (!id) return Page(ctx, HttpStatusFor(id.error().code, true), ErrorData(id.error()));
  InvalidatePublicPages();
  return RedirectResponse(DisclosureStaffHref(*id) + "?da-cong-bo=1");
}

}  // namespace

void AddDisclosureQuarterRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/cong-khai/danh-sach-quy", Permission::kViewDisclosures,
                    RouteKind::kPage, [](Context& ctx) { return Page(ctx, 200, Data()); }});
  routes.push_back({"GET", "/quan-ly/cong-khai/danh-sach-quy.csv", Permission::kViewDisclosures,
                    RouteKind::kPage, Csv});
  routes.push_back({"POST", "/quan-ly/cong-khai/danh-sach-quy", Permission::kManageDisclosures,
                    RouteKind::kPage, Publish});
}

}  // namespace xaso::web
