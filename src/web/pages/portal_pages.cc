// Public pages: the commune home page, documents, static assets, health, language.
#include <chrono>
#include <mutex>
#include <unordered_map>

#include "web/form.h"
#include "web/router.h"

namespace xaso::web {
namespace {

using identity::Permission;

std::string VnDate(int64_t unix_seconds) {
  return Date::FromDays(static_cast<long>((unix_seconds + 7 * 3600) / 86400)).ToVi();
}

// The parts of PRODUCT.md, shown as the entrance to each; a part links once it is built.
struct Part {
  const char* key;
  const char* href;  // empty while the part is not yet available
};
constexpr Part kParts[] = {
    {"plan", "giai-trinh"},
    {"inspection", ""},
    {"disclosure", "cong-khai"},
    {"budget", ""},
    {"consultation", ""},
    {"contribution", ""},
    {"feedback", "phan-anh"},
    {"faq", "hoi-dap"},
    {"complaints", ""},
    {"one_stop", "thu-tuc"},
    {"surveys", "khao-sat"},
    {"papi", ""},
    {"reports", ""},
    {"communication", ""},
    {"rules", "quy-dinh"},
    {"documents", "#van-ban"},
};

Result<identity::Commune> ResolveCommune(Context& ctx, const std::string& slug) {
  if (!slug.empty()) return ctx.svc.identity->GetCommuneBySlug(slug);
  if (!ctx.svc.default_commune.empty()) {
    return ctx.svc.identity->GetCommuneBySlug(ctx.svc.default_commune);
  }
  XASO_ASSIGN_OR_RETURN(auto all, ctx.svc.identity->ListCommunes());
  if (all.empty()) return MakeError(ErrorCode::kNotFound, "Chưa có xã nào.");
  return all.front();
}

// Rendered anonymous home pages, per commune slug and language. An entry remembers the
// commune's content_version; every public write bumps that version in the database, so a
// stale entry is noticed at the next check. Checks hit the database at most once per
// kRecheck per entry: a page is at most that old, in this process or in any other process
// behind the same load balancer. Signed-in pages are never cached.
class HomeCache {
 public:
  static constexpr auto kRecheck = std::chrono::milliseconds(1000);
  struct Entry {
    int64_t version = -1;
    std::string page;
    std::chrono::steady_clock::time_point checked;
  };
  std::optional<std::string> GetFresh(const std::string& key) {
    std::lock_guard lock(mu_);
    auto it = pages_.find(key);
    if (it == pages_.end() || std::chrono::steady_clock::now() - it->second.checked > kRecheck) {
      return std::nullopt;
    }
    return it->second.page;
  }
  // The page if it is still the one for `version` (and marks it checked now).
  std::optional<std::string> GetIfVersion(const std::string& key, int64_t version) {
    std::lock_guard lock(mu_);
    auto it = pages_.find(key);
    if (it == pages_.end() || it->second.version != version) return std::nullopt;
    it->second.checked = std::chrono::steady_clock::now();
    return it->second.page;
  }
  void Clear() {
    std::lock_guard lock(mu_);
    pages_.clear();
  }
  void Put(const std::string& key, int64_t version, std::string page) {
    std::lock_guard lock(mu_);
    if (pages_.size() > 1000) pages_.clear();
    pages_[key] = {version, std::move(page), std::chrono::steady_clock::now()};
  }

