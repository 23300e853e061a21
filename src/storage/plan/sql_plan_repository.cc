#include "storage/plan/sql_plan_repository.h"

#include <algorithm>
#include <map>

#include <soci/soci.h>

#include "platform/crypto.h"
#include "storage/audit/sql_audit_log.h"
#include "storage/content_version.h"
#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {

using plan::Task;

namespace {

constexpr const char* kTaskColumns =
    "SELECT t.id, t.commune_id, t.plan_id, p.year, t.parent_id, t.section, t.title, "
    "t.description, t.dimension, t.lead_unit_id, t.starts_on, t.due_on, t.recurrence, "
    "t.status, t.progress, t.last_done_on, t.done_on, t.version, t.updated_at "
    "FROM plan_task t JOIN plan p ON p.id = t.plan_id ";

Task TaskFromRow(const soci::row& r) {
  Task t;
  t.id = RowInt(r, 0);
  t.commune_id = RowInt(r, 1);
  t.plan_id = RowInt(r, 2);
  t.plan_year = static_cast<int>(RowInt(r, 3));
  if (r.get_indicator(4) != soci::i_null) t.parent_id = RowInt(r, 4);
  t.section = RowText(r, 5);
  t.title = RowText(r, 6);
  t.description = RowText(r, 7);
  t.dimension = static_cast<int>(RowInt(r, 8));
  t.lead_unit_id = RowInt(r, 9);
  t.starts_on = Date::ParseIso(RowText(r, 10)).value_or(Date());
  t.due_on = RowDate(r, 11);
  t.recurrence = plan::RecurrenceFromCode(RowText(r, 12)).value_or(plan::Recurrence::kNone);
  t.status = plan::StatusFromCode(RowText(r, 13)).value_or(plan::TaskStatus::kNotStarted);
  t.progress = static_cast<int>(RowInt(r, 14));
  t.last_done_on = RowDate(r, 15);
  t.done_on = RowDate(r, 16);
  t.version = RowInt(r, 17);
  t.updated_at = RowInt(r, 18);
  return t;
}

void AppendEvent(soci::session& s, long long commune_id, long long task_id, int64_t now,
                 const audit::AuditRecord& rec, plan::EventKind kind, const std::string& status,
                 std::optional<int> progress, const std::string& body) {
  long long at = now, actor = rec.actor_id;
  int prog = progress.value_or(0);
  soci::indicator prog_ind = progress ? soci::i_ok : soci::i_null;
  const std::string kind_code(plan::EventKindCode(kind));
  s << "INSERT INTO plan_task_event (commune_id, task_id, at, actor_id, actor_name, kind, "
       "status, progress, body) VALUES (:c, :t, :a, :ac, :n, :k, :s, :p, :b)",
      soci::use(commune_id), soci::use(task_id), soci::use(at), soci::use(actor),
      soci::use(rec.actor), soci::use(kind_code), soci::use(status), soci::use(prog, prog_ind),
      soci::use(body);
}

void WriteLinks(soci::session& s, const Task& t, long long id) {
  long long c = t.commune_id;
  s << "DELETE FROM plan_task_subdimension WHERE task_id = :t", soci::use(id);
  s << "DELETE FROM plan_task_unit WHERE task_id = :t", soci::use(id);
  for (const std::string& code : t.subdimensions) {
    s << "INSERT INTO plan_task_subdimension (commune_id, task_id, code) VALUES (:c, :t, :k)",
        soci::use(c), soci::use(id), soci::use(code);
  }
  for (int64_t unit : t.coordinating_unit_ids) {
    long long u = unit;
    s << "INSERT INTO plan_task_unit (commune_id, task_id, unit_id) VALUES (:c, :t, :u)",
        soci::use(c), soci::use(id), soci::use(u);
  }
}

Error Stale() {
  return MakeError(ErrorCode::kAborted,
                   "Nhiệm vụ vừa được người khác cập nhật. Tải lại trang để xem bản mới rồi nhập "
                   "lại.");
}

Error TaskNotFound() { return MakeError(ErrorCode::kNotFound, "Không tìm thấy nhiệm vụ."); }

}  // namespace

