// The one-stop register's data in and out (issue 5, parts 2 and 6): the upload of a portal's
// export of dossiers received online (GET/POST /quan-ly/ho-so/nhap, receive_dossiers), and the
// register as CSV for a spreadsheet (GET /quan-ly/ho-so/xuat.csv, view_dossiers).
#include "core/csv.h"
#include "domain/feedback/feedback_statistics.h"
#include "platform/dossier_import.h"
#include "web/pages/dossier_view.h"
#include "web/vn_number.h"

namespace xaso::web {
namespace {

using identity::Permission;

Response ImportPage(Context& ctx, int status, Data d) {
  d.set("csrf", EnsureCsrf(ctx));
  return RenderPage(ctx, status, "dossier_import", d, Message(ctx.lang, "dossier.import.title"));
}

Response ImportForm(Context& ctx) { return ImportPage(ctx, 200, Data()); }

Response Import(Context& ctx) {
  auto file = ctx.files.find("file");
  if (file == ctx.files.end() || file->second.bytes.empty()) {
    Data d;
    d.set("error", Message(ctx.lang, "dossier.import.no_file"));
    return ImportPage(ctx, 422, d);
  }
  std::string format = ctx.form["format"];
  if (format.empty()) format = file->second.filename.ends_with(".json") ? "json" : "csv";
  const auto parsed_format = platform::ImportFormatFromName(format);
  if (!parsed_format) return ImportPage(ctx, 422, Data());
  auto batch = platform::ParseDossierImport(file->second.bytes, *parsed_format);
  if (!batch)
    return ImportPage(ctx, HttpStatusFor(batch.error().code, true), ErrorData(batch.error()));
  auto commune = ctx.svc.identity->GetCommune(ctx.account->commune_id);
  if (!commune) return ErrorPage(ctx, HttpStatusFor(commune.error().code, false));
  auto report = onestop::ImportDossiers(*ctx.svc.dossiers, *batch, commune->id,
                                        identity::DeskAgencyCode(*commune), ActorOf(ctx));
  if (!report) return ErrorPage(ctx, HttpStatusFor(report.error().code, false));
  Data r;
  r.set("imported", VnInt(report->imported));
  r.set("already", VnInt(report->already_present));
  r.set("refused_count", VnInt(static_cast<int64_t>(report->refused.size())));
  Data refused(Data::type::list);
  for (const auto& p : report->refused) {
    Data x;
    x.set("line", std::to_string(p.line));
    x.set("message", p.message);
    refused.push_back(x);
  }
  r.set("has_refused", Data(!report->refused.empty()));
  r.set("refused", refused);
  Data d;
  d.set("report", r);
  return ImportPage(ctx, report->refused.empty() ? 200 : 422, d);
}

std::string DayVi(const std::optional<int64_t>& at) {
  return at ? Clock::DayVn(*at).ToVi() : std::string();
}

Response Export(Context& ctx) {
  const std::string from = ctx.req.Query("from");
  const std::string to = ctx.req.Query("to");
  if ((!from.empty() && !feedback::IsMonth(from)) || (!to.empty() && !feedback::IsMonth(to))) {
    return ErrorPage(ctx, 400);
  }
  const int64_t commune_id = ctx.account->commune_id;
  const auto units = UnitNamesByCode(ctx, commune_id);
  // The byte-order mark makes spreadsheet programs on Windows read the file as UTF-8.
  std::string out =
      "\xEF\xBB\xBF"
      "code,procedure_code,procedure_name,field,unit,channel,applicant_name,received,"
      "due,first_due,status,timeliness,finished,returned,extensions,satisfaction\r\n";
  const int64_t now = ctx.svc.clock->NowUnix();
  onestop::DossierFilter filter;
  filter.limit = 500;
  while (true) {
    auto page = ctx.svc.dossier_repo->List(commune_id, filter);
    if (!page) return ErrorPage(ctx, HttpStatusFor(page.error().code, false));
    for (const onestop::Dossier& d : *page) {
      const std::string month = MonthVn(d.received_at);
      if ((!from.empty() && month < from) || (!to.empty() && month > to)) continue;
      auto unit = units.find(d.unit_code);
      const auto t = onestop::TimelinessOf(d, now);
      out +=
          CsvEscape(d.code) + "," + CsvEscape(d.procedure_code) + "," +
          CsvEscape(d.procedure_name) + "," + CsvEscape(d.field) + "," +
          CsvEscape(unit == units.end() ? d.unit_code : unit->second) + "," +
          std::string(onestop::DossierChannelCode(d.channel)) + "," + CsvEscape(d.applicant.name) +
          "," + Clock::DayVn(d.received_at).ToVi() + "," + d.due_on.ToVi() + "," +
          d.first_due_on.ToVi() + "," + std::string(onestop::DossierStatusCode(d.status)) + "," +
          (t ? std::string(onestop::TimelinessCode(*t)) : "") + "," + DayVi(d.finished_at) + "," +
          DayVi(d.returned_at) + "," + std::to_string(d.extensions) + "," +
          (d.satisfaction ? std::string(onestop::SatisfactionCode(*d.satisfaction)) : "") + "\r\n";
    }
    if (page->size() < static_cast<size_t>(filter.limit)) break;
    filter.before_id = page->back().id;
  }
  Response r{200, {}, std::move(out)};
  r.With("Content-Type", "text/csv; charset=utf-8");
  return r.With("Content-Disposition", "attachment; filename=\"so-ho-so.csv\"");
}

}  // namespace

void AddDossierDataRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {"GET", "/quan-ly/ho-so/nhap", Permission::kReceiveDossiers, RouteKind::kPage, ImportForm});
  routes.push_back(
      {"POST", "/quan-ly/ho-so/nhap", Permission::kReceiveDossiers, RouteKind::kPage, Import});
  routes.push_back(
      {"GET", "/quan-ly/ho-so/xuat.csv", Permission::kViewDossiers, RouteKind::kPage, Export});
}

}  // namespace xaso::web
