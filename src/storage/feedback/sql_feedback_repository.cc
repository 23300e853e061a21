#include "storage/feedback/sql_feedback_repository.h"

#include <algorithm>

#include <soci/soci.h>

#include "core/text.h"
#include "storage/audit/sql_audit_log.h"
#include "storage/content_version.h"
#include "storage/feedback/feedback_stats_delta.h"
#include "storage/feedback/sql_feedback_photos.h"
#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {

using feedback::Feedback;

namespace {

constexpr const char* kColumns =
    "SELECT id, commune_id, tracking_code, category_id, kind, channel, title, description, lat, "
    "lon, address, village_id, citizen_name, citizen_phone, citizen_email, show_name, status, "
    "unit_id, received_at, received_on, rule_key, rule_effective_from, answer_days, due_on, "
    "answer, answered_at, forwarded_to, rating, hidden, hidden_reason, merged_into, version, "
    "updated_at, (SELECT COUNT(*) FROM feedback_photo p WHERE p.feedback_id = feedback.id) "
    "FROM feedback ";

Feedback FromRow(const soci::row& r) {
  Feedback f;
  f.id = RowInt(r, 0);
  f.commune_id = RowInt(r, 1);
  f.tracking_code = RowText(r, 2);
  f.category_id = RowInt(r, 3);
  auto& s = f.submission;
  s.commune_id = f.commune_id;
  s.category_id = f.category_id;
  s.kind = feedback::KindFromCode(RowText(r, 4)).value_or(feedback::Kind::kFeedback);
  s.channel = feedback::ChannelFromCode(RowText(r, 5)).value_or(feedback::Channel::kPortal);
  s.title = RowText(r, 6);
  s.description = RowText(r, 7);
  s.lat = RowOptDouble(r, 8);
  s.lon = RowOptDouble(r, 9);
  s.address = RowText(r, 10);
  s.village_id = RowOptInt(r, 11);
  s.citizen_name = RowText(r, 12);
  s.citizen_phone = RowText(r, 13);
  s.citizen_email = RowText(r, 14);
  s.show_name = RowInt(r, 15) != 0;
  f.status = feedback::StatusFromCode(RowText(r, 16)).value_or(feedback::ItemStatus::kReceived);
  f.unit_id = RowOptInt(r, 17);
  f.received_at = RowInt(r, 18);
  f.received_on = RowDate(r, 19).value_or(Date());
  f.rule_key = RowText(r, 20);
  f.rule_effective_from = RowDate(r, 21).value_or(Date());
  f.answer_days = static_cast<int>(RowInt(r, 22));
  f.due_on = RowDate(r, 23).value_or(Date());
  f.answer = RowText(r, 24);
  f.answered_at = RowOptInt(r, 25);
  f.forwarded_to = RowText(r, 26);
  f.rating = feedback::RatingFromCode(RowText(r, 27)).value_or(feedback::Rating::kNone);
  f.hidden = RowInt(r, 28) != 0;
  f.hidden_reason = RowText(r, 29);
  f.merged_into = RowOptInt(r, 30);
  f.version = RowInt(r, 31);
  f.updated_at = RowInt(r, 32);
  f.photo_count = static_cast<int>(RowInt(r, 33));
  return f;
}

void AppendEvent(soci::session& s, long long commune_id, long long id, int64_t now,
                 const audit::AuditRecord& rec, const std::string& status,
                 const std::string& body) {
  long long at = now, actor = rec.actor_id;
  s << "INSERT INTO feedback_event (commune_id, feedback_id, at, actor_id, actor_name, status, "
       "body) VALUES (:c, :f, :a, :ac, :n, :s, :b)",
      soci::use(commune_id), soci::use(id), soci::use(at), soci::use(actor), soci::use(rec.actor),
      soci::use(status), soci::use(body);
}

// What the questions and answers search looks in (migration 0011), folded like the query.
std::string SearchText(const std::string& title, const std::string& description,
                       const std::string& answer) {
  return FoldVietnamese(title + "\n" + description + "\n" + answer);
}

constexpr const char* kCategoryColumns =
    "SELECT id, commune_id, code, name_vi, name_en, description_vi, group_code, unit_id, "
    "answer_days, active FROM feedback_category ";

feedback::Category CategoryFromRow(const soci::row& r) {
  feedback::Category c;
  c.id = RowInt(r, 0);
  c.commune_id = RowInt(r, 1);
  c.code = RowText(r, 2);
  c.name_vi = RowText(r, 3);
  c.name_en = RowText(r, 4);
  c.description_vi = RowText(r, 5);
  c.group_code = RowText(r, 6);
  c.unit_id = RowOptInt(r, 7);
  if (auto d = RowOptInt(r, 8)) c.answer_days = static_cast<int>(*d);
  c.active = RowInt(r, 9) != 0;
  return c;
}

// A category routes only to a unit of its own commune.
Status CheckCategoryUnit(soci::session& s, long long commune_id, std::optional<int64_t> unit_id) {
  if (!unit_id) return Ok{};
  long long unit = *unit_id, n = 0;
  s << "SELECT COUNT(*) FROM unit WHERE commune_id = :c AND id = :u", soci::use(commune_id),
      soci::use(unit), soci::into(n);
  if (n > 0) return Ok{};
  return Error{ErrorCode::kInvalidArgument,
               "Lĩnh vực phản ánh chưa hợp lệ.",
               {{"unit_id", "Chọn một bộ phận của xã."}}};
}

std::string IdOrDash(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "—"; }

// What an edit changed, for the audit trail: "answer_days: — → 7; unit_id: 3 → 4".
std::string CategoryChanges(const feedback::Category& a, const feedback::Category& b) {
  std::string out;
  auto note = [&out](const std::string& field, const std::string& from, const std::string& to) {
    if (from == to) return;
    if (!out.empty()) out += "; ";
    out += field + ": " + (from.empty() ? "—" : from) + " → " + (to.empty() ? "—" : to);
  };
  note("name_vi", a.name_vi, b.name_vi);
  note("name_en", a.name_en, b.name_en);
  note("description_vi", a.description_vi, b.description_vi);
  note("group_code", a.group_code, b.group_code);
  note("unit_id", IdOrDash(a.unit_id), IdOrDash(b.unit_id));
  auto days = [](const std::optional<int>& d) { return d ? std::to_string(*d) : std::string("—"); };
  note("answer_days", days(a.answer_days), days(b.answer_days));
  note("active", a.active ? "1" : "0", b.active ? "1" : "0");
  return out.empty() ? "no change" : out;
}

Error NotFound() { return MakeError(ErrorCode::kNotFound, "Không tìm thấy phản ánh."); }
Error Stale() {
  return MakeError(ErrorCode::kAborted,
                   "Phản ánh vừa được người khác cập nhật. Tải lại trang rồi thực hiện lại.");
}

}  // namespace

