// The public disclosure register (issue 7 parts 5 and 6): the list by type and year with a
// search that ignores diacritics, each item with its legal basis, files and their SHA-256, its
// posting history and whether it went out on time; the downloads; an Atom feed of what is new;
// the register as open data (CSV, JSON). Read-only, for everyone.
//
// What the public sees is exactly what DisclosureService::IsPublicNow allows: a draft, a
// withdrawn item and a personal-data item outside its posting window are the same 404 as an
// item that does not exist, on every route here (page, files, proofs, feed, exports). Pages of
// personal-data types are never offered to search engines (docs/disclosure.md, "Privacy").
#include <algorithm>
#include <unordered_map>

#include "core/text.h"
#include "domain/disclosure/period.h"
#include "web/form.h"
#include "web/pages/disclosure_public_view.h"
#include "web/pages/disclosure_staff_view.h"
#include "web/pages/dossier_staff_view.h"
#include "web/pages/plan_view.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using disclosure::DisclosureType;
using disclosure::Item;
using disclosure::ItemStatus;
using disclosure::ItemSummary;
using identity::Permission;

constexpr int kPageSize = 20;
constexpr int kFeedSize = 50;
// The feed reads this many of the newest lines (by decision or period) and keeps the kFeedSize
// most recently published: one query, and an item published late about an old decision still
// shows unless more than this many newer ones came after it.
constexpr int kFeedWindow = 200;
// The newest personal-data lists read for the board's section, of every such type together:
// only lists first out within a posting window (a few weeks) are read, so this is a ceiling on
// the page's size rather than a limit a commune reaches.
constexpr int kPostedWindow = 50;

std::string RegisterHref(const identity::Commune& c) { return "/xa/" + c.slug + "/cong-khai"; }
std::string ItemHref(const identity::Commune& c, int64_t id) {
  return RegisterHref(c) + "/" + std::to_string(id);
}

std::string PeriodLabel(const std::string& key) {
  if (key.empty()) return {};
  auto p = disclosure::ParsePeriod(key);
  return p ? disclosure::PeriodLabelVi(*p) : key;
}

// The public's view of a list line: an Item holding just what IsPublicOn reads (status, type
// version and the earliest posting), so that the list needs no query per line.
bool LineIsPublic(const Context& ctx, const ItemSummary& s) {
  Item item;
  item.type_code = s.type_code;
  item.type_effective_from = s.type_effective_from;
  item.status = s.status;
  item.published_at = s.published_at;
  item.year = s.year;
  item.period_key = s.period_key;
  item.decision_on = s.decision_on;
  if (s.first_out) {
    disclosure::Posting p;
    p.channel = disclosure::Channel::kPortal;
    p.started_on = *s.first_out;
    item.postings.push_back(p);
  }
  return ctx.svc.disclosures->IsPublicNow(item);
}

bool IsPublic(const Context& ctx, const Item& item) {
  return item.status == ItemStatus::kPublished && ctx.svc.disclosures->IsPublicNow(item);
}

// Every type with personal data in any version. The register's general reads (list, count,
// years, search, feed, exports) leave them out: an item past its posting window must not show
// even as a number, and one inside it is listed apart (PostedNow), never through the search box.
std::vector<std::string> PersonalTypes(const disclosure::TypeCatalogue& catalogue) {
  std::vector<std::string> codes;
  for (const DisclosureType& t : catalogue.versions()) {
    if (t.personal_data) codes.push_back(t.code);
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

bool IsPersonalType(const std::vector<std::string>& personal, const std::string& code) {
  return std::binary_search(personal.begin(), personal.end(), code);
}

// The personal-data lists of `types` that the public may see today, of `year` (or every year), in
// one read: only items first out since EarliestPublicFirstOut can still be inside their own
// window, which LineIsPublic then checks line by line.
Result<std::vector<ItemSummary>> PostedNow(Context& ctx, int64_t commune_id,
                                           const std::vector<std::string>& types,
                                           std::optional<int> year) {
  if (types.empty()) return std::vector<ItemSummary>{};
  const Date today = ctx.svc.clock->TodayVn();
  disclosure::ItemQuery iq;
  iq.commune_id = commune_id;
  iq.only_types = types;
  iq.year = year;
  iq.status = ItemStatus::kPublished;
  iq.limit = kPostedWindow;
  iq.out_from = disclosure::EarliestPublicFirstOut(ctx.svc.disclosures->catalogue(), types, today);
  if (iq.out_from) iq.out_until = today;
  XASO_ASSIGN_OR_RETURN(auto lines, ctx.svc.disclosure_repo->List(iq));
  std::erase_if(lines, [&](const ItemSummary& s) { return !LineIsPublic(ctx, s); });
  return lines;
}

// The items of `year` (or of every year) in `years`.
int64_t TotalOf(const std::vector<disclosure::YearCount>& years, std::optional<int> year) {
  int64_t n = 0;
  for (const auto& y : years) n += !year || *year == y.year ? y.items : 0;
  return n;
}

// A 404 on an item's routes tells search engines to keep away too: an item that has left its
// personal-data window answers exactly as one that never existed.
Response NotFound(Context& ctx) {
  Response r = ErrorPage(ctx, 404);
  return NoIndex(r);
}

// The item `{id}` of the commune `{slug}` if the public may see it now; kNotFound otherwise.
Result<std::pair<identity::Commune, Item>> LoadPublicItem(Context& ctx) {
  XASO_ASSIGN_OR_RETURN(auto commune, ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]));
  const auto id = IdParam(ctx, "id");
  if (!id) return MakeError(ErrorCode::kNotFound, "Không tìm thấy.");
  XASO_ASSIGN_OR_RETURN(auto item, ctx.svc.disclosure_repo->Get(commune.id, *id));
  if (!IsPublic(ctx, item)) return MakeError(ErrorCode::kNotFound, "Không tìm thấy.");
  return std::pair{std::move(commune), std::move(item)};
}

