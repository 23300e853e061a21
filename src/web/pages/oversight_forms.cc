#include "web/pages/oversight_forms.h"

#include <charconv>
#include <limits>

#include "core/text.h"
#include "web/form.h"

namespace xaso::web {
namespace {

using oversight::Inspection;

std::string Get(const Fields& f, const char* name) {
  auto it = f.find(name);
  return it == f.end() ? "" : std::string(Trim(it->second));
}

// Collects the fields that do not parse.
class Reader {
 public:
  Reader(const Fields& f, const char* what) : f_(f), err_{ErrorCode::kInvalidArgument, what, {}} {}

  std::optional<Date> OptDate(const char* name) {
    const std::string text = Get(f_, name);
    if (text.empty()) return std::nullopt;
    auto d = ParseDateInput(text);
    if (!d) err_.fields.push_back({name, "Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy."});
    return d;
  }
  Date RequiredDate(const char* name) {
    if (Get(f_, name).empty()) {
      err_.fields.push_back({name, "Cần nhập ngày (dd/mm/yyyy)."});
      return Date();
    }
    return OptDate(name).value_or(Date());
  }
  std::optional<int64_t> OptId(const char* name, const char* message) {
    const std::string text = Get(f_, name);
    if (text.empty()) return std::nullopt;
    auto id = ParseId(text);
    if (!id) err_.fields.push_back({name, message});
    return id;
  }
  Status Done() {
    if (err_.fields.empty()) return Ok{};
    return err_;
  }
  void Fail(const char* name, const char* message) { err_.fields.push_back({name, message}); }

 private:
  const Fields& f_;
  Error err_;
};

}  // namespace

std::optional<int64_t> ParseInt64(const std::string& text, int64_t lo, int64_t hi) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v < lo || v > hi) return std::nullopt;
  return v;
}

std::optional<int64_t> ParseId(const std::string& text) {
  return ParseInt64(text, 1, std::numeric_limits<int64_t>::max());
}

void SetIfNotEmpty(Data& d, const std::string& name, const std::string& value) {
  if (!value.empty()) d.set(name, value);
}

std::string ViDate(const std::optional<Date>& day) { return day ? day->ToVi() : ""; }

Result<Inspection> InspectionFromFields(const Fields& f) {
  Reader r(f, "Cuộc kiểm tra chưa hợp lệ.");
  Inspection i;
  auto kind = oversight::KindFromCode(Get(f, "kind"));
  if (!kind) r.Fail("kind", "Chọn kiểm tra theo kế hoạch hoặc đột xuất.");
  i.kind = kind.value_or(oversight::InspectionKind::kPlanned);
  i.unit_id = r.OptId("unit", "Chọn một bộ phận của xã.");
  i.subject = Get(f, "subject");
  i.topic = Get(f, "topic");
  if (auto dim = r.OptId("dimension", "Chọn một lĩnh vực PAPI từ 1 đến 8.")) {
    i.dimension = static_cast<int>(std::min<int64_t>(*dim, 99));
  }
  i.scheduled_on = r.RequiredDate("scheduled_on");
  i.conducted_on = r.OptDate("conducted_on");
  i.conclusion = Get(f, "conclusion");
  XASO_RETURN_IF_ERROR(r.Done());
  return i;
}

Result<oversight::Finding> FindingFromFields(const Fields& f) {
  Reader r(f, "Nội dung phát hiện chưa hợp lệ.");
  oversight::Finding x;
  x.description = Get(f, "description");
  auto unit = r.OptId("responsible_unit", "Chọn bộ phận chịu trách nhiệm khắc phục.");
  if (!unit && Get(f, "responsible_unit").empty()) {
    r.Fail("responsible_unit", "Chọn bộ phận chịu trách nhiệm khắc phục.");
  }
  x.responsible_unit_id = unit.value_or(0);
  x.remediation_due_on = r.RequiredDate("remediation_due_on");
  x.sanction = Get(f, "sanction");
  XASO_RETURN_IF_ERROR(r.Done());
  return x;
}

