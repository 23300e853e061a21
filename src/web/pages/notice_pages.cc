// Each staff account's notices (thông báo cá nhân): what the notification worker delivered to
// it in-app, newest first, with a form to mark one read. The layout shows the unread count.
#include <cstdint>
#include <optional>
#include <string>

#include "web/form.h"
#include "web/router.h"

namespace xaso::web {
namespace {

using identity::Permission;

constexpr int kNoticesShown = 100;

Response NoticesPage(Context& ctx, int status, Data d) {
  d.set("csrf", EnsureCsrf(ctx));
  auto list = ctx.svc.notices->ListNotices(ctx.account->id, kNoticesShown);
  if (!list) return ErrorPage(ctx, HttpStatusFor(list.error().code, false));
  Data rows(Data::type::list);
  for (const notify::Notice& n : *list) {
    Data x;
    x.set("id", std::to_string(n.id));
    x.set("subject", n.subject);
    x.set("body", n.body);
    if (LocalPath(n.link)) x.set("link", n.link);
    x.set("time", VnDateTime(n.created_at));
    x.set("unread", Data(!n.read_at.has_value()));
    rows.push_back(x);
  }
  d.set("notices", rows);
  d.set("empty", Data(list->empty()));
  return RenderPage(ctx, status, "notices", d, Message(ctx.lang, "notices.title"));
}

// Marks one of the signed-in account's notices read; another account's notice is 404.
Response MarkRead(Context& ctx) {
  const auto id = ParseInt(ctx.form["id"]);
  Status st = id ? ctx.svc.notices->MarkRead(ctx.account->id, *id, ctx.svc.clock->NowUnix())
                 : Status(MakeError(ErrorCode::kNotFound, "no such notice"));
  if (!st) {
    Data d;
    d.set("error", Message(ctx.lang, "notices.not_found"));
    return NoticesPage(ctx, HttpStatusFor(st.error().code, true), d);
  }
  return RedirectResponse("/ca-nhan/thong-bao");
}

}  // namespace

void AddNoticeRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/ca-nhan/thong-bao", Permission::kReadNotices, RouteKind::kPage,
                    [](Context& ctx) { return NoticesPage(ctx, 200, {}); }});
  routes.push_back(
      {"POST", "/ca-nhan/thong-bao/da-doc", Permission::kReadNotices, RouteKind::kPage, MarkRead});
}

}  // namespace xaso::web
