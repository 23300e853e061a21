#include "domain/calendar/calendar_testing.h"

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include <gtest/gtest.h>

namespace xaso::calendar::testing {
namespace {

// Parses one SQL VALUES tuple line such as "  (1, NULL, 'it''s', 2)," into its literals; NULL
// becomes nullopt. Only what the migration uses: integers, 'strings' and NULL.
std::optional<std::vector<std::optional<std::string>>> ParseTuple(std::string_view line) {
  std::vector<std::optional<std::string>> values;
  size_t i = line.find('(');
  if (i == std::string_view::npos) return std::nullopt;
  ++i;
  for (;;) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) return std::nullopt;
    if (line[i] == '\'') {
      std::string s;
      ++i;
      for (;;) {
        if (i >= line.size()) return std::nullopt;
        if (line[i] == '\'') {
          if (i + 1 < line.size() && line[i + 1] == '\'') {
            s.push_back('\'');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        s.push_back(line[i++]);
      }
      values.emplace_back(std::move(s));
    } else {
      size_t end = i;
      while (end < line.size() && line[end] != ',' && line[end] != ')') ++end;
      std::string_view token = line.substr(i, end - i);
      while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
      if (token == "NULL") {
        values.emplace_back(std::nullopt);
      } else {
        values.emplace_back(std::string(token));
      }
      i = end;
    }
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) return std::nullopt;
    if (line[i] == ')') return values;
    if (line[i] != ',') return std::nullopt;
    ++i;
  }
}

// The tuples of the INSERT INTO `table` statement of the migration.
std::vector<std::vector<std::optional<std::string>>> SeedTuples(std::string_view table) {
  std::vector<std::vector<std::optional<std::string>>> tuples;
  std::istringstream in(ReadSourceFile("migrations/0002_calendar.sql"));
  const std::string start = "INSERT INTO " + std::string(table) + " ";
  bool inside = false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(start, 0) == 0) {
      inside = true;
      continue;
    }
    if (!inside || line.rfind("  (", 0) != 0) continue;
    auto tuple = ParseTuple(line);
    EXPECT_TRUE(tuple.has_value()) << "cannot parse: " << line;
    if (tuple) tuples.push_back(std::move(*tuple));
    if (!line.empty() && line.back() == ';') inside = false;
  }
  return tuples;
}

std::string CsvField(const std::optional<std::string>& value) {
  if (!value) return "";
  std::string out = "\"";
  for (char c : *value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace

std::string ReadSourceFile(std::string_view relative_path) {
  const char* root = std::getenv("XASO_SOURCE_DIR");
  if (root == nullptr) {
    ADD_FAILURE() << "XASO_SOURCE_DIR is not set (ctest sets it)";
    return "";
  }
  const std::string path = std::string(root) + "/" + std::string(relative_path);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<HolidayRule> SeedRules() {
  std::string csv =
      "key,kind,month,day,length_days,days_before,effective_from,effective_to,name_vi,name_en,"
      "legal_basis,confidence,compensate_on_rest_day\n";
  for (const auto& tuple : SeedTuples("holiday_rule")) {
    // Columns: id, commune_id, then the 13 CSV columns in the same order.
    EXPECT_EQ(tuple.size(), 15u);
    if (tuple.size() != 15) continue;
    for (size_t c = 2; c < tuple.size(); ++c) {
      if (c > 2) csv += ',';
      csv += CsvField(tuple[c]);
    }
    csv += '\n';
  }
  Result<std::vector<HolidayRule>> rules = ParseHolidayRulesCsv(csv);
  EXPECT_TRUE(rules.has_value()) << (rules.has_value() ? "" : rules.error().message);
  return rules.has_value() ? *rules : std::vector<HolidayRule>{};
}

std::vector<CalendarOverride> SeedOverrides() {
  std::vector<CalendarOverride> out;
  for (const auto& tuple : SeedTuples("calendar_override")) {
    // Columns: commune_id, day, kind, name_vi, legal_basis.
    EXPECT_EQ(tuple.size(), 5u);
    if (tuple.size() != 5 || !tuple[1] || !tuple[2] || !tuple[3] || !tuple[4]) continue;
    const std::optional<Date> day = Date::ParseIso(*tuple[1]);
    const std::optional<CalendarOverride::Kind> kind = ParseOverrideKind(*tuple[2]);
    EXPECT_TRUE(day && kind) << *tuple[1] << " " << *tuple[2];
    if (!day || !kind) continue;
    out.push_back({.date = *day, .kind = *kind, .name_vi = *tuple[3], .legal_basis = *tuple[4]});
  }
  return out;
}

LegalCalendar SeedCalendar() { return LegalCalendar(SeedRules(), SeedOverrides()); }

Date D(std::string_view iso) {
  const std::optional<Date> d = Date::ParseIso(iso);
  if (!d) {
    ADD_FAILURE() << "bad date literal " << iso;
    std::abort();
  }
  return *d;
}

}  // namespace xaso::calendar::testing