Response FailItem(Context& ctx, const Error& e) {
  return e.code == ErrorCode::kNotFound ? NotFound(ctx)
                                        : ErrorPage(ctx, HttpStatusFor(e.code, false));
}

std::string QueryString(const DisclosureListQuery& q, int page) {
  std::string s;
  auto add = [&](const char* k, const std::string& v) {
    s += s.empty() ? '?' : '&';
    s += k;
    s += '=';
    s += PercentEncode(v);
  };
  if (q.type_code) add("loai", *q.type_code);
  if (q.year) add("nam", std::to_string(*q.year));
  if (!q.q.empty()) add("q", q.q);
  if (page > 1) add("trang", std::to_string(page));
  return s;
}

Data TypeOptions(Context& ctx, const std::optional<std::string>& chosen) {
  Data list(Data::type::list);
  for (const DisclosureType* t :
       ctx.svc.disclosures->catalogue().InForce(ctx.svc.clock->TodayVn())) {
    Data x;
    x.set("code", t->code);
    std::string label = t->law_item > 0 ? std::to_string(t->law_item) + ". " : std::string();
    label += DisclosureTypeName(ctx.lang, *t);
    x.set("label", label);
    x.set("selected", Data(chosen && *chosen == t->code));
    list.push_back(x);
  }
  return list;
}

// A line of the list page.
Data LineData(const Context& ctx, const identity::Commune& commune, const ItemSummary& s) {
  const DisclosureType* t =
      ctx.svc.disclosures->catalogue().Find(s.type_code, s.type_effective_from);
  Data x;
  x.set("href", ItemHref(commune, s.id));
  x.set("title", s.title);
  x.set("type", t ? DisclosureTypeName(ctx.lang, *t) : s.type_code);
  if (!s.decision_number.empty()) x.set("decision_number", s.decision_number);
  if (s.decision_on) x.set("decision_on", s.decision_on->ToVi());
  if (s.first_out) x.set("first_out", s.first_out->ToVi());
  if (!s.period_key.empty()) x.set("period", PeriodLabel(s.period_key));
  x.set("year", std::to_string(s.year));
  return x;
}

