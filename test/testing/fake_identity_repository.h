// An in-memory IdentityRepository for unit tests of domain logic (sessions are not needed
// there; they are covered by the storage suite on both real databases).
#pragma once

#include <map>
#include <vector>

#include "domain/identity/identity_repository.h"

namespace xaso::testing {

class FakeIdentityRepository final : public identity::IdentityRepository {
 public:
  std::map<int64_t, identity::Account> accounts;
  std::vector<identity::SigninAttempt> attempts;
  std::vector<audit::AuditRecord> audit_log;
  int sessions_deleted = 0;

  Result<std::vector<identity::Commune>> ListCommunes() override { return std::vector<identity::Commune>{}; }
  Result<identity::Commune> GetCommuneBySlug(const std::string&) override {
    return MakeError(ErrorCode::kNotFound, "no commune");
  }
  Result<identity::Commune> GetCommune(int64_t) override {
    return MakeError(ErrorCode::kNotFound, "no commune");
  }
  Result<std::vector<identity::Village>> ListVillages(int64_t) override { return std::vector<identity::Village>{}; }
  Result<int64_t> CreateCommune(const identity::Commune&, const std::vector<identity::Village>&,
                                const std::vector<identity::Unit>&, int64_t,
                                const audit::AuditRecord&) override {
    return MakeError(ErrorCode::kFailedPrecondition, "not supported by the fake");
  }
  Result<std::vector<identity::Unit>> ListUnits(int64_t) override { return std::vector<identity::Unit>{}; }

  Result<std::optional<identity::Account>> FindAccountByUsername(const std::string& u) override {
    for (auto& [id, a] : accounts) {
      if (a.username == u) return std::optional<identity::Account>(a);
    }
    return std::optional<identity::Account>();
  }
  Result<identity::Account> GetAccount(int64_t id) override {
    auto it = accounts.find(id);
    if (it == accounts.end()) return MakeError(ErrorCode::kNotFound, "no account");
    return it->second;
  }
  Result<std::vector<identity::Account>> ListAccounts(int64_t) override {
    std::vector<identity::Account> out;
    for (auto& [id, a] : accounts) out.push_back(a);
    return out;
  }
  Result<int64_t> CreateAccount(const identity::Account& a, int64_t,
                                const audit::AuditRecord& rec) override {
    for (auto& [id, x] : accounts) {
      if (x.username == a.username) return MakeError(ErrorCode::kAlreadyExists, "taken");
    }
    const int64_t id = static_cast<int64_t>(accounts.size()) + 1;
    accounts[id] = a;
    accounts[id].id = id;
    audit_log.push_back(rec);
    return id;
  }
  Status UpdatePasswordHash(int64_t id, const std::string& hash, int64_t,
                            const audit::AuditRecord& rec) override {
    accounts.at(id).password_hash = hash;
    ++sessions_deleted;  // the contract: a password change ends the account's sessions
    audit_log.push_back(rec);
    return Ok{};
  }
  Status UpdateRole(int64_t id, identity::Role role, const audit::AuditRecord& rec) override {
    accounts.at(id).role = role;
    audit_log.push_back(rec);
    return Ok{};
  }
  Status RecordSigninAttempt(const identity::SigninAttempt& a) override {
    attempts.push_back(a);
    return Ok{};
  }
  Result<int> CountFailedSigninsForUser(const std::string& u, int64_t since) override {
    int n = 0;
    for (auto& a : attempts) n += !a.succeeded && a.username == u && a.at >= since;
    return n;
  }
  Result<int> CountFailedSigninsFromIp(const std::string& ip, int64_t since) override {
    int n = 0;
    for (auto& a : attempts) n += !a.succeeded && a.ip == ip && a.at >= since;
    return n;
  }
  Status CreateSession(const std::string&, const identity::Account&, int64_t, int64_t) override {
    return Ok{};
  }
  Result<std::optional<identity::Account>> FindSessionAccount(const std::string&, int64_t) override {
    return std::optional<identity::Account>();
  }
  Status DeleteSession(const std::string&) override { return Ok{}; }
  Status DeleteSessionsOfAccount(int64_t) override {
    ++sessions_deleted;
    return Ok{};
  }
};

// Hashing is not what these tests examine: a reversible fake keeps them fast.
class FakePasswordHasher final : public identity::PasswordHasher {
 public:
  std::string Hash(std::string_view p) const override { return "fake$" + std::string(p); }
  bool Verify(std::string_view h, std::string_view p) const override {
    return h == "fake$" + std::string(p);
  }
};

}  // namespace xaso::testing
