#include "storage/disclosure/sql_disclosure_repository.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <utility>

#include <soci/soci.h>

#include "core/text.h"
#include "domain/disclosure/period.h"
#include "storage/audit/sql_audit_log.h"
#include "storage/content_version.h"
#include "storage/disclosure/disclosure_writes.h"
#include "storage/query.h"
#include "storage/row_util.h"

namespace xaso::storage {

using disclosure::Attachment;
using disclosure::Item;
using disclosure::ItemQuery;
using disclosure::ItemStatus;
using disclosure::ItemSummary;
using disclosure::Posting;

namespace {

// The words of a search bound to the statement; further words are ignored.
constexpr size_t kSearchWords = 6;

constexpr const char* kItemColumns =
    "SELECT id, commune_id, type_code, type_effective_from, title, summary, year, period_key, "
    "decision_number, decision_on, unit_id, status, published_at, withdrawn_reason, version, "
    "created_at, created_by FROM disclosure_item ";

Item ItemFromRow(const soci::row& r) {
  Item it;
  it.id = RowInt(r, 0);
  it.commune_id = RowInt(r, 1);
  it.type_code = RowText(r, 2);
  it.type_effective_from = Date::ParseIso(RowText(r, 3)).value_or(Date());
  it.title = RowText(r, 4);
  it.summary = RowText(r, 5);
  it.year = static_cast<int>(RowInt(r, 6));
  it.period_key = RowText(r, 7);
  it.decision_number = RowText(r, 8);
  it.decision_on = RowDate(r, 9);
  it.unit_id = RowInt(r, 10);
  it.status = disclosure::ParseItemStatus(RowText(r, 11)).value_or(ItemStatus::kDraft);
  it.published_at = RowInt(r, 12);
  it.withdrawn_reason = RowText(r, 13);
  it.version = RowInt(r, 14);
  it.created_at = RowInt(r, 15);
  it.created_by = RowInt(r, 16);
  return it;
}

constexpr const char* kPostingColumns =
    "SELECT p.item_id, p.id, p.channel, p.village_id, p.started_on, p.until_on, "
    "p.taken_down_on, p.note, p.proof_sha256, p.proof_content_type, p.recorded_at, "
    "p.recorded_by FROM disclosure_posting p ";

std::pair<int64_t, Posting> PostingFromRow(const soci::row& r) {
  Posting p;
  p.id = RowInt(r, 1);
  p.channel = disclosure::ParseChannel(RowText(r, 2)).value_or(disclosure::Channel::kOther);
  p.village_id = RowInt(r, 3);
  p.started_on = Date::ParseIso(RowText(r, 4)).value_or(Date());
  p.until = RowDate(r, 5);
  p.taken_down_on = RowDate(r, 6);
  p.note = RowText(r, 7);
  p.proof_sha256 = RowText(r, 8);
  p.proof_content_type = RowText(r, 9);
  p.recorded_at = RowInt(r, 10);
  p.recorded_by = RowInt(r, 11);
  return {RowInt(r, 0), std::move(p)};
}

constexpr const char* kAttachmentColumns =
    "SELECT a.item_id, a.n, a.filename, a.content_type, a.sha256, a.size "
    "FROM disclosure_attachment a ";

std::pair<int64_t, Attachment> AttachmentFromRow(const soci::row& r) {
  Attachment a;
  a.n = static_cast<int>(RowInt(r, 1));
  a.filename = RowText(r, 2);
  a.content_type = RowText(r, 3);
  a.sha256 = RowText(r, 4);
  a.size = RowInt(r, 5);
  return {RowInt(r, 0), std::move(a)};
}

// Fills the attachments and postings of `items` with one query each (not one per item: the
// compliance bench reads 100 communes' years). `item_filter` is a condition on the items'
// table `i` with one key (an item id or a year) bound as :k.
Status LoadChildren(Database& db, const std::string& item_filter, long long commune_id,
                    long long key, std::vector<Item>& items) {
  if (items.empty()) return Ok{};
  std::map<int64_t, Item*> by_id;
  for (Item& it : items) by_id[it.id] = &it;
  XASO_ASSIGN_OR_RETURN(auto files,
                        (QueryAll<std::pair<int64_t, Attachment>>(
                            db,
                            std::string(kAttachmentColumns) +
                                "JOIN disclosure_item i ON i.id = a.item_id WHERE i.commune_id = "
                                ":c AND " +
                                item_filter + " ORDER BY a.item_id, a.n",
                            AttachmentFromRow, commune_id, key)));
  for (auto& [id, a] : files) {
    if (auto found = by_id.find(id); found != by_id.end()) {
      found->second->attachments.push_back(std::move(a));
    }
  }
  XASO_ASSIGN_OR_RETURN(auto postings,
                        (QueryAll<std::pair<int64_t, Posting>>(
                            db,
                            std::string(kPostingColumns) +
                                "JOIN disclosure_item i ON i.id = p.item_id WHERE i.commune_id "
                                "= :c AND " +
                                item_filter + " ORDER BY p.item_id, p.started_on, p.id",
                            PostingFromRow, commune_id, key)));
  for (auto& [id, p] : postings) {
    if (auto found = by_id.find(id); found != by_id.end()) {
      found->second->postings.push_back(std::move(p));
    }
  }
  return Ok{};
}

// What the register's search looks in, folded like the query (ItemQuery::folded_words).
std::string SearchText(const Item& it) {
  return FoldVietnamese(it.title + "\n" + it.summary + "\n" + it.decision_number);
}

// The day the lists order by (migration 0018, ref_on).
std::string RefOn(const Item& it, int64_t now) {
  if (it.decision_on) return it.decision_on->ToIso();
  if (auto period = disclosure::ParsePeriod(it.period_key)) return period->last.ToIso();
  return Clock::DayVn(now).ToIso();
}

// Whether item `id` belongs to commune `c`; its status code when it does.
std::optional<std::string> StatusOf(soci::session& s, long long c, long long id) {
  std::string status;
  s << "SELECT status FROM disclosure_item WHERE commune_id = :c AND id = :i", soci::use(c),
      soci::use(id), soci::into(status);
  if (!s.got_data()) return std::nullopt;
  return status;
}

// Inserts `p` as a posting of item `id`; returns its id.
long long InsertPosting(soci::session& s, long long c, long long id, const Posting& p,
                        const std::string& proof_sha, const std::string& proof_type) {
  long long village = p.village_id, at = p.recorded_at, by = p.recorded_by, pid = 0;
  soci::indicator village_ind = p.village_id > 0 ? soci::i_ok : soci::i_null;
  const std::string channel(disclosure::ChannelCode(p.channel));
  const std::string started = p.started_on.ToIso();
  OptText until(p.until), down(p.taken_down_on);
  s << "INSERT INTO disclosure_posting (commune_id, item_id, channel, village_id, started_on, "
       "until_on, taken_down_on, note, proof_sha256, proof_content_type, recorded_at, "
       "recorded_by) VALUES (:c, :i, :ch, :v, :s, :u, :d, :n, :h, :t, :a, :b) RETURNING id",
      soci::use(c), soci::use(id), soci::use(channel), soci::use(village, village_ind),
      soci::use(started), soci::use(until.value, until.ind), soci::use(down.value, down.ind),
      soci::use(p.note), soci::use(proof_sha), soci::use(proof_type), soci::use(at), soci::use(by),
      soci::into(pid);
  RefreshDisclosureLine(s, c, id);
  return pid;
}

// A LIKE pattern matching `word` anywhere, with LIKE's wildcards taken literally.
std::string Contains(std::string_view word) {
  std::string out = "%";
  for (char ch : word) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "%";
}

// The filter of List, Count and Years: a condition for each field of the query that is set and
// none for the others, so that each database sees plain conditions it can match to an index
// (a sentinel form such as `(:t = '' OR type_code = :t)` hid the type index from SQLite). The
// SQL is built from fixed fragments and counts only; every value of a request is bound.
class Filter {
 public:
  explicit Filter(const ItemQuery& q)
      : c_(q.commune_id),
        type_(q.type_code),
        year_(q.year),
        only_(q.only_types),
        excluded_(q.exclude_types) {
    if (q.status) status_ = std::string(disclosure::ItemStatusCode(*q.status));
    if (q.out_from) out_from_ = q.out_from->ToIso();
    if (q.out_until) out_until_ = q.out_until->ToIso();
    std::istringstream words(q.folded_words);
    std::string word;
    while (like_.size() < kSearchWords && words >> word) like_.push_back(Contains(word));
    where_ = "WHERE i.commune_id = :c";
    if (type_) where_ += " AND i.type_code = :t";
    if (year_) where_ += " AND i.year = :y";
    if (status_) where_ += " AND i.status = :s";
    for (size_t i = 0; i < like_.size(); ++i) {
      where_ += " AND i.search_folded LIKE :w" + std::to_string(i) + " ESCAPE '\\'";
    }
    where_ += InList(" AND i.type_code IN (", ":o", only_.size());
    where_ += InList(" AND i.type_code NOT IN (", ":x", excluded_.size());
    if (out_from_) where_ += " AND i.first_out >= :f";
    if (out_until_) where_ += " AND i.first_out <= :u";
  }

