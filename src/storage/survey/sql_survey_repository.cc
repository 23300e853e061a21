#include "storage/survey/sql_survey_repository.h"

#include <utility>

#include <soci/soci.h>

#include "storage/audit/sql_audit_log.h"
#include "storage/query.h"
#include "storage/row_util.h"
#include "storage/survey/batch_insert.h"
#include "storage/survey/response_copy.h"
#include "storage/survey/survey_definition.h"

namespace xaso::storage {

using survey::Response;
using survey::Survey;
using survey::SurveyStatus;
using survey::SurveySummary;

namespace {

constexpr std::string_view kColumns =
    "SELECT id, commune_id, title, description, preset, year, status, needs_code, version, "
    "created_at, definition FROM survey ";

SurveyStatus StatusOf(const std::string& code) {
  return survey::SurveyStatusFromCode(code).value_or(SurveyStatus::kDraft);
}

// A row of kColumns; `definition_ok` is false when its definition is corrupt (see Get).
Survey FromRow(const soci::row& r, bool& definition_ok) {
  Survey s;
  s.id = RowInt(r, 0);
  s.commune_id = RowInt(r, 1);
  s.title = RowText(r, 2);
  s.description = RowText(r, 3);
  s.preset = RowText(r, 4);
  s.year = static_cast<int>(RowInt(r, 5));
  s.status = StatusOf(RowText(r, 6));
  s.needs_code = RowInt(r, 7) != 0;
  s.version = RowInt(r, 8);
  s.created_at = RowInt(r, 9);
  definition_ok = ReadDefinitionJson(RowText(r, 10), s);
  return s;
}

Survey FromRow(const soci::row& r) {
  bool ignored = true;
  return FromRow(r, ignored);
}

SurveySummary SummaryFromRow(const soci::row& r) {
  SurveySummary s;
  s.id = RowInt(r, 0);
  s.title = RowText(r, 1);
  s.preset = RowText(r, 2);
  s.year = static_cast<int>(RowInt(r, 3));
  s.status = StatusOf(RowText(r, 4));
  s.needs_code = RowInt(r, 5) != 0;
  s.responses = RowInt(r, 6);
  s.created_at = RowInt(r, 7);
  return s;
}

Response ResponseFromRow(const soci::row& r) {
  Response out;
  out.id = RowInt(r, 0);
  out.survey_id = RowInt(r, 1);
  out.channel = survey::ChannelFromCode(RowText(r, 2)).value_or(survey::Channel::kWeb);
  out.submitted_at = RowInt(r, 3);
  out.weight = RowOptDouble(r, 4).value_or(0);
  out.answers = AnswersFromJson(RowText(r, 5));
  return out;
}

Error NotFound() { return MakeError(ErrorCode::kNotFound, "Không tìm thấy khảo sát."); }
Error Stale() {
  return MakeError(ErrorCode::kAborted,
                   "Khảo sát vừa được người khác sửa. Tải lại trang để xem bản mới nhất.");
}

// The survey `id` of the commune as stored, locked for the rest of `s`'s transaction (see
// feedback's LockItem: an UPDATE takes the row lock on PostgreSQL, where SQLite's BEGIN
// IMMEDIATE already holds the database's), so the version checked is the one changed.
std::optional<Survey> ReadLocked(soci::session& s, long long commune_id, long long id) {
  s << "UPDATE survey SET version = version WHERE commune_id = :c AND id = :i",
      soci::use(commune_id), soci::use(id);
  std::optional<Survey> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string(kColumns) + "WHERE commune_id = :c AND id = :i",
       soci::use(commune_id), soci::use(id));
  for (const auto& r : rows) out = FromRow(r);
  return out;
}

Result<Survey> ReadForChange(soci::session& s, long long commune_id, long long id,
                             long long version) {
  auto found = ReadLocked(s, commune_id, id);
  if (!found) return NotFound();
  if (found->version != version) return Stale();
  return *found;
}

bool CanMove(SurveyStatus from, SurveyStatus to) {
  return (from == SurveyStatus::kDraft && to == SurveyStatus::kOpen) ||
         (from == SurveyStatus::kOpen && to == SurveyStatus::kClosed) ||
         (from == SurveyStatus::kClosed && to == SurveyStatus::kOpen);
}

// After a conditional UPDATE of the survey matched nothing: kNotFound when the commune has no
// such survey, else `refused`.
Error NotFoundOr(soci::session& s, long long commune_id, long long id, Error refused) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM survey WHERE commune_id = :c AND id = :i", soci::use(commune_id),
      soci::use(id), soci::into(n);
  return n == 0 ? NotFound() : std::move(refused);
}

