#include "storage/oversight/sql_oversight_repository.h"

#include <algorithm>

#include <soci/soci.h>

#include "storage/audit/sql_audit_log.h"
#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {

using oversight::Finding;
using oversight::Inspection;
using oversight::Recheck;
using oversight::Recommendation;

namespace {

constexpr const char* kInspectionColumns =
    "SELECT id, commune_id, kind, unit_id, subject, topic, dimension, scheduled_on, "
    "conducted_on, conclusion, created_by, version FROM inspection ";
constexpr const char* kFindingColumns =
    "SELECT id, commune_id, inspection_id, description, responsible_unit_id, "
    "remediation_due_on, status, sanction, closed_on, version FROM inspection_finding ";
constexpr const char* kRecommendationColumns =
    "SELECT id, commune_id, body, reference, received_on, title, content, assigned_unit_id, "
    "rule_key, rule_effective_from, due_on, status, answer, answer_reference, answered_on, "
    "recorded_by, version FROM supervision_recommendation ";

Date DateAt(const soci::row& r, size_t i) { return RowDate(r, i).value_or(Date()); }

Inspection InspectionFromRow(const soci::row& r) {
  Inspection i;
  i.id = RowInt(r, 0);
  i.commune_id = RowInt(r, 1);
  i.kind = oversight::KindFromCode(RowText(r, 2)).value_or(oversight::InspectionKind::kPlanned);
  i.unit_id = RowOptInt(r, 3);
  i.subject = RowText(r, 4);
  i.topic = RowText(r, 5);
  if (auto d = RowOptInt(r, 6)) i.dimension = static_cast<int>(*d);
  i.scheduled_on = DateAt(r, 7);
  i.conducted_on = RowDate(r, 8);
  i.conclusion = RowText(r, 9);
  i.created_by = RowInt(r, 10);
  i.version = RowInt(r, 11);
  return i;
}

Finding FindingFromRow(const soci::row& r) {
  Finding f;
  f.id = RowInt(r, 0);
  f.commune_id = RowInt(r, 1);
  f.inspection_id = RowInt(r, 2);
  f.description = RowText(r, 3);
  f.responsible_unit_id = RowInt(r, 4);
  f.remediation_due_on = DateAt(r, 5);
  f.status =
      oversight::FindingStatusFromCode(RowText(r, 6)).value_or(oversight::FindingStatus::kOpen);
  f.sanction = RowText(r, 7);
  f.closed_on = RowDate(r, 8);
  f.version = RowInt(r, 9);
  return f;
}

Recommendation RecommendationFromRow(const soci::row& r) {
  Recommendation x;
  x.id = RowInt(r, 0);
  x.commune_id = RowInt(r, 1);
  x.body = oversight::BodyFromCode(RowText(r, 2)).value_or(oversight::SupervisoryBody::kMttq);
  x.reference = RowText(r, 3);
  x.received_on = DateAt(r, 4);
  x.title = RowText(r, 5);
  x.content = RowText(r, 6);
  x.assigned_unit_id = RowOptInt(r, 7);
  x.rule_key = RowText(r, 8);
  x.rule_effective_from = DateAt(r, 9);
  x.due_on = DateAt(r, 10);
  x.status = oversight::RecommendationStatusFromCode(RowText(r, 11))
                 .value_or(oversight::RecommendationStatus::kOpen);
  x.answer = RowText(r, 12);
  x.answer_reference = RowText(r, 13);
  x.answered_on = RowDate(r, 14);
  x.recorded_by = RowInt(r, 15);
  x.version = RowInt(r, 16);
  return x;
}

// A nullable id for soci::use(value, ind).
struct OptId {
  long long value = 0;
  soci::indicator ind = soci::i_null;
  explicit OptId(const std::optional<int64_t>& v) {
    if (v) {
      value = *v;
      ind = soci::i_ok;
    }
  }
};

Error Stale(const char* what) {
  return MakeError(ErrorCode::kAborted, std::string(what) +
                                            " vừa được người khác cập nhật. Tải lại trang để "
                                            "xem bản mới rồi nhập lại.");
}

// Runs a prepared UPDATE and reports whether exactly one row changed (the version matched).
bool UpdatedOne(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace

Result<int64_t> SqlOversightRepository::CreateInspection(const Inspection& i,
                                                         const audit::AuditRecord& rec,
                                                         int64_t now) {
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = i.commune_id, by = i.created_by, at = now;
    OptId unit(i.unit_id), dim(i.dimension);
    OptText conducted(i.conducted_on);
    const std::string kind(oversight::KindCode(i.kind)), scheduled = i.scheduled_on.ToIso();
    s << "INSERT INTO inspection (commune_id, kind, unit_id, subject, topic, dimension, "
         "scheduled_on, conducted_on, conclusion, created_by, created_at, version) VALUES (:c, "
         ":k, :u, :s, :t, :d, :sc, :co, :cl, :b, :a, 1) RETURNING id",
        soci::use(c), soci::use(kind), soci::use(unit.value, unit.ind), soci::use(i.subject),
        soci::use(i.topic), soci::use(dim.value, dim.ind), soci::use(scheduled),
        soci::use(conducted.value, conducted.ind), soci::use(i.conclusion), soci::use(by),
        soci::use(at), soci::into(id);
    AuditChange(s, rec, c, "inspection", id, "create", kind + " " + i.topic, now);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

Result<std::vector<Finding>> SqlOversightRepository::FindingsOf(int64_t commune_id, int64_t lo,
                                                                int64_t hi) {
  return QueryAll<Finding>(db_,
                           std::string(kFindingColumns) +
                               "WHERE commune_id = :c AND inspection_id BETWEEN :lo AND :hi "
                               "ORDER BY id",
                           FindingFromRow, static_cast<long long>(commune_id),
                           static_cast<long long>(lo), static_cast<long long>(hi));
}

Result<std::vector<Recheck>> SqlOversightRepository::RechecksOf(int64_t commune_id,
                                                                int64_t finding_id) {
  return QueryAll<Recheck>(
      db_,
      "SELECT id, finding_id, checked_on, remedied, note, new_due_on, actor_id, at FROM "
      "inspection_recheck WHERE commune_id = :c AND finding_id = :f ORDER BY id",
      [](const soci::row& r) {
        Recheck x;
        x.id = RowInt(r, 0);
        x.finding_id = RowInt(r, 1);
        x.checked_on = DateAt(r, 2);
        x.remedied = RowInt(r, 3) != 0;
        x.note = RowText(r, 4);
        x.new_due_on = RowDate(r, 5);
        x.actor_id = RowInt(r, 6);
        x.at = RowInt(r, 7);
        return x;
      },
      static_cast<long long>(commune_id), static_cast<long long>(finding_id));
}

Result<Inspection> SqlOversightRepository::GetInspection(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(
      auto list,
      QueryAll<Inspection>(
          db_, std::string(kInspectionColumns) + "WHERE commune_id = :c AND id = :i",
          InspectionFromRow, static_cast<long long>(commune_id), static_cast<long long>(id)));
  if (list.empty()) return MakeError(ErrorCode::kNotFound, "Không tìm thấy cuộc kiểm tra.");
  Inspection i = std::move(list.front());
  XASO_ASSIGN_OR_RETURN(i.findings, FindingsOf(commune_id, id, id));
  for (Finding& f : i.findings) {
    XASO_ASSIGN_OR_RETURN(f.rechecks, RechecksOf(commune_id, f.id));
  }
  return i;
}

Result<std::vector<Inspection>> SqlOversightRepository::ListInspections(
    const oversight::InspectionFilter& f) {
  const int limit = std::clamp(f.limit, 1, 500);
  XASO_ASSIGN_OR_RETURN(
      auto list, QueryAll<Inspection>(db_,
                                      std::string(kInspectionColumns) +
                                          "WHERE commune_id = :c AND id > :a ORDER BY id LIMIT :l",
                                      InspectionFromRow, static_cast<long long>(f.commune_id),
                                      static_cast<long long>(f.after_id), limit));
  if (list.empty()) return list;
  XASO_ASSIGN_OR_RETURN(auto findings, FindingsOf(f.commune_id, list.front().id, list.back().id));
  for (Finding& x : findings) {
    auto it = std::lower_bound(list.begin(), list.end(), x.inspection_id,
                               [](const Inspection& i, int64_t id) { return i.id < id; });
    if (it != list.end() && it->id == x.inspection_id) it->findings.push_back(std::move(x));
  }
  return list;
}

Result<int64_t> SqlOversightRepository::RecordConduct(int64_t commune_id, int64_t id,
                                                      int64_t version, Date conducted_on,
                                                      const std::string& conclusion,
                                                      const audit::AuditRecord& rec, int64_t now) {
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, i = id, v = version;
    const std::string day = conducted_on.ToIso();
    soci::statement st =
        (s.prepare << "UPDATE inspection SET conducted_on = :d, conclusion = :cl, version = "
                      "version + 1 WHERE commune_id = :c AND id = :i AND version = :v",
         soci::use(day), soci::use(conclusion), soci::use(c), soci::use(i), soci::use(v));
    if (!UpdatedOne(st)) return Stale("Cuộc kiểm tra");
    AuditChange(s, rec, c, "inspection", i, "conduct", day, now);
    return Ok{};
  }));
  return version + 1;
}