Result<int64_t> SqlFeedbackRepository::CreateCategory(const feedback::Category& c,
                                                      const audit::AuditRecord& rec, int64_t now) {
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long commune = c.commune_id, unit = c.unit_id.value_or(0);
    if (Status unit_ok = CheckCategoryUnit(s, commune, c.unit_id); !unit_ok) return unit_ok;
    long long taken = 0;
    s << "SELECT COUNT(*) FROM feedback_category WHERE commune_id = :c AND code = :k",
        soci::use(commune), soci::use(c.code), soci::into(taken);
    if (taken > 0) {
      return Error{ErrorCode::kAlreadyExists,
                   "Lĩnh vực phản ánh chưa hợp lệ.",
                   {{"code", "Mã lĩnh vực này đã có trong xã."}}};
    }
    int days = c.answer_days.value_or(0), active = c.active ? 1 : 0;
    soci::indicator unit_ind = c.unit_id ? soci::i_ok : soci::i_null;
    soci::indicator days_ind = c.answer_days ? soci::i_ok : soci::i_null;
    s << "INSERT INTO feedback_category (commune_id, code, name_vi, name_en, description_vi, "
         "group_code, unit_id, answer_days, active) VALUES (:c, :k, :v, :e, :d, :g, :u, :n, :a) "
         "RETURNING id",
        soci::use(commune), soci::use(c.code), soci::use(c.name_vi), soci::use(c.name_en),
        soci::use(c.description_vi), soci::use(c.group_code), soci::use(unit, unit_ind),
        soci::use(days, days_ind), soci::use(active), soci::into(id);
    BumpContentVersion(s, commune);
    AuditChange(s, rec, commune, "feedback_category", id, "create", c.code, now);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

Status SqlFeedbackRepository::UpdateCategory(const feedback::Category& c,
                                             const audit::AuditRecord& rec, int64_t now) {
  return db_.Write([&](soci::session& s) -> Status {
    long long commune = c.commune_id, id = c.id, unit = c.unit_id.value_or(0);
    std::optional<feedback::Category> before;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kCategoryColumns) + "WHERE commune_id = :c AND id = :i",
         soci::use(commune), soci::use(id));
    for (const auto& r : rows) before = CategoryFromRow(r);
    if (!before) return MakeError(ErrorCode::kNotFound, "Không tìm thấy lĩnh vực phản ánh.");
    XASO_RETURN_IF_ERROR(CheckCategoryUnit(s, commune, c.unit_id));
    int days = c.answer_days.value_or(0), active = c.active ? 1 : 0;
    soci::indicator unit_ind = c.unit_id ? soci::i_ok : soci::i_null;
    soci::indicator days_ind = c.answer_days ? soci::i_ok : soci::i_null;
    s << "UPDATE feedback_category SET name_vi = :v, name_en = :e, description_vi = :d, "
         "group_code = :g, unit_id = :u, answer_days = :n, active = :a "
         "WHERE commune_id = :c AND id = :i",
        soci::use(c.name_vi), soci::use(c.name_en), soci::use(c.description_vi),
        soci::use(c.group_code), soci::use(unit, unit_ind), soci::use(days, days_ind),
        soci::use(active), soci::use(commune), soci::use(id);
    BumpContentVersion(s, commune);
    AuditChange(s, rec, commune, "feedback_category", id, "update",
                before->code + ": " + CategoryChanges(*before, c), now);
    return Ok{};
  });
}