Error NotOpen(soci::session& s, long long commune_id, long long id) {
  return NotFoundOr(
      s, commune_id, id,
      MakeError(ErrorCode::kFailedPrecondition, "Khảo sát này hiện không nhận phiếu trả lời."));
}

// One answer sheet's bound values in a multi-row INSERT (InsertBatched).
struct ResponseSlot {
  std::string channel, answers;
  long long submitted_at = 0;
  double weight = 1;
  void Bind(soci::statement& st) {
    st.exchange(soci::use(channel));
    st.exchange(soci::use(submitted_at));
    st.exchange(soci::use(weight));
    st.exchange(soci::use(answers));
  }
  void Fill(const Response& r) {
    channel = survey::ChannelCode(r.channel);
    submitted_at = r.submitted_at;
    weight = r.weight;
    answers = AnswersJson(r.answers);
  }
};

struct CodeSlot {
  std::string code;
  void Bind(soci::statement& st) { st.exchange(soci::use(code)); }
  void Fill(const std::string& c) { code = c; }
};

}  // namespace

Status SqlSurveyRepository::CheckExists(int64_t commune_id, int64_t id) {
  XASO_ASSIGN_OR_RETURN(auto found,
                        QueryOne<int64_t>(
                            db_, "SELECT id FROM survey WHERE commune_id = :c AND id = :i",
                            [](const soci::row& r) { return RowInt(r, 0); },
                            static_cast<long long>(commune_id), static_cast<long long>(id)));
  if (!found) return NotFound();
  return Ok{};
}

Result<Survey> SqlSurveyRepository::Create(Survey sv, const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  sv.status = SurveyStatus::kDraft;
  sv.version = 1;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long commune = sv.commune_id, id = 0, created = sv.created_at, updated = now;
    int year = sv.year, needs_code = sv.needs_code ? 1 : 0;
    const std::string definition = DefinitionJson(sv.sections, sv.questions);
    s << "INSERT INTO survey (commune_id, title, description, preset, year, status, needs_code, "
         "definition, created_at, updated_at) VALUES (:c, :t, :d, :p, :y, 'draft', :n, :def, "
         ":ca, :ua) RETURNING id",
        soci::use(commune), soci::use(sv.title), soci::use(sv.description), soci::use(sv.preset),
        soci::use(year), soci::use(needs_code), soci::use(definition), soci::use(created),
        soci::use(updated), soci::into(id);
    sv.id = id;
    AuditChange(s, rec, commune, "survey", id, "create", sv.title, now);
    return Ok{};
  }));
  return sv;
}

// A definition that cannot be read fails here rather than becoming a survey with no questions,
// which would take blank sheets; List, which shows no questions, still lists it.
Result<Survey> SqlSurveyRepository::Get(int64_t commune_id, int64_t id) {
  using Read = std::pair<Survey, bool>;
  XASO_ASSIGN_OR_RETURN(auto found,
                        QueryOne<Read>(
                            db_, std::string(kColumns) + "WHERE commune_id = :c AND id = :i",
                            [](const soci::row& r) {
                              Read out;
                              out.first = FromRow(r, out.second);
                              return out;
                            },
                            static_cast<long long>(commune_id), static_cast<long long>(id)));
  if (!found) return NotFound();
  if (!found->second) return MakeError(ErrorCode::kInternal, "định nghĩa khảo sát hỏng");
  return std::move(found->first);
}

Result<std::vector<SurveySummary>> SqlSurveyRepository::List(int64_t commune_id,
                                                             std::optional<SurveyStatus> status) {
  // An absent status matches any, so the statement stays fixed.
  const std::string code = status ? std::string(survey::SurveyStatusCode(*status)) : "";
  return QueryAll<SurveySummary>(
      db_,
      "SELECT id, title, preset, year, status, needs_code, response_count, created_at FROM "
      "survey WHERE commune_id = :c AND (:s1 = '' OR status = :s2) ORDER BY id DESC",
      SummaryFromRow, static_cast<long long>(commune_id), code, code);
}