Result<int64_t> SqlPlanRepository::CreatePlan(const plan::Plan& p, const audit::AuditRecord& rec,
                                              int64_t now) {
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = p.commune_id, at = now, doc = p.document_id.value_or(0);
    int year = p.year;
    soci::indicator doc_ind = p.document_id ? soci::i_ok : soci::i_null;
    const std::string issued = p.issued_on.ToIso();
    s << "INSERT INTO plan (commune_id, year, number, issued_on, title, goal, document_id, "
         "created_at) VALUES (:c, :y, :n, :i, :t, :g, :d, :a) RETURNING id",
        soci::use(c), soci::use(year), soci::use(p.number), soci::use(issued), soci::use(p.title),
        soci::use(p.goal), soci::use(doc, doc_ind), soci::use(at), soci::into(id);
    BumpContentVersion(s, c);
    AuditChange(s, rec, c, "plan", id, "create", p.number + " " + p.title, now);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

namespace {
plan::Plan PlanFromRow(const soci::row& r) {
  plan::Plan p;
  p.id = RowInt(r, 0);
  p.commune_id = RowInt(r, 1);
  p.year = static_cast<int>(RowInt(r, 2));
  p.number = RowText(r, 3);
  p.issued_on = Date::ParseIso(RowText(r, 4)).value_or(Date());
  p.title = RowText(r, 5);
  p.goal = RowText(r, 6);
  if (r.get_indicator(7) != soci::i_null) p.document_id = RowInt(r, 7);
  return p;
}
constexpr const char* kPlanColumns =
    "SELECT id, commune_id, year, number, issued_on, title, goal, document_id FROM plan ";
}  // namespace

Result<std::vector<plan::Plan>> SqlPlanRepository::ListPlans(int64_t commune_id) {
  return QueryAll<plan::Plan>(
      db_,
      std::string(kPlanColumns) + "WHERE commune_id = :c ORDER BY year DESC, issued_on DESC, id",
      PlanFromRow, static_cast<long long>(commune_id));
}

Result<plan::Plan> SqlPlanRepository::GetPlan(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(
      auto plans, QueryAll<plan::Plan>(
                      db_, std::string(kPlanColumns) + "WHERE commune_id = :c AND id = :i",
                      PlanFromRow, static_cast<long long>(commune_id), static_cast<long long>(id)));
  if (plans.empty()) return MakeError(ErrorCode::kNotFound, "Không tìm thấy kế hoạch.");
  return plans.front();
}

Result<int64_t> SqlPlanRepository::CreateTask(const Task& t, const audit::AuditRecord& rec,
                                              int64_t now) {
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = t.commune_id, plan_id = t.plan_id, lead = t.lead_unit_id, at = now;
    long long parent = t.parent_id.value_or(0);
    soci::indicator parent_ind = t.parent_id ? soci::i_ok : soci::i_null;
    int dim = t.dimension, progress = t.progress;
    const std::string starts = t.starts_on.ToIso();
    const std::string rec_code(plan::RecurrenceCode(t.recurrence));
    const std::string status(plan::StatusCode(t.status));
    OptText due(t.due_on), last(t.last_done_on), done(t.done_on);
    s << "INSERT INTO plan_task (commune_id, plan_id, parent_id, section, title, description, "
         "dimension, lead_unit_id, starts_on, due_on, recurrence, status, progress, "
         "last_done_on, done_on, version, created_at, updated_at) VALUES (:c, :p, :pa, :s, :t, "
         ":d, :dim, :l, :st, :du, :r, :sta, :pr, :ld, :dn, 1, :a, :a2) RETURNING id",
        soci::use(c), soci::use(plan_id), soci::use(parent, parent_ind), soci::use(t.section),
        soci::use(t.title), soci::use(t.description), soci::use(dim), soci::use(lead),
        soci::use(starts), soci::use(due.value, due.ind), soci::use(rec_code), soci::use(status),
        soci::use(progress), soci::use(last.value, last.ind), soci::use(done.value, done.ind),
        soci::use(at), soci::use(at), soci::into(id);
    WriteLinks(s, t, id);
    AppendEvent(s, c, id, now, rec, plan::EventKind::kCreate, status, t.progress, "");
    BumpContentVersion(s, c);
    AuditChange(s, rec, c, "plan_task", id, "create", t.title, now);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

using IdText = std::pair<int64_t, std::string>;
using IdPair = std::pair<int64_t, int64_t>;

Status SqlPlanRepository::LoadLinks(int64_t commune_id, std::vector<Task>& tasks) {
  if (tasks.empty()) return Ok{};
  std::map<int64_t, Task*> by_id;
  for (Task& t : tasks) by_id[t.id] = &t;
  const long long c = commune_id, lo = tasks.front().id, hi = tasks.back().id;
  XASO_ASSIGN_OR_RETURN(
      auto codes,
      QueryAll<IdText>(
          db_,
          "SELECT task_id, code FROM plan_task_subdimension WHERE commune_id = :c AND task_id "
          "BETWEEN :lo AND :hi ORDER BY task_id, code",
          [](const soci::row& r) { return std::make_pair(RowInt(r, 0), RowText(r, 1)); }, c, lo,
          hi));
  for (auto& [id, code] : codes) {
    if (auto it = by_id.find(id); it != by_id.end()) it->second->subdimensions.push_back(code);
  }
  XASO_ASSIGN_OR_RETURN(
      auto units, QueryAll<IdPair>(
                      db_,
                      "SELECT task_id, unit_id FROM plan_task_unit WHERE commune_id = :c AND "
                      "task_id BETWEEN :lo AND :hi ORDER BY task_id, unit_id",
                      [](const soci::row& r) { return std::make_pair(RowInt(r, 0), RowInt(r, 1)); },
                      c, lo, hi));
  for (auto& [id, unit] : units) {
    if (auto it = by_id.find(id); it != by_id.end()) {
      it->second->coordinating_unit_ids.push_back(unit);
    }
  }
  return Ok{};
}

Result<Task> SqlPlanRepository::GetTask(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(
      auto tasks,
      QueryAll<Task>(db_, std::string(kTaskColumns) + "WHERE t.commune_id = :c AND t.id = :i",
                     TaskFromRow, static_cast<long long>(commune_id), static_cast<long long>(id)));
  if (tasks.empty()) return TaskNotFound();
  XASO_RETURN_IF_ERROR(LoadLinks(commune_id, tasks));
  return std::move(tasks.front());
}

Result<std::vector<Task>> SqlPlanRepository::ListTasks(const plan::TaskFilter& f) {
  // One fixed statement: a filter that is not set is a sentinel (0 or '') that disables its
  // condition, so the statement text never depends on the input.
  const long long c = f.commune_id, p = f.plan_id.value_or(0), d = f.dimension.value_or(0),
                  u = f.unit_id.value_or(0), open = f.open_only ? 1 : 0, after = f.after_id;
  const std::string status = f.status ? std::string(plan::StatusCode(*f.status)) : "";
  const int limit = std::clamp(f.limit, 1, 500);
  XASO_ASSIGN_OR_RETURN(
      auto tasks,
      QueryAll<Task>(db_,
                     std::string(kTaskColumns) +
                         "WHERE t.commune_id = :c AND (:p1 = 0 OR t.plan_id = :p2) "
                         "AND (:d1 = 0 OR t.dimension = :d2) AND (:s1 = '' OR t.status = :s2) "
                         "AND (:o = 0 OR t.status <> 'done' OR t.recurrence IN ('quarterly', "
                         "'half_yearly', 'yearly')) AND (:u1 = 0 OR t.lead_unit_id = "
                         ":u2 OR EXISTS (SELECT 1 FROM plan_task_unit x WHERE x.task_id = t.id "
                         "AND x.unit_id = :u3)) AND t.id > :a ORDER BY t.id LIMIT :l",
                     TaskFromRow, c, p, p, d, d, status, status, open, u, u, u, after, limit));
  XASO_RETURN_IF_ERROR(LoadLinks(f.commune_id, tasks));
  return tasks;
}

Result<std::vector<Task>> SqlPlanRepository::PlanTasks(int64_t commune_id, int64_t plan_id) {
  XASO_ASSIGN_OR_RETURN(
      auto tasks,
      QueryAll<Task>(
          db_,
          std::string(kTaskColumns) + "WHERE t.commune_id = :c AND t.plan_id = :p ORDER BY t.id",
          TaskFromRow, static_cast<long long>(commune_id), static_cast<long long>(plan_id)));
  XASO_RETURN_IF_ERROR(LoadLinks(commune_id, tasks));
  return tasks;
}

Result<std::vector<Task>> SqlPlanRepository::OpenTasksDueBy(Date by) {
  return QueryAll<Task>(db_,
                        std::string(kTaskColumns) +
                            "WHERE (t.status <> 'done' AND t.recurrence = 'none' AND t.due_on "
                            "<= :b) OR t.recurrence IN ('quarterly', 'half_yearly', 'yearly') "
                            "ORDER BY t.commune_id, t.id",
                        TaskFromRow, by.ToIso());
}

Result<int64_t> SqlPlanRepository::UpdateTask(const Task& t, const audit::AuditRecord& rec,
                                              int64_t now) {
  long long version = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = t.commune_id, id = t.id, lead = t.lead_unit_id, at = now, v = t.version;
    long long parent = t.parent_id.value_or(0);
    soci::indicator parent_ind = t.parent_id ? soci::i_ok : soci::i_null;
    int dim = t.dimension;
    const std::string starts = t.starts_on.ToIso();
    const std::string rec_code(plan::RecurrenceCode(t.recurrence));
    OptText due(t.due_on);
    soci::statement st =
        (s.prepare << "UPDATE plan_task SET parent_id = :pa, section = :s, title = :t, "
                      "description = :d, dimension = :dim, lead_unit_id = :l, starts_on = :st, "
                      "due_on = :du, recurrence = :r, version = version + 1, updated_at = :a "
                      "WHERE commune_id = :c AND id = :i AND version = :v",
         soci::use(parent, parent_ind), soci::use(t.section), soci::use(t.title),
         soci::use(t.description), soci::use(dim), soci::use(lead), soci::use(starts),
         soci::use(due.value, due.ind), soci::use(rec_code), soci::use(at), soci::use(c),
         soci::use(id), soci::use(v));
    st.execute(true);
    if (st.get_affected_rows() != 1) return Stale();
    WriteLinks(s, t, id);
    // The caller describes what changed (PlanService: DescribeChanges); the history and the
    // audit entry keep it, so a moved deadline is never silent.
    AppendEvent(s, c, id, now, rec, plan::EventKind::kEdit, "", std::nullopt, rec.summary);
    BumpContentVersion(s, c);
    AuditChange(s, rec, c, "plan_task", id, "edit", t.title + ": " + rec.summary, now);
    version = v + 1;
    return Ok{};
  }));
  return static_cast<int64_t>(version);
}

