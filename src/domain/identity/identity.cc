#include "domain/identity/identity.h"

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