  static Status Check(const ItemQuery& q) {
    if (q.exclude_types.size() > disclosure::kMaxQueryTypes ||
        q.only_types.size() > disclosure::kMaxQueryTypes) {
      return MakeError(ErrorCode::kInvalidArgument, "Quá nhiều loại trong một truy vấn.");
    }
    return Ok{};
  }

  const std::string& where() const { return where_; }

  // Binds the values in the order of where()'s placeholders.
  void Bind(soci::details::prepare_temp_type& st) const {
    st, soci::use(c_);
    if (type_) st, soci::use(*type_);
    if (year_) st, soci::use(*year_);
    if (status_) st, soci::use(*status_);
    for (const auto& w : like_) st, soci::use(w);
    for (const auto& o : only_) st, soci::use(o);
    for (const auto& x : excluded_) st, soci::use(x);
    if (out_from_) st, soci::use(*out_from_);
    if (out_until_) st, soci::use(*out_until_);
  }

 private:
  // `head` and `n` placeholders named `prefix`0, `prefix`1... and ")"; "" when n is 0.
  static std::string InList(const char* head, const char* prefix, size_t n) {
    if (n == 0) return {};
    std::string sql = head;
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) sql += ", ";
      sql += prefix;
      sql += std::to_string(i);
    }
    sql += ')';
    return sql;
  }

