#include "domain/survey/presets.h"

#include <array>
#include <map>
#include <optional>
#include <utility>

#include "core/csv.h"
#include "core/embedded.h"
#include "core/field_check.h"
#include "core/text.h"
#include "domain/papi/cells.h"
#include "domain/papi/csv_problems.h"

namespace xaso::survey {
namespace {

using papi::CsvProblems;
using papi::Quoted;

constexpr std::string_view kIndexFile = "presets.csv";
constexpr std::array<std::string_view, 5> kIndexColumns = {"key", "title_vi", "title_en",
                                                           "description_vi", "file"};
// The other columns of a questionnaire file (data/surveys/README.md) are optional.
constexpr std::array<std::string_view, 4> kRequiredColumns = {"section", "key", "type", "text_vi"};
// A row that names a list of options for later rows (`@key`), not a question.
constexpr std::string_view kOptionsRow = "options";
// ValidateSurvey wants a title and a year; a preset has neither until SurveyFromPreset.
constexpr int kValidationYear = 2024;
constexpr size_t kMaxKeyChars = 40;

// [a-z0-9_]{1,40}: section keys, option values and list names.
bool IsPlainKey(std::string_view s) {
  if (s.empty() || s.size() > kMaxKeyChars) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Splits on `sep`, trimming each piece; a trailing separator adds no empty piece.
std::vector<std::string_view> SplitTrimmed(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    const size_t at = s.find(sep);
    out.push_back(Trim(s.substr(0, at)));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + 1);
  }
  if (out.size() > 1 && out.back().empty()) out.pop_back();
  return out;
}

// One questionnaire file being read: the table, the problems found so far and the named lists.
class PresetReader {
 public:
  explicit PresetReader(const CsvTable& table) : table_(table) {}

  // The trimmed cell, "" when the file has no such column.
  std::string_view Cell(const CsvRow& row, std::string_view column) const {
    const std::optional<size_t> index = table_.ColumnIndex(column);
    return index ? Trim(row.fields[*index]) : std::string_view();
  }

  void Problem(const CsvRow& row, std::string_view column, std::string message) {
    const std::optional<size_t> index = table_.ColumnIndex(column);
    problems_.Add(row.line, index.value_or(CsvProblems::kNoColumn), column, std::move(message));
  }

  void ReadOptionList(const CsvRow& row) {
    const std::string name(Cell(row, "key"));
    if (!IsPlainKey(name)) {
      Problem(row, "key",
              "tên danh sách lựa chọn " + Quoted(name) + " phải gồm 1–40 chữ a–z, số, _");
      return;
    }
    if (lists_.count(name) > 0) {
      Problem(row, "key", "danh sách lựa chọn " + Quoted(name) + " đã có ở trên");
      return;
    }
    if (std::optional<std::vector<Option>> options = ParseOptions(row)) {
      lists_.emplace(name, std::move(*options));
    }
  }

  void ReadQuestion(const CsvRow& row, QuestionType type, Preset& out) {
    Question q;
    q.type = type;
    q.key = Cell(row, "key");
    if (auto [it, added] = question_lines_.emplace(q.key, row.line); !added) {
      Problem(row, "key",
              "câu hỏi " + Quoted(q.key) + " đã có ở dòng " + std::to_string(it->second));
    }
    ReadSection(row, out);
    q.section = Cell(row, "section");
    q.text_vi = Cell(row, "text_vi");
    if (q.text_vi.empty()) Problem(row, "text_vi", "thiếu nội dung câu hỏi");
    q.text_en = Cell(row, "text_en");
    q.help_vi = Cell(row, "help_vi");
    const std::string_view required = Cell(row, "required");
    if (required == "yes") {
      q.required = true;
    } else if (!required.empty() && required != "no") {
      Problem(row, "required", "phải là yes, no hoặc để trống, không phải " + Quoted(required));
    }
    const bool choice = type == QuestionType::kSingle || type == QuestionType::kMultiple;
    const bool bounded = type == QuestionType::kScale || type == QuestionType::kNumber;
    if (choice) {
      q.options = ChoiceOptions(row);
    } else if (!Cell(row, "options").empty()) {
      Problem(row, "options", "chỉ câu hỏi single hoặc multiple có lựa chọn");
    }
    for (std::string_view column : {"min", "max"}) {
      const std::string_view text = Cell(row, column);
      if (!bounded) {
        if (!text.empty()) Problem(row, column, "chỉ câu hỏi scale hoặc number có giới hạn");
        continue;
      }
      const std::optional<double> value = papi::ParseFinite(text);
      if (!value) {
        Problem(row, column, text.empty() ? "thiếu giới hạn" : Quoted(text) + " không phải là số");
        continue;
      }
      (column == "min" ? q.min : q.max) = *value;
    }
    for (std::string_view column : {"min_label", "max_label"}) {
      const std::string_view text = Cell(row, column);
      if (type != QuestionType::kScale && !text.empty()) {
        Problem(row, column, "chỉ câu hỏi scale có nhãn hai đầu");
      }
      (column == "min_label" ? q.min_label : q.max_label) = text;
    }
    q.show_if = ReadCondition(row);
    q.indicator = Cell(row, "indicator");
    out.questions.push_back(std::move(q));
  }