Result<std::vector<feedback::Category>> SqlFeedbackRepository::ListCategories(int64_t commune_id) {
  return QueryAll<feedback::Category>(
      db_, std::string(kCategoryColumns) + "WHERE commune_id = :c ORDER BY id", CategoryFromRow,
      static_cast<long long>(commune_id));
}

Result<int64_t> SqlFeedbackRepository::Create(const Feedback& f, int64_t entered_by,
                                              const audit::AuditRecord& rec) {
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    const auto& sub = f.submission;
    long long c = f.commune_id, cat = f.category_id, unit = f.unit_id.value_or(0),
              village = sub.village_id.value_or(0), at = f.received_at, by = entered_by;
    double lat = sub.lat.value_or(0), lon = sub.lon.value_or(0);
    int show = sub.show_name ? 1 : 0, days = f.answer_days;
    soci::indicator unit_ind = f.unit_id ? soci::i_ok : soci::i_null;
    soci::indicator village_ind = sub.village_id ? soci::i_ok : soci::i_null;
    soci::indicator geo_ind = sub.lat ? soci::i_ok : soci::i_null;
    soci::indicator by_ind = entered_by ? soci::i_ok : soci::i_null;
    const std::string kind(feedback::KindCode(sub.kind)),
        channel(feedback::ChannelCode(sub.channel));
    const std::string status(feedback::StatusCode(f.status));
    const std::string folded = SearchText(sub.title, sub.description, "");
    const std::string received = f.received_on.ToIso(), from = f.rule_effective_from.ToIso(),
                      due = f.due_on.ToIso();
    s << "INSERT INTO feedback (commune_id, tracking_code, category_id, kind, channel, title, "
         "description, lat, lon, address, village_id, citizen_name, citizen_phone, "
         "citizen_email, show_name, status, unit_id, received_at, received_on, rule_key, "
         "rule_effective_from, answer_days, due_on, entered_by, updated_at, search_folded) "
         "VALUES (:c, :t, :cat, :k, :ch, :ti, :d, :la, :lo, :ad, :v, :n, :p, :e, :sh, :st, :u, "
         ":at, :ro, :rk, :rf, :ds, :du, :by, :up, :sf) RETURNING id",
        soci::use(c), soci::use(f.tracking_code), soci::use(cat), soci::use(kind),
        soci::use(channel), soci::use(sub.title), soci::use(sub.description),
        soci::use(lat, geo_ind), soci::use(lon, geo_ind), soci::use(sub.address),
        soci::use(village, village_ind), soci::use(sub.citizen_name), soci::use(sub.citizen_phone),
        soci::use(sub.citizen_email), soci::use(show), soci::use(status), soci::use(unit, unit_ind),
        soci::use(at), soci::use(received), soci::use(f.rule_key), soci::use(from), soci::use(days),
        soci::use(due), soci::use(by, by_ind), soci::use(at), soci::use(folded), soci::into(id);
    AppendEvent(s, c, id, f.received_at, rec, status, "");
    InsertFeedbackPhotos(s, c, id, sub.photos, f.received_at);
    ApplyStatsDelta(s, std::nullopt, CountedItemOf(f));
    BumpContentVersion(s, c);
    // The audit entry names the item by its code, never by the citizen's details.
    AuditChange(s, rec, c, "feedback", id, "create", f.tracking_code, f.received_at);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

Result<Feedback> SqlFeedbackRepository::Get(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(
      auto rows,
      QueryAll<Feedback>(db_, std::string(kColumns) + "WHERE commune_id = :c AND id = :i", FromRow,
                         static_cast<long long>(commune_id), static_cast<long long>(id)));
  if (rows.empty()) return NotFound();
  return std::move(rows.front());
}

Result<Feedback> SqlFeedbackRepository::GetByCode(const std::string& tracking_code) {
  XASO_ASSIGN_OR_RETURN(auto rows,
                        QueryAll<Feedback>(db_, std::string(kColumns) + "WHERE tracking_code = :t",
                                           FromRow, tracking_code));
  if (rows.empty()) return NotFound();
  return std::move(rows.front());
}

Result<std::vector<Feedback>> SqlFeedbackRepository::ListPublic(int64_t commune_id,
                                                                int64_t before_id, int limit) {
  const long long before = before_id > 0 ? before_id : INT64_MAX;
  return QueryAll<Feedback>(
      db_,
      std::string(kColumns) +
          "WHERE commune_id = :c AND hidden = 0 AND merged_into IS NULL AND id < :b "
          "ORDER BY id DESC LIMIT :l",
      FromRow, static_cast<long long>(commune_id), before, std::clamp(limit, 1, 200));
}

Result<std::vector<Feedback>> SqlFeedbackRepository::ListFaq(int64_t commune_id,
                                                             const std::vector<std::string>& terms,
                                                             int64_t before_id, int limit) {
  // A fixed statement: missing terms match anything, so no text is spliced into the SQL.
  std::vector<std::string> like(feedback::kMaxSearchTerms, "%");
  for (size_t i = 0; i < terms.size() && i < like.size(); ++i) like[i] = "%" + terms[i] + "%";
  const long long before = before_id > 0 ? before_id : INT64_MAX;
  std::string sql = std::string(kColumns) +
                    "WHERE commune_id = :c AND kind = 'question' AND hidden = 0 AND "
                    "merged_into IS NULL AND answer <> '' AND status IN ('answered', 'closed') "
                    "AND id < :b";
  for (size_t i = 0; i < like.size(); ++i) {
    sql += " AND search_folded LIKE :t" + std::to_string(i) + " ESCAPE '\\'";
  }
  sql += " ORDER BY id DESC LIMIT :l";
  static_assert(feedback::kMaxSearchTerms == 5, "one bound parameter per term below");
  return QueryAll<Feedback>(db_, sql, FromRow, static_cast<long long>(commune_id), before, like[0],
                            like[1], like[2], like[3], like[4], std::clamp(limit, 1, 200));
}

Result<std::vector<Feedback>> SqlFeedbackRepository::Find(const feedback::ItemFilter& f) {
  // The lists are spliced into the SQL: category ids are integers and statuses come from
  // feedback::StatusCode, so no text from a request reaches the statement.
  std::string sql = std::string(kColumns) +
                    "WHERE commune_id = :c AND hidden = 0 AND received_at >= :f AND "
                    "received_at < :t";
  if (!f.category_ids.empty()) {
    sql += " AND category_id IN (";
    for (size_t i = 0; i < f.category_ids.size(); ++i) {
      sql += (i ? ", " : "") + std::to_string(f.category_ids[i]);
    }
    sql += ")";
  }
  if (!f.statuses.empty()) {
    sql += " AND status IN (";
    for (size_t i = 0; i < f.statuses.size(); ++i) {
      sql += std::string(i ? ", '" : "'") + std::string(feedback::StatusCode(f.statuses[i])) + "'";
    }
    sql += ")";
  }
  sql += " ORDER BY received_at DESC, id DESC LIMIT :l";
  return QueryAll<Feedback>(db_, sql, FromRow, static_cast<long long>(f.commune_id),
                            static_cast<long long>(f.from_at), static_cast<long long>(f.to_at),
                            std::clamp(f.limit, 1, 1000));
}

Result<std::vector<Feedback>> SqlFeedbackRepository::ListRegister(int64_t commune_id,
                                                                  const feedback::RegisterFilter& f,
                                                                  int limit) {
  const std::string status = f.status ? std::string(feedback::StatusCode(*f.status)) : "";
  const long long category = f.category_id.value_or(0);
  // The register's order as one expression; the cursor continues after (done, due_on, id).
  const std::string done =
      "(CASE WHEN status IN ('answered', 'closed', 'forwarded') THEN 1 ELSE 0 END)";
  const auto& a = f.after;
  const int has_after = a ? 1 : 0, after_done = a && a->done ? 1 : 0;
  const std::string after_due = a ? a->due_on.ToIso() : "";
  const long long after_id = a ? a->id : 0;
  return QueryAll<Feedback>(
      db_,
      std::string(kColumns) +
          "WHERE commune_id = :c AND (:s = '' OR status = :s2) AND (:k = 0 OR category_id = :k2) "
          "AND (:h = 0 OR " +
          done + " > :f1 OR (" + done + " = :f2 AND due_on > :d1) OR (" + done +
          " = :f3 AND due_on = :d2 AND id > :i)) "
          "ORDER BY " +
          done + ", due_on, id LIMIT :l",
      FromRow, static_cast<long long>(commune_id), status, status, category, category, has_after,
      after_done, after_done, after_due, after_done, after_due, after_id,
      std::clamp(limit, 1, 1000));
}

Result<std::vector<feedback::Event>> SqlFeedbackRepository::History(int64_t commune_id,
                                                                    int64_t id) {
  XASO_RETURN_IF_ERROR(Get(commune_id, id));
  return QueryAll<feedback::Event>(
      db_,
      "SELECT at, status, body FROM feedback_event WHERE commune_id = :c AND feedback_id = :f "
      "ORDER BY id",
      [](const soci::row& r) {
        feedback::Event e;
        e.at = RowInt(r, 0);
        e.status =
            feedback::StatusFromCode(RowText(r, 1)).value_or(feedback::ItemStatus::kReceived);
        e.body = RowText(r, 2);
        return e;
      },
      static_cast<long long>(commune_id), static_cast<long long>(id));
}

Result<int64_t> SqlFeedbackRepository::Hide(int64_t commune_id, int64_t id, int64_t version,
                                            const std::string& reason,
                                            const audit::AuditRecord& rec, int64_t now) {
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, i = id, v = version, at = now;
    soci::statement st =
        (s.prepare << "UPDATE feedback SET hidden = 1, hidden_reason = :r, version = version + 1, "
                      "updated_at = :a WHERE commune_id = :c AND id = :i AND version = :v",
         soci::use(reason), soci::use(at), soci::use(c), soci::use(i), soci::use(v));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      long long n = 0;
      s << "SELECT COUNT(*) FROM feedback WHERE commune_id = :c AND id = :i", soci::use(c),
          soci::use(i), soci::into(n);
      if (n == 0) return NotFound();
      return Stale();
    }
    BumpContentVersion(s, c);
    AuditChange(s, rec, c, "feedback", i, "hide", reason, now);
    return Ok{};
  }));
  return version + 1;
}