  long long c_;
  std::optional<std::string> type_;
  std::optional<int> year_;
  std::optional<std::string> status_;
  std::vector<std::string> like_, only_, excluded_;
  std::optional<std::string> out_from_, out_until_;
  std::string where_;
};

// Runs `head` + the filter's WHERE + `tail` with the filter bound, then `extra` (the values of the
// tail's placeholders), and maps each row.
template <class T, class Map, class... Extra>
Result<std::vector<T>> QueryFiltered(Database& db, const std::string& head, const Filter& f,
                                     const std::string& tail, Map map, const Extra&... extra) {
  std::vector<T> out;
  XASO_RETURN_IF_ERROR(db.Read([&](soci::session& s) -> Status {
    soci::details::prepare_temp_type st = (s.prepare << head + f.where() + tail);
    f.Bind(st);
    ((st, soci::use(extra)), ...);
    soci::rowset<soci::row> rows(st);
    for (const soci::row& r : rows) out.push_back(map(r));
    return Ok{};
  }));
  return out;
}

// Refuses a village or unit of another commune (or none): the foreign keys only check that the
// row exists. `table` is "village" or "unit", never request text.
Status OfCommune(soci::session& s, const char* table, long long id, long long c,
                 const std::string& field, const std::string& message) {
  long long n = 0;
  s << std::string("SELECT COUNT(*) FROM ") + table + " WHERE id = :i AND commune_id = :c",
      soci::use(id), soci::use(c), soci::into(n);
  if (n == 1) return Ok{};
  return Error{ErrorCode::kInvalidArgument, message, {{field, message}}};
}