  // The line of question `key`, or 0 when there is none.
  int LineOf(const std::string& key) const {
    auto it = question_lines_.find(key);
    return it == question_lines_.end() ? 0 : it->second;
  }

  CsvProblems& problems() { return problems_; }

 private:
  // Sections come in one run of rows each; the first row of a section names it.
  void ReadSection(const CsvRow& row, Preset& out) {
    const std::string key(Cell(row, "section"));
    const std::string_view title_vi = Cell(row, "section_title_vi");
    const std::string_view title_en = Cell(row, "section_title_en");
    if (!IsPlainKey(key)) {
      Problem(row, "section", "mã phần " + Quoted(key) + " phải gồm 1–40 chữ a–z, số, _");
      return;
    }
    auto [it, added] = section_lines_.emplace(key, row.line);
    if (added) {
      if (title_vi.empty()) Problem(row, "section_title_vi", "dòng đầu của phần thiếu tên phần");
      out.sections.push_back({key, std::string(title_vi), std::string(title_en)});
      last_section_ = key;
      return;
    }
    if (key != last_section_) {
      Problem(row, "section",
              "phần " + Quoted(key) + " bắt đầu ở dòng " + std::to_string(it->second) +
                  " nhưng bị phần khác xen giữa; các câu của một phần phải liền nhau");
      return;
    }
    const Section& s = out.sections.back();
    if ((!title_vi.empty() && title_vi != s.title_vi) ||
        (!title_en.empty() && title_en != s.title_en)) {
      Problem(row, title_vi.empty() ? "section_title_en" : "section_title_vi",
              "tên phần khác với dòng " + std::to_string(it->second) + "; hãy để trống");
    }
  }

  std::vector<Option> ChoiceOptions(const CsvRow& row) {
    const std::string_view text = Cell(row, "options");
    if (text.empty()) {
      Problem(row, "options", "câu hỏi single hoặc multiple cần có lựa chọn");
      return {};
    }
    if (text.front() == '@') {
      auto it = lists_.find(text.substr(1));
      if (it == lists_.end()) {
        Problem(row, "options",
                "chưa có danh sách lựa chọn " + Quoted(text.substr(1)) + " ở các dòng trên");
        return {};
      }
      return it->second;
    }
    return ParseOptions(row).value_or(std::vector<Option>());
  }

