#include "domain/calendar/holiday_rules.h"

#include <array>
#include <charconv>
#include <utility>

#include "core/text.h"
#include "domain/calendar/lunar.h"

namespace xaso::calendar {
namespace {

constexpr std::array<std::string_view, 13> kCsvColumns = {"key",
                                                          "kind",
                                                          "month",
                                                          "day",
                                                          "length_days",
                                                          "days_before",
                                                          "effective_from",
                                                          "effective_to",
                                                          "name_vi",
                                                          "name_en",
                                                          "legal_basis",
                                                          "confidence",
                                                          "compensate_on_rest_day"};

// Splits CSV text into records of fields. Handles quoted fields with "" escapes and embedded
// commas and newlines. `line` of each record is its 1-based starting line, for messages.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

Result<std::vector<CsvRecord>> SplitCsv(std::string_view text) {
  std::vector<CsvRecord> records;
  size_t i = 0;
  int line = 1;
  while (i < text.size()) {
    // Skip blank and comment lines.
    if (text[i] == '\n' || text[i] == '\r') {
      if (text[i] == '\n') ++line;
      ++i;
      continue;
    }
    if (text[i] == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    CsvRecord record;
    record.line = line;
    std::string field;
    bool quoted = false;
    bool field_was_quoted = false;
    for (;;) {
      if (i >= text.size()) {
        if (quoted) {
          return MakeError(ErrorCode::kInvalidArgument,
                           "line " + std::to_string(record.line) + ": unterminated quoted field");
        }
        record.fields.push_back(std::move(field));
        break;
      }
      const char c = text[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
          } else {
            quoted = false;
            ++i;
          }
        } else {
          if (c == '\n') ++line;
          field.push_back(c);
          ++i;
        }
        continue;
      }
      if (c == '"' && field.empty() && !field_was_quoted) {
        quoted = true;
        field_was_quoted = true;
        ++i;
      } else if (c == ',') {
        record.fields.push_back(std::move(field));
        field.clear();
        field_was_quoted = false;
        ++i;
      } else if (c == '\r') {
        ++i;
      } else if (c == '\n') {
        record.fields.push_back(std::move(field));
        ++line;
        ++i;
        break;
      } else {
        field.push_back(c);
        ++i;
      }
    }
    records.push_back(std::move(record));
  }
  return records;
}

std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

Error LineError(int line, const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument, "line " + std::to_string(line) + ": " + message);
}

}  // namespace

const char* RuleKindName(RuleKind kind) {
  switch (kind) {
    case RuleKind::kSolarDay: return "solar_day";
    case RuleKind::kLunarDay: return "lunar_day";
    case RuleKind::kTetBlock: return "tet_block";
  }
  return "solar_day";
}

std::optional<RuleKind> ParseRuleKind(std::string_view text) {
  if (text == "solar_day") return RuleKind::kSolarDay;
  if (text == "lunar_day") return RuleKind::kLunarDay;
  if (text == "tet_block") return RuleKind::kTetBlock;
  return std::nullopt;
}

const char* ConfidenceTag(Confidence confidence) {
  switch (confidence) {
    case Confidence::kVerified: return "V";
    case Confidence::kSourced: return "S";
    case Confidence::kMemory: return "M";
    case Confidence::kInferred: return "I";
  }
  return "M";
}

std::optional<Confidence> ParseConfidenceTag(std::string_view text) {
  if (text == "V") return Confidence::kVerified;
  if (text == "S") return Confidence::kSourced;
  if (text == "M") return Confidence::kMemory;
  if (text == "I") return Confidence::kInferred;
  return std::nullopt;
}

const char* OverrideKindName(CalendarOverride::Kind kind) {
  switch (kind) {
    case CalendarOverride::Kind::kDayOff: return "day_off";
    case CalendarOverride::Kind::kWorkingDay: return "working_day";
  }
  return "day_off";
}

std::optional<CalendarOverride::Kind> ParseOverrideKind(std::string_view text) {
  if (text == "day_off") return CalendarOverride::Kind::kDayOff;
  if (text == "working_day") return CalendarOverride::Kind::kWorkingDay;
  return std::nullopt;
}

Status ValidateHolidayRule(const HolidayRule& rule) {
  std::vector<FieldError> fields;
  if (rule.key.empty()) fields.push_back({"key", "must not be empty"});
  if (rule.name_vi.empty()) fields.push_back({"name_vi", "must not be empty"});
  if (rule.month < 1 || rule.month > 12) fields.push_back({"month", "must be 1-12"});
  const int max_day = rule.kind == RuleKind::kSolarDay ? 31 : 30;
  if (rule.day < 1 || rule.day > max_day) {
    fields.push_back({"day", "must be 1-" + std::to_string(max_day)});
  }
  if (rule.length_days < 1 || rule.length_days > 31) {
    fields.push_back({"length_days", "must be 1-31"});
  }
  if (rule.days_before < 0 || rule.days_before > 31) {
    fields.push_back({"days_before", "must be 0-31"});
  }
  if (rule.effective_to && *rule.effective_to < rule.effective_from) {
    fields.push_back({"effective_to", "must not be before effective_from"});
  }
  if (fields.empty()) return Ok{};
  Error error = MakeError(ErrorCode::kInvalidArgument, "invalid holiday rule '" + rule.key + "'");
  error.fields = std::move(fields);
  return error;
}

