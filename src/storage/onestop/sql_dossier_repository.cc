#include "storage/onestop/sql_dossier_repository.h"

#include <algorithm>

#include <soci/soci.h>

#include "core/clock.h"
#include "storage/audit/sql_audit_log.h"
#include "storage/json_list.h"
#include "storage/onestop/dossier_stats_delta.h"
#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {

using onestop::Dossier;
using onestop::DossierStatus;

namespace {

constexpr std::string_view kColumns =
    "SELECT id, commune_id, code, procedure_code, procedure_name, field, unit_code, same_day, "
    "working_days, channel, applicant_name, applicant_phone, applicant_address, documents, "
    "received_at, due_on, first_due_on, status, assignee_id, finished_at, returned_at, "
    "extensions, satisfaction, satisfaction_comment, version, rating_pin FROM dossier ";

std::optional<int64_t> OptInt(const soci::row& r, size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::nullopt;
  return RowInt(r, i);
}

Dossier FromRow(const soci::row& r) {
  Dossier d;
  d.id = RowInt(r, 0);
  d.commune_id = RowInt(r, 1);
  d.code = RowText(r, 2);
  d.procedure_code = RowText(r, 3);
  d.procedure_name = RowText(r, 4);
  d.field = RowText(r, 5);
  d.unit_code = RowText(r, 6);
  d.same_day = RowInt(r, 7) != 0;
  d.working_days = static_cast<int>(RowInt(r, 8));
  d.channel =
      onestop::DossierChannelFromCode(RowText(r, 9)).value_or(onestop::DossierChannel::kDesk);
  d.applicant.name = RowText(r, 10);
  d.applicant.phone = RowText(r, 11);
  d.applicant.address = RowText(r, 12);
  d.documents = ListFromJson(RowText(r, 13));
  d.received_at = RowInt(r, 14);
  d.due_on = RowDate(r, 15).value_or(Date());
  d.first_due_on = RowDate(r, 16).value_or(Date());
  d.status = onestop::DossierStatusFromCode(RowText(r, 17)).value_or(DossierStatus::kReceived);
  d.assignee_id = OptInt(r, 18);
  d.finished_at = OptInt(r, 19);
  d.returned_at = OptInt(r, 20);
  d.extensions = static_cast<int>(RowInt(r, 21));
  d.satisfaction = onestop::SatisfactionFromCode(RowText(r, 22));
  d.satisfaction_comment = RowText(r, 23);
  d.version = RowInt(r, 24);
  d.rating_pin = RowText(r, 25);
  return d;
}

// The dossier `id` of the commune as stored, read inside `s`'s transaction.
std::optional<Dossier> ReadDossier(soci::session& s, long long commune_id, long long id) {
  std::optional<Dossier> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string(kColumns) + "WHERE commune_id = :c AND id = :i",
       soci::use(commune_id), soci::use(id));
  for (const auto& r : rows) out = FromRow(r);
  return out;
}

// Takes the dossier's row lock for the rest of the transaction (see feedback's LockItem), so
// that the version checked and the counts subtracted are those the UPDATE changes.
void LockDossier(soci::session& s, long long id) {
  s << "UPDATE dossier SET version = version WHERE id = :i", soci::use(id);
}

struct NewEvent {
  std::string kind = "status";
  std::string from_status;
  std::string to_status;
  std::string note;
  std::vector<std::string> missing;
  std::optional<Date> due_on;
};

void AppendEvent(soci::session& s, long long commune_id, long long dossier_id, int64_t at,
                 const audit::AuditRecord& rec, const NewEvent& e) {
  long long when = at, actor = rec.actor_id;
  const std::string missing = ListJson(e.missing);
  const std::string due = e.due_on ? e.due_on->ToIso() : std::string();
  soci::indicator due_ind = e.due_on ? soci::i_ok : soci::i_null;
  s << "INSERT INTO dossier_event (commune_id, dossier_id, at, actor_id, actor_name, kind, "
       "from_status, to_status, note, missing, due_on) VALUES (:c, :d, :a, :ac, :n, :k, :f, :t, "
       ":no, :m, :due)",
      soci::use(commune_id), soci::use(dossier_id), soci::use(when), soci::use(actor),
      soci::use(rec.actor), soci::use(e.kind), soci::use(e.from_status), soci::use(e.to_status),
      soci::use(e.note), soci::use(missing), soci::use(due, due_ind);
}