 private:
  std::mutex mu_;
  std::unordered_map<std::string, Entry> pages_;  // GUARDED_BY(mu_)
};

HomeCache& TheHomeCache() {
  static HomeCache* cache = new HomeCache();
  return *cache;
}

Response Home(Context& ctx, const std::string& slug) {
  const bool cacheable = !ctx.account;
  const std::string key = slug + (ctx.lang == Lang::kEn ? "/en" : "/vi");
  if (cacheable) {
    if (auto page = TheHomeCache().GetFresh(key)) return HtmlResponse(200, std::move(*page));
  }
  auto commune = ResolveCommune(ctx, slug);
  if (!commune) return ErrorPage(ctx, HttpStatusFor(commune.error().code, false));
  if (cacheable) {
    if (auto page = TheHomeCache().GetIfVersion(key, commune->content_version)) {
      return HtmlResponse(200, std::move(*page));
    }
  }
  Data d;
  Data c;
  c.set("name", commune->name);
  c.set("slug", commune->slug);
  c.set("province", commune->province);
  c.set("level_above", commune->level_above);
  c.set("address", commune->address);
  c.set("phone", commune->phone);
  c.set("email", commune->email);
  c.set("about", ctx.lang == Lang::kEn && !commune->about_en.empty() ? commune->about_en
                                                                     : commune->about_vi);
  d.set("commune", c);

  Data leaders(Data::type::list);
  if (auto ls = ctx.svc.portal->Leaders(commune->id)) {
    for (const auto& l : *ls) {
      Data x;
      x.set("name", l.name);
      x.set("title", l.title);
      x.set("phone", l.phone);
      x.set("email", l.email);
      leaders.push_back(x);
    }
  }
  d.set("leaders", leaders);
  Data news(Data::type::list);
  if (auto as = ctx.svc.portal->RecentAnnouncements(commune->id, 5)) {
    for (const auto& a : *as) {
      Data x;
      x.set("title", a.title);
      x.set("body", a.body);
      x.set("date", VnDate(a.published_at));
      news.push_back(x);
    }
  }
  d.set("announcements", news);
  Data docs(Data::type::list);
  if (auto ds = ctx.svc.portal->ListDocuments(commune->id)) {
    for (const auto& doc : *ds) {
      Data x;
      x.set("number", doc.number);
      x.set("title", doc.title);
      x.set("href", "/xa/" + commune->slug + "/van-ban/" + std::to_string(doc.id));
      auto date = Date::ParseIso(doc.issued_on);
      x.set("date", date ? date->ToVi() : doc.issued_on);
      docs.push_back(x);
    }
  }
  d.set("documents", docs);
  Data parts(Data::type::list);
  for (const Part& p : kParts) {
    Data x;
    x.set("name", Message(ctx.lang, std::string("part.") + p.key));
    x.set("desc", Message(ctx.lang, std::string("partdesc.") + p.key));
    if (*p.href) {
      x.set("href", p.href[0] == '#' ? std::string(p.href)
                                     : "/xa/" + commune->slug + "/" + std::string(p.href));
    }
    parts.push_back(x);
  }
  d.set("parts", parts);
  Response r = RenderPage(ctx, 200, "home", d, commune->name);
  if (cacheable) TheHomeCache().Put(key, commune->content_version, r.body);
  return r;
}

Response DocumentPage(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  int64_t id = 0;
  for (char ch : ctx.params["id"]) {
    if (ch < '0' || ch > '9' || id > 1'000'000'000'000) return ErrorPage(ctx, 404);
    id = id * 10 + (ch - '0');
  }
  auto doc = ctx.svc.portal->GetDocument(commune->id, id);
  if (!doc) return ErrorPage(ctx, HttpStatusFor(doc.error().code, false));
  Data d;
  d.set("commune_name", commune->name);
  d.set("home", "/xa/" + commune->slug + "/");
  d.set("number", doc->number);
  d.set("title", doc->title);
  d.set("issuer", doc->issuer);
  auto date = Date::ParseIso(doc->issued_on);
  d.set("date", date ? date->ToVi() : doc->issued_on);
  // The body is shown as preformatted text: the Markdown is escaped, never interpreted.
  d.set("body", doc->body);
  return RenderPage(ctx, 200, "document", d, doc->number + " " + doc->title);
}

Response Static(Context& ctx) {
  const std::string& file = ctx.params["file"];
  const std::string_view* data = StaticAsset(file);
  if (!data) return ErrorPage(ctx, 404);
  std::string type = "application/octet-stream";
  if (file.ends_with(".css")) type = "text/css; charset=utf-8";
  if (file.ends_with(".js")) type = "text/javascript; charset=utf-8";
  if (file.ends_with(".svg")) type = "image/svg+xml";
  Response r{200, {}, std::string(*data)};
  r.With("Content-Type", type).With("Cache-Control", "public, max-age=86400");
  return r;
}

Response SetLanguage(Context& ctx) {
  const std::string lang = ctx.params["lang"] == "en" ? "en" : "vi";
  ctx.set_cookies.push_back("lang=" + lang + "; Path=/; SameSite=Lax; Max-Age=31536000");
  // Back to the page the visitor was on; only a local path, never another site.
  return RedirectResponse(LocalPath(ctx.req.Query("next")).value_or("/"));
}

}  // namespace

void InvalidatePublicPages() { TheHomeCache().Clear(); }

void AddPortalRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/", Permission::kReadPublic, RouteKind::kPage,
                    [](Context& ctx) { return Home(ctx, ""); }});
  routes.push_back({"GET", "/xa/{slug}/", Permission::kReadPublic, RouteKind::kPage,
                    [](Context& ctx) { return Home(ctx, ctx.params["slug"]); }});
  routes.push_back(
      {"GET", "/xa/{slug}/van-ban/{id}", Permission::kReadPublic, RouteKind::kPage, DocumentPage});
  routes.push_back({"GET", "/static/{file}", Permission::kReadPublic, RouteKind::kPage, Static});
  routes.push_back(
      {"GET", "/ngon-ngu/{lang}", Permission::kReadPublic, RouteKind::kPage, SetLanguage});
  routes.push_back({"GET", "/healthz", Permission::kReadPublic, RouteKind::kPage,
                    [](Context&) { return TextResponse(200, "ok"); }});
}

}  // namespace xaso::web