Result<int64_t> SqlOversightRepository::AddFinding(const Finding& f, const audit::AuditRecord& rec,
                                                   int64_t now) {
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = f.commune_id, insp = f.inspection_id, unit = f.responsible_unit_id, found = 0;
    s << "SELECT COUNT(*) FROM inspection WHERE commune_id = :c AND id = :i", soci::use(c),
        soci::use(insp), soci::into(found);
    if (found == 0) return MakeError(ErrorCode::kNotFound, "Không tìm thấy cuộc kiểm tra.");
    const std::string due = f.remediation_due_on.ToIso();
    s << "INSERT INTO inspection_finding (commune_id, inspection_id, description, "
         "responsible_unit_id, remediation_due_on, status, sanction, version) VALUES (:c, :i, "
         ":d, :u, :du, 'open', :s, 1) RETURNING id",
        soci::use(c), soci::use(insp), soci::use(f.description), soci::use(unit), soci::use(due),
        soci::use(f.sanction), soci::into(id);
    std::string summary = "hạn " + due;
    if (!f.sanction.empty()) summary += ", xử lý: " + f.sanction;
    AuditChange(s, rec, c, "inspection_finding", id, "create", summary, now);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

Result<Finding> SqlOversightRepository::GetFinding(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(
      auto list,
      QueryAll<Finding>(db_, std::string(kFindingColumns) + "WHERE commune_id = :c AND id = :i",
                        FindingFromRow, static_cast<long long>(commune_id),
                        static_cast<long long>(id)));
  if (list.empty()) return MakeError(ErrorCode::kNotFound, "Không tìm thấy phát hiện kiểm tra.");
  Finding f = std::move(list.front());
  XASO_ASSIGN_OR_RETURN(f.rechecks, RechecksOf(commune_id, id));
  return f;
}

Result<int64_t> SqlOversightRepository::RecordRecheck(int64_t commune_id, const Recheck& r,
                                                      int64_t finding_version,
                                                      const audit::AuditRecord& rec, int64_t now) {
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, f = r.finding_id, v = finding_version, by = r.actor_id, at = now;
    int remedied = r.remedied ? 1 : 0;
    const std::string checked = r.checked_on.ToIso();
    OptText new_due(r.new_due_on);
    // Remedied: closed on the day of the recheck. Not remedied: open again with the new
    // deadline (which the caller checked is set).
    const std::string status = r.remedied ? "closed" : "open";
    OptText closed(r.remedied ? std::optional<Date>(r.checked_on) : std::nullopt);
    soci::statement st =
        (s.prepare << "UPDATE inspection_finding SET status = :s, closed_on = :cl, "
                      "remediation_due_on = COALESCE(:nd, remediation_due_on), version = "
                      "version + 1 WHERE commune_id = :c AND id = :f AND version = :v",
         soci::use(status), soci::use(closed.value, closed.ind),
         soci::use(new_due.value, new_due.ind), soci::use(c), soci::use(f), soci::use(v));
    if (!UpdatedOne(st)) return Stale("Phát hiện kiểm tra");
    s << "INSERT INTO inspection_recheck (commune_id, finding_id, checked_on, remedied, note, "
         "new_due_on, actor_id, at) VALUES (:c, :f, :d, :r, :n, :nd, :b, :a)",
        soci::use(c), soci::use(f), soci::use(checked), soci::use(remedied), soci::use(r.note),
        soci::use(new_due.value, new_due.ind), soci::use(by), soci::use(at);
    AuditChange(s, rec, c, "inspection_finding", f, "recheck",
                checked + (r.remedied ? " đã khắc phục" : " chưa khắc phục, hạn " + new_due.value),
                now);
    return Ok{};
  }));
  return finding_version + 1;
}

