#include "domain/disclosure/fake_disclosure_repository.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"
#include "domain/disclosure/compliance.h"
#include "domain/disclosure/period.h"

namespace xaso::disclosure::testing {
namespace {

Error NotFound() { return MakeError(ErrorCode::kNotFound, "not found"); }

ItemSummary Summarise(const Item& item) {
  ItemSummary s;
  s.id = item.id;
  s.type_code = item.type_code;
  s.type_effective_from = item.type_effective_from;
  s.title = item.title;
  s.year = item.year;
  s.period_key = item.period_key;
  s.decision_number = item.decision_number;
  s.decision_on = item.decision_on;
  s.status = item.status;
  s.published_at = item.published_at;
  s.first_out = FirstOut(item);
  s.attachments = static_cast<int>(item.attachments.size());
  return s;
}

void SortPostings(Item& item) {
  std::sort(item.postings.begin(), item.postings.end(), [](const Posting& a, const Posting& b) {
    return a.started_on != b.started_on ? a.started_on < b.started_on : a.id < b.id;
  });
}

// As the SQL repository: a query names at most kMaxQueryTypes types in a list.
Status CheckTypeLists(const ItemQuery& q) {
  if (q.only_types.size() > kMaxQueryTypes || q.exclude_types.size() > kMaxQueryTypes) {
    return MakeError(ErrorCode::kInvalidArgument, "too many types");
  }
  return Ok{};
}

}  // namespace

Result<Item*> FakeDisclosureRepository::AtVersion(int64_t commune_id, int64_t id, int64_t version) {
  auto it = items.find(id);
  if (it == items.end() || it->second.commune_id != commune_id) return NotFound();
  if (it->second.version != version) return MakeError(ErrorCode::kAborted, "stale version");
  return &it->second;
}

Result<int64_t> FakeDisclosureRepository::Create(const Item& item, const audit::AuditRecord& rec) {
  XASO_RETURN_IF_ERROR(UnitOfCommune(item));
  Item stored = item;
  stored.id = next_id_++;
  stored.version = 1;
  stored.status = ItemStatus::kDraft;
  items[stored.id] = stored;
  audit.push_back(rec);
  return stored.id;
}

Result<Item> FakeDisclosureRepository::Get(int64_t commune_id, int64_t id) {
  auto it = items.find(id);
  if (it == items.end() || it->second.commune_id != commune_id) return NotFound();
  return it->second;
}

Status FakeDisclosureRepository::UnitOfCommune(const Item& item) const {
  if (item.unit_id == 0) return Ok{};
  auto it = units.find(item.unit_id);
  if (it != units.end() && it->second == item.commune_id) return Ok{};
  return Error{ErrorCode::kInvalidArgument, "unit", {{"unit_id", "unit of another commune"}}};
}

Result<int64_t> FakeDisclosureRepository::Update(const Item& item, const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(Item * stored, AtVersion(item.commune_id, item.id, item.version));
  XASO_RETURN_IF_ERROR(UnitOfCommune(item));
  stored->type_effective_from = item.type_effective_from;
  stored->title = item.title;
  stored->summary = item.summary;
  stored->year = item.year;
  stored->period_key = item.period_key;
  stored->decision_number = item.decision_number;
  stored->decision_on = item.decision_on;
  stored->unit_id = item.unit_id;
  audit.push_back(rec);
  return ++stored->version;
}

Result<Attachment> FakeDisclosureRepository::AddAttachment(int64_t commune_id, int64_t item_id,
                                                           int64_t version, Attachment file,
                                                           const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(Item * stored, AtVersion(commune_id, item_id, version));
  if (stored->status == ItemStatus::kWithdrawn) {
    return MakeError(ErrorCode::kFailedPrecondition, "withdrawn");
  }
  file.n = stored->attachments.empty() ? 1 : stored->attachments.back().n + 1;
  file.size = static_cast<int64_t>(file.bytes.size());
  file.sha256 = "fake-sha-" + std::to_string(item_id) + "-" + std::to_string(file.n);
  files[{item_id, file.n}] = file.bytes;
  file.bytes.clear();
  stored->attachments.push_back(file);
  ++stored->version;
  audit.push_back(rec);
  return file;
}

Status FakeDisclosureRepository::RemoveAttachment(int64_t commune_id, int64_t item_id,
                                                  int64_t version, int n,
                                                  const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(Item * stored, AtVersion(commune_id, item_id, version));
  if (stored->status != ItemStatus::kDraft) {
    return MakeError(ErrorCode::kFailedPrecondition, "published");
  }
  auto& list = stored->attachments;
  auto it = std::find_if(list.begin(), list.end(), [n](const Attachment& a) { return a.n == n; });
  if (it == list.end()) return NotFound();
  list.erase(it);
  files.erase({item_id, n});
  ++stored->version;
  audit.push_back(rec);
  return Ok{};
}

Result<Attachment> FakeDisclosureRepository::GetAttachment(int64_t commune_id, int64_t item_id,
                                                           int n) {
  XASO_ASSIGN_OR_RETURN(Item item, Get(commune_id, item_id));
  for (Attachment a : item.attachments) {
    if (a.n != n) continue;
    a.bytes = files[{item_id, n}];
    return a;
  }
  return NotFound();
}

Result<Attachment> FakeDisclosureRepository::GetProof(int64_t commune_id, int64_t item_id,
                                                      int64_t posting_id) {
  XASO_ASSIGN_OR_RETURN(Item item, Get(commune_id, item_id));
  auto it = proofs.find(posting_id);
  if (it == proofs.end()) return NotFound();
  return it->second;
}

Result<int64_t> FakeDisclosureRepository::Publish(int64_t commune_id, int64_t id, int64_t version,
                                                  int64_t at, const Posting& portal,
                                                  const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(Item * stored, AtVersion(commune_id, id, version));
  if (stored->status != ItemStatus::kDraft) {
    return MakeError(ErrorCode::kFailedPrecondition, "not a draft");
  }
  stored->status = ItemStatus::kPublished;
  stored->published_at = at;
  Posting p = portal;
  p.id = next_posting_id_++;
  stored->postings.push_back(p);
  SortPostings(*stored);
  audit.push_back(rec);
  return ++stored->version;
}

Result<int64_t> FakeDisclosureRepository::CreatePublished(const Item& item, Attachment file,
                                                          int64_t at, const Posting& portal,
                                                          const audit::AuditRecord& rec) {
  for (const auto& [id, other] : items) {
    if (other.commune_id == item.commune_id && other.type_code == item.type_code &&
        other.period_key == item.period_key && other.status == ItemStatus::kPublished) {
      return MakeError(ErrorCode::kFailedPrecondition, "already published");
    }
  }
  if (fail_next_create_published) {
    fail_next_create_published = false;
    return MakeError(ErrorCode::kUnavailable, "injected failure");
  }
  XASO_ASSIGN_OR_RETURN(const int64_t id, Create(item, rec));
  Item& stored = items[id];
  file.n = 1;
  file.size = static_cast<int64_t>(file.bytes.size());
  file.sha256 = "fake-sha-" + std::to_string(id) + "-1";
  files[{id, 1}] = file.bytes;
  file.bytes.clear();
  stored.attachments.push_back(file);
  stored.status = ItemStatus::kPublished;
  stored.published_at = at;
  Posting p = portal;
  p.id = next_posting_id_++;
  stored.postings.push_back(p);
  audit.push_back(rec);
  return id;
}

Result<int64_t> FakeDisclosureRepository::Withdraw(int64_t commune_id, int64_t id, int64_t version,
                                                   Date on, const std::string& reason,
                                                   const audit::AuditRecord& rec) {
  XASO_ASSIGN_OR_RETURN(Item * stored, AtVersion(commune_id, id, version));
  if (stored->status != ItemStatus::kPublished) {
    return MakeError(ErrorCode::kFailedPrecondition, "not published");
  }
  stored->status = ItemStatus::kWithdrawn;
  stored->withdrawn_reason = reason;
  for (Posting& p : stored->postings) {
    if (p.channel == Channel::kPortal && !p.taken_down_on) p.taken_down_on = on;
  }
  audit.push_back(rec);
  return ++stored->version;
}

Result<int64_t> FakeDisclosureRepository::AddPosting(int64_t commune_id, int64_t item_id,
                                                     const Posting& p,
                                                     const std::optional<Attachment>& proof,
                                                     const audit::AuditRecord& rec) {
  auto it = items.find(item_id);
  if (it == items.end() || it->second.commune_id != commune_id) return NotFound();
  if (p.village_id != 0) {
    auto v = villages.find(p.village_id);
    if (v == villages.end() || v->second != commune_id) {
      return Error{
          ErrorCode::kInvalidArgument, "village", {{"village_id", "village of another commune"}}};
    }
  }
  Posting stored = p;
  stored.id = next_posting_id_++;
  if (proof) {
    stored.proof_sha256 = "fake-proof-" + std::to_string(stored.id);
    proofs[stored.id] = *proof;
  }
  it->second.postings.push_back(stored);
  SortPostings(it->second);
  audit.push_back(rec);
  return stored.id;
}

Status FakeDisclosureRepository::TakeDown(int64_t commune_id, int64_t item_id, int64_t posting_id,
                                          Date on, const audit::AuditRecord& rec) {
  auto it = items.find(item_id);
  if (it == items.end() || it->second.commune_id != commune_id) return NotFound();
  for (Posting& p : it->second.postings) {
    if (p.id != posting_id) continue;
    if (p.taken_down_on) return MakeError(ErrorCode::kFailedPrecondition, "already down");
    p.taken_down_on = on;
    audit.push_back(rec);
    return Ok{};
  }
  return NotFound();
}

bool FakeDisclosureRepository::Matches(const Item& item, const ItemQuery& q) const {
  if (item.commune_id != q.commune_id) return false;
  if (q.type_code && item.type_code != *q.type_code) return false;
  if (q.year && item.year != *q.year) return false;
  if (q.status && item.status != *q.status) return false;
  const auto named = [&](const std::vector<std::string>& codes) {
    return std::find(codes.begin(), codes.end(), item.type_code) != codes.end();
  };
  if (named(q.exclude_types)) return false;
  if (!q.only_types.empty() && !named(q.only_types)) return false;
  if (q.out_from || q.out_until) {
    const std::optional<Date> out = FirstOut(item);
    if (!out || (q.out_from && *out < *q.out_from) || (q.out_until && *out > *q.out_until)) {
      return false;
    }
  }
  if (q.folded_words.empty()) return true;
  const std::string hay =
      FoldVietnamese(item.title + " " + item.summary + " " + item.decision_number);
  size_t start = 0;
  while (start < q.folded_words.size()) {
    size_t end = q.folded_words.find(' ', start);
    if (end == std::string::npos) end = q.folded_words.size();
    if (end > start && hay.find(q.folded_words.substr(start, end - start)) == std::string::npos) {
      return false;
    }
    start = end + 1;
  }
  return true;
}

Result<std::vector<ItemSummary>> FakeDisclosureRepository::List(const ItemQuery& q) {
  XASO_RETURN_IF_ERROR(CheckTypeLists(q));
  std::vector<ItemSummary> out;
  for (const auto& [id, item] : items) {
    if (Matches(item, q)) out.push_back(Summarise(item));
  }
  auto key = [](const ItemSummary& s) {
    if (s.decision_on) return *s.decision_on;
    if (auto p = ParsePeriod(s.period_key)) return p->last;
    return Date();
  };
  std::sort(out.begin(), out.end(), [&](const ItemSummary& a, const ItemSummary& b) {
    return key(a) != key(b) ? key(a) > key(b) : a.id > b.id;
  });
  const size_t from = std::min(out.size(), static_cast<size_t>(std::max(q.offset, 0)));
  const size_t to = std::min(out.size(), from + static_cast<size_t>(std::max(q.limit, 0)));
  return std::vector<ItemSummary>(out.begin() + static_cast<long>(from),
                                  out.begin() + static_cast<long>(to));
}

Result<int64_t> FakeDisclosureRepository::Count(const ItemQuery& q) {
  XASO_RETURN_IF_ERROR(CheckTypeLists(q));
  int64_t n = 0;
  for (const auto& [id, item] : items) n += Matches(item, q) ? 1 : 0;
  return n;
}

Result<std::vector<Item>> FakeDisclosureRepository::ItemsOfYear(int64_t commune_id, int year) {
  std::vector<Item> out;
  for (const auto& [id, item] : items) {
    if (item.commune_id == commune_id && item.year == year) out.push_back(item);
  }
  return out;
}

Result<std::vector<YearCount>> FakeDisclosureRepository::Years(
    int64_t commune_id, ItemStatus status, const std::vector<std::string>& exclude_types) {
  const ItemQuery q{.commune_id = commune_id, .status = status, .exclude_types = exclude_types};
  std::map<int, int64_t, std::greater<>> years;
  for (const auto& [id, item] : items) {
    if (Matches(item, q)) ++years[item.year];
  }
  std::vector<YearCount> out;
  out.reserve(years.size());
  for (const auto& [year, n] : years) out.push_back({year, n});
  return out;
}

}  // namespace xaso::disclosure::testing