Result<Survey> SqlSurveyRepository::Update(const Survey& sv, const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  Survey after;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    XASO_ASSIGN_OR_RETURN(Survey before, ReadForChange(s, sv.commune_id, sv.id, sv.version));
    if (before.status != SurveyStatus::kDraft) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Khảo sát đã mở: không sửa được câu hỏi nữa.");
    }
    after = before;
    after.title = sv.title;
    after.description = sv.description;
    after.year = sv.year;
    after.needs_code = sv.needs_code;
    after.sections = sv.sections;
    after.questions = sv.questions;
    after.version = before.version + 1;
    long long id = after.id, version = after.version, updated = now;
    int year = after.year, needs_code = after.needs_code ? 1 : 0;
    const std::string definition = DefinitionJson(after.sections, after.questions);
    s << "UPDATE survey SET title = :t, description = :d, year = :y, needs_code = :n, "
         "definition = :def, version = :v, updated_at = :u WHERE id = :i",
        soci::use(after.title), soci::use(after.description), soci::use(year),
        soci::use(needs_code), soci::use(definition), soci::use(version), soci::use(updated),
        soci::use(id);
    AuditChange(s, rec, after.commune_id, "survey", id, "edit", after.title, now);
    return Ok{};
  }));
  return after;
}

Result<Survey> SqlSurveyRepository::SetStatus(int64_t commune_id, int64_t id, int64_t version,
                                              SurveyStatus to, const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  Survey after;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    XASO_ASSIGN_OR_RETURN(Survey before, ReadForChange(s, commune_id, id, version));
    if (!CanMove(before.status, to)) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Không thể chuyển khảo sát sang trạng thái này từ trạng thái hiện tại.");
    }
    after = before;
    after.status = to;
    after.version = before.version + 1;
    long long row = id, next = after.version, updated = now;
    const std::string code(survey::SurveyStatusCode(to));
    s << "UPDATE survey SET status = :s, version = :v, updated_at = :u WHERE id = :i",
        soci::use(code), soci::use(next), soci::use(updated), soci::use(row);
    AuditChange(s, rec, commune_id, "survey", id, code, after.title, now);
    return Ok{};
  }));
  return after;
}

Status SqlSurveyRepository::Delete(int64_t commune_id, int64_t id, const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  return db_.Write([&](soci::session& s) -> Status {
    long long commune = commune_id, row = id, responses = 0;
    auto found = ReadLocked(s, commune, row);
    if (!found) return NotFound();
    s << "SELECT response_count FROM survey WHERE id = :i", soci::use(row), soci::into(responses);
    if (found->status != SurveyStatus::kDraft || responses != 0) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "Chỉ xóa được khảo sát còn là bản nháp và chưa có phiếu trả lời.");
    }
    s << "DELETE FROM survey_code WHERE survey_id = :i", soci::use(row);
    s << "DELETE FROM survey WHERE id = :i", soci::use(row);
    AuditChange(s, rec, commune, "survey", row, "delete", found->title, now);
    return Ok{};
  });
}

// The code is used up in a transaction of its own, before the one that stores the sheet: on
// PostgreSQL every row a transaction writes carries its id (the system column xmin), so a code
// marked used beside the response it let in could be matched to it by anyone reading the tables.
// The price: when the second write fails (the survey closed in between, the database went away),
// the code stays used and the respondent asks for a new slip; rare, since the answers were
// checked before either write.
Result<int64_t> SqlSurveyRepository::AddResponse(int64_t commune_id, const Response& r,
                                                 const std::string& code,
                                                 const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  if (!code.empty()) XASO_RETURN_IF_ERROR(UseCode(commune_id, r.survey_id, code));
  long long response_id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long commune = commune_id, survey_id = r.survey_id, submitted = r.submitted_at,
              counted = 0;
    // Counts the sheet and takes the survey's row lock in one statement; it matches nothing
    // unless the survey is open.
    s << "UPDATE survey SET response_count = response_count + 1 WHERE commune_id = :c AND "
         "id = :i AND status = 'open' RETURNING id",
        soci::use(commune), soci::use(survey_id), soci::into(counted);
    if (!s.got_data()) return NotOpen(s, commune, survey_id);
    const std::string channel(survey::ChannelCode(r.channel)), answers = AnswersJson(r.answers);
    double weight = r.weight;
    s << "INSERT INTO survey_response (survey_id, commune_id, channel, submitted_at, weight, "
         "answers) VALUES (:s, :c, :ch, :t, :w, :a) RETURNING id",
        soci::use(survey_id), soci::use(commune), soci::use(channel), soci::use(submitted),
        soci::use(weight), soci::use(answers), soci::into(response_id);
    // The entry names the survey and the channel, never the code.
    AuditChange(s, rec, commune, "survey", survey_id, "answer", channel, now);
    return Ok{};
  }));
  return static_cast<int64_t>(response_id);
}

