// Each staff account's notices (thông báo cá nhân): what the notification worker delivered to
// it in-app, newest first, with a form to mark one read. The layout shows the unread count.
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "web/form.h"
#include "web/router.h"

namespace xaso::web {
namespace {

using identity::Permission;

constexpr int kNoticesShown = 100;

// "dd/mm/yyyy hh:mm" in Vietnam's time (UTC+7).
std::string VnTime(int64_t unix_seconds) {
  const int64_t local = unix_seconds + 7 * 3600;
  const int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  const int64_t minute = (local - day * 86400) / 60;
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(minute / 60),
                static_cast<int>(minute % 60));
  return Date::FromDays(static_cast<long>(day)).ToVi() + " " + hm;
}

std::optional<int64_t> PositiveId(const std::string& text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

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
    x.set("time", VnTime(n.created_at));
    x.set("unread", Data(!n.read_at.has_value()));
    rows.push_back(x);
  }
  d.set("notices", rows);
  d.set("empty", Data(list->empty()));
  return RenderPage(ctx, status, "notices", d, Message(ctx.lang, "notices.title"));
}

// Marks one of the signed-in account's notices read; another account's notice is 404.
Response MarkRead(Context& ctx) {
  const auto id = PositiveId(ctx.form["id"]);
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
