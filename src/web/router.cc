#include "web/router.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "core/text.h"
#include "platform/crypto.h"
#include "web/form.h"
#include "web/multipart.h"
#include "web/open311/open311_format.h"
#include "web/pages/papi_leading_view.h"
#include "web/pages/survey_view.h"

namespace xaso::web {

using identity::Permission;
using identity::Role;

std::string IpPseudonym(const Context& ctx) {
  return platform::HmacSha256Hex(ctx.svc.ip_key, ctx.req.ip);
}

Response HtmlResponse(int status, std::string body) {
  Response r{status, {}, std::move(body)};
  return r.With("Content-Type", "text/html; charset=utf-8");
}
Response JsonResponse(int status, std::string body) {
  Response r{status, {}, std::move(body)};
  return r.With("Content-Type", "application/json; charset=utf-8");
}
Response TextResponse(int status, std::string body) {
  Response r{status, {}, std::move(body)};
  return r.With("Content-Type", "text/plain; charset=utf-8");
}
Response RedirectResponse(const std::string& location) {
  Response r{303, {}, ""};
  return r.With("Location", location);
}

int HttpStatusFor(ErrorCode code, bool form) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return form ? 422 : 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kAborted:
    case ErrorCode::kFailedPrecondition: return 409;
    case ErrorCode::kResourceExhausted: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response ErrorJson(int status, const Error& error) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& f : error.fields) fields.push_back({{"field", f.field}, {"message", f.message}});
  nlohmann::json body = {{"error",
                          {{"code", ErrorCodeName(error.code)},
                           {"message", status >= 500 ? "internal error" : error.message},
                           {"fields", fields}}}};
  return JsonResponse(status, body.dump());
}

std::string SessionCookie(const Services& svc, const std::string& token, int64_t max_age) {
  return "xaso_session=" + token +
         "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
         (svc.secure_cookies ? "; Secure" : "");
}

audit::AuditRecord ActorOf(const Context& ctx) {
  audit::AuditRecord r;
  if (ctx.account) {
    r.commune_id = ctx.account->commune_id;
    r.actor_id = ctx.account->id;
    r.actor = ctx.account->username;
  } else {
    r.actor = "anonymous";
  }
  return r;
}

void RenewCsrf(Context& ctx) {
  ctx.csrf.clear();
  EnsureCsrf(ctx);
}

const std::string& EnsureCsrf(Context& ctx) {
  // A random token in a SameSite=Strict cookie that every form echoes (double submit). Made
  // on the first page that shows a form, so cacheable public pages set no cookie.
  if (ctx.csrf.size() != 43) {
    ctx.csrf = platform::RandomToken();
    ctx.set_cookies.push_back("xaso_csrf=" + ctx.csrf + "; Path=/; HttpOnly; SameSite=Strict" +
                              (ctx.svc.secure_cookies ? "; Secure" : ""));
  }
  return ctx.csrf;
}

Data PageData(Context& ctx, const std::string& title) {
  Data d;
  d.set("t", Catalogue(ctx.lang));
  d.set("lang", ctx.lang == Lang::kEn ? "en" : "vi");
  d.set("title", title);
  d.set("request_id", ctx.req.request_id);
  d.set("here", PercentEncode(ctx.req.path));  // where the language links come back to
  if (ctx.account) {
    d.set("csrf", EnsureCsrf(ctx));  // the sign-out form in the layout
    Data user;
    user.set("name", ctx.account->display_name);
    user.set("role", std::string(identity::RoleNameVi(ctx.account->role)));
    d.set("user", user);
    d.set("staff", Data(identity::Allows(ctx.role, Permission::kViewDashboard)));
    if (ctx.svc.notices && identity::Allows(ctx.role, Permission::kReadNotices)) {
      // One COUNT over the index notice_account; a failure only hides the number.
      Data notices;
      auto unread = ctx.svc.notices->CountUnread(ctx.account->id);
      if (unread && *unread > 0) notices.set("unread", std::to_string(*unread));
      d.set("notices_nav", notices);
    }
    d.set("oversight", Data(identity::Allows(ctx.role, Permission::kViewOversight)));
    d.set("feedback_nav", Data(identity::Allows(ctx.role, Permission::kViewFeedback)));
    d.set("dossier_nav", Data(identity::Allows(ctx.role, Permission::kViewDossiers)));
  }
  return d;
}

