#include "domain/survey/response_csv.h"

#include <array>
#include <cstdio>

#include "core/clock.h"
#include "core/csv.h"
#include "core/text.h"
#include "domain/survey/numbers.h"

namespace xaso::survey {
namespace {

constexpr std::array<std::string_view, 3> kFixedColumns = {"channel", "submitted_at", "weight"};
constexpr size_t kMaxErrors = 50;

// dd/mm/yyyy hh:mm in Vietnam time.
std::string FormatVnMinute(int64_t at) {
  const Date day = Clock::DayVn(at);
  const int64_t minute = Clock::SecondsIntoDayVn(at) / 60;
  std::array<char, 8> hm{};
  std::snprintf(hm.data(), hm.size(), "%02d:%02d", static_cast<int>(minute / 60),
                static_cast<int>(minute % 60));
  return day.ToVi() + " " + hm.data();
}

// "d/m/yyyy h:mm" as spreadsheets rewrite it, or a date alone (midnight); nullopt otherwise.
std::optional<int64_t> ParseVnMinute(std::string_view text) {
  int d = 0, m = 0, y = 0, hh = 0, mm = 0, used = 0;
  const std::string s(text);
  const int n = std::sscanf(s.c_str(), "%2d/%2d/%4d%n %2d:%2d%n", &d, &m, &y, &used, &hh, &mm,
                            &used);  // NOLINT(cert-err34-c): every field is range-checked below
  if ((n != 3 && n != 5) || static_cast<size_t>(used) != s.size()) return std::nullopt;
  if (y < 1970 || !Date::IsValid(y, m, d) || hh < 0 || hh > 23 || mm < 0 || mm > 59) {
    return std::nullopt;
  }
  return Clock::AtVn(Date::FromYmd(y, m, d), int64_t{hh} * 3600 + mm * 60);
}

std::string Cell(const Question& q, const std::vector<std::string>& values) {
  std::string joined;
  for (const std::string& v : values) {
    if (!joined.empty()) joined += '|';
    joined += v;
  }
  // Stored numbers are plain and must stay numeric ("-5", not the guarded "'-5").
  if (q.type == QuestionType::kScale || q.type == QuestionType::kNumber) return joined;
  return CsvEscape(joined);
}

// Undoes CsvEscape's guard against spreadsheet formulas, so a text answer reads back as written.
std::string_view Unguard(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' &&
      std::string_view("=+-@\t\r").find(cell[1]) != std::string_view::npos) {
    cell.remove_prefix(1);
  }
  return cell;
}

std::vector<std::string> CellValues(const Question& q, std::string_view cell) {
  if (q.type == QuestionType::kText) return {std::string(Unguard(cell))};
  if (q.type != QuestionType::kMultiple) return {std::string(cell)};
  std::vector<std::string> values;
  size_t start = 0;
  for (;;) {
    const size_t bar = cell.find('|', start);
    values.emplace_back(cell.substr(start, bar - start));
    if (bar == std::string_view::npos) return values;
    start = bar + 1;
  }
}

class Reader {
 public:
  Reader(const Survey& s, int64_t now) : s_(s), now_(now) {}

  Result<std::vector<Response>> Read(std::string_view csv) {
    auto table = ParseCsvWithHeader(csv, {});
    if (!table) return FromCsvError(table.error());
    CheckHeader(*table);
    if (!err_.fields.empty()) return Done();
    std::vector<Response> out;
    for (const CsvRow& row : table->rows) {
      if (auto r = ReadRow(*table, row)) out.push_back(*std::move(r));
    }
    if (!err_.fields.empty()) return Done();
    return out;
  }

 private:
  void Add(int line, std::string_view column, std::string message) {
    if (err_.fields.size() < kMaxErrors) {
      err_.fields.push_back(
          {"dòng " + std::to_string(line) + ", cột " + std::string(column), std::move(message)});
    }
  }

  Error Done() { return std::move(err_); }

