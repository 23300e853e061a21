// The storage port of the identity domain. Implemented in storage/identity/; every method
// that changes state appends its audit entry in the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/audit/audit.h"
#include "domain/identity/identity.h"

namespace xaso::identity {

struct SigninAttempt {
  int64_t commune_id = 0;
  std::string username;
  std::string ip;
  int64_t at = 0;
  bool succeeded = false;
};

class IdentityRepository {
 public:
  virtual ~IdentityRepository() = default;

  // In the order they were added; the first is the installation's default commune.
  virtual Result<std::vector<Commune>> ListCommunes() = 0;
  // kNotFound when no commune has that slug.
  virtual Result<Commune> GetCommuneBySlug(const std::string& slug) = 0;
  virtual Result<Commune> GetCommune(int64_t id) = 0;
  virtual Result<std::vector<Village>> ListVillages(int64_t commune_id) = 0;
  // Creates a commune with its villages and units in one transaction. kAlreadyExists when
  // the slug is taken.
  virtual Result<int64_t> CreateCommune(const Commune& commune,
                                        const std::vector<Village>& villages,
                                        const std::vector<Unit>& units, int64_t now,
                                        const audit::AuditRecord& audit) = 0;
  virtual Result<std::vector<Unit>> ListUnits(int64_t commune_id) = 0;

  // Absent is a normal answer at sign-in.
  virtual Result<std::optional<Account>> FindAccountByUsername(const std::string& username) = 0;
  virtual Result<Account> GetAccount(int64_t id) = 0;
  virtual Result<std::vector<Account>> ListAccounts(int64_t commune_id) = 0;
  // kAlreadyExists when the username is taken.
  virtual Result<int64_t> CreateAccount(const Account& account, int64_t now,
                                        const audit::AuditRecord& audit) = 0;
  // Also ends every session of the account, in the same transaction.
  virtual Status UpdatePasswordHash(int64_t account_id, const std::string& hash, int64_t now,
                                    const audit::AuditRecord& audit) = 0;
  virtual Status UpdateRole(int64_t account_id, Role role, const audit::AuditRecord& audit) = 0;

  // Also forgets attempts older than a day.
  virtual Status RecordSigninAttempt(const SigninAttempt& attempt) = 0;
  virtual Result<int> CountFailedSigninsForUser(const std::string& username, int64_t since) = 0;
  virtual Result<int> CountFailedSigninsFromIp(const std::string& ip, int64_t since) = 0;

  virtual Status CreateSession(const std::string& token_hash, const Account& account, int64_t now,
                               int64_t expires_at) = 0;
  // The signed-in account, or nullopt when the token is unknown or expired.
  virtual Result<std::optional<Account>> FindSessionAccount(const std::string& token_hash,
                                                            int64_t now) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  virtual Status DeleteSessionsOfAccount(int64_t account_id) = 0;
};

}  // namespace xaso::identity
