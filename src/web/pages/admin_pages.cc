// Administration of the signed-in administrator's commune: accounts and roles, and the
// commune's announced working-day changes. Every change is audited by the repositories.
#include "web/router.h"

namespace xaso::web {
namespace {

using identity::Permission;
using identity::Role;

// --- Accounts -------------------------------------------------------------------------------

Response AccountsPage(Context& ctx, int status, Data d) {
  d.set("csrf", EnsureCsrf(ctx));
  Data rows(Data::type::list);
  if (auto accounts = ctx.svc.identity->ListAccounts(ctx.account->commune_id)) {
    for (const auto& a : *accounts) {
      Data x;
      x.set("username", a.username);
      x.set("name", a.display_name);
      x.set("role", std::string(identity::RoleNameVi(a.role)));
      x.set("title", a.title);
      rows.push_back(x);
    }
  }
  d.set("accounts", rows);
  Data roles(Data::type::list);
  for (Role r : identity::kAllRoles) {
    if (r == Role::kAnonymous) continue;
    Data x;
    x.set("code", std::string(identity::RoleCode(r)));
    x.set("name", std::string(identity::RoleNameVi(r)));
    roles.push_back(x);
  }
  d.set("roles", roles);
  return RenderPage(ctx, status, "admin_accounts", d, Message(ctx.lang, "admin.accounts"));
}

// The account named in the form, if it belongs to the administrator's commune.
Result<identity::Account> TargetAccount(Context& ctx) {
  XASO_ASSIGN_OR_RETURN(auto acc, ctx.svc.identity->FindAccountByUsername(ctx.form["username"]));
  if (!acc || acc->commune_id != ctx.account->commune_id) {
    return Error{ErrorCode::kNotFound,
                 "Không tìm thấy tài khoản.",
                 {{"target", "Không có tài khoản này trong xã."}}};
  }
  return *acc;
}

Response CreateAccount(Context& ctx) {
  auto role = identity::RoleFromCode(ctx.form["role"]);
  identity::Account a;
  a.commune_id = ctx.account->commune_id;
  a.username = ctx.form["username"];
  a.display_name = ctx.form["display_name"];
  a.title = ctx.form["title"];
  a.role = role.value_or(Role::kCitizen);
  // Every problem of the form is reported at once: the service's and the role's.
  Status st = identity::AccountService::ValidateNewAccount(a, ctx.form["password"]);
  if (!role || *role == Role::kAnonymous) {
    Error e = st ? Error{ErrorCode::kInvalidArgument, "Thông tin tài khoản không hợp lệ.", {}}
                 : st.error();
    e.fields.push_back({"role", "Chọn một vai trò."});
    st = e;
  }
  if (st) {
    auto id = ctx.svc.accounts->CreateAccount(a, ctx.form["password"], ActorOf(ctx));
    if (!id) st = id.error();
  }
  if (!st) {
    Data d = ErrorData(st.error());
    if (st.error().code == ErrorCode::kAlreadyExists)
      d.set("error_username", "Tên đăng nhập đã có.");
    d.set("form_username", a.username);
    d.set("form_display_name", a.display_name);
    d.set("form_title", a.title);
    return AccountsPage(ctx, HttpStatusFor(st.error().code, true), d);
  }
  InvalidatePublicPages();  // a new leader is listed on the home page
  Data d;
  d.set("notice", "Đã tạo tài khoản " + a.username + ".");
  return AccountsPage(ctx, 200, d);
}

Response GrantRole(Context& ctx) {
  auto target = TargetAccount(ctx);
  auto role = identity::RoleFromCode(ctx.form["role"]);
  Status st = Ok{};
  if (!target) {
    st = target.error();
  } else if (!role) {
    st = Error{
        ErrorCode::kInvalidArgument, "Vai trò không hợp lệ.", {{"target", "Chọn một vai trò."}}};
  } else if (target->id == ctx.account->id && *role != Role::kAdmin) {
    // Keeps at least the acting administrator in place; another admin can demote them.
    st = Error{ErrorCode::kFailedPrecondition,
               "Không thể tự bỏ quyền quản trị của mình.",
               {{"target", "Không thể tự bỏ quyền quản trị của mình."}}};
  } else {
    st = ctx.svc.accounts->GrantRole(target->id, *role, ActorOf(ctx));
  }
  if (!st) return AccountsPage(ctx, HttpStatusFor(st.error().code, true), ErrorData(st.error()));
  InvalidatePublicPages();  // the leaders' list on the home page follows the roles
  Data d;
  d.set("notice", "Đã đổi vai trò của " + target->username + ".");
  return AccountsPage(ctx, 200, d);
}

Response ResetPassword(Context& ctx) {
  auto target = TargetAccount(ctx);
  Status st = target
                  ? ctx.svc.accounts->ResetPassword(target->id, ctx.form["password"], ActorOf(ctx))
                  : Status(target.error());
  if (!st) {
    Error e = st.error();
    for (auto& f : e.fields) f.field = "target";
    return AccountsPage(ctx, HttpStatusFor(e.code, true), ErrorData(e));
  }
  Data d;
  d.set("notice",
        "Đã đặt lại mật khẩu của " + target->username + "; các phiên đăng nhập đã kết thúc.");
  return AccountsPage(ctx, 200, d);
}

// --- Calendar -------------------------------------------------------------------------------

Response CalendarPage(Context& ctx, int status, Data d) {
  d.set("csrf", EnsureCsrf(ctx));
  Data rows(Data::type::list);
  if (auto overrides = ctx.svc.calendar->Overrides(ctx.account->commune_id)) {
    for (const auto& o : *overrides) {
      Data x;
      x.set("date", o.date.ToVi());
      x.set("iso", o.date.ToIso());
      x.set("off", Data(o.kind == calendar::CalendarOverride::Kind::kDayOff));
      x.set("name", o.name_vi);
      x.set("basis", o.legal_basis);
      rows.push_back(x);
    }
  }
  d.set("overrides", rows);
  return RenderPage(ctx, status, "admin_calendar", d, Message(ctx.lang, "admin.calendar"));
}

Response SaveOverride(Context& ctx) {
  Error e{ErrorCode::kInvalidArgument, "Ngày điều chỉnh chưa hợp lệ.", {}};
  auto date = Date::ParseIso(ctx.form["date"]);
  if (!date || date->year() < 1990 || date->year() > 2200) {
    e.fields.push_back({"date", "Chọn một ngày hợp lệ."});
  }
  const std::string kind = ctx.form["kind"];
  if (kind != "day_off" && kind != "working_day") {
    e.fields.push_back({"kind", "Chọn ngày nghỉ hoặc ngày làm việc bù."});
  }
  Status st = Ok{};
  if (!e.fields.empty()) {
    st = e;
  } else {
    calendar::CalendarOverride o{*date,
                                 kind == "day_off" ? calendar::CalendarOverride::Kind::kDayOff
                                                   : calendar::CalendarOverride::Kind::kWorkingDay,
                                 ctx.form["name_vi"], ctx.form["legal_basis"]};
    st = ctx.svc.calendar->SaveOverride(ctx.account->commune_id, o, ActorOf(ctx));
  }
  if (!st) {
    Data d = ErrorData(st.error());
    for (const char* f : {"date", "kind", "name_vi", "legal_basis"}) {
      d.set(std::string("form_") + f, ctx.form[f]);
    }
    return CalendarPage(ctx, HttpStatusFor(st.error().code, true), d);
  }
  return RedirectResponse("/quan-tri/lich");
}

Response DeleteOverride(Context& ctx) {
  auto date = Date::ParseIso(ctx.form["date"]);
  Status st = date ? ctx.svc.calendar->DeleteOverride(ctx.account->commune_id, *date, ActorOf(ctx))
                   : Status(MakeError(ErrorCode::kInvalidArgument, "Ngày không hợp lệ."));
  if (!st) return CalendarPage(ctx, HttpStatusFor(st.error().code, true), ErrorData(st.error()));
  return RedirectResponse("/quan-tri/lich");
}

}  // namespace

void AddAdminRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-tri/tai-khoan", Permission::kManageAccounts, RouteKind::kPage,
                    [](Context& ctx) { return AccountsPage(ctx, 200, Data()); }});
  routes.push_back({"POST", "/quan-tri/tai-khoan", Permission::kManageAccounts, RouteKind::kPage,
                    CreateAccount});
  routes.push_back({"POST", "/quan-tri/tai-khoan/vai-tro", Permission::kManageAccounts,
                    RouteKind::kPage, GrantRole});
  routes.push_back({"POST", "/quan-tri/tai-khoan/mat-khau", Permission::kManageAccounts,
                    RouteKind::kPage, ResetPassword});
  routes.push_back({"GET", "/quan-tri/lich", Permission::kManageCalendar, RouteKind::kPage,
                    [](Context& ctx) { return CalendarPage(ctx, 200, Data()); }});
  routes.push_back(
      {"POST", "/quan-tri/lich", Permission::kManageCalendar, RouteKind::kPage, SaveOverride});
  routes.push_back({"POST", "/quan-tri/lich/xoa", Permission::kManageCalendar, RouteKind::kPage,
                    DeleteOverride});
}

}  // namespace xaso::web