Result<int64_t> SqlOversightRepository::CreateRecommendation(const Recommendation& r,
                                                             const audit::AuditRecord& rec,
                                                             int64_t now) {
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = r.commune_id, by = r.recorded_by, at = now;
    OptId unit(r.assigned_unit_id);
    const std::string body(oversight::BodyCode(r.body)), received = r.received_on.ToIso(),
                                                         from = r.rule_effective_from.ToIso(),
                                                         due = r.due_on.ToIso();
    s << "INSERT INTO supervision_recommendation (commune_id, body, reference, received_on, "
         "title, content, assigned_unit_id, rule_key, rule_effective_from, due_on, status, "
         "recorded_by, created_at, version) VALUES (:c, :b, :r, :rc, :t, :ct, :u, :k, :f, :d, "
         "'open', :by, :a, 1) RETURNING id",
        soci::use(c), soci::use(body), soci::use(r.reference), soci::use(received),
        soci::use(r.title), soci::use(r.content), soci::use(unit.value, unit.ind),
        soci::use(r.rule_key), soci::use(from), soci::use(due), soci::use(by), soci::use(at),
        soci::into(id);
    AuditChange(s, rec, c, "supervision_recommendation", id, "create",
                body + " " + r.reference + ", hạn trả lời " + due, now);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

Result<Recommendation> SqlOversightRepository::GetRecommendation(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(
      auto list,
      QueryAll<Recommendation>(
          db_, std::string(kRecommendationColumns) + "WHERE commune_id = :c AND id = :i",
          RecommendationFromRow, static_cast<long long>(commune_id), static_cast<long long>(id)));
  if (list.empty()) return MakeError(ErrorCode::kNotFound, "Không tìm thấy kiến nghị.");
  return std::move(list.front());
}

Result<std::vector<Recommendation>> SqlOversightRepository::ListRecommendations(
    const oversight::RecommendationFilter& f) {
  // A filter that is not set is the sentinel '', so the statement text never depends on input.
  const std::string status =
      f.status ? std::string(oversight::RecommendationStatusCode(*f.status)) : "";
  const int limit = std::clamp(f.limit, 1, 500);
  return QueryAll<Recommendation>(
      db_,
      std::string(kRecommendationColumns) +
          "WHERE commune_id = :c AND (:s1 = '' OR status = :s2) AND id > :a ORDER BY id LIMIT :l",
      RecommendationFromRow, static_cast<long long>(f.commune_id), status, status,
      static_cast<long long>(f.after_id), limit);
}

Result<std::vector<Recommendation>> SqlOversightRepository::OpenRecommendationsDueBy(Date by) {
  return QueryAll<Recommendation>(
      db_,
      std::string(kRecommendationColumns) +
          "WHERE status = 'open' AND due_on <= :b ORDER BY commune_id, id",
      RecommendationFromRow, by.ToIso());
}

Result<std::vector<Finding>> SqlOversightRepository::OpenFindingsDueBy(Date by) {
  return QueryAll<Finding>(db_,
                           std::string(kFindingColumns) +
                               "WHERE status = 'open' AND remediation_due_on <= :b "
                               "ORDER BY commune_id, id",
                           FindingFromRow, by.ToIso());
}

Result<int64_t> SqlOversightRepository::AnswerRecommendation(int64_t commune_id,
                                                             const oversight::Answer& a,
                                                             const audit::AuditRecord& rec,
                                                             int64_t now) {
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, id = a.recommendation_id, v = a.version;
    const std::string day = a.answered_on.ToIso();
    soci::statement st =
        (s.prepare << "UPDATE supervision_recommendation SET status = 'answered', answer = :t, "
                      "answer_reference = :r, answered_on = :d, version = version + 1 WHERE "
                      "commune_id = :c AND id = :i AND version = :v AND status = 'open'",
         soci::use(a.text), soci::use(a.reference), soci::use(day), soci::use(c), soci::use(id),
         soci::use(v));
    if (!UpdatedOne(st)) return Stale("Kiến nghị");
    AuditChange(s, rec, c, "supervision_recommendation", id, "answer", a.reference + " " + day,
                now);
    return Ok{};
  }));
  return a.version + 1;
}

}  // namespace xaso::storage
