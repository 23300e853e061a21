#include "domain/identity/account_service.h"

#include "core/text.h"

namespace xaso::identity {

Result<Account> AccountService::SignIn(const std::string& username, const std::string& password,
                                       const std::string& ip) {
  const int64_t now = clock_.NowUnix();
  const int64_t since = now - limits_.window_seconds;
  XASO_ASSIGN_OR_RETURN(int by_ip, repo_.CountFailedSigninsFromIp(ip, since));
  XASO_ASSIGN_OR_RETURN(int by_user, repo_.CountFailedSigninsForUser(username, since));
  if (by_ip >= limits_.max_failures_per_ip || by_user >= limits_.max_failures_per_account) {
    return MakeError(ErrorCode::kResourceExhausted,
                     "Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " +
                         std::to_string((limits_.window_seconds + 59) / 60) + " phút.");
  }
  XASO_ASSIGN_OR_RETURN(std::optional<Account> account, repo_.FindAccountByUsername(username));
  // An unknown or disabled account still costs one password check, so that the answer time
  // does not tell which usernames exist.
  const bool usable = account && account->active;
  const bool matches = hasher_.Verify(usable ? account->password_hash : DummyHash(), password);
  const bool ok = usable && matches;
  XASO_RETURN_IF_ERROR(
      repo_.RecordSigninAttempt({account ? account->commune_id : 0, username, ip, now, ok}));
  if (!ok) {
    return MakeError(ErrorCode::kUnauthenticated, "Tên đăng nhập hoặc mật khẩu không đúng.");
  }
  return *std::move(account);
}

const std::string& AccountService::DummyHash() {
  std::call_once(dummy_once_, [this] { dummy_hash_ = hasher_.Hash("xaso: nobody's password"); });
  return dummy_hash_;
}

std::optional<std::string> AccountService::PasswordProblem(const std::string& password) {
  if (!IsValidUtf8(password)) return "Mật khẩu chứa ký tự không hợp lệ.";
  if (Utf8Length(password) < 10) return "Mật khẩu phải có ít nhất 10 ký tự.";
  if (password.size() > 256) return "Mật khẩu quá dài (tối đa 256 byte).";
  return std::nullopt;
}

Status AccountService::ChangePassword(const Account& account, const std::string& current,
                                      const std::string& fresh) {
  XASO_ASSIGN_OR_RETURN(Account stored, repo_.GetAccount(account.id));
  Error err{ErrorCode::kInvalidArgument, "Không đổi được mật khẩu.", {}};
  if (!hasher_.Verify(stored.password_hash, current)) {
    err.fields.push_back({"current_password", "Mật khẩu hiện tại không đúng."});
  }
  if (auto problem = PasswordProblem(fresh)) err.fields.push_back({"new_password", *problem});
  if (!err.fields.empty()) return err;
  XASO_RETURN_IF_ERROR(repo_.UpdatePasswordHash(
      account.id, hasher_.Hash(fresh), clock_.NowUnix(),
      {account.commune_id, account.id, account.username, "account", std::to_string(account.id),
       "change_password", "password changed"}));
  return Ok{};
}

namespace {
bool IsPlainText(const std::string& s, size_t max_chars) {
  if (!IsValidUtf8(s) || Utf8Length(s) > max_chars) return false;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7F) return false;
  }
  return true;
}
}  // namespace

Status AccountService::ValidateNewAccount(const Account& account, const std::string& password) {
  Error err{ErrorCode::kInvalidArgument, "Thông tin tài khoản không hợp lệ.", {}};
  if (!IsValidUsername(account.username)) {
    err.fields.push_back({"username", "Tên đăng nhập gồm 3–32 ký tự a–z, 0–9, '.', '_', '-'."});
  }
  if (std::string_view(Trim(account.display_name)).empty() ||
      !IsPlainText(account.display_name, 100)) {
    err.fields.push_back({"display_name", "Cần nhập họ và tên (tối đa 100 ký tự)."});
  }
  if (!IsPlainText(account.title, 100)) {
    err.fields.push_back({"title", "Chức danh tối đa 100 ký tự."});
  }
  if (auto problem = PasswordProblem(password)) err.fields.push_back({"password", *problem});
  if (!err.fields.empty()) return err;
  return Ok{};
}

Result<int64_t> AccountService::CreateAccount(Account account, const std::string& password,
                                              const audit::AuditRecord& who) {
  XASO_RETURN_IF_ERROR(ValidateNewAccount(account, password));
  account.password_hash = hasher_.Hash(password);
  audit::AuditRecord rec = who;
  rec.entity = "account";
  rec.entity_id = account.username;
  rec.action = "create";
  rec.summary = "role=" + std::string(RoleCode(account.role));
  return repo_.CreateAccount(account, clock_.NowUnix(), rec);
}

Status AccountService::ResetPassword(int64_t account_id, const std::string& password,
                                     const audit::AuditRecord& who) {
  if (auto problem = PasswordProblem(password)) {
    return Error{ErrorCode::kInvalidArgument, *problem, {{"password", *problem}}};
  }
  audit::AuditRecord rec = who;
  rec.entity = "account";
  rec.entity_id = std::to_string(account_id);
  rec.action = "reset_password";
  rec.summary = "password reset";
  return repo_.UpdatePasswordHash(account_id, hasher_.Hash(password), clock_.NowUnix(), rec);
}

Status AccountService::GrantRole(int64_t account_id, Role role, const audit::AuditRecord& who) {
  if (role == Role::kAnonymous) {
    return MakeError(ErrorCode::kInvalidArgument, "Vai trò không hợp lệ.");
  }
  audit::AuditRecord rec = who;
  rec.entity = "account";
  rec.entity_id = std::to_string(account_id);
  rec.action = "grant_role";
  rec.summary = "role=" + std::string(RoleCode(role));
  return repo_.UpdateRole(account_id, role, rec);
}

}  // namespace xaso::identity