// The next number of the day's sequence, taken inside the intake's transaction so that a
// rolled-back intake does not use one up.
long long NextSequence(soci::session& s, long long commune_id, const std::string& day) {
  long long value = 0;
  s << "INSERT INTO dossier_sequence (commune_id, day, last_value) VALUES (:c, :d, 1) "
       "ON CONFLICT (commune_id, day) DO UPDATE SET last_value = dossier_sequence.last_value + 1 "
       "RETURNING last_value",
      soci::use(commune_id), soci::use(day), soci::into(value);
  return value;
}

// How many taken numbers the desk skips before it gives up (a runaway, not a real day).
constexpr int kMaxMintAttempts = 1000;

Error NotFound() { return MakeError(ErrorCode::kNotFound, "Không tìm thấy hồ sơ."); }
Error Stale() {
  return MakeError(ErrorCode::kAborted,
                   "Hồ sơ vừa được người khác xử lý. Tải lại trang để xem bước hiện tại.");
}

// Reads, locks and checks the dossier a change applies to.
Result<Dossier> ReadForChange(soci::session& s, long long commune_id, long long id,
                              long long version) {
  LockDossier(s, id);
  auto d = ReadDossier(s, commune_id, id);
  if (!d) return NotFound();
  if (d->version != version) return Stale();
  return *d;
}

// Writes the fields a change may touch, with the next version.
void WriteChange(soci::session& s, const Dossier& d) {
  long long id = d.id, version = d.version, assignee = d.assignee_id.value_or(0),
            finished = d.finished_at.value_or(0), returned = d.returned_at.value_or(0);
  int extensions = d.extensions;
  soci::indicator assignee_ind = d.assignee_id ? soci::i_ok : soci::i_null;
  soci::indicator finished_ind = d.finished_at ? soci::i_ok : soci::i_null;
  soci::indicator returned_ind = d.returned_at ? soci::i_ok : soci::i_null;
  const std::string status(onestop::DossierStatusCode(d.status));
  const std::string due = d.due_on.ToIso();
  const auto timeliness = d.finished_at ? std::string(onestop::TimelinessCode(
                                              onestop::ClassifyFinished(d.due_on, *d.finished_at)))
                                        : std::string();
  const std::string satisfaction =
      d.satisfaction ? std::string(onestop::SatisfactionCode(*d.satisfaction)) : std::string();
  s << "UPDATE dossier SET status = :s, due_on = :d, assignee_id = :a, finished_at = :f, "
       "timeliness = :t, returned_at = :r, extensions = :e, satisfaction = :sa, "
       "satisfaction_comment = :sc, version = :v WHERE id = :i",
      soci::use(status), soci::use(due), soci::use(assignee, assignee_ind),
      soci::use(finished, finished_ind), soci::use(timeliness), soci::use(returned, returned_ind),
      soci::use(extensions), soci::use(satisfaction), soci::use(d.satisfaction_comment),
      soci::use(version), soci::use(id);
}

onestop::Event EventFromRow(const soci::row& r) {
  onestop::Event e;
  e.at = RowInt(r, 0);
  e.actor = RowText(r, 1);
  e.kind = RowText(r, 2);
  e.from_status = RowText(r, 3);
  e.to_status = RowText(r, 4);
  e.note = RowText(r, 5);
  e.missing = ListFromJson(RowText(r, 6));
  e.due_on = RowDate(r, 7);
  return e;
}

onestop::StatisticsCount CountFromRow(const soci::row& r) {
  onestop::StatisticsCount c;
  c.month = RowText(r, 0);
  c.procedure_code = RowText(r, 1);
  c.procedure_name = RowText(r, 2);
  c.field = RowText(r, 3);
  c.unit_code = RowText(r, 4);
  c.status = RowText(r, 5);
  c.timeliness = RowText(r, 6);
  c.satisfaction = RowText(r, 7);
  c.due_on = Date::ParseIso(RowText(r, 8));
  c.n = RowInt(r, 9);
  return c;
}

}  // namespace

