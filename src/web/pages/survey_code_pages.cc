// The slips of one-time codes (mã phiếu) to hand out (manage_surveys): GET
// /quan-ly/khao-sat/{id}/ma-phieu prints every unused code of a survey that needs them, each on
// a slip with the survey's title, its public address, the QR code of that address and the
// code. The code is typed on the answering page, not carried in the link, so the address and
// its QR code are the same on every slip and drawn once.
#include "platform/qr_code.h"
#include "web/form.h"
#include "web/pages/dossier_staff_view.h"
#include "web/pages/survey_view.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using identity::Permission;

Response Slips(Context& ctx) {
  auto s = LoadSurvey(ctx);
  if (!s) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  auto commune = ctx.svc.identity->GetCommune(s->commune_id);
  if (!commune) return ErrorPage(ctx, HttpStatusFor(commune.error().code, false));
  auto codes = ctx.svc.survey_repo->UnusedCodes(s->commune_id, s->id);
  if (!codes) return ErrorPage(ctx, HttpStatusFor(codes.error().code, false));
  const std::string url =
      SiteBase(ctx) + "/xa/" + commune->slug + "/khao-sat/" + std::to_string(s->id);
  Data d;
  d.set("title", s->title);
  d.set("commune", commune->name);
  d.set("back", SurveyHref(s->id));
  d.set("url", url);
  d.set("needs_code", Data(s->needs_code));
  d.set("count", VnInt(static_cast<int64_t>(codes->size())));
  d.set("empty", Data(codes->empty()));
  std::string qr;
  if (auto m = platform::EncodeQr(url)) {
    qr = platform::QrSvg(*m, Message(ctx.lang, "survey_staff.codes.qr_title"));
  }
  Data slips(Data::type::list);
  for (const auto& code : *codes) {
    Data x;
    x.set("code", code);
    if (!qr.empty()) x.set("qr", qr);
    slips.push_back(x);
  }
  d.set("slips", slips);
  return RenderPage(ctx, 200, "survey_codes", d, Message(ctx.lang, "survey_staff.codes.title"));
}

}  // namespace

void AddSurveyCodeRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/khao-sat/{id}/ma-phieu", Permission::kManageSurveys,
                    RouteKind::kPage, Slips});
}

}  // namespace xaso::web