  // `value=nhãn|label|score; …`; nullopt after reporting a problem.
  std::optional<std::vector<Option>> ParseOptions(const CsvRow& row) {
    std::vector<Option> options;
    const std::vector<std::string_view> items = SplitTrimmed(Cell(row, "options"), ';');
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string where = "lựa chọn " + std::to_string(i + 1) + " " + Quoted(items[i]);
      const size_t eq = items[i].find('=');
      Option o;
      o.value = Trim(items[i].substr(0, eq));
      if (eq == std::string_view::npos || !IsPlainKey(o.value)) {
        Problem(row, "options",
                where + ": cần dạng giá_trị=nhãn|label|điểm, giá trị gồm a–z, số, _");
        return std::nullopt;
      }
      const std::vector<std::string_view> parts = SplitTrimmed(items[i].substr(eq + 1), '|');
      if (parts.size() > 3) {
        Problem(row, "options", where + ": quá nhiều dấu |");
        return std::nullopt;
      }
      o.label_vi = parts[0];
      if (o.label_vi.empty()) {
        Problem(row, "options", where + ": thiếu nhãn tiếng Việt");
        return std::nullopt;
      }
      if (parts.size() > 1) o.label_en = parts[1];
      if (parts.size() > 2 && !parts[2].empty()) {
        o.score = papi::ParseFinite(parts[2]);
        if (!o.score) {
          Problem(row, "options", where + ": điểm " + Quoted(parts[2]) + " không phải là số");
          return std::nullopt;
        }
      }
      options.push_back(std::move(o));
    }
    return options;
  }

  // `question=value;value`; an empty cell: always shown.
  Condition ReadCondition(const CsvRow& row) {
    const std::string_view text = Cell(row, "show_if");
    Condition c;
    if (text.empty()) return c;
    const size_t eq = text.find('=');
    if (eq != std::string_view::npos) {
      c.question = Trim(text.substr(0, eq));
      for (std::string_view v : SplitTrimmed(text.substr(eq + 1), ';')) c.any_of.emplace_back(v);
    }
    if (c.question.empty() || c.any_of.empty() || c.any_of.front().empty()) {
      Problem(row, "show_if", "cần dạng câu_hỏi=giá_trị;giá_trị, không phải " + Quoted(text));
      return {};
    }
    return c;
  }

  const CsvTable& table_;
  CsvProblems problems_;
  std::map<std::string, std::vector<Option>, std::less<>> lists_;
  std::map<std::string, int, std::less<>> question_lines_;
  std::map<std::string, int, std::less<>> section_lines_;
  std::string last_section_;
};

// ValidateSurvey's field errors ("q.<key>") as problems on the question's line.
Error ValidationProblems(Error err, const PresetReader& reader) {
  CsvProblems problems;
  std::vector<FieldError> elsewhere;
  for (FieldError& f : err.fields) {
    const int line = f.field.rfind("q.", 0) == 0 ? reader.LineOf(f.field.substr(2)) : 0;
    if (line > 0) {
      problems.Add(line, CsvProblems::kNoColumn, "", std::move(f.message));
    } else {
      elsewhere.push_back(std::move(f));
    }
  }
  if (problems.empty() && elsewhere.empty()) return err;
  Error out = std::move(problems).ToError();
  for (FieldError& f : elsewhere) out.fields.push_back(std::move(f));
  return out;
}

std::string_view EmbeddedPreset(std::string_view path) {
  for (const EmbeddedFile& f : EmbeddedSurveyPresets()) {
    if (f.path == path) return f.data;
  }
  return {};
}

std::vector<Preset> LoadShippedPresets() {
  Result<CsvTable> index = ParseCsvWithHeader(EmbeddedPreset(kIndexFile), kIndexColumns);
  XASO_CHECK(index.has_value());
  std::vector<Preset> presets;
  for (const CsvRow& row : index->rows) {
    const std::string& key = index->Field(row, "key");
    const std::string_view csv = EmbeddedPreset(index->Field(row, "file"));
    XASO_CHECK(!csv.empty());
    Result<Preset> parsed = ParsePresetCsv(key, csv);
    XASO_CHECK(parsed.has_value());
    XASO_CHECK(CheckIndicators(SurveyFromPreset(*parsed, 0, kValidationYear),
                               papi::IndicatorCatalogue::Default())
                   .has_value());
    parsed->title_vi = index->Field(row, "title_vi");
    parsed->title_en = index->Field(row, "title_en");
    parsed->description_vi = index->Field(row, "description_vi");
    presets.push_back(std::move(parsed).value());
  }
  return presets;
}

}  // namespace