Response RenderPage(Context& ctx, int status, const std::string& tmpl, Data data,
                    const std::string& title) {
  Data layout = PageData(ctx, title);
  for (const char* key : {"t", "lang", "csrf", "user", "staff", "oversight", "here"}) {
    if (layout.get(key) && !data.get(key)) data.set(key, *layout.get(key));
  }
  // What a page asks of the <head>: no indexing (personal data), a feed to discover.
  for (const char* key : {"noindex", "feed_href"}) {
    if (const Data* v = data.get(key)) layout.set(key, *v);
  }
  AddPartials(data);
  layout.set("content", RenderTemplate(tmpl, data));
  return HtmlResponse(status, RenderTemplate("layout", layout));
}

Data ErrorData(const Error& error) {
  Data d;
  d.set("error", error.message);
  for (const auto& f : error.fields) d.set("error_" + f.field, f.message);
  return d;
}

Response ErrorPage(Context& ctx, int status) {
  const std::string key = "error." + std::to_string(status);
  Data d;
  d.set("status", std::to_string(status));
  d.set("message", Message(ctx.lang, key));
  d.set("request_id", ctx.req.request_id);
  d.set("show_request_id", Data(status >= 500));
  return RenderPage(ctx, status, "error", d, Message(ctx.lang, key));
}

