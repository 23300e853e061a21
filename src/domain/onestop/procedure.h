// An administrative procedure (thủ tục hành chính, TTHC) of the one-stop shop's catalogue
// (PRODUCT.md part 9, LEGAL.md §7): what a citizen brings, what it costs, how long it takes and
// who handles it. Times and fees are data copied from the province's published catalogue, never
// constants in code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xaso::onestop {

// Mức độ cung cấp dịch vụ công trực tuyến (NĐ 42/2022; NĐ 224/2026 Art 15): end-to-end online,
// partly online (documents submitted online, fees or results at the desk), or desk only.
enum class OnlineLevel { kFull, kPartial, kNone };
std::string_view OnlineLevelCode(OnlineLevel l);
std::optional<OnlineLevel> OnlineLevelFromCode(std::string_view code);

// Phí (a fee for a service) and lệ phí (a state charge) are set by different acts and reported
// apart, so the catalogue keeps the kind.
enum class FeeKind { kFee, kCharge };
std::string_view FeeKindCode(FeeKind k);
std::optional<FeeKind> FeeKindFromCode(std::string_view code);

struct Fee {
  FeeKind kind = FeeKind::kCharge;
  std::string name;         // "Lệ phí chứng thực bản sao"
  int64_t amount_dong = 0;  // whole đồng; 0 = exempt (miễn)
  std::string per;  // the unit charged: "trang", "bản", "trường hợp"; empty = per dossier
};

struct Procedure {
  std::string code;   // the TTHC code of the national database (CSDLQG về TTHC), "1.001193"
  std::string name;   // tên thủ tục
  std::string field;  // lĩnh vực: "Hộ tịch", "Chứng thực"
  std::vector<std::string> steps;      // trình tự thực hiện, in order
  bool same_day = false;               // giải quyết trong ngày (see DueAt for the cutoff)
  int working_days = 0;                // when not same_day: the time limit in working days
  std::vector<Fee> fees;               // empty = none
  std::vector<std::string> documents;  // thành phần hồ sơ
  std::string legal_basis;             // căn cứ pháp lý
  OnlineLevel online_level = OnlineLevel::kNone;
  std::string unit_code;   // the commune unit that handles it (identity::Unit::code)
  bool to_verify = false;  // some value is not yet checked against the province's catalogue
};

// The longest time limit accepted, in working days: no commune procedure comes near it, so a
// larger value is a typing error (a calendar-day count, or an extra digit).
inline constexpr int kMaxWorkingDays = 90;

// Whether `code` can be a TTHC code: 1-30 characters of ASCII letters, digits, '.', '-', '_'.
bool IsProcedureCode(std::string_view code);

// kInvalidArgument with one field error per problem: a malformed code; a missing or over-long
// name, field, legal basis or unit code; no steps or no documents, or a blank one; a time limit
// that is neither same-day nor 1..kMaxWorkingDays working days (both set is also an error); a fee
// without a name or with a negative amount.
Status ValidateProcedure(const Procedure& p);

}  // namespace xaso::onestop
