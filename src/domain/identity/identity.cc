#include "domain/identity/identity.h"

#include <cctype>

#include "core/text.h"

namespace xaso::identity {

std::string_view RoleCode(Role role) {
  switch (role) {
    case Role::kAnonymous: return "anonymous";
    case Role::kCitizen: return "citizen";
    case Role::kClerk: return "clerk";
    case Role::kOfficer: return "officer";
    case Role::kLeader: return "leader";
    case Role::kSupervisor: return "supervisor";
    case Role::kLevelAbove: return "level_above";
    case Role::kAdmin: return "admin";
  }
  return "anonymous";
}

std::optional<Role> RoleFromCode(std::string_view code) {
  for (Role r : kAllRoles) {
    if (RoleCode(r) == code) return r;
  }
  return std::nullopt;
}

std::string_view RoleNameVi(Role role) {
  switch (role) {
    case Role::kAnonymous: return "Khách";
    case Role::kCitizen: return "Công dân";
    case Role::kClerk: return "Công chức Bộ phận một cửa";
    case Role::kOfficer: return "Công chức chuyên môn";
    case Role::kLeader: return "Lãnh đạo UBND xã";
    case Role::kSupervisor: return "Giám sát (MTTQ, Ban TTND, Ban GSĐTCĐ)";
    case Role::kLevelAbove: return "Cấp trên (UBND tỉnh)";
    case Role::kAdmin: return "Quản trị";
  }
  return "";
}

Status ValidateCommune(const Commune& c) {
  Error e{ErrorCode::kInvalidArgument, "Thông tin xã không hợp lệ.", {}};
  bool slug_ok =
      c.slug.size() >= 2 && c.slug.size() <= 40 && c.slug.front() != '-' && c.slug.back() != '-';
  for (char ch : c.slug)
    slug_ok &= (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
  if (!slug_ok) e.fields.push_back({"slug", "Mã xã gồm 2–40 ký tự a–z, 0–9 và '-'."});
  const auto required = [&](const std::string& v, const char* field, const char* message) {
    if (std::string_view(Trim(v)).empty() || !IsValidUtf8(v) || Utf8Length(v) > 200) {
      e.fields.push_back({field, message});
    }
  };
  required(c.name, "name", "Cần tên xã (tối đa 200 ký tự).");
  required(c.province, "province", "Cần tên tỉnh.");
  required(c.level_above, "level_above", "Cần cơ quan cấp trên nhận báo cáo.");
  bool agency_ok = c.agency_code.size() <= 40;
  for (char ch : c.agency_code)
    agency_ok &= std::isalnum(static_cast<unsigned char>(ch)) || ch == '.';
  if (!agency_ok) {
    e.fields.push_back({"agency_code", "Mã định danh gồm tối đa 40 chữ, số và dấu chấm."});
  }
  if (!e.fields.empty()) return e;
  return Ok{};
}

std::string DeskAgencyCode(const Commune& c) {
  if (!c.agency_code.empty()) return c.agency_code;
  std::string out;
  for (char ch : c.slug) {
    if (ch != '-') out += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  return out;
}

bool IsValidUsername(std::string_view u) {
  if (u.size() < 3 || u.size() > 32 || !(u[0] >= 'a' && u[0] <= 'z')) return false;
  for (char c : u) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace xaso::identity