Result<int64_t> SqlFeedbackRepository::Apply(int64_t commune_id, const feedback::Move& m,
                                             const audit::AuditRecord& rec, int64_t now) {
  long long version = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, id = m.feedback_id, v = m.version, at = now;
    // Held to COMMIT, so that the version checked and the counts read below are those the
    // UPDATE changes.
    LockItem(s, id);
    std::string stored_status;
    long long stored_version = 0;
    soci::indicator found = soci::i_null;
    s << "SELECT status, version FROM feedback WHERE commune_id = :c AND id = :i", soci::use(c),
        soci::use(id), soci::into(stored_status, found), soci::into(stored_version);
    if (found == soci::i_null) return NotFound();
    if (stored_version != v) return Stale();
    const auto from = feedback::StatusFromCode(stored_status);
    if (!from || !feedback::CanMove(*from, m.to)) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Không thể chuyển phản ánh sang trạng thái này từ trạng thái hiện tại.");
    }
    const std::string to(feedback::StatusCode(m.to));
    long long unit = m.unit_id.value_or(0);
    soci::indicator unit_ind = m.unit_id ? soci::i_ok : soci::i_null;
    const bool answering = m.to == feedback::ItemStatus::kAnswered;
    const bool forwarding = m.to == feedback::ItemStatus::kForwarded;
    const bool reopening =
        *from == feedback::ItemStatus::kAnswered && m.to == feedback::ItemStatus::kInProgress;
    int ans = answering ? 1 : 0, fwd = forwarding ? 1 : 0, assign = m.unit_id ? 1 : 0,
        reopen = reopening ? 1 : 0;
    int days = m.answer_time ? m.answer_time->working_days : 0;
    int on_time = m.answer_time && m.answer_time->on_time ? 1 : 0;
    soci::indicator time_ind = m.answer_time ? soci::i_ok : soci::i_null;
    const auto before = ReadCountedItem(s, id);
    // A reopened item (answered → in progress) keeps its earlier answer until the next one, but
    // loses its rating and answer time: the citizen rates, and the statistics count, the next
    // answer.
    s << "UPDATE feedback SET status = :s, "
         "unit_id = CASE WHEN :as = 1 THEN :u ELSE unit_id END, "
         "answer = CASE WHEN :an = 1 THEN :t1 ELSE answer END, "
         "answered_at = CASE WHEN :an2 = 1 THEN :at1 ELSE answered_at END, "
         "answer_working_days = CASE WHEN :an3 = 1 THEN :wd WHEN :ro1 = 1 THEN NULL "
         "ELSE answer_working_days END, "
         "answered_on_time = CASE WHEN :an4 = 1 THEN :ot WHEN :ro2 = 1 THEN NULL "
         "ELSE answered_on_time END, "
         "rating = CASE WHEN :ro3 = 1 THEN '' ELSE rating END, "
         "rated_at = CASE WHEN :ro4 = 1 THEN NULL ELSE rated_at END, "
         "forwarded_to = CASE WHEN :fw = 1 THEN :t2 ELSE forwarded_to END, "
         "version = version + 1, updated_at = :at2 WHERE commune_id = :c AND id = :i",
        soci::use(to), soci::use(assign), soci::use(unit, unit_ind), soci::use(ans),
        soci::use(m.text), soci::use(ans), soci::use(at), soci::use(ans), soci::use(days, time_ind),
        soci::use(reopen), soci::use(ans), soci::use(on_time, time_ind), soci::use(reopen),
        soci::use(reopen), soci::use(reopen), soci::use(fwd), soci::use(m.text), soci::use(at),
        soci::use(c), soci::use(id);
    ApplyStatsDelta(s, before, ReadCountedItem(s, id));
    AppendEvent(s, c, id, now, rec, to, m.text);
    if (answering) {
      std::string title, description;
      s << "SELECT title, description FROM feedback WHERE id = :i", soci::use(id),
          soci::into(title), soci::into(description);
      const std::string folded = SearchText(title, description, m.text);
      s << "UPDATE feedback SET search_folded = :f WHERE id = :i", soci::use(folded), soci::use(id);
    }
    BumpContentVersion(s, c);
    std::string summary = stored_status + " → " + to;
    // The rating a reopening clears stays here (and in the "rate" entry before it).
    if (reopening && before && !before->rating.empty()) {
      summary += "; previous rating: " + before->rating;
    }
    AuditChange(s, rec, c, "feedback", id, to, summary, now);
    version = v + 1;
    return Ok{};
  }));
  return static_cast<int64_t>(version);
}