Result<Dossier> SqlDossierRepository::Create(Dossier d, const std::string& agency_code,
                                             const audit::AuditRecord& rec) {
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long commune = d.commune_id, id = 0, received = d.received_at;
    const Date day = Clock::DayVn(d.received_at);
    const bool minted = d.code.empty();
    int same_day = d.same_day ? 1 : 0, days = d.working_days;
    const std::string channel(onestop::DossierChannelCode(d.channel));
    const std::string status(onestop::DossierStatusCode(d.status));
    const std::string documents = ListJson(d.documents), month = day.ToIso().substr(0, 7),
                      due = d.due_on.ToIso(), first_due = d.first_due_on.ToIso();
    // No row back: the commune already has the code. Checked by the INSERT itself rather than a
    // query before it, one round trip less while the day's sequence row is locked
    // (docs/performance.md, onestop_bench).
    auto insert = [&]() {
      s << "INSERT INTO dossier (commune_id, code, procedure_code, procedure_name, field, "
           "unit_code, same_day, working_days, channel, applicant_name, applicant_phone, "
           "applicant_address, documents, received_at, received_month, due_on, first_due_on, "
           "status, rating_pin) VALUES (:c, :k, :p, :pn, :f, :u, :sd, :wd, :ch, :an, :ap, :aa, "
           ":doc, :r, :m, :due, :fd, :s, :pin) ON CONFLICT (commune_id, code) DO NOTHING "
           "RETURNING id",
          soci::use(commune), soci::use(d.code), soci::use(d.procedure_code),
          soci::use(d.procedure_name), soci::use(d.field), soci::use(d.unit_code),
          soci::use(same_day), soci::use(days), soci::use(channel), soci::use(d.applicant.name),
          soci::use(d.applicant.phone), soci::use(d.applicant.address), soci::use(documents),
          soci::use(received), soci::use(month), soci::use(due), soci::use(first_due),
          soci::use(status), soci::use(d.rating_pin), soci::into(id);
      return s.got_data();
    };
    if (!minted) {
      if (!insert()) return MakeError(ErrorCode::kAlreadyExists, "Mã hồ sơ đã có.");
    } else {
      // A portal's dossier imported earlier may hold the number the desk would mint next (when
      // the commune's agency code is the portal's): skip past it rather than refuse the intake.
      for (int attempt = 0;; ++attempt) {
        if (attempt == kMaxMintAttempts) {
          return MakeError(ErrorCode::kInternal, "Không cấp được mã hồ sơ mới.");
        }
        d.code = onestop::MintDossierCode(agency_code, day, NextSequence(s, commune, day.ToIso()));
        if (insert()) break;
      }
    }
    d.id = id;
    d.version = 1;
    AppendEvent(s, commune, id, d.received_at, rec,
                {.to_status = status, .note = channel, .due_on = d.due_on});
    ApplyDossierStatsDelta(s, std::nullopt, CountedDossierOf(d));
    // The audit entry names the dossier by its code, never by the applicant.
    AuditChange(s, rec, commune, "dossier", id, "create", d.code, d.received_at);
    return Ok{};
  }));
  return d;
}

Result<Dossier> SqlDossierRepository::Get(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(
      auto rows,
      QueryAll<Dossier>(db_, std::string(kColumns) + "WHERE commune_id = :c AND id = :i", FromRow,
                        static_cast<long long>(commune_id), static_cast<long long>(id)));
  if (rows.empty()) return NotFound();
  return std::move(rows.front());
}

Result<Dossier> SqlDossierRepository::GetByCode(int64_t commune_id, const std::string& code) {
  XASO_ASSIGN_OR_RETURN(
      auto found,
      QueryOne<Dossier>(db_, std::string(kColumns) + "WHERE commune_id = :c AND code = :k", FromRow,
                        static_cast<long long>(commune_id), code));
  if (!found) return NotFound();
  return std::move(*found);
}