// Marks `code` used when the survey is open and the code is one of its unused ones. Its own
// transaction, with no audit entry: the answer's entry records the sheet (see AddResponse).
Status SqlSurveyRepository::UseCode(int64_t commune_id, int64_t survey_id,
                                    const std::string& code) {
  return db_.Write([&](soci::session& s) -> Status {
    long long commune = commune_id, id = survey_id, found = 0;
    s << "SELECT id FROM survey WHERE commune_id = :c AND id = :i AND status = 'open'",
        soci::use(commune), soci::use(id), soci::into(found);
    if (!s.got_data()) return NotOpen(s, commune, id);
    soci::statement st = (s.prepare << "UPDATE survey_code SET used = 1 WHERE survey_id = :i "
                                       "AND code = :k AND used = 0",
                          soci::use(id), soci::use(code));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return Error{ErrorCode::kInvalidArgument,
                   "Mã phiếu không đúng.",
                   {{"code",
                     "Mã phiếu không đúng hoặc đã được dùng. Kiểm tra mã in trên "
                     "phiếu được phát."}}};
    }
    return Ok{};
  });
}

Result<int64_t> SqlSurveyRepository::ImportResponses(int64_t commune_id, int64_t survey_id,
                                                     std::span<const Response> responses,
                                                     const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long commune = commune_id, id = survey_id, n = static_cast<long long>(responses.size()),
              found = 0;
    s << "UPDATE survey SET response_count = response_count + :n WHERE commune_id = :c AND "
         "id = :i AND status IN ('open', 'closed') RETURNING id",
        soci::use(n), soci::use(commune), soci::use(id), soci::into(found);
    if (!s.got_data()) {
      return NotFoundOr(s, commune, id,
                        MakeError(ErrorCode::kFailedPrecondition,
                                  "Chỉ nhập được phiếu khi khảo sát đang mở hoặc đã đóng."));
    }
    if (db_.dialect() == Dialect::kPostgres) {
      CopyResponses(s, id, commune, responses);
    } else {
      // The ids are integers spliced as such, the same for every row.
      InsertBatched<ResponseSlot>(
          s,
          "INSERT INTO survey_response (survey_id, commune_id, channel, submitted_at, weight, "
          "answers) VALUES ",
          "(" + std::to_string(id) + ", " + std::to_string(commune) + ", :ch, :t, :w, :a)",
          responses);
    }
    AuditChange(s, rec, commune, "survey", id, "import", std::to_string(n) + " phiếu", now);
    return Ok{};
  }));
  return static_cast<int64_t>(responses.size());
}

Result<std::vector<Response>> SqlSurveyRepository::Responses(int64_t commune_id,
                                                             int64_t survey_id) {
  XASO_RETURN_IF_ERROR(CheckExists(commune_id, survey_id));
  return QueryAll<Response>(
      db_,
      "SELECT id, survey_id, channel, submitted_at, weight, answers FROM survey_response WHERE "
      "survey_id = :i AND commune_id = :c ORDER BY id",
      ResponseFromRow, static_cast<long long>(survey_id), static_cast<long long>(commune_id));
}

Status SqlSurveyRepository::AddCodes(int64_t commune_id, int64_t survey_id,
                                     std::span<const std::string> codes,
                                     const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  return db_.Write([&](soci::session& s) -> Status {
    long long commune = commune_id, id = survey_id;
    if (!ReadLocked(s, commune, id)) return NotFound();
    InsertBatched<CodeSlot>(s, "INSERT INTO survey_code (survey_id, commune_id, code) VALUES ",
                            "(" + std::to_string(id) + ", " + std::to_string(commune) + ", :k)",
                            codes);
    // The count only: the codes themselves stay out of the log.
    AuditChange(s, rec, commune, "survey", id, "codes", std::to_string(codes.size()) + " mã", now);
    return Ok{};
  });
}

Result<std::vector<std::string>> SqlSurveyRepository::UnusedCodes(int64_t commune_id,
                                                                  int64_t survey_id) {
  XASO_RETURN_IF_ERROR(CheckExists(commune_id, survey_id));
  return QueryAll<std::string>(
      db_, "SELECT code FROM survey_code WHERE survey_id = :i AND used = 0 ORDER BY id",
      [](const soci::row& r) { return RowText(r, 0); }, static_cast<long long>(survey_id));
}

Result<survey::CodeCount> SqlSurveyRepository::CountCodes(int64_t commune_id, int64_t survey_id) {
  XASO_RETURN_IF_ERROR(CheckExists(commune_id, survey_id));
  XASO_ASSIGN_OR_RETURN(
      auto count,
      QueryOne<survey::CodeCount>(
          db_, "SELECT COUNT(*), COALESCE(SUM(used), 0) FROM survey_code WHERE survey_id = :i",
          [](const soci::row& r) {
            return survey::CodeCount{RowInt(r, 0), RowInt(r, 1)};
          },
          static_cast<long long>(survey_id)));
  return count.value_or(survey::CodeCount{});
}

}  // namespace xaso::storage
