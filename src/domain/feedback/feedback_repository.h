// The storage port of feedback. Scoped by commune; every change appends its audit entry and a
// history event in the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"
#include "domain/feedback/feedback.h"
#include "domain/feedback/feedback_statistics.h"

namespace xaso::feedback {

// A change of status with what it carries: the answer, the body it was forwarded to, the unit.
struct Move {
  int64_t feedback_id = 0;
  int64_t version = 0;  // the version the person acting saw
  ItemStatus to = ItemStatus::kAssigned;
  std::optional<int64_t> unit_id;  // kAssigned
  std::string text;                // the answer (kAnswered), the receiver (kForwarded), a note
  // kAnswered: how long the answer took, which the statistics count (FeedbackService::Apply
  // computes it with the legal calendar; nullopt leaves the item out of the answer times).
  std::optional<AnswerTime> answer_time;
};

// A selection of items for Open311's GET requests: not hidden, received in [from_at, to_at),
// in any of the categories and statuses (an empty list selects all).
struct ItemFilter {
  int64_t commune_id = 0;
  std::vector<int64_t> category_ids;
  std::vector<ItemStatus> statuses;
  int64_t from_at = 0;
  int64_t to_at = 0;
  int limit = 1000;
};

// One step of an item's history, as the citizen may see it (no staff names).
struct Event {
  int64_t at = 0;
  ItemStatus status = ItemStatus::kReceived;
  std::string body;  // the answer, the receiving body, or a note
};

// The staff register's filters; an empty optional means any.
struct RegisterFilter {
  std::optional<ItemStatus> status;
  std::optional<int64_t> category_id;
  std::optional<RegisterCursor> after;  // the page after this position
};

class FeedbackRepository {
 public:
  virtual ~FeedbackRepository() = default;

  virtual Result<int64_t> CreateCategory(const Category& c, const audit::AuditRecord& rec,
                                         int64_t now) = 0;
  virtual Result<std::vector<Category>> ListCategories(int64_t commune_id) = 0;
  // Stores c's names, description, group, unit, answer days and active flag; the code stays
  // (Open311 clients hold it). kNotFound when c.id is not a category of c.commune_id;
  // kInvalidArgument (field "unit_id") when the unit is another commune's. CreateCategory
  // checks the unit the same way and returns kAlreadyExists when the code is taken.
  virtual Status UpdateCategory(const Category& c, const audit::AuditRecord& rec, int64_t now) = 0;

  // Stores a new item whole with its photos (f.submission.photos, already scrubbed), its first
  // history event and audit entry. kAlreadyExists when the tracking code is taken (the caller
  // draws another).
  virtual Result<int64_t> Create(const Feedback& f, int64_t entered_by,
                                 const audit::AuditRecord& rec) = 0;
  virtual Result<Feedback> Get(int64_t commune_id, int64_t id) = 0;
  virtual Result<Feedback> GetByCode(const std::string& tracking_code) = 0;
  // Items not hidden, newest first, with id below `before_id` (0: from the newest).
  virtual Result<std::vector<Feedback>> ListPublic(int64_t commune_id, int64_t before_id,
                                                   int limit) = 0;
  // The questions and answers: answered questions not hidden nor merged, whose title,
  // description or answer holds every one of `terms` (made by SearchTerms; none: all), newest
  // first, with id below `before_id` (0: from the newest), at most `limit` (1..200).
  virtual Result<std::vector<Feedback>> ListFaq(int64_t commune_id,
                                                const std::vector<std::string>& terms,
                                                int64_t before_id, int limit) = 0;
  // Items matching `f`, newest first (received_at, then id, descending), at most f.limit
  // (clamped to 1..1000).
  virtual Result<std::vector<Feedback>> Find(const ItemFilter& f) = 0;
  // Every item of the commune, hidden ones included, open ones first, then by answer date
  // (the oldest due first), then by id, after f.after when set; at most `limit`.
  virtual Result<std::vector<Feedback>> ListRegister(int64_t commune_id, const RegisterFilter& f,
                                                     int limit) = 0;
  // The item's history, oldest first. kNotFound for another commune's item.
  virtual Result<std::vector<Event>> History(int64_t commune_id, int64_t id) = 0;
  // The item's photos in the order sent, without their bytes; empty for another commune's item.
  virtual Result<std::vector<PhotoInfo>> ListPhotos(int64_t commune_id, int64_t id) = 0;
  // Photo `n` (from 1) of the item, with its bytes; kNotFound when the item is another
  // commune's or has no such photo.
  virtual Result<Photo> GetPhoto(int64_t commune_id, int64_t id, int n) = 0;
  // Hides the item from the public side with `reason` (moderation), when the stored version is
  // `version`: kAborted when stale, kNotFound when missing. Returns the new version.
  virtual Result<int64_t> Hide(int64_t commune_id, int64_t id, int64_t version,
                               const std::string& reason, const audit::AuditRecord& rec,
                               int64_t now) = 0;
  // Applies `m` when the stored version is m.version and the move is allowed from the stored
  // status: kAborted when stale, kFailedPrecondition when not allowed. Returns the new version.
  // Reopening (answered → in progress) clears the current rating and answer time, so that the
  // citizen rates the next answer; the earlier rating stays in the audit trail.
  virtual Result<int64_t> Apply(int64_t commune_id, const Move& m, const audit::AuditRecord& rec,
                                int64_t now) = 0;
  // Merges the open item `id` (at `version`) into the item with tracking code `into_code`, a
  // duplicate of it: the item is closed with merged_into set, leaves the public list, and its
  // tracking page points to the other. kInvalidArgument (field "into") when the other item is
  // not of the commune, is the item itself, is hidden or merged itself; kFailedPrecondition
  // when the item is no longer open; kAborted when stale. Returns the new version.
  virtual Result<int64_t> Merge(int64_t commune_id, int64_t id, int64_t version,
                                const std::string& into_code, const audit::AuditRecord& rec,
                                int64_t now) = 0;
  // Public submissions recorded for `ip_hash` (a hash of the sender's address) at or after
  // `since`, across communes.
  virtual Result<int> CountSubmissions(const std::string& ip_hash, int64_t since) = 0;
  // Records one public submission from `ip_hash` at `at`, and forgets those older than an hour.
  virtual Status RecordSubmission(int64_t commune_id, const std::string& ip_hash, int64_t at) = 0;
  // The citizen's rating of an answered item, once per answer: kFailedPrecondition otherwise.
  virtual Status Rate(const std::string& tracking_code, Rating rating, int64_t now) = 0;
  // The commune's statistics over the months of receipt in `f`, from the counts kept by every
  // change (never a scan of the items).
  virtual Result<Statistics> LoadStatistics(int64_t commune_id, const StatisticsFilter& f) = 0;
  // Recomputes the kept counts of every commune from the items (after a bulk load or a repair).
  virtual Status RebuildStatistics() = 0;
};

}  // namespace xaso::feedback