Result<std::vector<Dossier>> SqlDossierRepository::List(int64_t commune_id,
                                                        const onestop::DossierFilter& f) {
  // Absent filters match anything, so the statement stays fixed.
  const std::string status = f.status ? std::string(onestop::DossierStatusCode(*f.status)) : "";
  const long long assignee = f.assignee_id.value_or(0);
  const long long before = f.before_id > 0 ? f.before_id : INT64_MAX;
  return QueryAll<Dossier>(
      db_,
      std::string(kColumns) +
          "WHERE commune_id = :c AND id < :b AND (:s1 = '' OR status = :s2) AND "
          "(:a1 = 0 OR assignee_id = :a2) AND (:p1 = '' OR procedure_code = :p2) "
          "ORDER BY id DESC LIMIT :l",
      FromRow, static_cast<long long>(commune_id), before, status, status, assignee, assignee,
      f.procedure_code, f.procedure_code, std::clamp(f.limit, 1, 500));
}

Result<std::vector<onestop::Event>> SqlDossierRepository::History(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(
      auto events,
      QueryAll<onestop::Event>(
          db_,
          "SELECT e.at, e.actor_name, e.kind, e.from_status, e.to_status, e.note, e.missing, "
          "e.due_on FROM dossier_event e WHERE e.commune_id = :c AND e.dossier_id = :i "
          "ORDER BY e.id",
          EventFromRow, static_cast<long long>(commune_id), static_cast<long long>(id)));
  if (events.empty()) return NotFound();  // every dossier has its receipt event
  return events;
}

Result<Dossier> SqlDossierRepository::Move(int64_t commune_id, int64_t id,
                                           const onestop::Step& step, const audit::AuditRecord& rec,
                                           int64_t now) {
  Dossier after;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    XASO_ASSIGN_OR_RETURN(Dossier before, ReadForChange(s, commune_id, id, step.version));
    if (!onestop::CanMove(before.status, step.to)) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Không thể chuyển hồ sơ sang bước này từ bước hiện tại.");
    }
    if (step.assignee_id) {
      long long commune = commune_id, assignee = *step.assignee_id, staff = 0;
      s << "SELECT COUNT(*) FROM account WHERE commune_id = :c AND id = :a AND active = 1 AND "
           "role IN ('clerk', 'officer', 'leader', 'admin')",
          soci::use(commune), soci::use(assignee), soci::into(staff);
      if (staff == 0) {
        return Error{ErrorCode::kInvalidArgument,
                     "Bước xử lý hồ sơ chưa hợp lệ.",
                     {{"assignee_id", "Chọn một cán bộ đang làm việc của xã."}}};
      }
    }
    after = before;
    after.status = step.to;
    after.version = before.version + 1;
    if (step.assignee_id) after.assignee_id = step.assignee_id;
    if (step.due_on) after.due_on = *step.due_on;
    if (step.to == DossierStatus::kResultReady) after.finished_at = now;
    if (step.to == DossierStatus::kReturned) after.returned_at = now;
    WriteChange(s, after);
    const std::string from(onestop::DossierStatusCode(before.status)),
        to(onestop::DossierStatusCode(after.status));
    std::optional<Date> moved;
    if (after.due_on != before.due_on) moved = after.due_on;
    AppendEvent(s, commune_id, id, now, rec,
                {.from_status = from,
                 .to_status = to,
                 .note = step.note,
                 .missing = step.missing,
                 .due_on = moved});
    ApplyDossierStatsDelta(s, CountedDossierOf(before), CountedDossierOf(after));
    AuditChange(s, rec, commune_id, "dossier", id, to, after.code, now);
    return Ok{};
  }));
  return after;
}

Result<Dossier> SqlDossierRepository::Extend(int64_t commune_id, int64_t id, int64_t version,
                                             const onestop::Extension& ext,
                                             const audit::AuditRecord& rec) {
  Dossier after;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    XASO_ASSIGN_OR_RETURN(Dossier before, ReadForChange(s, commune_id, id, version));
    after = before;
    after.due_on = ext.new_due_on;
    after.extensions = before.extensions + 1;
    after.version = before.version + 1;
    WriteChange(s, after);
    const std::string status(onestop::DossierStatusCode(before.status));
    AppendEvent(s, commune_id, id, ext.issued_at, rec,
                {.kind = "extension",
                 .from_status = status,
                 .to_status = status,
                 .note = ext.reason,
                 .due_on = ext.new_due_on});
    ApplyDossierStatsDelta(s, CountedDossierOf(before), CountedDossierOf(after));
    AuditChange(s, rec, commune_id, "dossier", id, "extend",
                after.code + " → " + ext.new_due_on.ToIso(), ext.issued_at);
    return Ok{};
  }));
  return after;
}

