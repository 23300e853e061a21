// Sign-in, sign-in limits and passwords: the account use cases that the web pages and the
// `xaso users` command share.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "domain/identity/identity_repository.h"
#include "domain/identity/password_hasher.h"

namespace xaso::identity {

struct SigninLimits {
  int max_failures_per_account = 5;  // within `window_seconds`
  int max_failures_per_ip = 20;
  int64_t window_seconds = 15 * 60;
};

// Thread-safe when the repository is (the service itself holds no mutable state).
class AccountService {
 public:
  AccountService(IdentityRepository& repo, const PasswordHasher& hasher, const Clock& clock,
                 SigninLimits limits)
      : repo_(repo), hasher_(hasher), clock_(clock), limits_(limits) {}

  // Errors: kResourceExhausted when the account or the IP is over its limit (checked before
  // the password, so guessing gains nothing); kUnauthenticated for a wrong name or password
  // (the same message for both, so names cannot be probed).
  Result<Account> SignIn(const std::string& username, const std::string& password,
                         const std::string& ip);

  // Errors: kInvalidArgument with field errors for a wrong current password or a weak new
  // one. Ends the account's other sessions.
  Status ChangePassword(const Account& account, const std::string& current,
                        const std::string& fresh);

  // For administrators and `xaso users`. kInvalidArgument for a bad username or password,
  // kAlreadyExists for a taken username.
  Result<int64_t> CreateAccount(Account account, const std::string& password,
                                const audit::AuditRecord& who);
  Status ResetPassword(int64_t account_id, const std::string& password,
                       const audit::AuditRecord& who);
  Status GrantRole(int64_t account_id, Role role, const audit::AuditRecord& who);

  // The checks CreateAccount makes before writing: username, name and title (at most 100
  // characters, no control characters) and the password. kInvalidArgument with field errors.
  static Status ValidateNewAccount(const Account& account, const std::string& password);

  // At least 10 characters; the message is Vietnamese.
  static std::optional<std::string> PasswordProblem(const std::string& password);

 private:
  IdentityRepository& repo_;
  const PasswordHasher& hasher_;
  const Clock& clock_;
  SigninLimits limits_;
  // Checked when the account does not exist, for equal timing; made on first use so that
  // start-up stays fast.
  const std::string& DummyHash();
  std::once_flag dummy_once_;
  std::string dummy_hash_;  // written once under dummy_once_
};

}  // namespace xaso::identity
