// Announcements (thông báo): officers and leaders publish them; the home page shows the latest.
#include "web/router.h"

namespace xaso::web {
namespace {

using identity::Permission;

Response AnnouncementsPage(Context& ctx, int status, Data d) {
  d.set("csrf", EnsureCsrf(ctx));
  Data rows(Data::type::list);
  if (auto list = ctx.svc.portal->RecentAnnouncements(ctx.account->commune_id, 20)) {
    for (const auto& a : *list) {
      Data x;
      x.set("title", a.title);
      x.set("date", Date::FromDays(static_cast<long>((a.published_at + 7 * 3600) / 86400)).ToVi());
      rows.push_back(x);
    }
  }
  d.set("announcements", rows);
  return RenderPage(ctx, status, "announcements", d, Message(ctx.lang, "announce.title"));
}

Response Publish(Context& ctx) {
  portal::Announcement a;
  a.commune_id = ctx.account->commune_id;
  a.title = ctx.form["title"];
  a.body = ctx.form["body"];
  a.published_at = ctx.svc.clock->NowUnix();
  auto id = ctx.svc.portal->CreateAnnouncement(a, ActorOf(ctx));
  if (!id) {
    Data d = ErrorData(id.error());
    d.set("form_title", a.title);
    d.set("form_body", a.body);
    return AnnouncementsPage(ctx, HttpStatusFor(id.error().code, true), d);
  }
  InvalidatePublicPages();
  Data d;
  d.set("notice", Message(ctx.lang, "announce.done"));
  return AnnouncementsPage(ctx, 200, d);
}

}  // namespace

void AddAnnouncementRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/thong-bao", Permission::kPublishAnnouncement, RouteKind::kPage,
                    [](Context& ctx) { return AnnouncementsPage(ctx, 200, {}); }});
  routes.push_back(
      {"POST", "/quan-ly/thong-bao", Permission::kPublishAnnouncement, RouteKind::kPage, Publish});
}

}  // namespace xaso::web