Status UnitOfCommune(soci::session& s, const Item& it) {
  if (it.unit_id == 0) return Ok{};
  return OfCommune(s, "unit", it.unit_id, it.commune_id, "unit_id",
                   "Đơn vị phụ trách không thuộc xã.");
}

// Inserts `it` as a draft at version 1 with its audit entry; returns the id.
long long InsertDraft(soci::session& s, const Item& it, const audit::AuditRecord& rec,
                      int64_t now) {
  long long id = 0;
  long long c = it.commune_id, unit = it.unit_id;
  long long at = it.created_at != 0 ? it.created_at : now;
  long long by = it.created_by != 0 ? it.created_by : rec.actor_id;
  soci::indicator unit_ind = it.unit_id > 0 ? soci::i_ok : soci::i_null;
  int year = it.year;
  const std::string effective = it.type_effective_from.ToIso();
  const std::string ref_on = RefOn(it, now);
  const std::string folded = SearchText(it);
  OptText decision(it.decision_on);
  s << "INSERT INTO disclosure_item (commune_id, type_code, type_effective_from, title, "
       "summary, year, period_key, decision_number, decision_on, ref_on, unit_id, status, "
       "search_folded, version, created_at, created_by) VALUES (:c, :t, :e, :ti, :su, :y, :p, "
       ":dn, :do, :r, :u, 'draft', :f, 1, :a, :b) RETURNING id",
      soci::use(c), soci::use(it.type_code), soci::use(effective), soci::use(it.title),
      soci::use(it.summary), soci::use(year), soci::use(it.period_key),
      soci::use(it.decision_number), soci::use(decision.value, decision.ind), soci::use(ref_on),
      soci::use(unit, unit_ind), soci::use(folded), soci::use(at), soci::use(by), soci::into(id);
  AuditChange(s, rec, c, kDisclosureEntity, id, "create", it.type_code + ": " + it.title, now);
  return id;
}

// The portal posting that publication adds, with the content version and the audit entry.
void InsertPortal(soci::session& s, long long c, long long id, const Posting& portal, int64_t at,
                  const audit::AuditRecord& rec, int64_t now) {
  Posting p = portal;
  p.channel = disclosure::Channel::kPortal;
  p.village_id = 0;
  if (p.recorded_at == 0) p.recorded_at = at;
  if (p.recorded_by == 0) p.recorded_by = rec.actor_id;
  InsertPosting(s, c, id, p, "", "");
  BumpContentVersion(s, c);
  AuditChange(s, rec, c, kDisclosureEntity, id, "publish", "từ " + p.started_on.ToVi(), now);
}

}  // namespace