Result<int64_t> SqlFeedbackRepository::Merge(int64_t commune_id, int64_t id, int64_t version,
                                             const std::string& into_code,
                                             const audit::AuditRecord& rec, int64_t now) {
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, i = id, at = now;
    LockItem(s, i);  // held to COMMIT: the counts read below are those the UPDATE changes
    std::string status;
    long long stored_version = 0, merged = 0;
    soci::indicator found = soci::i_null, merged_ind = soci::i_null;
    s << "SELECT status, version, merged_into FROM feedback WHERE commune_id = :c AND id = :i",
        soci::use(c), soci::use(i), soci::into(status, found), soci::into(stored_version),
        soci::into(merged, merged_ind);
    if (found == soci::i_null) return NotFound();
    if (stored_version != version) return Stale();
    const auto from = feedback::StatusFromCode(status);
    if (merged_ind != soci::i_null || !from || !feedback::IsOpen(*from)) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Chỉ gộp được phản ánh đang xử lý, chưa gộp vào phản ánh khác.");
    }
    long long target = 0, target_hidden = 0;
    soci::indicator target_found = soci::i_null, target_merged = soci::i_null;
    s << "SELECT id, hidden, merged_into FROM feedback WHERE commune_id = :c AND "
         "tracking_code = :t",
        soci::use(c), soci::use(into_code), soci::into(target, target_found),
        soci::into(target_hidden), soci::into(merged, target_merged);
    if (target_found == soci::i_null || target == i || target_hidden != 0 ||
        target_merged != soci::i_null) {
      return Error{ErrorCode::kInvalidArgument,
                   "Không gộp được vào phản ánh này.",
                   {{"into", "Nhập mã của một phản ánh khác của xã, đang hiển thị, chưa bị gộp."}}};
    }
    const auto before = ReadCountedItem(s, i);
    s << "UPDATE feedback SET status = 'closed', merged_into = :m, version = version + 1, "
         "updated_at = :a WHERE id = :i",
        soci::use(target), soci::use(at), soci::use(i);
    ApplyStatsDelta(s, before, ReadCountedItem(s, i));  // a merged duplicate is not counted
    AppendEvent(s, c, i, now, rec, "closed", "Trùng với " + into_code);
    BumpContentVersion(s, c);
    AuditChange(s, rec, c, "feedback", i, "merge", status + " → merged into " + into_code, now);
    return Ok{};
  }));
  return version + 1;
}