  // ParseCsvWithHeader says "dòng N: …" in one message; the field carries the line.
  Error FromCsvError(const Error& e) {
    const size_t colon = e.message.find(": ");
    const std::string where = colon == std::string::npos ? "tệp" : e.message.substr(0, colon);
    const std::string what = colon == std::string::npos ? e.message : e.message.substr(colon + 2);
    err_.fields.push_back({where, what});
    return Done();
  }

  void CheckHeader(const CsvTable& t) {
    for (std::string_view column : kFixedColumns) {
      if (!t.ColumnIndex(column)) Add(1, column, "Thiếu cột này.");
    }
    for (const Question& q : s_.questions) {
      if (!t.ColumnIndex(q.key)) Add(1, q.key, "Thiếu cột của câu hỏi này.");
    }
    for (const std::string& column : t.header) {
      const bool fixed =
          std::find(kFixedColumns.begin(), kFixedColumns.end(), column) != kFixedColumns.end();
      const bool question = std::any_of(s_.questions.begin(), s_.questions.end(),
                                        [&column](const Question& q) { return q.key == column; });
      if (!fixed && !question) Add(1, column, "Khảo sát không có câu hỏi này.");
    }
  }

  std::optional<Response> ReadRow(const CsvTable& t, const CsvRow& row) {
    const size_t before = err_.fields.size();
    Response r;
    r.survey_id = s_.id;
    r.channel = Channel::kImport;
    r.submitted_at = now_;
    if (const auto cell = Trim(t.Field(row, "channel")); !cell.empty()) {
      if (const auto c = ChannelFromCode(cell)) {
        r.channel = *c;
      } else {
        Add(row.line, "channel", "Kênh phải là web, interview hoặc import.");
      }
    }
    if (const auto cell = Trim(t.Field(row, "submitted_at")); !cell.empty()) {
      if (const auto at = ParseVnMinute(cell)) {
        r.submitted_at = *at;
      } else {
        Add(row.line, "submitted_at", "Thời điểm phải có dạng dd/mm/yyyy hh:mm.");
      }
    }
    if (const auto cell = Trim(t.Field(row, "weight")); !cell.empty()) {
      const auto w = ParsePlain(cell);
      if (w && *w > 0) {
        r.weight = *w;
      } else {
        Add(row.line, "weight", "Trọng số phải là một số dương.");
      }
    }
    Answers raw;
    for (const Question& q : s_.questions) {
      const std::string_view cell = Trim(t.Field(row, q.key));
      if (!cell.empty()) raw.emplace(q.key, CellValues(q, cell));
    }
    auto answers = CheckAnswers(s_, raw);
    if (!answers) {
      for (const FieldError& f : answers.error().fields) {
        Add(row.line, std::string_view(f.field).substr(2), f.message);  // "q.<key>" → "<key>"
      }
      return std::nullopt;
    }
    r.answers = std::move(answers).value();
    if (err_.fields.size() != before) return std::nullopt;
    return r;
  }

  const Survey& s_;
  int64_t now_;
  Error err_{
      ErrorCode::kInvalidArgument, "Tệp phiếu khảo sát chưa hợp lệ, chưa nhập phiếu nào.", {}};
};

}  // namespace

std::string WriteResponsesCsv(const Survey& s, std::span<const Response> responses) {
  std::string out = "channel,submitted_at,weight";
  for (const Question& q : s.questions) out.append(",").append(q.key);
  out += "\n";
  static const std::vector<std::string> kNone;
  for (const Response& r : responses) {
    out += std::string(ChannelCode(r.channel)) + "," + FormatVnMinute(r.submitted_at) + "," +
           FormatPlain(r.weight);
    for (const Question& q : s.questions) {
      const auto it = r.answers.find(q.key);
      out.append(",").append(Cell(q, it == r.answers.end() ? kNone : it->second));
    }
    out += "\n";
  }
  return out;
}

Result<std::vector<Response>> ParseResponsesCsv(const Survey& s, std::string_view csv,
                                                int64_t now) {
  return Reader(s, now).Read(csv);
}

}  // namespace xaso::survey
