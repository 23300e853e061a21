// A survey's responses as CSV, both ways (format in docs/surveys.md): the export a commune hands
// to a statistician (GET /quan-ly/khao-sat/{id}/phieu.csv, view_survey_results) and the import
// of paper forms typed in elsewhere (GET/POST /quan-ly/khao-sat/{id}/nhap, manage_surveys),
// all or nothing: one bad cell stores nothing and every problem is listed by line and column.
#include "domain/survey/response_csv.h"
#include "web/pages/survey_view.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using identity::Permission;

Response Export(Context& ctx) {
  auto s = LoadSurvey(ctx);
  if (!s) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  auto responses = ctx.svc.survey_repo->Responses(s->commune_id, s->id);
  if (!responses) return ErrorPage(ctx, HttpStatusFor(responses.error().code, false));
  std::string out = survey::WriteResponsesCsv(*s, *responses);
  // The byte-order mark makes spreadsheet programs on Windows read the file as UTF-8; the
  // import skips it.
  if (!out.starts_with("\xEF\xBB\xBF")) out.insert(0, "\xEF\xBB\xBF");
  Response r{200, {}, std::move(out)};
  r.With("Content-Type", "text/csv; charset=utf-8");
  return r.With("Content-Disposition",
                "attachment; filename=\"khao-sat-" + std::to_string(s->id) + ".csv\"");
}

Response ImportPage(Context& ctx, int status, const survey::Survey& s, Data d) {
  d.set("csrf", EnsureCsrf(ctx));
  d.set("title", s.title);
  d.set("back", SurveyHref(s.id));
  d.set("action", SurveyHref(s.id) + "/nhap");
  std::string columns = "channel,submitted_at,weight";
  for (const auto& q : s.questions) columns += "," + q.key;
  d.set("columns", columns);
  d.set("is_draft", Data(s.status == survey::SurveyStatus::kDraft));
  return RenderPage(ctx, status, "survey_import", d,
                    Message(ctx.lang, "survey_staff.import.title"));
}

Response ImportForm(Context& ctx) {
  auto s = LoadSurvey(ctx);
  if (!s) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  return ImportPage(ctx, 200, *s, Data());
}

Response Import(Context& ctx) {
  auto s = LoadSurvey(ctx);
  if (!s) return ErrorPage(ctx, HttpStatusFor(s.error().code, false));
  auto file = ctx.files.find("file");
  if (file == ctx.files.end() || file->second.bytes.empty()) {
    Data d;
    d.set("error", Message(ctx.lang, "survey_staff.import.no_file"));
    return ImportPage(ctx, 422, *s, d);
  }
  auto n = ctx.svc.surveys->Import(*s, file->second.bytes, ActorOf(ctx));
  if (!n) {
    Data d;
    d.set("error", n.error().code == ErrorCode::kFailedPrecondition
                       ? Message(ctx.lang, "survey_staff.import.not_open")
                       : Message(ctx.lang, "survey_staff.import.refused"));
    Data problems(Data::type::list);
    for (const auto& f : n.error().fields) {
      Data x;
      x.set("where", f.field);
      x.set("message", f.message);
      problems.push_back(x);
    }
    if (n.error().fields.empty() && n.error().code == ErrorCode::kInvalidArgument) {
      Data x;
      x.set("where", "");
      x.set("message", n.error().message);
      problems.push_back(x);
    }
    d.set("problems", problems);
    d.set("has_problems",
          Data(!n.error().fields.empty() || n.error().code == ErrorCode::kInvalidArgument));
    return ImportPage(ctx, HttpStatusFor(n.error().code, true), *s, d);
  }
  Data d;
  d.set("imported", VnInt(*n));
  d.set("results_href", SurveyHref(s->id) + "/ket-qua");
  return ImportPage(ctx, 200, *s, d);
}

}  // namespace

void AddSurveyDataRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/quan-ly/khao-sat/{id}/phieu.csv", Permission::kViewSurveyResults,
                    RouteKind::kPage, Export});
  routes.push_back({"GET", "/quan-ly/khao-sat/{id}/nhap", Permission::kManageSurveys,
                    RouteKind::kPage, ImportForm});
  routes.push_back({"POST", "/quan-ly/khao-sat/{id}/nhap", Permission::kManageSurveys,
                    RouteKind::kPage, Import});
}

}  // namespace xaso::web