Status SqlDossierRepository::Rate(int64_t commune_id, const std::string& code,
                                  const std::string& pin, onestop::Satisfaction sat,
                                  const std::string& comment, int64_t now) {
  return db_.Write([&](soci::session& s) -> Status {
    long long commune = commune_id, id = 0;
    soci::indicator found = soci::i_null;
    s << "SELECT id FROM dossier WHERE commune_id = :c AND code = :k", soci::use(commune),
        soci::use(code), soci::into(id, found);
    if (found == soci::i_null) return NotFound();
    LockDossier(s, id);
    auto before = ReadDossier(s, commune, id);
    if (!before) return NotFound();
    // Checked first, so that a wrong code learns nothing of the dossier's state.
    if (before->rating_pin.empty() || pin != before->rating_pin) {
      return Error{ErrorCode::kInvalidArgument,
                   "Mã đánh giá không đúng.",
                   {{"pin", "Nhập mã đánh giá in trên giấy tiếp nhận hồ sơ."}}};
    }
    if (before->status != DossierStatus::kReturned || before->satisfaction) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       before->satisfaction ? "Hồ sơ này đã được đánh giá."
                                            : "Chỉ đánh giá được khi đã nhận kết quả hồ sơ.");
    }
    Dossier after = *before;
    after.satisfaction = sat;
    after.satisfaction_comment = comment;
    after.version = before->version + 1;
    WriteChange(s, after);
    long long at = now;
    s << "UPDATE dossier SET rated_at = :a WHERE id = :i", soci::use(at), soci::use(id);
    ApplyDossierStatsDelta(s, CountedDossierOf(*before), CountedDossierOf(after));
    // Anonymous: the audit entry names neither the rater nor the applicant.
    AuditChange(s, {commune, 0, "citizen", "", "", "", ""}, commune, "dossier", id, "rate",
                std::string(onestop::SatisfactionCode(sat)), now);
    return Ok{};
  });
}

Result<std::vector<onestop::StatisticsCount>> SqlDossierRepository::LoadCounts(
    const onestop::StatisticsFilter& f) {
  // Commune ids are integers, spliced as such: no text from a request reaches the statement.
  std::string communes;
  for (int64_t c : f.commune_ids) {
    communes += (communes.empty() ? "" : ", ") + std::to_string(c);
  }
  // Several communes' counts are summed in the database: a province's month is 12,000 kept
  // rows for 100 communes but 120 once the commune is left out, which is all
  // SumStatistics needs (docs/performance.md, onestop_bench). One commune's rows are already one
  // per key, and grouping them would only cost SQLite a sort.
  const bool one = f.commune_ids.size() == 1;
  std::string sql =
      one ? "SELECT month, procedure_code, procedure_name, field, unit_code, status, timeliness, "
            "satisfaction, due_on, n FROM dossier_stat WHERE n <> 0 AND month >= :f AND month <= "
            ":t"
          : "SELECT month, procedure_code, MIN(procedure_name), MIN(field), unit_code, status, "
            "timeliness, satisfaction, due_on, SUM(n) FROM dossier_stat WHERE n <> 0 AND month >= "
            ":f AND month <= :t";
  if (!communes.empty()) sql += " AND commune_id IN (" + communes + ")";
  if (!one) {
    sql +=
        " GROUP BY month, procedure_code, unit_code, status, timeliness, satisfaction, due_on "
        "HAVING SUM(n) <> 0";
  }
  return QueryAll<onestop::StatisticsCount>(db_, sql, CountFromRow, f.from_month, f.to_month);
}

Status SqlDossierRepository::RebuildStatistics() {
  return db_.Write([](soci::session& s) -> Status {
    RebuildDossierStats(s);
    return Ok{};
  });
}

}  // namespace xaso::storage