Result<int64_t> SqlPlanRepository::RecordProgress(int64_t commune_id, const plan::ProgressUpdate& u,
                                                  const std::optional<plan::Upload>& upload,
                                                  const audit::AuditRecord& rec, int64_t now) {
  long long version = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, id = u.task_id, at = now, v = u.version;
    int progress = u.progress;
    const std::string status(plan::StatusCode(u.status));
    const std::string today = u.today.ToIso();
    // done_on is the first day the task was reported done; a reopened task loses it. A "done"
    // report on a periodic task covers the current period (last_done_on); partial progress
    // does not.
    soci::statement st =
        (s.prepare << "UPDATE plan_task SET status = :s, progress = :p, "
                      "done_on = CASE WHEN :s2 = 'done' THEN COALESCE(done_on, :d1) ELSE NULL "
                      "END, last_done_on = CASE WHEN recurrence IN ('quarterly', 'half_yearly', "
                      "'yearly') AND :s3 = 'done' THEN :d2 ELSE last_done_on END, "
                      "version = version + 1, updated_at = :a "
                      "WHERE commune_id = :c AND id = :i AND version = :v",
         soci::use(status), soci::use(progress), soci::use(status), soci::use(today),
         soci::use(status), soci::use(today), soci::use(at), soci::use(c), soci::use(id),
         soci::use(v));
    st.execute(true);
    if (st.get_affected_rows() != 1) return Stale();
    AppendEvent(s, c, id, now, rec, plan::EventKind::kProgress, status, u.progress, u.note);
    std::string summary = status + " " + std::to_string(u.progress) + "%";
    if (upload) {
      long long size = static_cast<long long>(upload->bytes.size()), by = rec.actor_id;
      int is_public = upload->is_public ? 1 : 0;
      const std::string data = platform::Base64Encode(upload->bytes);
      s << "INSERT INTO file_blob (commune_id, sha256, size, data, created_at) VALUES (:c, :h, "
           ":s, :d, :a) ON CONFLICT (commune_id, sha256) DO NOTHING",
          soci::use(c), soci::use(upload->sha256), soci::use(size), soci::use(data), soci::use(at);
      long long evidence_id = 0;
      s << "INSERT INTO plan_task_evidence (commune_id, task_id, sha256, filename, content_type, "
           "size, is_public, uploaded_by, uploaded_at) VALUES (:c, :t, :h, :f, :ct, :s, :p, :b, "
           ":a) RETURNING id",
          soci::use(c), soci::use(id), soci::use(upload->sha256), soci::use(upload->filename),
          soci::use(upload->content_type), soci::use(size), soci::use(is_public), soci::use(by),
          soci::use(at), soci::into(evidence_id);
      AppendEvent(s, c, id, now, rec, plan::EventKind::kEvidence, "", std::nullopt,
                  upload->filename);
      summary += ", tệp " + upload->filename + " (" + upload->sha256.substr(0, 12) + ")";
    }
    BumpContentVersion(s, c);
    AuditChange(s, rec, c, "plan_task", id, "progress", summary, now);
    version = v + 1;
    return Ok{};
  }));
  return static_cast<int64_t>(version);
}

