#include "storage/onestop/sql_procedure_repository.h"

#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include "core/text.h"
#include "domain/feedback/feedback.h"
#include "storage/audit/sql_audit_log.h"
#include "storage/json_list.h"
#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {
namespace {

using onestop::Fee;
using onestop::Procedure;

constexpr std::string_view kColumns =
    "SELECT code, name, field, steps, same_day, working_days, fees, documents, legal_basis, "
    "online_level, unit_code, to_verify FROM procedure ";

std::string FeesJson(const std::vector<Fee>& fees) {
  auto j = nlohmann::json::array();
  for (const Fee& f : fees) {
    j.push_back({{"kind", onestop::FeeKindCode(f.kind)},
                 {"name", f.name},
                 {"amount_dong", f.amount_dong},
                 {"per", f.per}});
  }
  return j.dump();
}

std::vector<Fee> FeesFromJson(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<Fee> out;
  if (!j.is_array()) return out;
  for (const auto& item : j) {
    if (!item.is_object()) continue;
    Fee f;
    f.kind = onestop::FeeKindFromCode(item.value("kind", "")).value_or(onestop::FeeKind::kCharge);
    f.name = item.value("name", "");
    f.amount_dong = item.value("amount_dong", int64_t{0});
    f.per = item.value("per", "");
    out.push_back(std::move(f));
  }
  return out;
}

Procedure FromRow(const soci::row& r) {
  Procedure p;
  p.code = RowText(r, 0);
  p.name = RowText(r, 1);
  p.field = RowText(r, 2);
  p.steps = ListFromJson(RowText(r, 3));
  p.same_day = RowInt(r, 4) != 0;
  p.working_days = static_cast<int>(RowInt(r, 5));
  p.fees = FeesFromJson(RowText(r, 6));
  p.documents = ListFromJson(RowText(r, 7));
  p.legal_basis = RowText(r, 8);
  p.online_level =
      onestop::OnlineLevelFromCode(RowText(r, 9)).value_or(onestop::OnlineLevel::kNone);
  p.unit_code = RowText(r, 10);
  p.to_verify = RowInt(r, 11) != 0;
  return p;
}

}  // namespace

Result<int64_t> SqlProcedureRepository::Create(int64_t commune_id, const Procedure& p,
                                               const audit::AuditRecord& rec, int64_t now) {
  XASO_RETURN_IF_ERROR(onestop::ValidateProcedure(p));
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long commune = commune_id, at = now;
    long long taken = 0;
    s << "SELECT COUNT(*) FROM procedure WHERE commune_id = :c AND code = :k", soci::use(commune),
        soci::use(p.code), soci::into(taken);
    if (taken > 0) {
      return Error{ErrorCode::kAlreadyExists,
                   "Thủ tục chưa hợp lệ.",
                   {{"code", "Mã thủ tục này đã có trong danh mục của xã."}}};
    }
    const std::string steps = ListJson(p.steps), documents = ListJson(p.documents),
                      fees = FeesJson(p.fees), level(onestop::OnlineLevelCode(p.online_level)),
                      folded = FoldVietnamese(p.code + " " + p.name + " " + p.field);
    int same_day = p.same_day ? 1 : 0, days = p.working_days, verify = p.to_verify ? 1 : 0;
    s << "INSERT INTO procedure (commune_id, code, name, field, steps, same_day, working_days, "
         "fees, documents, legal_basis, online_level, unit_code, to_verify, search_folded, "
         "created_at) VALUES (:c, :k, :n, :f, :s, :sd, :wd, :fe, :d, :l, :o, :u, :v, :sf, :at) "
         "RETURNING id",
        soci::use(commune), soci::use(p.code), soci::use(p.name), soci::use(p.field),
        soci::use(steps), soci::use(same_day), soci::use(days), soci::use(fees),
        soci::use(documents), soci::use(p.legal_basis), soci::use(level), soci::use(p.unit_code),
        soci::use(verify), soci::use(folded), soci::use(at), soci::into(id);
    AuditChange(s, rec, commune, "procedure", id, "create", p.code + ": " + p.name, now);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

Result<Procedure> SqlProcedureRepository::GetByCode(int64_t commune_id, const std::string& code) {
  XASO_ASSIGN_OR_RETURN(
      auto found,
      QueryOne<Procedure>(db_, std::string(kColumns) + "WHERE commune_id = :c AND code = :k",
                          FromRow, static_cast<long long>(commune_id), code));
  if (!found) return MakeError(ErrorCode::kNotFound, "Không có thủ tục này.");
  return std::move(*found);
}

Result<std::vector<Procedure>> SqlProcedureRepository::Search(
    int64_t commune_id, const std::vector<std::string>& terms) {
  // A fixed statement: missing terms match anything, so no text is spliced into the SQL.
  std::vector<std::string> like(feedback::kMaxSearchTerms, "%");
  for (size_t i = 0; i < terms.size() && i < like.size(); ++i) like[i] = "%" + terms[i] + "%";
  std::string sql = std::string(kColumns) + "WHERE commune_id = :c";
  for (size_t i = 0; i < like.size(); ++i) {
    sql += " AND search_folded LIKE :t" + std::to_string(i) + " ESCAPE '\\'";
  }
  sql += " ORDER BY id";
  static_assert(feedback::kMaxSearchTerms == 5, "one bound parameter per term below");
  return QueryAll<Procedure>(db_, sql, FromRow, static_cast<long long>(commune_id), like[0],
                             like[1], like[2], like[3], like[4]);
}

}  // namespace xaso::storage