Response List(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, HttpStatusFor(commune.error().code, false));
  const auto q = ParseDisclosureListQuery(ctx.req.query);
  if (!q) return ErrorPage(ctx, 400);
  const auto& catalogue = ctx.svc.disclosures->catalogue();
  const Date today = ctx.svc.clock->TodayVn();
  const DisclosureType* filtered = nullptr;
  if (q->type_code) {
    filtered = catalogue.Find(*q->type_code, today);
    if (!filtered) return ErrorPage(ctx, 404);
  }
  const std::vector<std::string> personal = PersonalTypes(catalogue);
  disclosure::ItemQuery iq;
  iq.commune_id = commune->id;
  iq.type_code = q->type_code;
  iq.year = q->year;
  iq.status = ItemStatus::kPublished;
  iq.folded_words = FoldVietnamese(Trim(q->q));  // Trim: spaces alone are no search
  iq.exclude_types = personal;
  iq.limit = kPageSize;
  iq.offset = (q->page - 1) * kPageSize;
  auto lines = ctx.svc.disclosure_repo->List(iq);
  if (!lines) return ErrorPage(ctx, HttpStatusFor(lines.error().code, false));
  auto years = ctx.svc.disclosure_repo->Years(commune->id, ItemStatus::kPublished, personal);
  if (!years) return ErrorPage(ctx, HttpStatusFor(years.error().code, false));
  // Browsing every type, Count would apply the same commune, status and exclusions as Years:
  // the total is the chosen year's count (or all of them) from that read.
  const bool browsing = !q->type_code && iq.folded_words.empty();
  auto total =
      browsing ? Result<int64_t>(TotalOf(*years, q->year)) : ctx.svc.disclosure_repo->Count(iq);
  if (!total) return ErrorPage(ctx, HttpStatusFor(total.error().code, false));
  // The lists on the notice board now, on the first page of a browse (never of a search).
  std::vector<std::string> posted_types;
  if (iq.folded_words.empty() && q->page == 1) {
    if (!filtered) {
      posted_types = personal;
    } else if (IsPersonalType(personal, filtered->code)) {
      posted_types.push_back(filtered->code);
    }
  }
  auto posted = PostedNow(ctx, commune->id, posted_types, q->year);
  if (!posted) return ErrorPage(ctx, HttpStatusFor(posted.error().code, false));

  Data d;
  d.set("commune_name", commune->name);
  d.set("home", "/xa/" + commune->slug + "/");
  d.set("action", RegisterHref(*commune));
  d.set("feed_href", RegisterHref(*commune) + "/moi.atom");
  d.set("csv_href",
        RegisterHref(*commune) + "/du-lieu.csv" + QueryString({q->type_code, q->year}, 1));
  d.set("json_href",
        RegisterHref(*commune) + "/du-lieu.json" + QueryString({q->type_code, q->year}, 1));
  if (!q->q.empty()) d.set("q", q->q);
  d.set("types", TypeOptions(ctx, q->type_code));
  Data year_list(Data::type::list);
  for (const auto& [y, n] : *years) {
    Data x;
    x.set("year", std::to_string(y));
    x.set("selected", Data(q->year && *q->year == y));
    year_list.push_back(x);
  }
  d.set("years", year_list);

  Data items(Data::type::list);
  for (const ItemSummary& s : *lines) {
    if (LineIsPublic(ctx, s)) items.push_back(LineData(ctx, *commune, s));
  }
  Data posted_items(Data::type::list);
  for (const ItemSummary& s : *posted) posted_items.push_back(LineData(ctx, *commune, s));
  d.set("empty", Data(items.is_empty_list() && posted_items.is_empty_list()));
  d.set("items", items);
  if (!posted->empty()) {
    d.set("posted", Data(true));
    d.set("posted_items", posted_items);
  }
  d.set("total", VnInt(*total));
  if (q->page > 1) d.set("prev_href", RegisterHref(*commune) + QueryString(*q, q->page - 1));
  if (static_cast<int64_t>(q->page) * kPageSize < *total) {
    d.set("next_href", RegisterHref(*commune) + QueryString(*q, q->page + 1));
  }
  const bool personal_filter = filtered && filtered->personal_data;
  if (personal_filter) d.set("noindex", Data(true));
  Response r = RenderPage(ctx, 200, "disclosure_public_list", d,
                          Message(ctx.lang, "disclosure.pub.title") + " · " + commune->name);
  // The lists on the board leave this page when their window closes: no shared cache may keep
  // them (signed-in pages get no-store anyway).
  if (!posted->empty() && !ctx.account) r.With("Cache-Control", "no-store");
  return personal_filter ? NoIndex(r) : r;
}

Data PostingsData(Context& ctx, const identity::Commune& commune, const Item& item) {
  std::unordered_map<int64_t, std::string> villages;
  const bool any_village = std::any_of(item.postings.begin(), item.postings.end(),
                                       [](const auto& p) { return p.village_id != 0; });
  if (any_village) {
    if (auto vs = ctx.svc.identity->ListVillages(commune.id)) {
      for (const auto& v : *vs) villages[v.id] = v.name;
    }
  }
  Data list(Data::type::list);
  for (const auto& p : item.postings) {
    Data x;
    x.set("channel", DisclosureChannelLabel(ctx.lang, p.channel));
    if (auto v = villages.find(p.village_id); v != villages.end()) x.set("village", v->second);
    x.set("from", p.started_on.ToVi());
    x.set("until", p.until ? p.until->ToVi() : Message(ctx.lang, "disclosure.pub.indefinitely"));
    if (p.taken_down_on) x.set("taken_down", p.taken_down_on->ToVi());
    if (!p.note.empty()) x.set("note", p.note);
    if (!p.proof_sha256.empty()) {
      x.set("proof_href",
            ItemHref(commune, item.id) + "/niem-yet/" + std::to_string(p.id) + "/anh");
      x.set("proof_sha256", p.proof_sha256);
    }
    list.push_back(x);
  }
  return list;
}

