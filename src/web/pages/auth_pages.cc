// Sign-in, sign-out and change of password.
#include "platform/crypto.h"
#include "web/form.h"
#include "web/router.h"

namespace xaso::web {
namespace {

using identity::Permission;

// Only plain local paths are followed after sign-in, so the form can neither redirect
// off-site nor smuggle characters into the Location header.
std::string SafeNext(const std::string& next) {
  return LocalPath(next).value_or("/bang-dieu-khien");
}

Response SigninForm(Context& ctx, int status, const std::string& error,
                    const std::string& username) {
  Data d;
  d.set("csrf", EnsureCsrf(ctx));
  d.set("next", SafeNext(ctx.form.count("next") ? ctx.form["next"] : ctx.req.Query("next")));
  d.set("username", username);
  if (!error.empty()) d.set("error", error);
  return RenderPage(ctx, status, "signin", d, Message(ctx.lang, "signin.title"));
}

Response SigninPost(Context& ctx) {
  const std::string username = ctx.form["username"];
  const std::string password = ctx.form["password"];
  if (username.empty() || password.empty() || username.size() > 64 || password.size() > 256) {
    return SigninForm(ctx, 422, Message(ctx.lang, "signin.missing"), username.substr(0, 64));
  }
  auto account = ctx.svc.accounts->SignIn(username, password, IpPseudonym(ctx));
  if (!account) {
    const int status = account.error().code == ErrorCode::kResourceExhausted ? 429 : 422;
    return SigninForm(ctx, status, account.error().message, username);
  }
  // A fresh session token on every sign-in (no fixation); the database keeps only its hash.
  if (!ctx.session_hash.empty()) (void)ctx.svc.identity->DeleteSession(ctx.session_hash);
  const std::string token = platform::RandomToken();
  const int64_t now = ctx.svc.clock->NowUnix();
  auto st = ctx.svc.identity->CreateSession(platform::Sha256Hex(token), *account, now,
                                            now + ctx.svc.session_seconds);
  if (!st) return ErrorPage(ctx, HttpStatusFor(st.error().code, false));
  ctx.set_cookies.push_back(SessionCookie(ctx.svc, token, ctx.svc.session_seconds));
  RenewCsrf(ctx);
  std::string next = SafeNext(ctx.form["next"]);
  // Citizens have no dashboard: their default landing page is the portal.
  if (next == "/bang-dieu-khien" && !identity::Allows(account->role, Permission::kViewDashboard)) {
    next = "/";
  }
  return RedirectResponse(next);
}

Response Signout(Context& ctx) {
  if (!ctx.session_hash.empty()) (void)ctx.svc.identity->DeleteSession(ctx.session_hash);
  ctx.set_cookies.push_back(SessionCookie(ctx.svc, "", 0));
  return RedirectResponse("/");
}

Response PasswordForm(Context& ctx, int status, const Error* error, bool done) {
  Data d = error ? ErrorData(*error) : Data();
  d.set("csrf", EnsureCsrf(ctx));
  if (done) d.set("done", Data(true));
  return RenderPage(ctx, status, "change_password", d, Message(ctx.lang, "password.title"));
}

Response PasswordPost(Context& ctx) {
  if (ctx.form["new_password"] != ctx.form["confirm_password"]) {
    Error e{ErrorCode::kInvalidArgument,
            Message(ctx.lang, "password.failed"),
            {{"confirm_password", Message(ctx.lang, "password.mismatch")}}};
    return PasswordForm(ctx, 422, &e, false);
  }
  auto st = ctx.svc.accounts->ChangePassword(*ctx.account, ctx.form["current_password"],
                                             ctx.form["new_password"]);
  if (!st) return PasswordForm(ctx, HttpStatusFor(st.error().code, true), &st.error(), false);
  // Other sessions ended; this browser signs in again with the new password.
  ctx.set_cookies.push_back(SessionCookie(ctx.svc, "", 0));
  return PasswordForm(ctx, 200, nullptr, true);
}

}  // namespace

void AddAuthRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/dang-nhap", Permission::kSignIn, RouteKind::kPage,
                    [](Context& ctx) { return SigninForm(ctx, 200, "", ""); }});
  routes.push_back({"POST", "/dang-nhap", Permission::kSignIn, RouteKind::kPage, SigninPost});
  routes.push_back({"POST", "/dang-xuat", Permission::kUseAccount, RouteKind::kPage, Signout});
  routes.push_back({"GET", "/doi-mat-khau", Permission::kUseAccount, RouteKind::kPage,
                    [](Context& ctx) { return PasswordForm(ctx, 200, nullptr, false); }});
  routes.push_back(
      {"POST", "/doi-mat-khau", Permission::kUseAccount, RouteKind::kPage, PasswordPost});
}

}  // namespace xaso::web