Status ValidateOverride(const CalendarOverride& override_day) {
  // Messages are Vietnamese: administrators see them on the calendar page.
  Error error = MakeError(ErrorCode::kInvalidArgument,
                          "Ngày điều chỉnh " + override_day.date.ToVi() + " chưa hợp lệ.");
  const std::string& name = override_day.name_vi;
  if (std::string_view(Trim(name)).empty()) {
    error.fields.push_back({"name_vi", "Cần ghi lý do (ví dụ: Nghỉ Tết Nguyên đán hoán đổi)."});
  } else if (!IsValidUtf8(name) || Utf8Length(name) > 200) {
    error.fields.push_back({"name_vi", "Lý do tối đa 200 ký tự."});
  }
  if (!IsValidUtf8(override_day.legal_basis) || Utf8Length(override_day.legal_basis) > 200) {
    error.fields.push_back({"legal_basis", "Căn cứ tối đa 200 ký tự."});
  }
  if (error.fields.empty()) return Ok{};
  return error;
}

bool InForceOn(const HolidayRule& rule, Date day) {
  return rule.effective_from <= day && (!rule.effective_to || day <= *rule.effective_to);
}

std::optional<Date> AnchorDay(const HolidayRule& rule, int year) {
  switch (rule.kind) {
    case RuleKind::kSolarDay:
      if (!Date::IsValid(year, rule.month, rule.day)) return std::nullopt;
      return Date::FromYmd(year, rule.month, rule.day);
    case RuleKind::kLunarDay: return LunarToSolar(year, rule.month, rule.day, /*leap=*/false);
    case RuleKind::kTetBlock: return LunarNewYear(year);
  }
  return std::nullopt;
}

std::vector<Date> RuleDays(const HolidayRule& rule, int year) {
  std::vector<Date> days;
  if (rule.length_days < 1 || rule.days_before < 0) return days;
  const std::optional<Date> anchor = AnchorDay(rule, year);
  if (!anchor || !InForceOn(rule, *anchor)) return days;
  const Date first = anchor->AddDays(-rule.days_before);
  days.reserve(static_cast<size_t>(rule.length_days));
  for (int i = 0; i < rule.length_days; ++i) days.push_back(first.AddDays(i));
  return days;
}

Result<std::vector<HolidayRule>> ParseHolidayRulesCsv(std::string_view csv) {
  XASO_ASSIGN_OR_RETURN(std::vector<CsvRecord> records, SplitCsv(csv));
  if (records.empty()) return MakeError(ErrorCode::kInvalidArgument, "missing CSV header");
  const CsvRecord& header = records.front();
  if (header.fields.size() != kCsvColumns.size()) {
    return LineError(header.line,
                     "header must have " + std::to_string(kCsvColumns.size()) + " columns");
  }
  for (size_t c = 0; c < kCsvColumns.size(); ++c) {
    if (header.fields[c] != kCsvColumns[c]) {
      return LineError(header.line, "column " + std::to_string(c + 1) + " must be '" +
                                        std::string(kCsvColumns[c]) + "'");
    }
  }
  std::vector<HolidayRule> rules;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    const std::vector<std::string>& f = rec.fields;
    if (f.size() != kCsvColumns.size()) {
      return LineError(rec.line, "expected " + std::to_string(kCsvColumns.size()) +
                                     " fields, got " + std::to_string(f.size()));
    }
    HolidayRule rule;
    rule.key = f[0];
    const std::optional<RuleKind> kind = ParseRuleKind(f[1]);
    if (!kind) return LineError(rec.line, "unknown kind '" + f[1] + "'");
    rule.kind = *kind;
    const std::optional<int> month = ParseInt(f[2]);
    const std::optional<int> day = ParseInt(f[3]);
    const std::optional<int> length = ParseInt(f[4]);
    const std::optional<int> before = ParseInt(f[5]);
    if (!month || !day || !length || !before) {
      return LineError(rec.line, "month, day, length_days and days_before must be integers");
    }
    rule.month = *month;
    rule.day = *day;
    rule.length_days = *length;
    rule.days_before = *before;
    const std::optional<Date> from = Date::ParseIso(f[6]);
    if (!from) return LineError(rec.line, "effective_from must be YYYY-MM-DD");
    rule.effective_from = *from;
    if (!f[7].empty()) {
      rule.effective_to = Date::ParseIso(f[7]);
      if (!rule.effective_to) return LineError(rec.line, "effective_to must be YYYY-MM-DD");
    }
    rule.name_vi = f[8];
    rule.name_en = f[9];
    rule.legal_basis = f[10];
    const std::optional<Confidence> confidence = ParseConfidenceTag(f[11]);
    if (!confidence) return LineError(rec.line, "confidence must be V, S, M or I");
    rule.confidence = *confidence;
    if (f[12] != "0" && f[12] != "1") {
      return LineError(rec.line, "compensate_on_rest_day must be 0 or 1");
    }
    rule.compensate_on_rest_day = f[12] == "1";
    if (Status valid = ValidateHolidayRule(rule); !valid.has_value()) {
      std::string message = valid.error().message;
      for (const FieldError& field : valid.error().fields) {
        message += "; " + field.field + " " + field.message;
      }
      return LineError(rec.line, message);
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace xaso::calendar