// The image files (a land-use plan's map, a price frame photographed) shown on the page itself,
// so that a citizen on a phone sees the map without downloading it first.
Data ImagesData(const identity::Commune& commune, const Item& item) {
  Data list(Data::type::list);
  for (const auto& a : item.attachments) {
    if (!a.content_type.starts_with("image/")) continue;
    Data x;
    x.set("src", ItemHref(commune, item.id) + "/tep/" + std::to_string(a.n));
    x.set("name", a.filename);
    list.push_back(x);
  }
  return list;
}

Data FilesData(const identity::Commune& commune, const Item& item) {
  Data list(Data::type::list);
  for (const auto& a : item.attachments) {
    Data x;
    x.set("href", ItemHref(commune, item.id) + "/tep/" + std::to_string(a.n));
    x.set("name", a.filename);
    x.set("size", FileSizeVi(a.size));
    x.set("content_type", a.content_type);
    x.set("sha256", a.sha256);
    list.push_back(x);
  }
  return list;
}

Response Show(Context& ctx) {
  auto loaded = LoadPublicItem(ctx);
  if (!loaded) return FailItem(ctx, loaded.error());
  const auto& [commune, item] = *loaded;
  const DisclosureType* type = ctx.svc.disclosures->TypeOf(item);
  if (!type) return NotFound(ctx);
  auto compliance = ctx.svc.disclosures->Check(item);
  if (!compliance) return ErrorPage(ctx, HttpStatusFor(compliance.error().code, false));
  Data d;
  d.set("commune_name", commune.name);
  d.set("register_href", RegisterHref(commune));
  d.set("title", item.title);
  d.set("type", DisclosureTypeName(ctx.lang, *type));
  if (type->law_item > 0) d.set("law_item", std::to_string(type->law_item));
  d.set("legal_basis", type->legal_basis);
  if (!item.decision_number.empty()) d.set("decision_number", item.decision_number);
  if (item.decision_on) d.set("decision_on", item.decision_on->ToVi());
  if (!item.period_key.empty()) d.set("period", PeriodLabel(item.period_key));
  d.set("year", std::to_string(item.year));
  if (!item.summary.empty()) d.set("summary", item.summary);
  d.set("published", VnDateTime(item.published_at));
  d.set("files", FilesData(commune, item));
  d.set("has_files", Data(!item.attachments.empty()));
  if (Data images = ImagesData(commune, item); !images.is_empty_list()) d.set("images", images);
  d.set("postings", PostingsData(ctx, commune, item));
  d.set("due", compliance->due.ToVi());
  if (compliance->first_out) d.set("first_out", compliance->first_out->ToVi());
  const std::string timeliness = TimelinessLabel(ctx.lang, *compliance);
  if (!timeliness.empty()) d.set("timeliness", timeliness);
  d.set("on_time", Data(compliance->on_time()));
  if (compliance->posted_until) d.set("posted_until", compliance->posted_until->ToVi());
  if (type->permanent) d.set("permanent", Data(true));
  Data flags(Data::type::list);
  for (const auto& f : compliance->flags) {
    Data x;
    x.set("label", DisclosureFlagText(ctx.lang, f, compliance->due));
    flags.push_back(x);
  }
  d.set("has_flags", Data(!compliance->flags.empty()));
  d.set("flags", flags);
  if (type->structure == disclosure::Structure::kBudget) {
    d.set("budget_href", ItemHref(commune, item.id) + "/ngan-sach");
  } else if (type->structure == disclosure::Structure::kHouseholdList) {
    d.set("households_href", ItemHref(commune, item.id) + "/ho-ngheo");
  }
  if (type->personal_data) {
    d.set("noindex", Data(true));
    d.set("personal_data", Data(true));
  }
  Response r = RenderPage(ctx, 200, "disclosure_public_item", d, item.title);
  if (!type->personal_data) return r;
  // Names must not outlive the window in a shared cache (signed-in pages get no-store anyway).
  if (!ctx.account) r.With("Cache-Control", "no-store");
  return NoIndex(r);
}