Status SqlPlanRepository::AddComment(int64_t commune_id, int64_t task_id, const std::string& body,
                                     const audit::AuditRecord& rec, int64_t now) {
  return db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, id = task_id, found = 0;
    s << "SELECT COUNT(*) FROM plan_task WHERE commune_id = :c AND id = :i", soci::use(c),
        soci::use(id), soci::into(found);
    if (found == 0) return TaskNotFound();
    AppendEvent(s, c, id, now, rec, plan::EventKind::kComment, "", std::nullopt, body);
    AuditChange(s, rec, c, "plan_task", id, "comment", "", now);
    return Ok{};
  });
}

Result<std::vector<plan::TaskEvent>> SqlPlanRepository::History(int64_t commune_id,
                                                                int64_t task_id) {
  return QueryAll<plan::TaskEvent>(
      db_,
      "SELECT id, task_id, at, actor_id, actor_name, kind, status, progress, body FROM "
      "plan_task_event WHERE commune_id = :c AND task_id = :t ORDER BY id",
      [](const soci::row& r) {
        plan::TaskEvent e;
        e.id = RowInt(r, 0);
        e.task_id = RowInt(r, 1);
        e.at = RowInt(r, 2);
        e.actor_id = RowInt(r, 3);
        e.actor_name = RowText(r, 4);
        e.kind = plan::EventKindFromCode(RowText(r, 5)).value_or(plan::EventKind::kComment);
        e.status = RowText(r, 6);
        if (r.get_indicator(7) != soci::i_null) e.progress = static_cast<int>(RowInt(r, 7));
        e.body = RowText(r, 8);
        return e;
      },
      static_cast<long long>(commune_id), static_cast<long long>(task_id));
}