Result<int> SqlFeedbackRepository::CountSubmissions(const std::string& ip_hash, int64_t since) {
  long long n = 0;
  XASO_RETURN_IF_ERROR(db_.Read([&](soci::session& s) -> Status {
    long long from = since;
    s << "SELECT COUNT(*) FROM feedback_submission WHERE ip_hash = :h AND at >= :a",
        soci::use(ip_hash), soci::use(from), soci::into(n);
    return Ok{};
  }));
  return static_cast<int>(n);
}

Status SqlFeedbackRepository::RecordSubmission(int64_t commune_id, const std::string& ip_hash,
                                               int64_t at) {
  return db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, now = at, old = at - 3600;
    s << "DELETE FROM feedback_submission WHERE at < :o", soci::use(old);
    s << "INSERT INTO feedback_submission (commune_id, ip_hash, at) VALUES (:c, :h, :a)",
        soci::use(c), soci::use(ip_hash), soci::use(now);
    return Ok{};
  });
}

Status SqlFeedbackRepository::Rate(const std::string& tracking_code, feedback::Rating rating,
                                   int64_t now) {
  return db_.Write([&](soci::session& s) -> Status {
    long long at = now, id = 0, c = 0;
    const std::string code(feedback::RatingCode(rating));
    s << "SELECT id, commune_id FROM feedback WHERE tracking_code = :t", soci::use(tracking_code),
        soci::into(id), soci::into(c);
    const bool found = s.got_data();
    if (found) LockItem(s, id);
    const auto before = found ? ReadCountedItem(s, id) : std::nullopt;
    // feedback::CanRate, checked by the UPDATE itself so that two ratings at once cannot both
    // pass.
    soci::statement st =
        (s.prepare << "UPDATE feedback SET rating = :r, rated_at = :a WHERE id = :i "
                      "AND status IN ('answered', 'closed') AND rating = '' AND answer <> '' "
                      "AND merged_into IS NULL",
         soci::use(code), soci::use(at), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Chỉ đánh giá được phản ánh đã có trả lời, và một lần cho mỗi trả lời.");
    }
    ApplyStatsDelta(s, before, ReadCountedItem(s, id));
    BumpContentVersion(s, c);
    AuditChange(s, {c, 0, "citizen", "", "", "", ""}, c, "feedback", id, "rate", code, now);
    return Ok{};
  });
}

