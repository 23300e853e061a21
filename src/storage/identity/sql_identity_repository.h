// identity::IdentityRepository over SQL (SQLite or PostgreSQL).
#pragma once

#include "domain/identity/identity_repository.h"
#include "storage/database.h"

namespace xaso::storage {

class SqlIdentityRepository final : public identity::IdentityRepository {
 public:
  explicit SqlIdentityRepository(Database& db) : db_(db) {}

  // xaso::identity::IdentityRepository
  Result<std::vector<identity::Commune>> ListCommunes() override;
  Result<identity::Commune> GetCommuneBySlug(const std::string& slug) override;
  Result<identity::Commune> GetCommune(int64_t id) override;
  Result<std::vector<identity::Village>> ListVillages(int64_t commune_id) override;
  Result<int64_t> CreateCommune(const identity::Commune& commune,
                                const std::vector<identity::Village>& villages,
                                const std::vector<identity::Unit>& units, int64_t now,
                                const audit::AuditRecord& audit) override;
  Result<std::vector<identity::Unit>> ListUnits(int64_t commune_id) override;
  Result<std::optional<identity::Account>> FindAccountByUsername(const std::string& u) override;
  Result<identity::Account> GetAccount(int64_t id) override;
  Result<std::vector<identity::Account>> ListAccounts(int64_t commune_id) override;
  Result<int64_t> CreateAccount(const identity::Account& account, int64_t now,
                                const audit::AuditRecord& audit) override;
  Status UpdatePasswordHash(int64_t account_id, const std::string& hash, int64_t now,
                            const audit::AuditRecord& audit) override;
  Status UpdateRole(int64_t account_id, identity::Role role,
                    const audit::AuditRecord& audit) override;
  Status RecordSigninAttempt(const identity::SigninAttempt& attempt) override;
  Result<int> CountFailedSigninsForUser(const std::string& username, int64_t since) override;
  Result<int> CountFailedSigninsFromIp(const std::string& ip, int64_t since) override;
  Status CreateSession(const std::string& token_hash, const identity::Account& account, int64_t now,
                       int64_t expires_at) override;
  Result<std::optional<identity::Account>> FindSessionAccount(const std::string& token_hash,
                                                              int64_t now) override;
  Status DeleteSession(const std::string& token_hash) override;
  Status DeleteSessionsOfAccount(int64_t account_id) override;

 private:
  Database& db_;
};

}  // namespace xaso::storage