Result<oversight::Recheck> RecheckFromFields(const Fields& f) {
  Reader r(f, "Kết quả tái kiểm tra chưa hợp lệ.");
  oversight::Recheck x;
  auto id = r.OptId("finding_id", "Không rõ phát hiện được tái kiểm tra.");
  if (!id && Get(f, "finding_id").empty()) r.Fail("finding_id", "Không rõ phát hiện.");
  x.finding_id = id.value_or(0);
  x.checked_on = r.RequiredDate("checked_on");
  const std::string remedied = Get(f, "remedied");
  if (remedied != "yes" && remedied != "no") {
    r.Fail("remedied", "Chọn đã khắc phục hoặc chưa khắc phục.");
  }
  x.remedied = remedied == "yes";
  x.new_due_on = r.OptDate("new_due_on");
  x.note = Get(f, "note");
  XASO_RETURN_IF_ERROR(r.Done());
  return x;
}

Result<oversight::Recommendation> RecommendationFromFields(const Fields& f) {
  Reader r(f, "Kiến nghị chưa hợp lệ.");
  oversight::Recommendation x;
  auto body = oversight::BodyFromCode(Get(f, "body"));
  if (!body) r.Fail("body", "Chọn cơ quan kiến nghị: UB MTTQ, Ban TTND hoặc Ban GSĐTCĐ.");
  x.body = body.value_or(oversight::SupervisoryBody::kMttq);
  x.reference = Get(f, "reference");
  x.received_on = r.RequiredDate("received_on");
  x.title = Get(f, "title");
  x.content = Get(f, "content");
  x.assigned_unit_id = r.OptId("assigned_unit", "Chọn một bộ phận của xã.");
  XASO_RETURN_IF_ERROR(r.Done());
  return x;
}

Result<oversight::Answer> AnswerFromFields(const Fields& f) {
  Reader r(f, "Văn bản trả lời chưa hợp lệ.");
  oversight::Answer a;
  a.text = Get(f, "answer");
  a.reference = Get(f, "answer_reference");
  a.answered_on = r.RequiredDate("answered_on");
  XASO_RETURN_IF_ERROR(r.Done());
  return a;
}

Result<std::pair<Date, std::string>> ConductFromFields(const Fields& f) {
  Reader r(f, "Cuộc kiểm tra chưa hợp lệ.");
  const Date day = r.RequiredDate("conducted_on");
  XASO_RETURN_IF_ERROR(r.Done());
  return std::make_pair(day, Get(f, "conclusion"));
}

Result<int64_t> VersionFromFields(const Fields& f) {
  if (auto v = ParseId(Get(f, "version"))) return *v;
  return Error{ErrorCode::kInvalidArgument,
               "Biểu mẫu thiếu phiên bản.",
               {{"version", "Tải lại trang rồi nhập lại."}}};
}

std::string UnitName(const std::vector<identity::Unit>& units, std::optional<int64_t> id,
                     Lang lang) {
  if (!id) return "";
  for (const auto& u : units) {
    if (u.id == *id) return lang == Lang::kEn && !u.name_en.empty() ? u.name_en : u.name_vi;
  }
  return "";
}

Data UnitOptions(const std::vector<identity::Unit>& units, const std::string& selected, Lang lang) {
  Data list(Data::type::list);
  for (const auto& u : units) {
    Data o;
    o.set("id", std::to_string(u.id));
    o.set("name", UnitName(units, u.id, lang));
    o.set("selected", Data(selected == std::to_string(u.id)));
    list.push_back(o);
  }
  return list;
}

Data ErrorList(const Error& error) {
  Data d = ErrorData(error);
  Data list(Data::type::list);
  for (const auto& f : error.fields) list.push_back(Data("message", f.message));
  d.set("errors", list);
  return d;
}

std::vector<identity::Unit> CommuneUnits(Context& ctx) {
  auto units = ctx.svc.identity->ListUnits(ctx.account->commune_id);
  return units ? std::move(*units) : std::vector<identity::Unit>{};
}

Response AfterFormWrite(Context& ctx, const Status& st, const std::string& back,
                        Response (*page)(Context&, int, Data)) {
  if (st.has_value()) return RedirectResponse(back);
  if (st.error().code == ErrorCode::kNotFound) return ErrorPage(ctx, 404);
  Data d = ErrorList(st.error());
  for (const auto& [name, value] : ctx.form) d.set("form_" + name, value);
  return page(ctx, HttpStatusFor(st.error().code, true), d);
}

}  // namespace xaso::web