Result<feedback::Statistics> SqlFeedbackRepository::LoadStatistics(
    int64_t commune_id, const feedback::StatisticsFilter& f) {
  const long long c = commune_id;
  const std::string from = f.from_month, to = f.to_month.empty() ? "9999-12" : f.to_month;
  // Grouped in the database: a few dozen rows reach the program however many months are kept.
  const std::string where = " WHERE commune_id = :c AND month >= :f AND month <= :t";
  XASO_ASSIGN_OR_RETURN(
      auto counts,
      QueryAll<feedback::CountRow>(
          db_,
          "SELECT category_id, unit_id, status, rating, CAST(SUM(n) AS BIGINT) FROM "
          "feedback_stat" +
              where + " GROUP BY category_id, unit_id, status, rating HAVING SUM(n) <> 0",
          [](const soci::row& r) {
            feedback::CountRow x;
            x.category_id = RowInt(r, 0);
            x.unit_id = RowInt(r, 1);
            x.status =
                feedback::StatusFromCode(RowText(r, 2)).value_or(feedback::ItemStatus::kReceived);
            x.rating = feedback::RatingFromCode(RowText(r, 3)).value_or(feedback::Rating::kNone);
            x.n = RowInt(r, 4);
            return x;
          },
          c, from, to));
  XASO_ASSIGN_OR_RETURN(auto months, QueryAll<feedback::MonthRow>(
                                         db_,
                                         "SELECT month, CAST(SUM(n) AS BIGINT) FROM feedback_stat" +
                                             where + " GROUP BY month HAVING SUM(n) <> 0",
                                         [](const soci::row& r) {
                                           return feedback::MonthRow{RowText(r, 0), RowInt(r, 1)};
                                         },
                                         c, from, to));
  XASO_ASSIGN_OR_RETURN(
      auto times,
      QueryAll<feedback::AnswerTimeRow>(
          db_,
          "SELECT working_days, on_time, CAST(SUM(n) AS BIGINT) FROM feedback_answer_stat" + where +
              " GROUP BY working_days, on_time HAVING SUM(n) <> 0",
          [](const soci::row& r) {
            feedback::AnswerTimeRow x;
            x.time.working_days = static_cast<int>(RowInt(r, 0));
            x.time.on_time = RowInt(r, 1) != 0;
            x.n = RowInt(r, 2);
            return x;
          },
          c, from, to));
  return feedback::Summarize(counts, months, times);
}

Status SqlFeedbackRepository::RebuildStatistics() {
  return db_.Write([](soci::session& s) -> Status {
    RebuildFeedbackStats(s);
    return Ok{};
  });
}

}  // namespace xaso::storage