Result<int64_t> SqlDisclosureRepository::Create(const Item& it, const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    if (Status unit = UnitOfCommune(s, it); !unit) return unit;
    id = InsertDraft(s, it, rec, now);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

Result<int64_t> SqlDisclosureRepository::CreatePublished(const Item& it, Attachment file,
                                                         int64_t at, const Posting& portal,
                                                         const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  long long id = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = it.commune_id, when = at;
    // First, so that on PostgreSQL the commune row's lock makes a concurrent call wait here and
    // then see this one's item (SQLite's BEGIN IMMEDIATE already serialises writers).
    BumpContentVersion(s, c);
    long long published = 0;
    s << "SELECT COUNT(*) FROM disclosure_item WHERE commune_id = :c AND type_code = :t AND "
         "period_key = :p AND status = 'published'",
        soci::use(c), soci::use(it.type_code), soci::use(it.period_key), soci::into(published);
    if (published > 0) {
      return MakeError(ErrorCode::kFailedPrecondition, "Kỳ này đã có bản được công bố.");
    }
    if (Status unit = UnitOfCommune(s, it); !unit) return unit;
    id = InsertDraft(s, it, rec, now);
    InsertDisclosureAttachment(s, c, id, file, now);
    AuditChange(s, rec, c, kDisclosureEntity, id, "attach",
                "tệp " + std::to_string(file.n) + " " + file.filename + " (" + file.sha256 + ")",
                now);
    s << "UPDATE disclosure_item SET status = 'published', published_at = :a WHERE id = :i",
        soci::use(when), soci::use(id);
    InsertPortal(s, c, id, portal, at, rec, now);
    return Ok{};
  }));
  return static_cast<int64_t>(id);
}

Result<Item> SqlDisclosureRepository::Get(int64_t commune_id, int64_t id) {
  const long long c = commune_id, key = id;
  XASO_ASSIGN_OR_RETURN(
      auto items,
      QueryAll<Item>(db_, std::string(kItemColumns) + "WHERE commune_id = :c AND id = :i",
                     ItemFromRow, c, key));
  if (items.empty()) return DisclosureNotFound();
  XASO_RETURN_IF_ERROR(LoadChildren(db_, "i.id = :k", c, key, items));
  return std::move(items.front());
}

Result<int64_t> SqlDisclosureRepository::Update(const Item& it, const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = it.commune_id, id = it.id, v = it.version, unit = it.unit_id;
    soci::indicator unit_ind = it.unit_id > 0 ? soci::i_ok : soci::i_null;
    int year = it.year;
    // The service looks the type version up again from the new dates; an unset one keeps the
    // stored version.
    const std::string effective =
        it.type_effective_from == Date() ? "" : it.type_effective_from.ToIso();
    const std::string ref_on = RefOn(it, now);
    const std::string folded = SearchText(it);
    OptText decision(it.decision_on);
    if (Status in_commune = UnitOfCommune(s, it); !in_commune) return in_commune;
    soci::statement st =
        (s.prepare << "UPDATE disclosure_item SET title = :ti, summary = :su, year = :y, "
                      "period_key = :p, decision_number = :dn, decision_on = :do, ref_on = :r, "
                      "unit_id = :u, type_effective_from = CASE WHEN :e1 = '' THEN "
                      "type_effective_from ELSE :e2 END, search_folded = :f, version = version "
                      "+ 1 WHERE commune_id = :c AND id = :i AND version = :v",
         soci::use(it.title), soci::use(it.summary), soci::use(year), soci::use(it.period_key),
         soci::use(it.decision_number), soci::use(decision.value, decision.ind), soci::use(ref_on),
         soci::use(unit, unit_ind), soci::use(effective), soci::use(effective), soci::use(folded),
         soci::use(c), soci::use(id), soci::use(v));
    st.execute(true);
    if (st.get_affected_rows() != 1) return DisclosureRefusal(s, c, id, v, "");
    BumpContentVersion(s, c);
    AuditChange(s, rec, c, kDisclosureEntity, id, "edit", it.title, now);
    return Ok{};
  }));
  return it.version + 1;
}

Result<int64_t> SqlDisclosureRepository::Publish(int64_t commune_id, int64_t id, int64_t version,
                                                 int64_t at, const Posting& portal,
                                                 const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, key = id, v = version, when = at;
    soci::statement st =
        (s.prepare << "UPDATE disclosure_item SET status = 'published', published_at = :a, "
                      "version = version + 1 WHERE commune_id = :c AND id = :i AND version = :v "
                      "AND status = 'draft'",
         soci::use(when), soci::use(c), soci::use(key), soci::use(v));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return DisclosureRefusal(s, c, key, v, "Chỉ công khai được mục đang soạn.");
    }
    InsertPortal(s, c, key, portal, at, rec, now);
    return Ok{};
  }));
  return version + 1;
}

