// Communes, villages, units and accounts: who the installation serves and who signs in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace xaso::identity {

// The roles of PRODUCT.md. An anonymous visitor has no account and is kAnonymous.
enum class Role {
  kAnonymous,
  kCitizen,
  kClerk,
  kOfficer,
  kLeader,
  kSupervisor,
  kLevelAbove,
  kAdmin,
};

inline constexpr Role kAllRoles[] = {Role::kAnonymous,  Role::kCitizen, Role::kClerk,
                                     Role::kOfficer,    Role::kLeader,  Role::kSupervisor,
                                     Role::kLevelAbove, Role::kAdmin};

// The stored code ("officer") and back; nullopt for an unknown code.
std::string_view RoleCode(Role role);
std::optional<Role> RoleFromCode(std::string_view code);
// The Vietnamese name shown on pages ("Công chức chuyên môn").
std::string_view RoleNameVi(Role role);

struct Commune {
  int64_t id = 0;
  std::string slug;
  std::string name;
  std::string province;
  std::string level_above;
  std::string address;
  std::string phone;
  std::string email;
  std::string about_vi;
  std::string about_en;
  // Mã định danh điện tử (QĐ 20/2020/QĐ-TTg), the first part of the dossier codes the one-stop
  // desk mints; empty until set (the desk then uses DeskAgencyCode's fallback).
  std::string agency_code;
  int64_t content_version = 0;
};

// The agency part of the codes the commune's desk mints: its agency code, or until that is set
// its slug in capitals without dashes ("nhat-tan" → "NHATTAN").
std::string DeskAgencyCode(const Commune& c);

struct Village {
  int64_t id = 0;
  int64_t commune_id = 0;
  std::string name;
  std::string kind;  // "thon" or "to_dan_pho"
};

struct Unit {
  int64_t id = 0;
  int64_t commune_id = 0;
  std::string code;
  std::string name_vi;
  std::string name_en;
};

struct Account {
  int64_t id = 0;
  int64_t commune_id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kCitizen;
  std::optional<int64_t> unit_id;
  std::string title;
  std::string public_phone;
  std::string public_email;
  std::string password_hash;
  bool active = true;
};

// A commune's slug (its URL segment) is 2–40 characters of a–z, 0–9 and '-'; the name,
// province and level above are required. kInvalidArgument with one field error per problem.
Status ValidateCommune(const Commune& commune);

// Usernames: 3–32 characters of a–z, 0–9, '.', '_' or '-', starting with a letter.
bool IsValidUsername(std::string_view username);

}  // namespace xaso::identity