Result<Preset> ParsePresetCsv(std::string_view key, std::string_view csv) {
  XASO_ASSIGN_OR_RETURN(CsvTable table, ParseCsvWithHeader(csv, kRequiredColumns));
  PresetReader reader(table);
  Preset preset;
  preset.key = key;
  for (const CsvRow& row : table.rows) {
    const std::string_view type = reader.Cell(row, "type");
    if (type == kOptionsRow) {
      reader.ReadOptionList(row);
    } else if (std::optional<QuestionType> t = QuestionTypeFromCode(type)) {
      reader.ReadQuestion(row, *t, preset);
    } else {
      reader.Problem(row, "type",
                     "loại " + Quoted(type) +
                         " không có; dùng single, multiple, scale, number, text hoặc options");
    }
  }
  if (preset.questions.empty() && reader.problems().empty()) {
    reader.problems().Add(1, CsvProblems::kNoColumn, "", "tệp không có câu hỏi nào");
  }
  if (!reader.problems().empty()) return std::move(reader.problems()).ToError();

  Survey check = SurveyFromPreset(preset, 0, kValidationYear);
  if (check.title.empty()) check.title = "preset";
  if (Status valid = ValidateSurvey(check); !valid.has_value()) {
    return ValidationProblems(std::move(valid).error(), reader);
  }
  return preset;
}

const std::vector<Preset>& Presets() {
  static const std::vector<Preset> kPresets = LoadShippedPresets();
  return kPresets;
}

const Preset* FindPreset(std::string_view key) {
  for (const Preset& p : Presets()) {
    if (p.key == key) return &p;
  }
  return nullptr;
}

Survey SurveyFromPreset(const Preset& p, int64_t commune_id, int year) {
  Survey s;
  s.commune_id = commune_id;
  s.title = p.title_vi;
  s.description = p.description_vi;
  s.preset = p.key;
  s.year = year;
  s.status = SurveyStatus::kDraft;
  s.sections = p.sections;
  s.questions = p.questions;
  return s;
}

Status CheckIndicators(const Survey& s, const papi::IndicatorCatalogue& indicators) {
  Error err{ErrorCode::kInvalidArgument, "Có câu hỏi gắn với chỉ tiêu PAPI không dùng được.", {}};
  for (const Question& q : s.questions) {
    if (q.indicator.empty()) continue;
    const std::string field = "q." + q.key;
    const std::optional<size_t> index = indicators.IndexOf(q.indicator);
    if (!index) {
      err.fields.push_back({field, "không có chỉ tiêu PAPI " + Quoted(q.indicator)});
      continue;
    }
    const papi::Indicator& ind = indicators.indicators()[*index];
    const std::string bounds = "khoảng [" + papi::FormatNumber(ind.lower) + ", " +
                               papi::FormatNumber(ind.upper) + "] của chỉ tiêu " + ind.code;
    auto inside = [&](double v) { return v >= ind.lower && v <= ind.upper; };
    switch (q.type) {
      case QuestionType::kSingle: {
        bool scored = false;
        for (const Option& o : q.options) {
          if (!o.score) continue;
          scored = true;
          if (!inside(*o.score)) {
            err.fields.push_back({field, "lựa chọn " + Quoted(o.value) + " có điểm " +
                                             papi::FormatNumber(*o.score) + ", ngoài " + bounds});
            break;
          }
        }
        if (!scored) {
          err.fields.push_back(
              {field,
               "không lựa chọn nào có điểm nên câu hỏi không cho giá trị chỉ tiêu " + ind.code});
        }
        break;
      }
      case QuestionType::kMultiple:
        // RespondentsFromResponses leaves a multiple-choice answer unanswered: one respondent
        // has one value per indicator.
        err.fields.push_back({field, "câu hỏi nhiều lựa chọn không cho được giá trị chỉ tiêu " +
                                         ind.code + "; hãy dùng câu hỏi một lựa chọn"});
        break;
      case QuestionType::kScale:
      case QuestionType::kNumber:
        if (!inside(q.min) || !inside(q.max)) {
          err.fields.push_back({field, "giới hạn [" + papi::FormatNumber(q.min) + ", " +
                                           papi::FormatNumber(q.max) + "] vượt ra ngoài " +
                                           bounds});
        }
        break;
      case QuestionType::kText:
        err.fields.push_back({field, "câu hỏi tự luận không gắn được với chỉ tiêu"});
        break;
    }
  }
  return FieldErrorsOrOk(std::move(err));
}

}  // namespace xaso::survey
