// The questions and answers (hỏi đáp; issue 4, part 3): every answered question a citizen asked,
// newest first, searchable without diacritics ("cong khai" finds "công khai"), so that the next
// citizen finds the answer before asking again. Only the question and the official answer are
// shown; never who asked.
#include "core/text.h"
#include "web/form.h"
#include "web/pages/feedback_view.h"

namespace xaso::web {
namespace {

using identity::Permission;

constexpr int kFaqPage = 20;

Response Faq(Context& ctx) {
  auto commune = ctx.svc.identity->GetCommuneBySlug(ctx.params["slug"]);
  if (!commune) return ErrorPage(ctx, 404);
  const auto before = BeforeParam(ctx);
  if (!before) return ErrorPage(ctx, 404);
  const std::string query = ctx.req.Query("q");
  if (query.size() > 200) return ErrorPage(ctx, 400);
  auto items = ctx.svc.feedback_repo->ListFaq(commune->id, feedback::SearchTerms(query), *before,
                                              kFaqPage + 1);
  if (!items) return ErrorPage(ctx, HttpStatusFor(items.error().code, false));
  const CategoryNames categories = LoadCategoryNames(ctx, commune->id);
  const std::string base = "/xa/" + commune->slug;
  Data list(Data::type::list);
  const size_t shown = std::min(items->size(), static_cast<size_t>(kFaqPage));
  for (size_t i = 0; i < shown; ++i) {
    const auto& f = (*items)[i];
    Data x;
    x.set("href", base + "/phan-anh/" + f.tracking_code);
    x.set("question", f.submission.title.empty() ? TruncateUtf8(f.submission.description, 120)
                                                 : f.submission.title);
    if (!f.submission.title.empty()) x.set("description", f.submission.description);
    x.set("answer", f.answer);
    x.set("category", CategoryName(categories, f.category_id));
    if (f.answered_at) x.set("answered", VnDateTime(*f.answered_at));
    list.push_back(x);
  }
  Data d;
  d.set("commune_name", commune->name);
  d.set("home", base + "/");
  d.set("ask_href", base + "/phan-anh/gui?loai=question");
  d.set("items", list);
  d.set("empty", Data(shown == 0));
  if (!query.empty()) d.set("q", query);
  if (items->size() > shown) {
    d.set("next_href", base + "/hoi-dap?q=" + PercentEncode(query) +
                           "&truoc=" + std::to_string((*items)[shown - 1].id));
  }
  return RenderPage(ctx, 200, "faq", d, Message(ctx.lang, "faq.title"));
}

}  // namespace

void AddFaqRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/xa/{slug}/hoi-dap", Permission::kReadPublic, RouteKind::kPage, Faq});
}

}  // namespace xaso::web