namespace {

bool Match(const std::string& pattern, const std::string& path,
           std::map<std::string, std::string>& params) {
  size_t pi = 0, xi = 0;
  params.clear();
  while (pi < pattern.size() && xi <= path.size()) {
    if (pattern[pi] == '{') {
      const size_t close = pattern.find('}', pi);
      const std::string name = pattern.substr(pi + 1, close - pi - 1);
      size_t end = path.find('/', xi);
      if (end == std::string::npos) end = path.size();
      if (end == xi) return false;
      params[name] = path.substr(xi, end - xi);
      pi = close + 1;
      xi = end;
    } else {
      if (xi >= path.size() || pattern[pi] != path[xi]) return false;
      ++pi;
      ++xi;
    }
  }
  return pi == pattern.size() && xi == path.size();
}

void AddSecurityHeaders(Response& r) {
  r.With("Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
         "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  r.With("X-Content-Type-Options", "nosniff");
  r.With("Referrer-Policy", "strict-origin-when-cross-origin");
  r.With("X-Frame-Options", "DENY");
}

bool IsApi(const std::string& path) { return path.rfind("/api/", 0) == 0; }
bool IsOpen311(const std::string& path) { return path.rfind("/open311/", 0) == 0; }

// C0 control characters other than tab and line breaks have no place in a form: they would be
// stored and shown back (NUL even behaves differently in SQLite and PostgreSQL).
bool HasControlCharacters(const std::map<std::string, std::string>& form) {
  for (const auto& [name, value] : form) {
    for (const std::string* s : {&name, &value}) {
      for (unsigned char c : *s) {
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return true;
      }
    }
  }
  return false;
}

Response Finish(Context& ctx, Response r) {
  for (const auto& c : ctx.set_cookies) r.With("Set-Cookie", c);
  // A page for a signed-in person, or one that sets a cookie, is never stored by a cache.
  if (ctx.account || !ctx.set_cookies.empty()) r.With("Cache-Control", "no-store");
  AddSecurityHeaders(r);
  r.With("X-Request-Id", ctx.req.request_id);
  return r;
}

}  // namespace

Router::Router(Services& services) : svc_(services) {
  AddPortalRoutes(routes_);
  AddAuthRoutes(routes_);
  AddDashboardRoutes(routes_);
  AddApiRoutes(routes_);
  AddAdminRoutes(routes_);
  AddRulesRoutes(routes_);
  AddAnnouncementRoutes(routes_);
  AddPlanRoutes(routes_);
  AddPlanFormRoutes(routes_);
  AddTaskFormRoutes(routes_);
  AddTaskRoutes(routes_);
  AddAccountabilityRoutes(routes_);
  AddPapiRoutes(routes_);
  AddPlanApiRoutes(routes_);
  AddNoticeRoutes(routes_);
  AddInspectionRoutes(routes_);
  AddSupervisionRoutes(routes_);
  AddOversightApiRoutes(routes_);
  AddOpen311Routes(routes_);
  AddFeedbackRoutes(routes_);
  // Before the staff routes, whose /quan-ly/phan-anh/{id} would take "linh-vuc" as an id.
  AddFeedbackCategoryRoutes(routes_);
  AddFeedbackStaffRoutes(routes_);
  AddFaqRoutes(routes_);
  AddProcedureRoutes(routes_);
  AddProcedureApiRoutes(routes_);
  // Before the staff dossier routes, whose /quan-ly/ho-so/{id} would take "thong-ke" as an id.
  AddDossierPublicRoutes(routes_);
  AddDisclosurePublicRoutes(routes_);
  AddDossierStatsRoutes(routes_);
  AddDossierDataRoutes(routes_);
  AddDossierApiRoutes(routes_);
  AddPapiLeadingRoutes(routes_);
  // Before the other disclosure routes, whose /quan-ly/cong-khai/{id} would take
  // "ngan-sach-mau.csv" as an id.
  AddDisclosureBudgetRoutes(routes_);
  // Before the staff survey pages, so that no /quan-ly/khao-sat/{id}/{...} of theirs takes
  // "phong-van".
  AddSurveyAnswerRoutes(routes_);
  AddPapiApiRoutes(routes_);
  AddSurveyStaffRoutes(routes_);
  AddDisclosureHouseholdRoutes(routes_);
  AddDisclosureStaffRoutes(routes_);
  // Last: /quan-ly/ho-so/{id} would take the fixed segments of other /quan-ly/ho-so/ pages
  // (statistics, export, import) as an id.
  AddDossierStaffRoutes(routes_);
}

Response Router::Handle(const Request& req) {
  Context ctx{req, svc_, {}, {}, {}, Role::kAnonymous, Lang::kVi, {}, {}, {}, {}};
  const bool api = IsApi(req.path);
  const bool open311 = IsOpen311(req.path);
  auto fail = [&](int status, ErrorCode code, const std::string& msg) {
    if (open311) return Finish(ctx, Open311Error(req.path, status, msg));
    return Finish(ctx, api ? ErrorJson(status, MakeError(code, msg)) : ErrorPage(ctx, status));
  };
  try {
    ctx.lang = req.Cookie("lang") == "en" ? Lang::kEn : Lang::kVi;
    const bool multipart = req.Header("content-type").rfind("multipart/form-data", 0) == 0;
    // A form with a file may be as large as the file limit allows; every other body is small.
    const size_t limit = multipart ? svc_.max_upload_bytes + (64 << 10) : svc_.max_body_bytes;
    if (req.body.size() > limit) {
      return fail(413, ErrorCode::kInvalidArgument, "Dữ liệu gửi lên quá lớn.");
    }
    if (!IsValidUtf8(req.path)) {
      return fail(400, ErrorCode::kInvalidArgument, "Địa chỉ không hợp lệ (UTF-8).");
    }
    // CSRF: the token of the browser's xaso_csrf cookie (EnsureCsrf makes it); every form
    // POST must echo it.
    ctx.csrf = req.Cookie("xaso_csrf");
    const std::string token = req.Cookie("xaso_session");
    if (!token.empty() && token.size() < 100) {
      ctx.session_hash = platform::Sha256Hex(token);
      auto acc = svc_.identity->FindSessionAccount(ctx.session_hash, svc_.clock->NowUnix());
      if (!acc.has_value()) {
        return fail(HttpStatusFor(acc.error().code, false), acc.error().code, acc.error().message);
      }
      if (*acc) {
        ctx.account = **acc;
        ctx.role = ctx.account->role;
      }
    }

    const Route* route = nullptr;
    bool path_matched = false;
    std::string allow;
    for (const Route& r : routes_) {
      if (!Match(r.pattern, req.path, ctx.params)) continue;
      path_matched = true;
      allow += (allow.empty() ? "" : ", ") + r.method;
      if (r.method == req.method || (r.method == "GET" && req.method == "HEAD")) {
        route = &r;
        break;
      }
    }
    if (!route) {
      if (path_matched) {
        Response r = open311 ? Open311Error(req.path, 405, "Phương thức không được hỗ trợ.")
                     : api ? ErrorJson(405, MakeError(ErrorCode::kInvalidArgument,
                                                      "Phương thức không được hỗ trợ."))
                           : ErrorPage(ctx, 405);
        r.status = 405;
        r.With("Allow", allow);
        return Finish(ctx, std::move(r));
      }
      // "/xa/nhat-tan" is the commune's address typed without its final slash.
      if (req.method == "GET" && !req.path.ends_with("/")) {
        for (const Route& r : routes_) {
          if (r.method == "GET" && Match(r.pattern, req.path + "/", ctx.params)) {
            Response moved{308, {}, ""};
            moved.With("Location", PercentEncode(req.path + "/"));
            return Finish(ctx, std::move(moved));
          }
        }
      }
      return fail(404, ErrorCode::kNotFound, "Không tìm thấy.");
    }
    for (const auto& [k, v] : ctx.params) {
      if (!IsValidUtf8(v)) return fail(400, ErrorCode::kInvalidArgument, "Địa chỉ không hợp lệ.");
    }
    if (!identity::Allows(ctx.role, route->permission)) {
      if (ctx.role == Role::kAnonymous) {
        if (api) {
          return Finish(ctx,
                        ErrorJson(401, MakeError(ErrorCode::kUnauthenticated, "Cần đăng nhập.")));
        }
        return Finish(ctx, RedirectResponse("/dang-nhap?next=" + PercentEncode(req.path)));
      }
      return fail(403, ErrorCode::kPermissionDenied, "Bạn không có quyền truy cập.");
    }
    if (req.method != "GET" && req.method != "HEAD") {
      const std::string ctype = req.Header("content-type");
      if (route->kind == RouteKind::kOpen311) {
        // No CSRF check: the api_key, checked by the handler, authenticates the caller.
        std::optional<std::map<std::string, std::string>> form;
        if (ctype.rfind("application/x-www-form-urlencoded", 0) == 0) form = ParseForm(req.body);
        if (!form || HasControlCharacters(*form)) {
          return fail(400, ErrorCode::kInvalidArgument,
                      "Gửi application/x-www-form-urlencoded hợp lệ.");
        }
        ctx.form = std::move(*form);
      } else if (route->kind == RouteKind::kPage) {
        std::optional<std::map<std::string, std::string>> form;
        if (multipart) {
          auto parsed = ParseMultipart(ctype, req.body);
          if (parsed) {
            form = std::move(parsed->fields);
            ctx.files = std::move(parsed->files);
          }
        } else if (ctype.rfind("application/x-www-form-urlencoded", 0) == 0) {
          form = ParseForm(req.body);
        } else {
          return fail(415, ErrorCode::kInvalidArgument, "Kiểu dữ liệu không được hỗ trợ.");
        }
        if (!form || HasControlCharacters(*form)) {
          return fail(400, ErrorCode::kInvalidArgument, "Dữ liệu biểu mẫu không hợp lệ.");
        }
        ctx.form = std::move(*form);
        // An empty cookie must not match an empty field: both are required.
        const auto it = ctx.form.find("_csrf");
        if (it == ctx.form.end() || req.Cookie("xaso_csrf").empty() ||
            !platform::ConstantTimeEquals(it->second, req.Cookie("xaso_csrf"))) {
          return fail(403, ErrorCode::kPermissionDenied, "Biểu mẫu đã hết hạn.");
        }
      } else if (!platform::ConstantTimeEquals(req.Header("x-csrf-token"),
                                               req.Cookie("xaso_csrf")) ||
                 req.Cookie("xaso_csrf").empty()) {
        return fail(403, ErrorCode::kPermissionDenied, "Thiếu mã chống giả mạo (X-CSRF-Token).");
      }
    }
    Response r = route->handler(ctx);
    if (req.method == "HEAD") r.body.clear();
    return Finish(ctx, std::move(r));
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", req.request_id, req.method, req.path, e.what());
  } catch (...) {
    spdlog::error("request {} {} {} failed: unknown exception", req.request_id, req.method,
                  req.path);
  }
  // Only the request id leaves the server; the cause is in the log.
  Response r = IsOpen311(req.path) ? Open311Error(req.path, 500, "internal error")
               : api               ? ErrorJson(500, MakeError(ErrorCode::kInternal, ""))
                                   : HtmlResponse(500,
                                                  "<!doctype html><html lang=\"vi\"><title>Lỗi</title><main>"
                                                                "<h1>Lỗi hệ thống</h1><p>Mã yêu cầu: " +
                                                      EscapeHtml(req.request_id) + "</p></main></html>");
  r.With("X-Request-Id", req.request_id);
  AddSecurityHeaders(r);
  return r;
}

}  // namespace xaso::web