// A file of an item the public may see. Caches must ask again: the item can leave the public.
Response Download(Context& ctx, Result<disclosure::Attachment> file, bool personal) {
  if (!file) return FailItem(ctx, file.error());
  plan::Evidence e;
  e.filename = file->filename;
  e.content_type = file->content_type;
  e.sha256 = file->sha256;
  Response r = FileResponse(e, std::move(file->bytes));
  r.With("Cache-Control", "no-cache");
  return personal ? NoIndex(r) : r;
}

bool IsPersonal(Context& ctx, const Item& item) {
  const DisclosureType* t = ctx.svc.disclosures->TypeOf(item);
  return t == nullptr || t->personal_data;
}

Response File(Context& ctx) {
  auto loaded = LoadPublicItem(ctx);
  if (!loaded) return FailItem(ctx, loaded.error());
  const auto& [commune, item] = *loaded;
  const auto n = DisclosureAttachmentParam(ctx);
  if (!n) return NotFound(ctx);
  return Download(ctx, ctx.svc.disclosure_repo->GetAttachment(commune.id, item.id, *n),
                  IsPersonal(ctx, item));
}

Response Proof(Context& ctx) {
  auto loaded = LoadPublicItem(ctx);
  if (!loaded) return FailItem(ctx, loaded.error());
  const auto& [commune, item] = *loaded;
  const auto posting = IdParam(ctx, "posting");
  if (!posting) return NotFound(ctx);
  auto proof = ctx.svc.disclosure_repo->GetProof(commune.id, item.id, *posting);
  if (proof) {
    proof->filename = DisclosureProofFilename(*posting, proof->content_type);
  }
  return Download(ctx, std::move(proof), IsPersonal(ctx, item));
}

// The newest published lines the public may see now, most recently published first, at most
// `limit` of them.
Result<std::vector<ItemSummary>> NewestPublic(Context& ctx, int64_t commune_id, size_t limit) {
  disclosure::ItemQuery iq;
  iq.commune_id = commune_id;
  iq.status = ItemStatus::kPublished;
  iq.exclude_types = PersonalTypes(ctx.svc.disclosures->catalogue());
  iq.limit = kFeedWindow;
  XASO_ASSIGN_OR_RETURN(auto lines, ctx.svc.disclosure_repo->List(iq));
  std::erase_if(lines, [&](const ItemSummary& s) { return !LineIsPublic(ctx, s); });
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) {
    return a.published_at != b.published_at ? a.published_at > b.published_at : a.id > b.id;
  });
  if (lines.size() > limit) lines.resize(limit);
  return lines;
}

Response Feed(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, HttpStatusFor(commune.error().code, false));
  auto lines = NewestPublic(ctx, commune->id, kFeedSize);
  if (!lines) return ErrorPage(ctx, HttpStatusFor(lines.error().code, false));
  const std::string base = SiteBase(ctx);
  const auto& catalogue = ctx.svc.disclosures->catalogue();
  std::vector<FeedEntry> entries;
  entries.reserve(lines->size());
  for (const ItemSummary& s : *lines) {
    const DisclosureType* t = catalogue.Find(s.type_code, s.type_effective_from);
    FeedEntry e;
    e.url = base + ItemHref(*commune, s.id);
    e.title = s.title;
    e.type_name = t ? t->name_vi : s.type_code;
    e.summary = e.type_name;
    if (!s.decision_number.empty()) e.summary += " · " + s.decision_number;
    if (s.decision_on) e.summary += " · " + s.decision_on->ToVi();
    if (!s.period_key.empty()) e.summary += " · " + PeriodLabel(s.period_key);
    e.published_at = s.published_at;
    entries.push_back(std::move(e));
  }
  const std::string title = Message(Lang::kVi, "disclosure.pub.title") + " · " + commune->name;
  Response r{200, {}, ""};
  r.body = AtomFeed(title, base + RegisterHref(*commune) + "/moi.atom",
                    base + RegisterHref(*commune), entries, ctx.svc.clock->NowUnix());
  r.With("Content-Type", "application/atom+xml; charset=utf-8");
  return r;
}