namespace {
constexpr const char* kEvidenceColumns =
    "SELECT e.id, e.commune_id, e.task_id, e.sha256, e.filename, e.content_type, e.size, "
    "e.is_public, e.uploaded_by, e.uploaded_at ";
plan::Evidence EvidenceFromRow(const soci::row& r) {
  return {RowInt(r, 0),  RowInt(r, 1), RowInt(r, 2),      RowText(r, 3), RowText(r, 4),
          RowText(r, 5), RowInt(r, 6), RowInt(r, 7) != 0, RowInt(r, 8),  RowInt(r, 9)};
}
}  // namespace

Result<std::vector<plan::Evidence>> SqlPlanRepository::ListEvidence(int64_t commune_id,
                                                                    int64_t task_id) {
  return QueryAll<plan::Evidence>(db_,
                                  std::string(kEvidenceColumns) +
                                      "FROM plan_task_evidence e WHERE e.commune_id = :c AND "
                                      "e.task_id = :t ORDER BY e.id",
                                  EvidenceFromRow, static_cast<long long>(commune_id),
                                  static_cast<long long>(task_id));
}

Status SqlPlanRepository::SetEvidencePublic(int64_t commune_id, int64_t task_id,
                                            int64_t evidence_id, bool is_public,
                                            const audit::AuditRecord& rec, int64_t now) {
  return db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, t = task_id, e = evidence_id;
    int flag = is_public ? 1 : 0;
    soci::statement st =
        (s.prepare << "UPDATE plan_task_evidence SET is_public = :p WHERE commune_id = :c AND "
                      "task_id = :t AND id = :e",
         soci::use(flag), soci::use(c), soci::use(t), soci::use(e));
    st.execute(true);
    if (st.get_affected_rows() != 1) return MakeError(ErrorCode::kNotFound, "Không tìm thấy tệp.");
    BumpContentVersion(s, c);
    AuditChange(s, rec, c, "plan_task", t, is_public ? "publish_evidence" : "withdraw_evidence",
                "tệp #" + std::to_string(e), now);
    return Ok{};
  });
}

Result<std::pair<plan::Evidence, std::string>> SqlPlanRepository::GetEvidenceFile(
    int64_t commune_id, int64_t evidence_id) {
  using EvidenceAndData = std::pair<plan::Evidence, std::string>;
  XASO_ASSIGN_OR_RETURN(
      auto found,
      (QueryAll<EvidenceAndData>(
          db_,
          std::string(kEvidenceColumns) +
              ", b.data FROM plan_task_evidence e JOIN file_blob b ON b.commune_id = "
              "e.commune_id AND b.sha256 = e.sha256 WHERE e.commune_id = :c AND e.id = :i",
          [](const soci::row& r) { return std::make_pair(EvidenceFromRow(r), RowText(r, 10)); },
          static_cast<long long>(commune_id), static_cast<long long>(evidence_id))));
  if (found.empty()) return MakeError(ErrorCode::kNotFound, "Không tìm thấy tệp.");
  auto bytes = platform::Base64Decode(found.front().second);
  if (!bytes) return MakeError(ErrorCode::kInternal, "stored file is not valid base64");
  return std::make_pair(std::move(found.front().first), std::move(*bytes));
}

}  // namespace xaso::storage