Result<int64_t> SqlDisclosureRepository::Withdraw(int64_t commune_id, int64_t id, int64_t version,
                                                  Date on, const std::string& reason,
                                                  const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, key = id, v = version;
    const std::string day = on.ToIso();
    soci::statement st =
        (s.prepare << "UPDATE disclosure_item SET status = 'withdrawn', withdrawn_reason = :r, "
                      "version = version + 1 WHERE commune_id = :c AND id = :i AND version = :v "
                      "AND status = 'published'",
         soci::use(reason), soci::use(c), soci::use(key), soci::use(v));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return DisclosureRefusal(s, c, key, v, "Chỉ gỡ được mục đang công khai.");
    }
    s << "UPDATE disclosure_posting SET taken_down_on = :d WHERE commune_id = :c AND item_id = "
         ":i AND channel = 'portal' AND taken_down_on IS NULL",
        soci::use(day), soci::use(c), soci::use(key);
    BumpContentVersion(s, c);
    AuditChange(s, rec, c, kDisclosureEntity, key, "withdraw", on.ToVi() + ": " + reason, now);
    return Ok{};
  }));
  return version + 1;
}

Result<int64_t> SqlDisclosureRepository::AddPosting(int64_t commune_id, int64_t item_id,
                                                    const Posting& p,
                                                    const std::optional<Attachment>& proof,
                                                    const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  long long pid = 0;
  XASO_RETURN_IF_ERROR(db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, id = item_id;
    if (!StatusOf(s, c, id)) return DisclosureNotFound();
    if (p.village_id != 0) {
      Status village =
          OfCommune(s, "village", p.village_id, c, "village_id", "Thôn không thuộc xã.");
      if (!village) return village;
    }
    std::string sha, type;
    if (proof) {
      sha = StoreDisclosureBlob(s, c, proof->bytes, now);
      type = proof->content_type;
    }
    Posting row = p;
    if (row.recorded_at == 0) row.recorded_at = now;
    if (row.recorded_by == 0) row.recorded_by = rec.actor_id;
    pid = InsertPosting(s, c, id, row, sha, type);
    BumpContentVersion(s, c);
    std::string summary = std::string(disclosure::ChannelCode(p.channel)) + " từ " +
                          p.started_on.ToVi() + (p.until ? " đến " + p.until->ToVi() : "");
    if (!sha.empty()) summary += ", minh chứng " + sha;
    AuditChange(s, rec, c, kDisclosureEntity, id, "post", summary, now);
    return Ok{};
  }));
  return static_cast<int64_t>(pid);
}

Status SqlDisclosureRepository::TakeDown(int64_t commune_id, int64_t item_id, int64_t posting_id,
                                         Date on, const audit::AuditRecord& rec) {
  const int64_t now = clock_.NowUnix();
  return db_.Write([&](soci::session& s) -> Status {
    long long c = commune_id, id = item_id, pid = posting_id;
    std::string started, down;
    soci::indicator down_ind = soci::i_null;
    s << "SELECT started_on, taken_down_on FROM disclosure_posting WHERE commune_id = :c AND "
         "item_id = :i AND id = :p",
        soci::use(c), soci::use(id), soci::use(pid), soci::into(started),
        soci::into(down, down_ind);
    if (!s.got_data()) return MakeError(ErrorCode::kNotFound, "Không tìm thấy lần niêm yết.");
    if (down_ind == soci::i_ok) {
      return MakeError(ErrorCode::kFailedPrecondition, "Lần niêm yết này đã ghi ngày gỡ.");
    }
    const std::string day = on.ToIso();
    if (day < started) {
      Error e = MakeError(ErrorCode::kInvalidArgument, "Ngày gỡ trước ngày bắt đầu niêm yết.");
      e.fields.push_back({"taken_down_on", "Ngày gỡ không được trước ngày bắt đầu niêm yết."});
      return e;
    }
    s << "UPDATE disclosure_posting SET taken_down_on = :d WHERE id = :p", soci::use(day),
        soci::use(pid);
    BumpContentVersion(s, c);
    AuditChange(s, rec, c, kDisclosureEntity, id, "take_down",
                "lần niêm yết #" + std::to_string(pid) + " gỡ ngày " + on.ToVi(), now);
    return Ok{};
  });
}