// Every item the public may see now, of `year` (or every year) and `type` (or every type), most
// recently published first, with its deadline and files.
Result<std::vector<ExportRow>> ExportRows(Context& ctx, const identity::Commune& commune,
                                          const DisclosureListQuery& q) {
  const std::vector<std::string> personal = PersonalTypes(ctx.svc.disclosures->catalogue());
  if (q.type_code && IsPersonalType(personal, *q.type_code)) return std::vector<ExportRow>{};
  std::vector<int> years;
  if (q.year) {
    years.push_back(*q.year);
  } else {
    XASO_ASSIGN_OR_RETURN(const auto counts, ctx.svc.disclosure_repo->Years(
                                                 commune.id, ItemStatus::kPublished, personal));
    for (const auto& y : counts) years.push_back(y.year);
  }
  const std::string base = SiteBase(ctx);
  std::vector<ExportRow> rows;
  for (int year : years) {
    XASO_ASSIGN_OR_RETURN(auto items, ctx.svc.disclosure_repo->ItemsOfYear(commune.id, year));
    for (const Item& item : items) {
      if ((q.type_code && item.type_code != *q.type_code) ||
          IsPersonalType(personal, item.type_code) || !IsPublic(ctx, item)) {
        continue;
      }
      const DisclosureType* t = ctx.svc.disclosures->TypeOf(item);
      if (!t) continue;
      XASO_ASSIGN_OR_RETURN(auto c, ctx.svc.disclosures->Check(item));
      ExportRow r;
      r.id = item.id;
      r.type_code = item.type_code;
      r.law_item = t->law_item;
      r.title = item.title;
      r.year = item.year;
      r.period_key = item.period_key;
      r.decision_number = item.decision_number;
      r.decision_on = item.decision_on;
      r.published_at = item.published_at;
      r.first_out = c.first_out;
      r.due = c.due;
      r.on_time = c.on_time();
      r.url = base + ItemHref(commune, item.id);
      for (const auto& a : item.attachments) {
        r.files.push_back({a.n, a.filename, a.content_type, a.size, a.sha256,
                           r.url + "/tep/" + std::to_string(a.n)});
      }
      rows.push_back(std::move(r));
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.published_at != b.published_at ? a.published_at > b.published_at : a.id > b.id;
  });
  return rows;
}

Response Export(Context& ctx, bool json) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, HttpStatusFor(commune.error().code, false));
  const auto q = ParseDisclosureListQuery(ctx.req.query);
  if (!q) return ErrorPage(ctx, 400);
  if (q->type_code &&
      !ctx.svc.disclosures->catalogue().Find(*q->type_code, ctx.svc.clock->TodayVn())) {
    return ErrorPage(ctx, 404);
  }
  auto rows = ExportRows(ctx, *commune, *q);
  if (!rows) return ErrorPage(ctx, HttpStatusFor(rows.error().code, false));
  const std::string name = "cong-khai-" + commune->slug + (json ? ".json" : ".csv");
  Response r{200, {}, json ? DisclosureExportJson(*rows) : DisclosureExportCsv(*rows)};
  r.With("Content-Type", json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8");
  return r.With("Content-Disposition", "attachment; filename=\"" + name + "\"");
}

}  // namespace

void AddDisclosurePublicRoutes(std::vector<Route>& routes) {
  // The fixed names first: /xa/{slug}/cong-khai/{id} would take them as an id.
  routes.push_back(
      {"GET", "/xa/{slug}/cong-khai", Permission::kReadPublic, RouteKind::kPage, List});
  routes.push_back(
      {"GET", "/xa/{slug}/cong-khai/moi.atom", Permission::kReadPublic, RouteKind::kPage, Feed});
  routes.push_back({"GET", "/xa/{slug}/cong-khai/du-lieu.csv", Permission::kReadPublic,
                    RouteKind::kPage, [](Context& ctx) { return Export(ctx, false); }});
  routes.push_back({"GET", "/xa/{slug}/cong-khai/du-lieu.json", Permission::kReadPublic,
                    RouteKind::kPage, [](Context& ctx) { return Export(ctx, true); }});
  routes.push_back(
      {"GET", "/xa/{slug}/cong-khai/{id}", Permission::kReadPublic, RouteKind::kPage, Show});
  routes.push_back({"GET", "/xa/{slug}/cong-khai/{id}/tep/{n}", Permission::kReadPublic,
                    RouteKind::kPage, File});
  routes.push_back({"GET", "/xa/{slug}/cong-khai/{id}/niem-yet/{posting}/anh",
                    Permission::kReadPublic, RouteKind::kPage, Proof});
}

}  // namespace xaso::web
