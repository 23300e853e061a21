// feedback::FeedbackRepository over SQL.
#pragma once

#include "domain/feedback/feedback_repository.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlFeedbackRepository final : public feedback::FeedbackRepository {
 public:
  explicit SqlFeedbackRepository(Database& db) : db_(db) {}

  // xaso::feedback::FeedbackRepository
  Result<int64_t> CreateCategory(const feedback::Category& c, const audit::AuditRecord& rec,
                                 int64_t now) override;
  Result<std::vector<feedback::Category>> ListCategories(int64_t commune_id) override;
  Status UpdateCategory(const feedback::Category& c, const audit::AuditRecord& rec,
                        int64_t now) override;
  Result<int64_t> Create(const feedback::Feedback& f, int64_t entered_by,
                         const audit::AuditRecord& rec) override;
  Result<feedback::Feedback> Get(int64_t commune_id, int64_t id) override;
  Result<feedback::Feedback> GetByCode(const std::string& tracking_code) override;
  Result<std::vector<feedback::Feedback>> ListPublic(int64_t commune_id, int64_t before_id,
                                                     int limit) override;
  Result<std::vector<feedback::Feedback>> Find(const feedback::ItemFilter& f) override;
  Result<std::vector<feedback::Feedback>> ListRegister(int64_t commune_id,
                                                       const feedback::RegisterFilter& f,
                                                       int limit) override;
  Result<std::vector<feedback::Event>> History(int64_t commune_id, int64_t id) override;
  Result<std::vector<feedback::PhotoInfo>> ListPhotos(int64_t commune_id, int64_t id) override;
  Result<feedback::Photo> GetPhoto(int64_t commune_id, int64_t id, int n) override;
  Result<int64_t> Hide(int64_t commune_id, int64_t id, int64_t version, const std::string& reason,
                       const audit::AuditRecord& rec, int64_t now) override;
  Result<std::vector<feedback::Feedback>> ListFaq(int64_t commune_id,
                                                  const std::vector<std::string>& terms,
                                                  int64_t before_id, int limit) override;
  Result<int64_t> Merge(int64_t commune_id, int64_t id, int64_t version,
                        const std::string& into_code, const audit::AuditRecord& rec,
                        int64_t now) override;
  Result<int64_t> Apply(int64_t commune_id, const feedback::Move& m, const audit::AuditRecord& rec,
                        int64_t now) override;
  Result<int> CountSubmissions(const std::string& ip_hash, int64_t since) override;
  Status RecordSubmission(int64_t commune_id, const std::string& ip_hash, int64_t at) override;
  Status Rate(const std::string& tracking_code, feedback::Rating rating, int64_t now) override;
  Result<feedback::Statistics> LoadStatistics(int64_t commune_id,
                                              const feedback::StatisticsFilter& f) override;
  Status RebuildStatistics() override;

 private:
  Database& db_;
};

}  // namespace xaso::storage