Result<std::vector<ItemSummary>> SqlDisclosureRepository::List(const ItemQuery& q) {
  XASO_RETURN_IF_ERROR(Filter::Check(q));
  const Filter f(q);
  const int limit = std::clamp(q.limit, 1, 500), offset = std::max(q.offset, 0);
  return QueryFiltered<ItemSummary>(
      db_,
      "SELECT i.id, i.type_code, i.type_effective_from, i.title, i.year, i.period_key, "
      "i.decision_number, i.decision_on, i.status, i.published_at, i.first_out, i.files "
      "FROM disclosure_item i ",
      f, " ORDER BY i.ref_on DESC, i.id DESC LIMIT :l OFFSET :o",
      [](const soci::row& r) {
        ItemSummary it;
        it.id = RowInt(r, 0);
        it.type_code = RowText(r, 1);
        it.type_effective_from = Date::ParseIso(RowText(r, 2)).value_or(Date());
        it.title = RowText(r, 3);
        it.year = static_cast<int>(RowInt(r, 4));
        it.period_key = RowText(r, 5);
        it.decision_number = RowText(r, 6);
        it.decision_on = RowDate(r, 7);
        it.status = disclosure::ParseItemStatus(RowText(r, 8)).value_or(ItemStatus::kDraft);
        it.published_at = RowInt(r, 9);
        it.first_out = RowDate(r, 10);
        it.attachments = static_cast<int>(RowInt(r, 11));
        return it;
      },
      limit, offset);
}

Result<int64_t> SqlDisclosureRepository::Count(const ItemQuery& q) {
  XASO_RETURN_IF_ERROR(Filter::Check(q));
  XASO_ASSIGN_OR_RETURN(
      auto n, QueryFiltered<int64_t>(db_, "SELECT COUNT(*) FROM disclosure_item i ", Filter(q), "",
                                     [](const soci::row& r) { return RowInt(r, 0); }));
  return n.empty() ? 0 : n.front();
}

Result<std::vector<Item>> SqlDisclosureRepository::ItemsOfYear(int64_t commune_id, int year) {
  const long long c = commune_id, y = year;
  XASO_ASSIGN_OR_RETURN(
      auto items,
      QueryAll<Item>(db_,
                     std::string(kItemColumns) + "WHERE commune_id = :c AND year = :y ORDER BY id",
                     ItemFromRow, c, y));
  XASO_RETURN_IF_ERROR(LoadChildren(db_, "i.year = :k", c, y, items));
  return items;
}

Result<std::vector<disclosure::YearCount>> SqlDisclosureRepository::Years(
    int64_t commune_id, ItemStatus status, const std::vector<std::string>& exclude_types) {
  const ItemQuery q{.commune_id = commune_id, .status = status, .exclude_types = exclude_types};
  XASO_RETURN_IF_ERROR(Filter::Check(q));
  return QueryFiltered<disclosure::YearCount>(
      db_, "SELECT i.year, COUNT(*) FROM disclosure_item i ", Filter(q),
      " GROUP BY i.year ORDER BY i.year DESC", [](const soci::row& r) {
        return disclosure::YearCount{static_cast<int>(RowInt(r, 0)), RowInt(r, 1)};
      });
}

}  // namespace xaso::storage
